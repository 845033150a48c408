"""Webinar series and webinars: speakers, registration, outputs, attendance.

Registrations, follows, attendance and the follow emails sent are keyed by the page's
``translation_key`` (and also keep a foreign key to the page a reader used), so registering
on the Spanish copy of a webinar and again on the English one is recognised as a duplicate,
and following a series in French is following it in every language.
"""

import datetime as dt

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from portal.api_fields import PageSummaryField, RichTextHTMLField, TermsField
from portal.datetimes import validate_portal_date
from portal.labels import term_label
from portal.locales import active_locale
from portal.models import BasePage, RestrictedMixin, Theme
from portal.reader_urls import absolute_url, reader_path
from portal.terms import SourceTermsPageForm
from portal.time_zones import TimeZoneSelect
from portal.translation import synchronized, translated
from portal.validators import validate_webvtt

from .timezones import (
    DEFAULT_REFERENCE_ZONES,
    split_zones,
    utc_to_wall_clock,
    validate_timezone,
    validate_timezone_list,
    wall_clock_to_utc,
)

# Languages a session can be held in (interpretation included); more than the interface's.
SESSION_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
    ("ru", _("Russian")),
    ("zh", _("Chinese")),
]


class LanguagesFormField(forms.MultipleChoiceField):
    """Checkboxes for a comma-separated list of language codes."""

    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        """The stored ``en,fr`` string as a list of codes for the checkboxes."""
        if isinstance(value, str):
            return [code for code in value.split(",") if code]
        return value

    def to_python(self, value):
        """Accepts the stored string as well as a list of codes."""
        return super().to_python(self.prepare_value(value))

    def clean(self, value):
        """The checked codes, validated, joined as the stored ``en,fr`` string."""
        return ",".join(super().clean(value))


class LanguagesField(models.CharField):
    """Language codes of a session, stored as ``en,fr`` (filterable with ``contains``)."""

    def formfield(self, **kwargs):
        """Checkboxes of the session languages (:class:`LanguagesFormField`)."""
        return LanguagesFormField(
            choices=SESSION_LANGUAGES,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


# --- Speakers ---------------------------------------------------------------------------


class Speaker(TranslatableMixin, index.Indexed, models.Model):
    """A person who speaks at webinars; reusable across sessions and series (a snippet).

    Translatable so that a speaker's job title and biography read in the reader's language.
    """

    name = models.CharField(_("name"), max_length=160, help_text=_("Full name."))
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("Where the speaker works.")
    )
    job_title = models.CharField(
        _("job title"), max_length=200, blank=True, help_text=_("For example Senior Economist.")
    )
    bio = models.TextField(
        _("short biography"), blank=True, max_length=1200, help_text=_("Two or three sentences.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square portrait."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("job_title"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    translatable_fields = translated("organisation", "job_title", "bio") + synchronized(
        "name", "photo"
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    def localized_for(self, locale):
        """The speaker's translation in ``locale`` if there is one, else this row."""
        if locale is None or self.locale_id == locale.pk:
            return self
        return self.get_translation_or_none(locale) or self


# --- Index ------------------------------------------------------------------------------


class WebinarIndexPage(RoutablePageMixin, BasePage):
    """The webinars section (slug ``webinars`` in each language): upcoming and past sessions."""

    per_page = models.PositiveSmallIntegerField(
        _("past webinars per screen"), default=10, help_text=_("How many past webinars to list.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("per_page")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["webinars.WebinarSeriesPage", "webinars.WebinarPage"]
    max_count_per_parent = 1
    page_description = _("The webinars section: lists series and sessions, with feeds.")

    translatable_fields = BasePage.translatable_fields + synchronized("per_page")

    class Meta:
        verbose_name = _("webinars index")
        verbose_name_plural = _("webinars indexes")

    def get_context(self, request, *args, **kwargs):
        """Adds the upcoming and past sessions, the series and the filters (``index_context``)."""
        from .listings import index_context  # noqa: PLC0415 - serves the listing

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    @path("feed/")
    def rss_feed(self, request):
        """``feed/``: the RSS feed of the sessions the reader may see."""
        from .feeds import WebinarFeed  # noqa: PLC0415 - serves the feed

        return WebinarFeed()(request, page=self)

    @path("calendar/")
    def calendar(self, request):
        """``calendar/``: the iCalendar file of the upcoming sessions the reader may see."""
        from .calendars import index_calendar_response  # noqa: PLC0415 - serves the calendar

        return index_calendar_response(self, request)


# --- Series -----------------------------------------------------------------------------


class WebinarSeriesPage(RoutablePageMixin, RestrictedMixin, BasePage):
    """A webinar series with its concept note; its sessions are its child pages."""

    overview = RichTextField(
        _("overview"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Why the series: the problem it looks at and why now."),
    )
    objectives = RichTextField(
        _("objectives"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What the series sets out to achieve."),
    )
    audience_description = models.TextField(
        _("intended audience"), blank=True, help_text=_("Who the series is for.")
    )
    organisations = ParentalManyToManyField(
        "library.Organisation",
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_series",
        help_text=_("Organisations that run the series (their profiles list it)."),
    )
    partner_organisations = ParentalManyToManyField(
        "library.Organisation",
        verbose_name=_("partners"),
        blank=True,
        related_name="partnered_series",
        help_text=_("Partner organisations of the series (their profiles list it)."),
    )
    themes = ParentalManyToManyField(
        "portal.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("Themes of the taxonomy the series covers."),
    )
    community = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("linked community"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The online community where the discussion continues, if any."),
    )
    reference_zones = models.CharField(
        _("reference time zones"),
        max_length=200,
        blank=True,
        default=",".join(DEFAULT_REFERENCE_ZONES),
        validators=[validate_timezone_list],
        help_text=_(
            "Time zone names separated by commas; each session shows its time in these zones."
        ),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only logged-in members can see the series and its feeds."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("overview"), FieldPanel("objectives"), FieldPanel("audience_description")],
            heading=_("Concept note"),
        ),
        FieldPanel("organisations"),
        FieldPanel("partner_organisations"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("community"),
        FieldPanel("reference_zones"),
        FieldPanel("members_only"),
    ]
    search_fields = (
        BasePage.search_fields
        + RestrictedMixin.search_fields
        + [
            index.SearchField("overview"),
            index.SearchField("objectives"),
            index.SearchField("organisation_names"),
            index.AutocompleteField("title"),
        ]
    )
    parent_page_types = ["webinars.WebinarIndexPage"]
    subpage_types = ["webinars.WebinarPage"]
    page_description = _("A webinar series: concept note, partners and its sessions.")

    translatable_fields = (
        BasePage.translatable_fields
        + translated("overview", "objectives", "audience_description")
        + synchronized(
            "organisations",
            "partner_organisations",
            "community",
            "reference_zones",
            "members_only",
            "themes",
        )
    )

    api_fields = BasePage.api_fields + [
        APIField("overview", serializer=RichTextHTMLField()),
        APIField("objectives", serializer=RichTextHTMLField()),
        "audience_description",
        APIField("organisations", serializer=TermsField()),
        APIField("partner_organisations", serializer=TermsField()),
        APIField("themes", serializer=TermsField()),
        APIField("reference_zone_list"),
    ]

    class Meta:
        verbose_name = _("webinar series")
        verbose_name_plural = _("webinar series")

    @property
    def organisation_names(self):
        """The organisers' and partners' names and acronyms in the series' language: what
        the search index reads, so "UNICEF" or "Fondo de las Naciones Unidas" finds it."""
        code = self.locale.language_code if self.locale_id else None
        terms = [*self.organisations.all(), *self.partner_organisations.all()]
        return " ".join(f"{term_label(term, code)} {term.acronym}".strip() for term in terms)

    @property
    def reference_zone_list(self):
        """The series' reference time zones, as a list of IANA names."""
        return split_zones(self.reference_zones)

    def get_context(self, request, *args, **kwargs):
        """Adds the sessions with their times in the reference zones, and whether the reader
        follows the series (``series_context``)."""
        from .listings import series_context  # noqa: PLC0415 - serves the listing

        context = super().get_context(request, *args, **kwargs)
        context.update(series_context(self, request))
        return context

    @path("calendar/")
    def calendar(self, request):
        """``calendar/``: the iCalendar file of the scheduled sessions the reader may see."""
        from .calendars import series_calendar_response  # noqa: PLC0415 - serves the calendar

        return series_calendar_response(self, request)

    @path("feed/")
    def rss_feed(self, request):
        """``feed/``: the RSS feed of the series' sessions the reader may see."""
        from .feeds import SeriesFeed  # noqa: PLC0415 - serves the feed

        return SeriesFeed()(request, page=self)

    @path("follow/")
    def follow(self, request):
        """``follow/``: POST toggles the reader's following of the series."""
        from .views import follow_series  # noqa: PLC0415 - serves the route

        return follow_series(request, self)


# --- Webinar ----------------------------------------------------------------------------


class RegistrationMode(models.TextChoices):
    """How people register for a session: on the portal, through a link, or not at all."""

    BUILT_IN = "built_in", _("On this portal")
    EXTERNAL = "external", _("External registration link")
    NONE = "none", _("No registration")


class Status(models.TextChoices):
    """Where a session stands in time: upcoming, live now, or past."""

    UPCOMING = "upcoming", _("Upcoming")
    LIVE = "live", _("Live now")
    PAST = "past", _("Past")


class WebinarPageForm(SourceTermsPageForm):
    """The admin form of a session: one caption file per language."""

    def clean(self):
        """Refuses two caption files in the same language."""
        cleaned = super().clean()
        formset = self.formsets.get("captions")
        # The formset's own validation fills each form's cleaned_data.
        if formset is not None and formset.is_valid():
            languages = [
                form.cleaned_data.get("language")
                for form in formset.forms
                if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
            ]
            if len(languages) != len(set(languages)):
                self.add_error(None, _("Attach one caption file per language."))
        return cleaned


class WebinarPage(RoutablePageMixin, RestrictedMixin, BasePage):
    """One webinar session: when and where, who speaks, registration, then its outputs.

    The host schedules the session on their own wall clock (``start_date``, ``start_time``
    and ``time_zone``); ``starts_at`` is that instant in UTC, derived on save, and is what
    listings, calendars and reminders use.
    """

    abstract = RichTextField(
        _("abstract"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What the session is about and what participants will learn."),
    )
    start_date = models.DateField(_("date"), help_text=_("The date in the host's time zone."))
    start_time = models.TimeField(
        _("start time"), help_text=_("The start time on the host's clock, for example 14:00.")
    )
    time_zone = models.CharField(
        _("host time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_timezone],
        help_text=_("A time zone name such as America/New_York, Europe/Paris or Asia/Bangkok."),
    )
    starts_at = models.DateTimeField(_("starts at (UTC)"), editable=False, null=True, db_index=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        default=90,
        validators=[MinValueValidator(5)],
        help_text=_("How long the session lasts."),
    )
    languages = LanguagesField(
        _("languages"),
        max_length=64,
        default="en",
        help_text=_("Languages the session is held in (interpretation included)."),
    )
    themes = ParentalManyToManyField(
        "portal.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("Themes of this session (the series' themes apply too)."),
    )
    registration_mode = models.CharField(
        _("registration"),
        max_length=16,
        choices=RegistrationMode.choices,
        default=RegistrationMode.BUILT_IN,
        help_text=_("Register on this portal, through another site, or not at all."),
    )
    registration_url = models.URLField(
        _("external registration link"),
        blank=True,
        help_text=_("Where to register when registration happens elsewhere."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Most registrations accepted; leave empty for no limit."),
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to accept registrations until the session starts."),
    )
    join_url = models.URLField(
        _("link to join"),
        blank=True,
        help_text=_("Sent to registrants only (in the confirmation and the reminder)."),
    )
    recording_url = models.URLField(
        _("recording (YouTube or Vimeo)"),
        blank=True,
        help_text=_("The address of the recording on YouTube or Vimeo."),
    )
    recording_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("recording file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Or a video or audio file of the recording."),
    )
    summary = RichTextField(
        _("summary"),
        blank=True,
        help_text=_("A blog-style summary of the discussion, written after the session."),
    )
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        help_text=_("What was said, in full: for readers who cannot watch or listen."),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only logged-in members can see this webinar."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("abstract"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldPanel("time_zone", widget=TimeZoneSelect),
                FieldPanel("duration_minutes"),
                FieldPanel("languages"),
            ],
            heading=_("When"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("speaker_roles", label=_("Speakers"), heading=_("Speakers")),
        MultiFieldPanel(
            [
                FieldPanel("registration_mode"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
                FieldPanel("registration_closes_at"),
                FieldPanel("join_url"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("recording_url"),
                FieldPanel("recording_file"),
                FieldPanel("summary"),
                FieldPanel("transcript"),
            ],
            heading=_("Outputs"),
        ),
        InlinePanel("captions", label=_("Caption file"), heading=_("Captions")),
        InlinePanel("presentations", label=_("Presentation"), heading=_("Presentations")),
        InlinePanel("questions", label=_("Question"), heading=_("Questions and answers")),
        InlinePanel("related_links", label=_("Related content"), heading=_("Related content")),
        FieldPanel("members_only"),
    ]
    search_fields = (
        BasePage.search_fields
        + RestrictedMixin.search_fields
        + [
            index.SearchField("abstract"),
            index.SearchField("summary"),
            index.SearchField("transcript"),
            index.FilterField("starts_at"),
            index.AutocompleteField("title"),
        ]
    )
    parent_page_types = ["webinars.WebinarSeriesPage", "webinars.WebinarIndexPage"]
    subpage_types = []
    base_form_class = WebinarPageForm
    page_description = _("One webinar session: time, speakers, registration and outputs.")

    translatable_fields = (
        BasePage.translatable_fields
        + translated("abstract", "summary", "transcript", "questions")
        + synchronized(
            "start_date",
            "start_time",
            "time_zone",
            "duration_minutes",
            "languages",
            "registration_mode",
            "registration_url",
            "capacity",
            "registration_closes_at",
            "join_url",
            "recording_url",
            "recording_file",
            "members_only",
            "themes",
            "speaker_roles",
            "presentations",
            "captions",
            "related_links",
        )
    )

    api_fields = BasePage.api_fields + [
        APIField("abstract", serializer=RichTextHTMLField()),
        "starts_at",
        "ends_at",
        "time_zone",
        "duration_minutes",
        APIField("language_codes"),
        APIField("themes", serializer=TermsField()),
        APIField("speakers"),
        APIField("registration"),
        APIField("recording"),
        APIField("slides"),
        APIField("questions_and_answers"),
        APIField("caption_languages"),
        APIField("summary", serializer=RichTextHTMLField()),
        APIField("series", serializer=PageSummaryField()),
    ]

    class Meta:
        verbose_name = _("webinar")
        verbose_name_plural = _("webinars")

    # Scheduling -------------------------------------------------------------------------

    def clean(self):
        """Checks the dates are in the portal's range, the host's zone is valid and its wall-clock
        start exists, and that external registration has a link."""
        super().clean()
        errors = {}
        for name in ("start_date", "registration_closes_at"):
            try:
                validate_portal_date(getattr(self, name))
            except ValidationError as error:
                errors[name] = error.messages
        if not errors and self.start_date and self.start_time and self.time_zone:
            try:
                validate_timezone(self.time_zone)
                wall_clock_to_utc(self.start_date, self.start_time, self.time_zone)
            except ValidationError as error:
                errors["start_time"] = error.messages
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = [_("Give the link where people register.")]
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Stores the UTC start (``starts_at``, also when ``update_fields`` omits it); a session of
        a members-only series becomes members-only."""
        self.starts_at = self.compute_starts_at()
        # A session of a members-only series is members-only too.
        if not self.members_only and self.path:
            parent = self.get_parent()
            if (
                parent
                and WebinarSeriesPage.objects.filter(pk=parent.pk, members_only=True).exists()
            ):
                self.members_only = True
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "starts_at" not in update_fields:
            kwargs["update_fields"] = list(update_fields) + ["starts_at"]
        return super().save(*args, **kwargs)

    def compute_starts_at(self):
        """The UTC start from the host's date, time and zone; None without a date and time or with
        a date outside the portal's range. A wall-clock time skipped by a clock change is moved
        one hour later."""
        if not (self.start_date and self.start_time):
            return None
        try:
            validate_portal_date(self.start_date)
        except ValidationError:
            return None  # clean() refuses such a date in forms; saved otherwise, unscheduled
        try:
            return wall_clock_to_utc(self.start_date, self.start_time, self.time_zone or "UTC")
        except ValidationError:
            # A skipped wall-clock time (clean() refuses it in forms): one hour later.
            shifted = dt.datetime.combine(self.start_date, self.start_time) + dt.timedelta(hours=1)
            return wall_clock_to_utc(shifted.date(), shifted.time(), self.time_zone)

    def schedule(self, instant, zone_name):
        """Set the start from an aware ``instant`` as seen in ``zone_name`` (host's zone)."""
        local = utc_to_wall_clock(instant, zone_name)
        self.time_zone = zone_name
        self.start_date = local.date()
        self.start_time = local.time().replace(second=0, microsecond=0)
        self.starts_at = self.compute_starts_at()

    @property
    def ends_at(self):
        """The UTC end (start plus duration), or None if the session is not scheduled."""
        if self.starts_at is None:
            return None
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)

    @property
    def local_start(self):
        """The start on the host's clock, or None if the session is not scheduled."""
        return utc_to_wall_clock(self.starts_at, self.time_zone) if self.starts_at else None

    @property
    def local_end(self):
        """The end on the host's clock, or None if the session is not scheduled."""
        return utc_to_wall_clock(self.ends_at, self.time_zone) if self.starts_at else None

    def status(self, now=None):
        """The session's :class:`Status` at ``now`` (unscheduled sessions are upcoming)."""
        now = now or timezone.now()
        if self.starts_at is None or now < self.starts_at:
            return Status.UPCOMING
        if now < self.ends_at:
            return Status.LIVE
        return Status.PAST

    @property
    def status_label(self):
        """The translated label of the session's current status."""
        return Status(self.status()).label

    @property
    def language_codes(self):
        """The session's language codes, as a list."""
        return [code for code in (self.languages or "").split(",") if code]

    @property
    def language_labels(self):
        """The translated names of the session's languages."""
        names = dict(SESSION_LANGUAGES)
        return [names.get(code, code) for code in self.language_codes]

    # Relations --------------------------------------------------------------------------

    @cached_property
    def series(self):
        """The series the session belongs to (its parent page), or None."""
        parent = self.get_parent()
        parent = parent.specific if parent else None
        return parent if isinstance(parent, WebinarSeriesPage) else None

    def speakers_for_display(self):
        """(speaker in the reader's language, role label) pairs, in the editor's order."""
        rows = self.speaker_roles.select_related("speaker", "speaker__photo").all()
        # Job titles and biographies in the reader's language where translated.
        locale = active_locale()
        return [(row.speaker.localized_for(locale), row.get_role_display()) for row in rows]

    # What the public API gives (``api_fields``): no registrant, attendance or join link.

    @property
    def speakers(self):
        """The API's speakers: name, role and job title, in the active language."""
        return [
            {"name": speaker.name, "role": role, "job_title": speaker.job_title}
            for speaker, role in self.speakers_for_display()
        ]

    @property
    def registration(self):
        """The API's registration details: mode, state, capacity, closing time and where to
        register."""
        return {
            "mode": self.registration_mode,
            "state": self.registration_state(),
            "capacity": self.capacity,
            "closes_at": self.closes_at,
            "url": self.registration_url
            or (
                absolute_url(reader_path(self) + "register/")
                if self.registration_mode == RegistrationMode.BUILT_IN
                else None
            ),
        }

    @property
    def recording(self):
        """The API's recording: its link and/or hosted file URL, or None if there is none."""
        if not (self.recording_url or self.recording_file_id):
            return None
        return {
            "url": self.recording_url or None,
            "file": absolute_url(self.recording_file.url) if self.recording_file_id else None,
        }

    @property
    def slides(self):
        """The API's slides: each presentation's title and document URL."""
        return [
            {"title": item.display_title, "url": absolute_url(item.document.url)}
            for item in self.presentations.select_related("document")
        ]

    @property
    def questions_and_answers(self):
        """The API's questions and answers in the session's language."""
        return [
            {"question": item.question, "answer": item.answer}
            for item in self.questions.filter(locale_id=self.locale_id)
        ]

    @property
    def caption_languages(self):
        """The languages of the recording's caption files, sorted."""
        return sorted({caption.language for caption in self.captions.all()})

    @property
    def has_outputs(self):
        """Does the session have a recording, a summary, slides or Q&A to show?"""
        return bool(
            self.recording_url
            or self.recording_file_id
            or self.summary
            or self.presentations.exists()
            or self.questions.exists()
        )

    # Registration -----------------------------------------------------------------------

    def registrations(self):
        """The registrations for this session in every language (by translation key)."""
        return Registration.objects.filter(webinar_key=self.translation_key)

    @property
    def registration_count(self):
        """How many people registered, across the session's translations."""
        return self.registrations().count()

    @property
    def closes_at(self):
        """When registration closes: the set closing time, else the start."""
        return self.registration_closes_at or self.starts_at

    def registration_state(self, now=None):
        """``open``, ``closed``, ``full``, ``external`` or ``none``."""
        now = now or timezone.now()
        if self.registration_mode == RegistrationMode.NONE:
            return "none"
        if self.registration_mode == RegistrationMode.EXTERNAL:
            return "external" if self.status(now) == Status.UPCOMING else "closed"
        if self.closes_at is not None and now >= self.closes_at:
            return "closed"
        if self.capacity is not None and self.registration_count >= self.capacity:
            return "full"
        return "open"

    def get_context(self, request, *args, **kwargs):
        """Adds the reader's registration, speakers, outputs, related pages, reference times
        and, for staff, audience figures (``webinar_context``)."""
        from .views import webinar_context  # noqa: PLC0415 - serves the page

        context = super().get_context(request, *args, **kwargs)
        context.update(webinar_context(self, request))
        return context

    @path("register/")
    def register(self, request):
        """``register/``: a member's or a guest's registration (POST)."""
        from .views import register  # noqa: PLC0415 - serves the route

        return register(request, self)

    @path("register/confirm/<str:token>/", name="confirm_registration")
    def confirm_registration(self, request, token):
        """``register/confirm/<token>/``: a guest confirms their registration."""
        from .views import confirm_guest_registration  # noqa: PLC0415 - serves the route

        return confirm_guest_registration(request, self, token)

    @path("calendar/")
    def calendar(self, request):
        """``calendar/``: the session as an iCalendar file ("add to calendar")."""
        from .calendars import webinar_calendar_response  # noqa: PLC0415 - serves the calendar

        return webinar_calendar_response(self, request)


class SpeakerRole(models.TextChoices):
    """A speaker's part in a session."""

    PANELIST = "panelist", _("Panelist")
    MODERATOR = "moderator", _("Moderator")
    DISCUSSANT = "discussant", _("Discussant")


class WebinarSpeaker(Orderable):
    """A speaker's part in one session (the same person may moderate one and present another)."""

    page = ParentalKey(WebinarPage, on_delete=models.CASCADE, related_name="speaker_roles")
    speaker = models.ForeignKey(
        Speaker, verbose_name=_("speaker"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=SpeakerRole.choices, default=SpeakerRole.PANELIST
    )

    panels = [FieldPanel("speaker"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")


class WebinarPresentation(Orderable):
    """Slides or another document presented during the session."""

    page = ParentalKey(WebinarPage, on_delete=models.CASCADE, related_name="presentations")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("presentation")

    @property
    def display_title(self):
        """The presentation's title, else its document's."""
        return self.title or self.document.title


class WebinarCaption(Orderable):
    """A WebVTT caption file of the recording, in one language: played with a hosted
    recording (a ``<track>``) and offered for download beside an embedded one."""

    page = ParentalKey(WebinarPage, on_delete=models.CASCADE, related_name="captions")
    language = models.CharField(
        _("language"),
        max_length=12,
        choices=SESSION_LANGUAGES,
        help_text=_("The language of the captions."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("WebVTT file"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A .vtt caption file (WebVTT, UTF-8) timed to the recording."),
    )

    panels = [FieldPanel("language"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("caption file")
        verbose_name_plural = _("caption files")

    def clean(self):
        """Refuses a file that is not valid WebVTT or cannot be read."""
        super().clean()
        if self.document_id:
            try:
                with self.document.open_file() as file:
                    validate_webvtt(file)
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from error
            except OSError:
                raise ValidationError(
                    {"document": _("The caption file could not be read; upload it again.")}
                ) from None

    @property
    def language_label(self):
        """The translated name of the captions' language."""
        return dict(SESSION_LANGUAGES).get(self.language, self.language)


class WebinarQuestion(TranslatableMixin, Orderable):
    """A question (or comment) from the audience and the speakers' answer: translated with
    its session (each translation's rows share the source row's translation key; the locale
    of a new row is its page's)."""

    page = ParentalKey(WebinarPage, on_delete=models.CASCADE, related_name="questions")
    question = models.TextField(_("question"))
    asker = models.CharField(
        _("asked by"), max_length=160, blank=True, help_text=_("Leave empty if anonymous.")
    )
    asked_at = models.DateTimeField(_("asked at"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        Speaker,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("question"),
        FieldRowPanel([FieldPanel("asker"), FieldPanel("asked_at")]),
        FieldPanel("answer"),
        FieldPanel("answered_by"),
    ]
    translatable_fields = translated("question", "answer") + synchronized(
        "asker", "asked_at", "answered_by"
    )

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")


class WebinarRelatedLink(Orderable):
    """A library publication, news item or event related to the session."""

    page = ParentalKey(WebinarPage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A publication, news item or event on the portal."),
    )

    panels = [FieldPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related content")


# --- Audience ---------------------------------------------------------------------------


class Registration(models.Model):
    """Someone's registration for a webinar: a member (one click) or a guest.

    Personal data: staff only (admin listing and CSV export).
    """

    webinar = models.ForeignKey(
        WebinarPage,
        verbose_name=_("webinar"),
        on_delete=models.CASCADE,
        related_name="registration_rows",
    )
    webinar_key = models.UUIDField(editable=False, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="webinar_registrations",
    )
    name = models.CharField(_("name"), max_length=160)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.ForeignKey(
        "portal.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, default="en")
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["webinar_key", "email"], name="webinars_unique_registration"
            )
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def save(self, *args, **kwargs):
        """Stores the email in lower case and the session's translation key."""
        self.email = (self.email or "").strip().lower()
        if self.webinar_id and not self.webinar_key:
            self.webinar_key = self.webinar.translation_key
        super().save(*args, **kwargs)

    @property
    def attended(self):
        """Was the registrant recorded as attending (by email, in any language version)?"""
        return Attendance.objects.filter(webinar_key=self.webinar_key, email=self.email).exists()


class Attendance(models.Model):
    """Someone who attended a session, imported from the conferencing tool's report."""

    webinar = models.ForeignKey(
        WebinarPage,
        verbose_name=_("webinar"),
        on_delete=models.CASCADE,
        related_name="attendance_rows",
    )
    webinar_key = models.UUIDField(editable=False, db_index=True)
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendances",
    )
    email = models.EmailField(_("email"))
    # The name the conferencing tool gave: the only one known of an attendee without a
    # registration.
    name = models.CharField(_("name"), max_length=200, blank=True)
    minutes = models.PositiveIntegerField(_("minutes attended"), null=True, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["webinar_key", "email"], name="webinars_unique_attendance"
            )
        ]

    def __str__(self):
        return self.email


class SeriesFollow(models.Model):
    """A member following a series (in whichever language they clicked Follow)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webinar_follows"
    )
    series = models.ForeignKey(
        WebinarSeriesPage,
        verbose_name=_("series"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    series_key = models.UUIDField(editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("series follow")
        constraints = [
            models.UniqueConstraint(fields=["user", "series_key"], name="webinars_unique_follow")
        ]

    def __str__(self):
        return f"{self.user} → {self.series}"

    def save(self, *args, **kwargs):
        """Stores the series' translation key."""
        if not self.series_key:
            self.series_key = self.series.translation_key
        super().save(*args, **kwargs)


class FollowEmailSent(models.Model):
    """A follow email that went out (one per webinar and kind), so that republishing a page
    never sends it twice."""

    class Kind(models.TextChoices):
        """Which follow email went out: the session was scheduled, or its recording published."""

        SCHEDULED = "scheduled", _("Session scheduled")
        RECORDING = "recording", _("Recording published")

    webinar_key = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["webinar_key", "kind"], name="webinars_unique_follow_email"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.webinar_key}"


def webinars_with_theme(queryset, theme):
    """Webinars tagged with ``theme`` (or a theme below it), directly or through their series."""
    keys = theme.descendant_keys()
    theme_ids = list(Theme.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    series_paths = list(
        WebinarSeriesPage.objects.filter(themes__in=theme_ids).values_list("path", flat=True)
    )
    condition = Q(themes__in=theme_ids)
    for series_path in set(series_paths):
        condition |= Q(path__startswith=series_path, depth=len(series_path) // 4 + 1)
    return queryset.filter(condition).distinct()
