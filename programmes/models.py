"""Programme profiles: the programmes section of each language and one page per programme.

A programme is filed under the portal's taxonomy (themes, countries, regions) and this app's
own (programme types, target groups), always pointing at the source-locale rows as every
page of the portal does, so a Spanish profile is filtered and counted exactly like the
English one. Implementing and funding institutions are the library's organisation profiles
(one organisation, one row, whatever it publishes or runs). Publications, webinar series and
communities are linked through Wagtail's page relations (``ProgrammeRelatedPage``), so the
apps below need not know this one: they show the programmes that link to them through the
``portal_page_backlinks`` hook (``portal.backlinks``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from library.models import Organisation
from portal.api_fields import RichTextHTMLField, TermField, TermsField
from portal.index_pages import index_page
from portal.labels import term_label, track_labels
from portal.models import BasePage, Country, Region, RestrictedMixin, Theme
from portal.translation import synchronized, translated

# The page types a programme may point readers to (by label: this app links, never imports
# their templates).
RELATED_PAGE_TYPES = [
    "library.PublicationPage",
    "webinars.WebinarSeriesPage",
    "community_pages.CommunityPage",
]
TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class ProgrammeType(TranslatableMixin, index.Indexed, models.Model):
    """The kind of a programme (conditional cash transfer, social pension, public works…)."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The programme type's label."))
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in filter URLs; the same in every language.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    translatable_fields = translated("name") + synchronized("slug")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("programme type")
        verbose_name_plural = _("programme types")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class TargetGroup(TranslatableMixin, index.Indexed, models.Model):
    """A group of people a programme is meant for (children, older persons, women…)."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The target group's label."))
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in filter URLs; the same in every language.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    translatable_fields = translated("name") + synchronized("slug")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


for _model in (ProgrammeType, TargetGroup):
    track_labels(_model)


class ProgrammeIndexPage(RoutablePageMixin, BasePage):
    """The programmes section of one language: the profiles with filters and counts, a page
    per country and a side-by-side comparison."""

    per_page = models.PositiveSmallIntegerField(
        _("programmes per screen"), default=20, help_text=_("How many programmes to list at once.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("per_page")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count_per_parent = 1
    page_description = _(
        "The programmes section of one language: profiles, filters, countries and comparison."
    )

    translatable_fields = BasePage.translatable_fields + synchronized("per_page")

    class Meta:
        verbose_name = _("programme index")
        verbose_name_plural = _("programme indexes")

    def get_context(self, request, *args, **kwargs):
        """Adds one screen of the programmes the reader may see, the filters and counts."""
        from programmes.listing import index_context  # noqa: PLC0415 - serves the listing

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    @path("country/<str:code>/", name="country")
    def country(self, request, code):
        """``country/<ISO code>/``: what the portal holds on one country."""
        from programmes.views import country_view  # noqa: PLC0415 - serves the route

        return country_view(request, self, code)

    @path("compare/", name="compare")
    def compare(self, request):
        """``compare/?p=<id>&p=<id>``: two or three programmes side by side."""
        from programmes.views import compare_view  # noqa: PLC0415 - serves the route

        return compare_view(request, self)


class ProgrammePage(RestrictedMixin, BasePage):
    """The profile of one social protection programme; its name is the page title.

    Taxonomy relations are parental many-to-many fields (kept in revisions, so a draft
    carries its classification) pointing at source-locale rows; ``regions`` also receives
    the regions of the chosen countries on save, so a region filter is one join. A programme
    with no end year is ongoing.
    """

    acronym = models.CharField(
        _("acronym"),
        max_length=40,
        blank=True,
        help_text=_("The short name readers know it by, for example PSNP or MGNREGA."),
    )
    countries = ParentalManyToManyField(
        Country,
        verbose_name=_("countries"),
        blank=True,
        related_name="programmes",
        help_text=_("Countries where the programme runs; their regions are added on save."),
    )
    regions = ParentalManyToManyField(
        Region,
        verbose_name=_("regions"),
        blank=True,
        related_name="programmes",
        help_text=_("Regions the programme covers as a whole."),
    )
    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="programmes",
        help_text=_("The themes of the taxonomy that apply."),
    )
    programme_type = models.ForeignKey(
        ProgrammeType,
        verbose_name=_("programme type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        help_text=_("Choose the English term; readers see it in their language."),
    )
    target_groups = ParentalManyToManyField(
        TargetGroup,
        verbose_name=_("target groups"),
        blank=True,
        related_name="programmes",
        help_text=_("Who the programme is meant for."),
    )
    year_started = models.PositiveSmallIntegerField(
        _("year started"), null=True, blank=True, db_index=True, help_text=_("For example 2003.")
    )
    year_ended = models.PositiveSmallIntegerField(
        _("year ended"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty while the programme is running."),
    )
    implementing_institutions = ParentalManyToManyField(
        Organisation,
        verbose_name=_("implementing institutions"),
        blank=True,
        related_name="implemented_programmes",
        help_text=_("The ministries or agencies that run the programme."),
    )
    funding_institutions = ParentalManyToManyField(
        Organisation,
        verbose_name=_("funding institutions"),
        blank=True,
        related_name="funded_programmes",
        help_text=_("Who pays for it: the national budget's ministry, donors, lenders."),
    )
    legal_basis = models.TextField(
        _("legal basis"),
        blank=True,
        help_text=_("The law, decree or policy that created the programme."),
    )
    benefit_description = RichTextField(
        _("benefits"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("What beneficiaries receive, how much and how often."),
    )
    targeting_method = RichTextField(
        _("targeting method"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("How beneficiaries are selected: categories, means test, registry."),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only logged-in members can see this programme."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("acronym"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("programme_type"),
                FieldPanel("target_groups"),
                FieldPanel("themes"),
                FieldPanel("countries"),
                FieldPanel("regions"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year_started"), FieldPanel("year_ended")]),
                FieldPanel("implementing_institutions"),
                FieldPanel("funding_institutions"),
                FieldPanel("legal_basis"),
            ],
            heading=_("Dates, institutions and legal basis"),
        ),
        MultiFieldPanel(
            [FieldPanel("benefit_description"), FieldPanel("targeting_method")],
            heading=_("Design"),
        ),
        InlinePanel("coverage_figures", label=_("Coverage figure"), heading=_("Coverage")),
        InlinePanel("links", label=_("Link"), heading=_("Links")),
        InlinePanel(
            "related_pages",
            label=_("Related page"),
            heading=_("Related publications, webinar series and communities"),
        ),
        FieldPanel("members_only"),
    ]
    search_fields = (
        BasePage.search_fields
        + RestrictedMixin.search_fields
        + [
            index.SearchField("acronym", boost=2),
            index.SearchField("benefit_description"),
            index.SearchField("targeting_method"),
            index.SearchField("legal_basis"),
            index.AutocompleteField("title"),
            index.AutocompleteField("acronym"),
            index.FilterField("year_started"),
            index.FilterField("year_ended"),
            index.FilterField("programme_type"),
        ]
    )
    api_fields = BasePage.api_fields + [
        "acronym",
        "year_started",
        "year_ended",
        APIField("status"),
        APIField("programme_type", serializer=TermField()),
        APIField("target_groups", serializer=TermsField()),
        APIField("themes", serializer=TermsField()),
        APIField("countries", serializer=TermsField()),
        APIField("regions", serializer=TermsField()),
        APIField("implementing_institutions", serializer=TermsField()),
        APIField("funding_institutions", serializer=TermsField()),
        "legal_basis",
        APIField("benefit_description", serializer=RichTextHTMLField()),
        APIField("targeting_method", serializer=RichTextHTMLField()),
        "coverage_figures",
        "links",
    ]
    # Read once per API listing (portal.api), not once per programme.
    api_related = (
        "programme_type",
        "target_groups",
        "themes",
        "countries",
        "regions",
        "implementing_institutions",
        "funding_institutions",
        "coverage_figures",
        "links",
    )
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []
    page_description = _(
        "A social protection programme: its design, coverage, institutions and sources."
    )

    translatable_fields = (
        BasePage.translatable_fields
        + translated("legal_basis", "benefit_description", "targeting_method")
        + synchronized(
            "acronym",
            "countries",
            "regions",
            "themes",
            "programme_type",
            "target_groups",
            "year_started",
            "year_ended",
            "implementing_institutions",
            "funding_institutions",
            "coverage_figures",
            "links",
            "related_pages",
            "members_only",
        )
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def save(self, *args, **kwargs):
        """Adds its countries' regions before saving."""
        self._add_country_regions()
        return super().save(*args, **kwargs)

    def _add_country_regions(self):
        chosen = {r.pk for r in self.regions.all()}
        missing = {c.region_id for c in self.countries.all() if c.region_id} - chosen
        if missing:
            self.regions = list(self.regions.all()) + list(Region.objects.filter(pk__in=missing))

    @property
    def is_ongoing(self):
        """Whether the programme is still running (it has no end year)."""
        return self.year_ended is None

    @property
    def status(self):
        """``"ongoing"`` or ``"ended"``, from the end year."""
        return "ongoing" if self.is_ongoing else "ended"

    @property
    def status_label(self):
        """The status in the reader's language."""
        return _("Ongoing") if self.is_ongoing else _("Ended")

    @property
    def years_label(self):
        """``2003–`` or ``1997–2019`` (empty without a start year)."""
        if not self.year_started:
            return ""
        return f"{self.year_started}–{self.year_ended or ''}"

    @property
    def programme_type_label(self):
        """The programme type in the reader's language."""
        return term_label(self.programme_type)

    @property
    def listing_summary(self):
        """What listings show: the introduction, else the description for search engines."""
        return self.introduction or self.search_description

    shown_relations = (
        "countries",
        "regions",
        "target_groups",
        "themes",
        "implementing_institutions",
        "funding_institutions",
        "coverage_figures",
        "links",
    )

    def get_context(self, request, *args, **kwargs):
        """Adds the related pages the reader may read, grouped by kind, in their language."""
        from programmes.listing import related_sections  # noqa: PLC0415 - serves the page

        context = super().get_context(request, *args, **kwargs)
        context["related_sections"] = related_sections(self, request.user)
        # The language's programmes index (kept in the cache) is the parent, as a rule.
        index = index_page(request, ProgrammeIndexPage, self.locale)
        if index is None or self.path[: -self.steplen] != index.path:
            index = ProgrammeIndexPage.objects.parent_of(self).first()
        context["index"] = index
        return context


class CoverageUnit(models.TextChoices):
    """What a coverage figure counts."""

    PEOPLE = "people", _("people")
    HOUSEHOLDS = "households", _("households")
    FAMILIES = "families", _("families")
    CHILDREN = "children", _("children")
    OLDER_PERSONS = "older-persons", _("older persons")
    WORKERS = "workers", _("workers")


class ProgrammeCoverage(Orderable):
    """How many people, households or families a programme reached in a year, and where the
    figure comes from (figures without a source are not published)."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="coverage_figures")
    figure = models.PositiveBigIntegerField(_("figure"), help_text=_("For example 21000000."))
    unit = models.CharField(
        _("unit"),
        max_length=20,
        choices=CoverageUnit.choices,
        default=CoverageUnit.PEOPLE,
        help_text=_("What the figure counts."),
    )
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("The year of the figure."))
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("Who published the figure, for example the ministry's annual report."),
    )
    source_url = models.URLField(
        _("source URL"), max_length=500, blank=True, help_text=_("Where the figure is published.")
    )

    panels = [
        FieldRowPanel([FieldPanel("figure"), FieldPanel("unit"), FieldPanel("year")]),
        FieldPanel("source"),
        FieldPanel("source_url"),
    ]
    api_fields = ["figure", "unit", "year", "source", "source_url"]

    class Meta(Orderable.Meta):
        verbose_name = _("coverage figure")
        verbose_name_plural = _("coverage figures")


class ProgrammeLink(Orderable):
    """A link from a programme to elsewhere: its official site, its law, its data."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(
        _("label"),
        max_length=200,
        help_text=_("What the link leads to, for example Official site."),
    )
    url = models.URLField(_("URL"), max_length=500, help_text=_("The full address."))

    panels = [FieldPanel("label"), FieldPanel("url")]
    api_fields = ["label", "url"]

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")


class ProgrammeRelatedPage(Orderable):
    """A publication, webinar series or community a programme points its readers to; the
    page linked shows the programme back (``programmes.listing.backlinks``)."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="related_pages")
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A publication, webinar series or community of the portal."),
    )

    panels = [PageChooserPanel("related_page", RELATED_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
