"""The portal-wide events calendar: its index in each language, its event pages and the kinds
of event editors file them under.

An event is entered on its organiser's wall clock in the organiser's IANA time zone
(``time_zone``) and stored as aware instants (``start``, ``end``), so a daylight-saving change
between publication and the event never moves it. The calendar also lists the webinars and
community events the reader may see (``events.entries``); only conferences, trainings, study
tours, workshops and forums live here as pages.

Relations to the taxonomy (themes, regions, countries, event types) and to the library's
organisations point at source-language rows, as every page of the portal, so a translation is
listed, filtered and subscribed to exactly as its source.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from portal import datetimes
from portal.api_fields import RichTextHTMLField, TermField, TermsField
from portal.labels import track_labels
from portal.models import BasePage, Country, Region, RestrictedMixin, Theme
from portal.terms import SourceTermsPageForm
from portal.time_zones import TimeZoneSelect
from portal.translation import synchronized, translated
from webinars.timezones import validate_timezone


class EventType(TranslatableMixin, index.Indexed, models.Model):
    """A kind of event (conference, training, study tour, workshop, forum…): a filter of the
    calendar, labelled in the reader's language, with a slug that is the same in all."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The kind of event's label."))
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in filter URLs; the same in every language.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    translatable_fields = translated("name") + synchronized("slug")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event type")
        verbose_name_plural = _("event types")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


track_labels(EventType)


class AttendanceMode(models.TextChoices):
    """How people take part in an event."""

    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events calendar of one language (slug ``events``): upcoming entries, a month view,
    the archive of past events, filters and a calendar subscription."""

    per_page = models.PositiveSmallIntegerField(
        _("entries per screen"),
        default=20,
        help_text=_("How many events to list at once (upcoming and archive)."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("per_page")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    page_description = _(
        "The events calendar of one language: events, webinars and community events, "
        "with filters, a month view, an archive and a calendar subscription."
    )

    translatable_fields = BasePage.translatable_fields + synchronized("per_page")

    class Meta:
        verbose_name = _("events calendar")
        verbose_name_plural = _("events calendars")

    @path("")
    def upcoming(self, request):
        """The upcoming entries, or the month of ``?month=YYYY-MM``."""
        from events.listing import calendar_context  # noqa: PLC0415 - serves the listing

        return self.render(request, context_overrides=calendar_context(self, request))

    @path("archive/")
    def archive(self, request):
        """``archive/``: past entries, newest first, a screen at a time."""
        from events.listing import archive_context  # noqa: PLC0415 - serves the listing

        return self.render(request, context_overrides=archive_context(self, request))

    @path("calendar/")
    def calendar_file(self, request):
        """``calendar/``: the upcoming entries of the chosen filters, to subscribe to."""
        from events.ics import index_calendar_response  # noqa: PLC0415 - serves the calendar

        return index_calendar_response(self, request)


class EventPageForm(SourceTermsPageForm):
    """The event's admin form: editors type the start and end on the organiser's clock, in
    the event's time zone, whatever their own zone is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = datetimes.time_zone(self.instance.time_zone)
        for name in ("start", "end"):
            value = getattr(self.instance, name, None)
            if value is not None and zone is not None and name in self.fields:
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        """The typed wall-clock times, read on the clocks of the chosen time zone."""
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        if not zone_name or datetimes.time_zone(zone_name) is None:
            return cleaned
        for name in ("start", "end"):
            value = cleaned.get(name)
            if value is None:
                continue
            typed = timezone.localtime(value).replace(tzinfo=None)
            try:
                cleaned[name] = datetimes.wall_clock_to_utc(typed, zone_name)
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned


class EventPage(RoutablePageMixin, RestrictedMixin, BasePage):
    """An event of the calendar: when (on its organiser's clock), how and where people take
    part, who organises it, how to register, and what it is about.

    ``organisers`` link to the library's organisation profiles, the portal's one record of an
    organisation. ``regions`` also receives the regions of the chosen countries and of the
    host country on save, so a region filter is one join.
    """

    event_type = models.ForeignKey(
        EventType,
        verbose_name=_("type of event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Conference, training, study tour, workshop, forum…"),
    )
    start = models.DateTimeField(
        _("starts"),
        db_index=True,
        help_text=_("On the organiser's clock, in the time zone below."),
    )
    end = models.DateTimeField(
        _("ends"), db_index=True, help_text=_("On the organiser's clock, in the time zone below.")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_timezone],
        help_text=_("The organiser's time zone, such as America/Bogota or Africa/Nairobi."),
    )
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=16,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
        help_text=_("Whether people take part online, in person or both."),
    )
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_("The building or place, with its address; for online events, the platform."),
    )
    city = models.CharField(_("city"), max_length=120, blank=True, help_text=_("The host city."))
    country = models.ForeignKey(
        Country,
        verbose_name=_("host country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        help_text=_("The country where the event takes place."),
    )
    organisers = ParentalManyToManyField(
        "library.Organisation",
        verbose_name=_("organisers"),
        blank=True,
        related_name="events",
        help_text=_("The organisations that organise the event."),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Where people register (the organiser's site)."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in the calendar and in search.")
    )
    body = RichTextField(
        _("description"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ul", "ol"],
        help_text=_("The programme, the audience and practical details."),
    )
    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="events",
        help_text=_("The themes the event is about."),
    )
    countries = ParentalManyToManyField(
        Country,
        verbose_name=_("countries"),
        blank=True,
        related_name="events",
        help_text=_("Countries the event is about; their regions are added on save."),
    )
    regions = ParentalManyToManyField(
        Region,
        verbose_name=_("regions"),
        blank=True,
        related_name="events",
        help_text=_("Regions the event covers as a whole."),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only logged-in members can see this event."),
    )

    base_form_class = EventPageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("event_type"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone", widget=TimeZoneSelect),
            ],
            heading=_("Type and dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("registration_url"),
            ],
            heading=_("Place and registration"),
        ),
        FieldPanel("organisers"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("countries"), FieldPanel("regions")],
            heading=_("Classification"),
        ),
        FieldPanel("members_only"),
    ]
    search_fields = (
        BasePage.search_fields
        + RestrictedMixin.search_fields
        + [
            index.SearchField("summary"),
            index.SearchField("body"),
            index.SearchField("venue"),
            index.SearchField("city"),
            index.AutocompleteField("title"),
            index.FilterField("start"),
            index.FilterField("end"),
        ]
    )
    api_fields = BasePage.api_fields + [
        "start",
        "end",
        "time_zone",
        "attendance_mode",
        "venue",
        "city",
        "registration_url",
        "summary",
        APIField("body", serializer=RichTextHTMLField()),
        APIField("event_type", serializer=TermField()),
        APIField("country", serializer=TermField()),
        APIField("organisers", serializer=TermsField()),
        APIField("themes", serializer=TermsField()),
        APIField("countries", serializer=TermsField()),
        APIField("regions", serializer=TermsField()),
    ]
    # Read once per API listing (portal.api), not once per event.
    api_related = ("themes", "countries", "regions", "organisers")
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    page_description = _(
        "An event of the calendar: a conference, training, study tour, workshop or forum."
    )

    translatable_fields = (
        BasePage.translatable_fields
        + translated("summary", "body", "venue", "city")
        + synchronized(
            "event_type",
            "start",
            "end",
            "time_zone",
            "attendance_mode",
            "country",
            "organisers",
            "registration_url",
            "themes",
            "countries",
            "regions",
            "members_only",
        )
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        """Refuse dates outside the portal's years and an end before the start."""
        super().clean()
        errors = {}
        for name in ("start", "end"):
            try:
                datetimes.validate_portal_date(getattr(self, name), self.time_zone)
            except ValidationError as error:
                errors[name] = error.messages
        if not errors and self.start and self.end and self.end <= self.start:
            errors["end"] = [_("The event must end after it starts.")]
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Adds the regions of its countries and of its host country."""
        self._add_country_regions()
        return super().save(*args, **kwargs)

    def _add_country_regions(self):
        chosen = {r.pk for r in self.regions.all()}
        countries = list(self.countries.all()) + ([self.country] if self.country_id else [])
        missing = {c.region_id for c in countries if c.region_id} - chosen
        if missing:
            self.regions = list(self.regions.all()) + list(Region.objects.filter(pk__in=missing))

    @property
    def listing_summary(self):
        """What listings show: the introduction, else the summary."""
        return self.introduction or self.summary

    # The relations the page, its calendar entry and its meta tags read, once per view.
    shown_relations = ("organisers", "themes", "countries", "regions")

    def get_context(self, request, *args, **kwargs):
        """Adds the event as a calendar entry (its times in both zones, its labels)."""
        from events.listing import event_context  # noqa: PLC0415 - serves the page

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context

    @path("calendar/")
    def calendar_file(self, request):
        """``calendar/``: the event as an iCalendar file ("add to calendar")."""
        from events.ics import event_calendar_response  # noqa: PLC0415 - serves the calendar

        return event_calendar_response(self, request)
