"""Content inclusion: members propose publications; editors review them in Wagtail.

A submission becomes a draft publication page under the library of the member's language,
owned by the member and started on the page's moderation workflow. Editors correct the
classification and publish or reject it in the admin; the member is told the outcome by
email (``NotificationKind.LIBRARY``).
"""

import logging
from pathlib import Path

from django import forms
from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import TaskState

from library.models import (
    DocumentLanguage,
    DocumentType,
    Organisation,
    PublicationFile,
    PublicationPage,
)
from library.pdfs import looks_like_pdf
from portal.forms import TermMultipleChoiceField
from portal.models import Country, Theme
from portal.models.members import NotificationKind
from portal.notifications import notify
from portal.slugs import page_slug
from portal.terms import offer_source_terms

logger = logging.getLogger(__name__)

ALLOWED_EXTENSIONS = ("pdf", "doc", "docx", "odt")
# What each extension must start with (a renamed executable or image is refused).
SIGNATURES = {
    "doc": (b"\xd0\xcf\x11\xe0",),
    "docx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
}


def max_upload_bytes():
    """The largest file a member may upload (``LIBRARY_MAX_UPLOAD_BYTES``)."""
    return settings.LIBRARY_MAX_UPLOAD_BYTES


class SubmissionForm(forms.Form):
    """What a member tells us about a publication; editors complete the classification."""

    title = forms.CharField(label=_("Title"), max_length=255)
    abstract = forms.CharField(
        label=_("Abstract"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )
    authors = forms.CharField(
        label=_("Authors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One author per line, written 'Family name, Given names'."),
        max_length=2000,
    )
    year = forms.IntegerField(label=_("Year of publication"), min_value=1900, max_value=2100)
    document_type = forms.ModelChoiceField(
        label=_("Document type"), queryset=DocumentType.objects.none(), required=False
    )
    languages = TermMultipleChoiceField(
        label=_("Languages of the document"),
        queryset=DocumentLanguage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = TermMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    countries = TermMultipleChoiceField(
        label=_("Countries"),
        queryset=Country.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    organisations = TermMultipleChoiceField(
        label=_("Organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=500,
        help_text=_("Separated by commas."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word or OpenDocument file."),
    )
    external_url = forms.URLField(
        label=_("Link to the publication"),
        required=False,
        assume_scheme="https",
        help_text=_("If the publication is online elsewhere."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model in (
            ("document_type", DocumentType),
            ("languages", DocumentLanguage),
            ("themes", Theme),
            ("countries", Country),
            ("organisations", Organisation),
        ):
            offer_source_terms(self.fields[name], model)
        self.fields["file"].help_text = _("PDF, Word or OpenDocument file, at most %(size)s.") % {
            "size": filesizeformat(max_upload_bytes())
        }

    def clean_file(self):
        """Accepts PDF, Word and OpenDocument files within the size limit, not empty, whose
        content matches their extension."""
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        extension = Path(upload.name).suffix.lower().lstrip(".")
        if extension not in ALLOWED_EXTENSIONS:
            raise forms.ValidationError(
                _("This type of file is not accepted. Upload a PDF, Word or OpenDocument file.")
            )
        if upload.size > max_upload_bytes():
            raise forms.ValidationError(
                _("The file is too large (%(size)s); the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_upload_bytes())}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        if extension == "pdf":
            if not looks_like_pdf(upload):
                raise forms.ValidationError(
                    _("This file is not a valid PDF document. Check that it opens, then try again.")
                )
        else:
            upload.seek(0)
            head = upload.read(8)
            upload.seek(0)
            if not head.startswith(SIGNATURES[extension]):
                raise forms.ValidationError(
                    _("The content of this file does not match its extension.")
                )
        return upload

    def clean(self):
        """Requires a file or a link."""
        cleaned = super().clean()
        if not self.errors and not cleaned.get("file") and not cleaned.get("external_url"):
            raise forms.ValidationError(_("Upload a file or give a link to the publication."))
        return cleaned


def submit_publication(data, user, index_page):
    """Create the draft publication and start its moderation workflow, all or nothing."""
    Document = get_document_model()
    stored_file = None
    try:
        with transaction.atomic():
            page = PublicationPage(
                title=data["title"],
                slug=page_slug(index_page, data["title"], "publication"),
                abstract=data["abstract"],
                authors=data.get("authors") or "",
                year=data["year"],
                document_type=data.get("document_type"),
                external_url=data.get("external_url") or "",
                live=False,
                owner=user,
                submitted_by=user,
            )
            page.languages = list(data.get("languages") or [])
            page.themes = list(data.get("themes") or [])
            page.countries = list(data.get("countries") or [])
            page.organisations = list(data.get("organisations") or [])
            upload = data.get("file")
            if upload:
                document = Document(title=data["title"][:255], uploaded_by_user=user)
                document.file.save(upload.name, upload, save=False)
                stored_file = document.file
                document.save()
                page.files = [PublicationFile(document=document, sort_order=0)]
            keywords = [k.strip() for k in (data.get("keywords") or "").split(",") if k.strip()]
            if keywords:
                page.keywords.set(keywords)
            index_page.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=True)
            workflow = page.get_workflow()
            if workflow is not None:
                workflow.start(page, user)
            else:
                revision.submitted_for_moderation = True
    except Exception:
        if stored_file is not None:
            stored_file.storage.delete(stored_file.name)
        raise
    return page


def decision_comment(page, accepted):
    """The comment the editor left with their last decision on ``page`` in its moderation
    workflow (Wagtail keeps it on the task state), or ""."""
    status = TaskState.STATUS_APPROVED if accepted else TaskState.STATUS_REJECTED
    state = (
        TaskState.objects.for_instance(page)
        .filter(status=status)
        .order_by("-finished_at", "-pk")
        .first()
    )
    return state.specific.get_comment() if state is not None else ""


def notify_submitter(page, accepted, comment=None):
    """Email the member who submitted ``page`` once it is published, or if it is rejected,
    with the editor's comment (``comment``, else the one left on the workflow's task)."""

    user = page.submitted_by
    if user is None or page.submitter_notified:
        return None
    try:
        if comment is None:
            comment = decision_comment(page, accepted)
        context = {"page": page, "comment": comment}
        if accepted:
            result = notify(
                user,
                NotificationKind.LIBRARY,
                "library/emails/submission_published",
                context,
                page=page,
            )
            PublicationPage.objects.filter(pk=page.pk).update(submitter_notified=True)
        else:
            result = notify(
                user, NotificationKind.LIBRARY, "library/emails/submission_rejected", context
            )
    except Exception:  # noqa: BLE001 - the editor's decision stands even if mail fails
        logger.exception("Could not tell the submitter of publication %s.", page.pk)
        return None
    return result
