"""The exports staff run from the admin: a registry of named exports, each with its label,
the permission it needs, a filter form, a header and its rows.

To add one, build an ``Export`` and pass it to ``register_export`` (as the five below do): the
admin page, the download URL (``/admin/exports/<name>/?<filters>&format=csv|xlsx``), the
permission check and the export log then serve it with nothing else to change. Its permission
is one of ``ExportRecord.Meta.permissions`` (add one there, with a migration, for a new kind
of data). ``rows(cleaned_data)`` must be a generator over ``QuerySet.iterator(chunk_size=
CHUNK_SIZE)`` with its relations selected or prefetched: exports are streamed, and a large one
must keep memory flat and run a fixed number of queries per chunk.

What the members export holds (consent-aware): only what staff need to run the platform and
already see in the admin — name, username, email, whether the account is active, when it
joined and last logged in, the organisation, country, areas of expertise and language the
member gave, whether they chose to be listed in the member directory (so whoever uses the
file knows who did not), and the communities they belong to. Never the short biography or
the photo (written for other members, not for lists), passwords, notification settings or
what a member follows.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Exists, F, OuterRef, Prefetch, Subquery
from django.utils.translation import gettext_lazy as _

from community_pages.models import (
    AttachmentDownload,
    CommunityFileDownload,
    CommunityPage,
    Membership,
)
from library.models import DocumentType, DownloadCount, PublicationPage
from portal.access import is_staff
from portal.models import Country, DocumentDownload, PageView, Theme
from webinars.models import Attendance, Registration, WebinarPage, WebinarSeriesPage

# Rows read from the database at a time: each chunk costs the same few queries.
CHUNK_SIZE = 1000
# Names the export URLs use for themselves.
RESERVED_NAMES = {"log"}


@dataclass(frozen=True)
class Export:
    """One export: ``name`` (its slug in URLs and in the log), ``label`` and ``description``
    (translatable), ``permission`` (``app_label.codename``), ``form_class`` (its filters),
    ``header`` (the column headings) and ``rows`` (a function of the form's cleaned data
    returning an iterator of rows, each a list of values in the header's order)."""

    name: str
    label: Any
    description: Any
    permission: str
    form_class: type[forms.Form]
    header: tuple
    rows: Any

    def filename(self, file_format):
        """The file's name: the export's name, today's date and the format's extension."""
        return f"{self.name}-{dt.date.today():%Y-%m-%d}.{file_format}"


_registry = {}


def register_export(export):
    """Add ``export`` to the registry (names are unique); returns it."""
    if export.name in _registry or export.name in RESERVED_NAMES:
        raise ValueError(f"an export named {export.name!r} exists")
    _registry[export.name] = export
    return export


def get_export(name):
    """The export called ``name``, else None."""
    return _registry.get(name)


def registered_exports():
    """Every registered export, in the order they were registered."""
    return list(_registry.values())


def can_run(user, export):
    """May ``user`` run ``export``: active staff holding its permission (superusers hold
    every permission)."""
    return is_staff(user) and user.has_perm(export.permission)


def exports_for(user):
    """The exports ``user`` may run, in the order they were registered."""
    return [export for export in registered_exports() if can_run(user, export)]


def first_translations(model):
    """The first page of each translation group of ``model`` (communities' memberships, for
    instance, point at that one)."""
    first = model.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    return model.objects.filter(pk=Subquery(first.values("pk")[:1])).order_by("title")


def source_terms(model):
    """The terms of ``model`` in the default language (classifications point at them)."""
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("name")


class DateRangeForm(forms.Form):
    """Filters with a "from" and "to" day; the second may not come before the first."""

    range_fields = ("joined_from", "joined_to")

    def clean(self):
        """Refuses a range that ends before it starts."""
        cleaned = super().clean()
        start, end = (cleaned.get(name) for name in self.range_fields)
        if start is not None and end is not None and end < start:
            raise ValidationError(_("The end of the range comes before its start."))
        return cleaned


# --- Members ---------------------------------------------------------------------------------


class MembersFilterForm(DateRangeForm):
    """Members who joined between two days, from one country, in one community."""

    joined_from = forms.DateField(label=_("Joined from"), required=False)
    joined_to = forms.DateField(label=_("Joined until"), required=False)
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=source_terms(Country), required=False
    )
    community = forms.ModelChoiceField(
        label=_("Active member of the community"),
        queryset=first_translations(CommunityPage),
        required=False,
    )


def member_rows(cleaned):
    """One row per account: its profile fields and the communities it is an active member of."""
    users = get_user_model().objects.order_by("pk")
    if cleaned.get("joined_from"):
        users = users.filter(date_joined__date__gte=cleaned["joined_from"])
    if cleaned.get("joined_to"):
        users = users.filter(date_joined__date__lte=cleaned["joined_to"])
    if cleaned.get("country"):
        users = users.filter(profile__country__translation_key=cleaned["country"].translation_key)
    if cleaned.get("community"):
        users = users.filter(
            community_memberships__community__translation_key=cleaned["community"].translation_key,
            community_memberships__status=Membership.Status.ACTIVE,
        )
    users = users.select_related("profile__country").prefetch_related(
        "profile__expertise",
        # The communities' titles only: a community is a page, heavy to build per row.
        Prefetch(
            "community_memberships",
            queryset=Membership.objects.filter(status=Membership.Status.ACTIVE)
            .annotate(community_title=F("community__title"))
            .only("pk", "user_id")
            .order_by("community__title"),
        ),
    )
    for user in users.iterator(chunk_size=CHUNK_SIZE):
        profile = getattr(user, "profile", None)
        yield [
            user.pk,
            user.username,
            user.first_name,
            user.last_name,
            user.email,
            user.is_active,
            user.date_joined,
            user.last_login,
            profile.organisation if profile else "",
            profile.country.name if profile and profile.country else "",
            [theme.name for theme in profile.expertise.all()] if profile else [],
            profile.preferred_language if profile else "",
            profile.show_in_directory if profile else False,
            [m.community_title for m in user.community_memberships.all()],
        ]


MEMBERS = register_export(
    Export(
        name="members",
        label=_("Members"),
        description=_(
            "Every member account with the profile details staff may see (no biography or "
            "photo) and the communities it belongs to."
        ),
        permission="insights.export_members",
        form_class=MembersFilterForm,
        header=(
            _("ID"),
            _("Username"),
            _("First name"),
            _("Last name"),
            _("Email"),
            _("Active"),
            _("Joined"),
            _("Last login"),
            _("Organisation"),
            _("Country"),
            _("Areas of expertise"),
            _("Preferred language"),
            _("Listed in the member directory"),
            _("Communities"),
        ),
        rows=member_rows,
    )
)


# --- Community memberships ------------------------------------------------------------------


class MembershipsFilterForm(forms.Form):
    """Memberships of one community, in one status, with one role."""

    community = forms.ModelChoiceField(
        label=_("Community"), queryset=first_translations(CommunityPage), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *Membership.Status.choices],
        required=False,
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("Any role")), *Membership.Role.choices], required=False
    )


def membership_rows(cleaned):
    """One row per membership, request or invitation."""
    memberships = Membership.objects.order_by("community_id", "created_at", "pk")
    if cleaned.get("community"):
        memberships = memberships.filter(
            community__translation_key=cleaned["community"].translation_key
        )
    if cleaned.get("status"):
        memberships = memberships.filter(status=cleaned["status"])
    if cleaned.get("role"):
        memberships = memberships.filter(role=cleaned["role"])
    memberships = memberships.select_related("community", "user", "decided_by")
    for membership in memberships.iterator(chunk_size=CHUNK_SIZE):
        user = membership.user
        yield [
            membership.community.title,
            user.get_full_name(),
            user.username,
            user.email,
            membership.get_role_display(),
            membership.get_status_display(),
            membership.created_at,
            membership.decided_at,
            membership.decided_by.get_username() if membership.decided_by else "",
        ]


MEMBERSHIPS = register_export(
    Export(
        name="memberships",
        label=_("Community memberships"),
        description=_(
            "Members, requests and invitations of the communities, with their role, status "
            "and dates."
        ),
        permission="insights.export_members",
        form_class=MembershipsFilterForm,
        header=(
            _("Community"),
            _("Name"),
            _("Username"),
            _("Email"),
            _("Role"),
            _("Status"),
            _("Requested or joined"),
            _("Decided"),
            _("Decided by"),
        ),
        rows=membership_rows,
    )
)


# --- Webinar registrations and attendance ---------------------------------------------------


class RegistrationsFilterForm(forms.Form):
    """Registrations for the sessions of one series or for one session, attended or not."""

    ATTENDED_CHOICES = [("", _("Everyone")), ("yes", _("Attended")), ("no", _("Did not attend"))]

    series = forms.ModelChoiceField(
        label=_("Series"), queryset=first_translations(WebinarSeriesPage), required=False
    )
    webinar = forms.ModelChoiceField(
        label=_("Session"), queryset=first_translations(WebinarPage), required=False
    )
    attended = forms.ChoiceField(label=_("Attendance"), choices=ATTENDED_CHOICES, required=False)


def registration_rows(cleaned):
    """One row per registration, with whether (and how long) the registrant attended; then
    one per attendee who never registered (a walk-in: the name their conferencing tool
    gave, no registration date), unless only those who did not attend are asked for."""
    attendance = Attendance.objects.filter(
        webinar_key=OuterRef("webinar_key"), email=OuterRef("email")
    )
    registrations = Registration.objects.annotate(
        was_present=Exists(attendance),
        minutes_present=Subquery(attendance.values("minutes")[:1]),
    ).order_by("webinar_key", "created_at", "pk")
    walk_ins = Attendance.objects.exclude(
        Exists(
            Registration.objects.filter(
                webinar_key=OuterRef("webinar_key"), email=OuterRef("email")
            )
        )
    ).order_by("webinar_key", "email")
    if cleaned.get("series"):
        sessions = WebinarPage.objects.descendant_of(cleaned["series"]).values("translation_key")
        registrations = registrations.filter(webinar_key__in=sessions)
        walk_ins = walk_ins.filter(webinar_key__in=sessions)
    if cleaned.get("webinar"):
        registrations = registrations.filter(webinar_key=cleaned["webinar"].translation_key)
        walk_ins = walk_ins.filter(webinar_key=cleaned["webinar"].translation_key)
    if cleaned.get("attended"):
        registrations = registrations.filter(was_present=cleaned["attended"] == "yes")
    registrations = registrations.select_related("webinar", "country")
    for registration in registrations.iterator(chunk_size=CHUNK_SIZE):
        yield [
            registration.webinar.title,
            registration.webinar.starts_at,
            registration.name,
            registration.email,
            registration.organisation,
            registration.country.name if registration.country else "",
            registration.language,
            registration.created_at,
            registration.was_present,
            registration.minutes_present,
            False,
        ]
    if cleaned.get("attended") == "no":
        return
    for attendee in walk_ins.select_related("webinar").iterator(chunk_size=CHUNK_SIZE):
        yield [
            attendee.webinar.title,
            attendee.webinar.starts_at,
            attendee.name,
            attendee.email,
            "",
            "",
            "",
            None,
            True,
            attendee.minutes,
            True,
        ]


REGISTRATIONS = register_export(
    Export(
        name="registrations",
        label=_("Webinar registrations and attendance"),
        description=_(
            "Everyone who registered for a session and whether they attended, then those who "
            "attended without registering (from the imported attendance reports)."
        ),
        permission="insights.export_webinars",
        form_class=RegistrationsFilterForm,
        header=(
            _("Session"),
            _("Starts at (UTC)"),
            _("Name"),
            _("Email"),
            _("Organisation"),
            _("Country"),
            _("Language"),
            _("Registered at"),
            _("Attended"),
            _("Minutes attended"),
            _("Attended without registering"),
        ),
        rows=registration_rows,
    )
)


# --- Publications ---------------------------------------------------------------------------


class PublicationsFilterForm(DateRangeForm):
    """Publications in one language, of one type, under one theme, of some years, live only."""

    range_fields = ("year_from", "year_to")

    language = forms.ChoiceField(
        label=_("Language of the page"),
        choices=[("", _("Every language")), *settings.WAGTAIL_CONTENT_LANGUAGES],
        required=False,
    )
    document_type = forms.ModelChoiceField(
        label=_("Document type"), queryset=source_terms(DocumentType), required=False
    )
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=source_terms(Theme), required=False)
    year_from = forms.IntegerField(
        label=_("Published from (year)"), min_value=1900, max_value=2100, required=False
    )
    year_to = forms.IntegerField(
        label=_("Published until (year)"), min_value=1900, max_value=2100, required=False
    )
    live_only = forms.BooleanField(label=_("Published pages only"), required=False)


def names(terms):
    """The names of prefetched taxonomy terms, in order."""
    return sorted(term.name for term in terms.all())


def publication_rows(cleaned):
    """One row per translation of each publication, with its language and classification."""
    pages = PublicationPage.objects.order_by("translation_key", "locale_id")
    if cleaned.get("language"):
        pages = pages.filter(locale__language_code=cleaned["language"])
    if cleaned.get("document_type"):
        pages = pages.filter(
            document_type__translation_key=cleaned["document_type"].translation_key
        )
    if cleaned.get("theme"):
        pages = pages.filter(themes__translation_key=cleaned["theme"].translation_key)
    if cleaned.get("year_from"):
        pages = pages.filter(year__gte=cleaned["year_from"])
    if cleaned.get("year_to"):
        pages = pages.filter(year__lte=cleaned["year_to"])
    if cleaned.get("live_only"):
        pages = pages.filter(live=True)
    pages = pages.select_related("locale", "document_type").prefetch_related(
        "themes", "countries", "regions", "languages", "organisations", "tagged_items__tag"
    )
    for page in pages.iterator(chunk_size=CHUNK_SIZE):
        yield [
            page.pk,
            str(page.translation_key),
            page.locale.language_code,
            page.title,
            page.live,
            page.members_only,
            page.year,
            page.publication_date,
            page.document_type.name if page.document_type else "",
            names(page.languages),
            names(page.themes),
            names(page.countries),
            names(page.regions),
            names(page.organisations),
            sorted(item.tag.name for item in page.tagged_items.all()),
            [line.strip() for line in page.authors.splitlines() if line.strip()],
            page.doi,
            page.isbn,
            page.external_url,
            page.first_published_at,
            page.last_published_at,
        ]


PUBLICATIONS = register_export(
    Export(
        name="publications",
        label=_("Publications"),
        description=_(
            "Every publication once per translation, with its language and full classification."
        ),
        permission="insights.export_publications",
        form_class=PublicationsFilterForm,
        header=(
            _("Page ID"),
            _("Translation key"),
            _("Language"),
            _("Title"),
            _("Published"),
            _("Members only"),
            _("Year"),
            _("Publication date"),
            _("Document type"),
            _("Languages of the document"),
            _("Themes"),
            _("Countries"),
            _("Regions"),
            _("Organisations"),
            _("Keywords"),
            _("Authors"),
            _("DOI"),
            _("ISBN"),
            _("External link"),
            _("First published"),
            _("Last published"),
        ),
        rows=publication_rows,
    )
)


# --- Usage statistics ------------------------------------------------------------------------


class UsageFilterForm(DateRangeForm):
    """The usage statistics' filters: a range of days (the last 90 by default), a language,
    a members' country."""

    range_fields = ("start", "end")

    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    country = forms.CharField(
        label=_("Members' country (ISO code)"),
        required=False,
        max_length=2,
        help_text=_("Two letters, for example KE; empty for every reader."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages"))] + list(
            settings.WAGTAIL_CONTENT_LANGUAGES
        )

    def clean_country(self):
        """An ISO code of two letters, in capitals."""
        code = self.cleaned_data["country"].strip().upper()
        if code and not (len(code) == 2 and code.isalpha()):
            raise ValidationError(_("Give the country's two-letter ISO code, for example KE."))
        return code

    def clean(self):
        """The range, the last 90 days when not given; at most three years."""
        cleaned = super().clean()
        end = cleaned.get("end") or dt.date.today()
        start = cleaned.get("start") or end - dt.timedelta(days=89)
        if (end - start).days >= 3 * 366:
            raise ValidationError(_("Choose a range of at most three years."))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned


# Files without a language of their own, counted by portal.usage: (the daily counts, what
# a row counts, the kind of file, the file's field that names it).
FILE_DOWNLOADS = (
    (DocumentDownload, _("Document download"), _("Document"), "title"),
    (CommunityFileDownload, _("Community file download"), _("Community file"), "title"),
    (AttachmentDownload, _("Attachment download"), _("Discussion attachment"), "original_name"),
)


def usage_rows(cleaned):
    """Page views, then downloads (publications' files, other documents, community files,
    discussions' attachments), one row per item, day and members' country, as the dashboard
    counts them."""
    days = (cleaned["start"], cleaned["end"])
    language, country = cleaned.get("language"), cleaned.get("country")

    def narrowed(rows, language_path=None):
        rows = rows.filter(day__range=days)
        if country:
            rows = rows.filter(country=country)
        if language and language_path:
            rows = rows.filter(**{language_path: language})
        elif language:
            rows = rows.none()  # files without a language
        return rows.order_by("day", "pk")

    views = narrowed(
        PageView.objects.select_related("page__locale", "page__content_type"),
        "page__locale__language_code",
    )
    for row in views.iterator(chunk_size=CHUNK_SIZE):
        page = row.page
        yield [
            row.day,
            _("Page view"),
            page.pk,
            page.title,
            page.locale.language_code,
            page.content_type.name,
            row.country,
            row.count,
        ]
    files = narrowed(
        DownloadCount.objects.select_related("publication__locale"),
        "publication__locale__language_code",
    )
    for row in files.iterator(chunk_size=CHUNK_SIZE):
        page = row.publication
        yield [
            row.day,
            _("Publication download"),
            page.pk,
            page.title,
            page.locale.language_code,
            _("Publication"),
            row.country,
            row.count,
        ]
    for model, counted, kind, title in FILE_DOWNLOADS:
        relation = model.item_field
        for row in narrowed(model.objects.select_related(relation)).iterator(chunk_size=CHUNK_SIZE):
            item = getattr(row, relation)
            yield [
                row.day,
                counted,
                item.pk,
                getattr(item, title),
                "",
                kind,
                row.country,
                row.count,
            ]


USAGE = register_export(
    Export(
        name="usage",
        label=_("Usage statistics"),
        description=_(
            "Page views and downloads per item, day and members' country, robots and "
            "repeated clicks left out, as the usage dashboard counts them."
        ),
        permission="insights.export_usage",
        form_class=UsageFilterForm,
        header=(
            _("Day"),
            _("Use"),
            _("ID"),
            _("Title"),
            _("Language"),
            _("Type"),
            _("Members' country"),
            _("Count"),
        ),
        rows=usage_rows,
    )
)
