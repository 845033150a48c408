"""Forms of communities: posts are sanitised, uploads validated by content, not by name."""

import nh3
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext_lazy as _

from community_pages.models import Announcement, CommunityEvent, CommunityFile, Thread
from community_pages.uploads import (
    DEFAULT_MAX_UPLOAD_BYTES,
    AttachmentsField,
    upload_help_text,
    validate_upload,
)
from portal.access import can_view_page
from portal.datetimes import wall_clock_to_utc
from portal.reader_urls import page_at
from portal.time_zones import TimeZoneField

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code"}
# The default limit (the setting COMMUNITY_MAX_UPLOAD_BYTES decides at each upload).
MAX_UPLOAD_BYTES = DEFAULT_MAX_UPLOAD_BYTES


def sanitise(text):
    """Members' text: plain text becomes paragraphs; a few safe tags are kept, scripts never."""
    text = (text or "").strip()
    if "<" not in text:
        text = linebreaks(escape(text))
    return nh3.clean(text, tags=ALLOWED_TAGS, link_rel="nofollow noopener noreferrer")


class SanitisedTextMixin:
    """Sanitises the form's ``sanitised_fields`` (:func:`sanitise`) and refuses text left
    empty."""

    sanitised_fields = ()

    def clean(self):
        """Sanitises each of ``sanitised_fields``; one without any text left is an error."""
        data = super().clean()
        for name in self.sanitised_fields:
            if data.get(name):
                data[name] = sanitise(data[name])
                if not nh3.clean(data[name], tags=set()).strip():
                    self.add_error(name, _("Please write some text."))
        return data


class RequestForm(forms.Form):
    """A request to join: an optional message to the administrators."""

    message = forms.CharField(
        label=_("Message to the administrators (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    """An administrator's decision on a request: an optional reason sent to the applicant."""

    reason = forms.CharField(
        label=_("Reason (optional, sent to the applicant)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReportForm(forms.Form):
    """Why a member reports a post to the community's administrators."""

    reason = forms.CharField(
        label=_("What is wrong with this post?"),
        help_text=_("A few words for the administrators; only they see it."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InviteForm(forms.Form):
    """The email address of the person to invite."""

    email = forms.EmailField(label=_("Email address of the person to invite"))


class AttachmentsMixin:
    """An optional ``attachments`` field; ``cleaned_data["attachments"]``: (file, type) pairs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"] = AttachmentsField(
            label=_("Attachments (optional)"), help_text=upload_help_text()
        )


class ThreadEditForm(SanitisedTextMixin, forms.ModelForm):
    """A discussion's title and (sanitised) body."""

    sanitised_fields = ("body",)

    class Meta:
        model = Thread
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}


class ThreadForm(AttachmentsMixin, ThreadEditForm):
    """A new discussion, with optional attachments."""


class CommentEditForm(SanitisedTextMixin, forms.Form):
    """A comment's (sanitised) body and the comment it answers, if any."""

    sanitised_fields = ("body",)
    body = forms.CharField(
        label=_("Your comment"), max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CommentForm(AttachmentsMixin, CommentEditForm):
    """A new comment or reply, with optional attachments."""


class AnnouncementForm(SanitisedTextMixin, forms.ModelForm):
    """An announcement's title, (sanitised) body and, optionally, the address of its public
    counterpart: a page of the portal anyone may read (a news article, say), checked here."""

    sanitised_fields = ("body",)
    public_address = forms.CharField(
        label=_("Public version (optional)"),
        required=False,
        max_length=500,
        help_text=_(
            "The address of a page of the portal anyone can read that says the same, for "
            "example a news article: members can pass it on."
        ),
    )

    class Meta:
        model = Announcement
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}

    def clean_public_address(self):
        """The page the address names (or ``None``): live and readable by anyone."""
        address = self.cleaned_data["public_address"].strip()
        if not address:
            return None
        page = page_at(address)
        if page is None or not can_view_page(AnonymousUser(), page):
            raise ValidationError(
                _("This is not the address of a page of the portal that anyone can read."),
                code="not_public",
            )
        return page


class FileForm(forms.ModelForm):
    """A members-only file: its upload checked by content, its name, size and type recorded."""

    class Meta:
        model = CommunityFile
        fields = ["title", "category", "description", "file"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = upload_help_text()

    def clean_file(self):
        """Checks the upload (:func:`validate_upload`) and keeps its detected content type."""
        upload = self.cleaned_data["file"]
        self.detected_content_type = validate_upload(upload)
        return upload

    def save(self, commit=True):
        """Records the upload's original name, size and detected content type."""
        instance = super().save(commit=False)
        instance.original_name = self.cleaned_data["file"].name[:255]
        instance.size = self.cleaned_data["file"].size
        instance.content_type = self.detected_content_type
        if commit:
            instance.save()
        return instance


class EventForm(forms.ModelForm):
    """Times are entered in the event's own time zone and stored in UTC; a date outside the
    portal's years or a time the clocks skip that day is refused with a message."""

    start = forms.DateTimeField(
        label=_("Starts (in the event's time zone)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    end = forms.DateTimeField(
        label=_("Ends (in the event's time zone)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    time_zone = TimeZoneField(label=_("Time zone"))

    class Meta:
        model = CommunityEvent
        fields = [
            "title",
            "description",
            "start",
            "end",
            "time_zone",
            "online",
            "location",
            "online_url",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        """Converts start and end from the event's zone to UTC, requires the end after the start,
        and strips tags from the description."""
        data = super().clean()
        zone = data.get("time_zone")
        if zone and data.get("start") and data.get("end"):
            for name in ("start", "end"):
                try:
                    data[name] = wall_clock_to_utc(data[name].replace(tzinfo=None), zone)
                except ValidationError as error:
                    self.add_error(name, error)
            if data.get("start") and data.get("end") and data["end"] <= data["start"]:
                self.add_error("end", _("The event must end after it starts."))
        if data.get("description"):
            data["description"] = nh3.clean(data["description"], tags=set())
        return data


class WorkingGroupForm(forms.Form):
    """A new working group: its name and description."""

    name = forms.CharField(label=_("Name of the working group"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ResourcePageForm(SanitisedTextMixin, forms.Form):
    """A community page written by a community administrator on the front end."""

    sanitised_fields = ("text",)
    title = forms.CharField(label=_("Title of the page"), max_length=200)
    topic = forms.CharField(
        label=_("Topic (pages with the same topic are grouped)"), max_length=120, required=False
    )
    text = forms.CharField(
        label=_("Text"), max_length=50000, widget=forms.Textarea(attrs={"rows": 8})
    )


class ThreadRepliesForm(forms.ModelForm):
    """How a discussion's author hears of replies there."""

    class Meta:
        model = Thread
        fields = ["author_replies"]
        labels = {"author_replies": _("Replies to this discussion")}
