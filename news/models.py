"""The news section of each language and its articles.

An article is filed under the portal's taxonomy (themes, countries and regions: source-locale
rows, as every page of the portal) and links to related publications, webinars and
communities through Wagtail's page relations, so this app imports none of those apps.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal.api_fields import TermsField
from portal.blocks import BodyBlock
from portal.models import BasePage, Country, Region, RestrictedMixin, Theme
from portal.translation import synchronized, translated

# The page types an article may point readers to (by label: this app imports none of them).
RELATED_PAGE_TYPES = [
    "library.PublicationPage",
    "webinars.WebinarPage",
    "webinars.WebinarSeriesPage",
    "community_pages.CommunityPage",
]


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news section of one language: its articles newest first, filters and a feed."""

    per_page = models.PositiveSmallIntegerField(
        _("articles per screen"), default=10, help_text=_("How many articles to list at once.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("per_page")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1
    page_description = _("The news section of one language: its articles, filters and feed.")

    translatable_fields = BasePage.translatable_fields + synchronized("per_page")

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        """Adds one screen of the articles the reader may see, the filters and their counts."""
        from news.listing import index_context  # noqa: PLC0415 - serves the listing

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    @path("feed/")
    def rss_feed(self, request):
        """``feed/``: the RSS feed of the newest articles, filtered as the listing is."""
        from news.feeds import NewsFeed  # noqa: PLC0415 - serves the feed

        return NewsFeed()(request, page=self)


class NewsArticlePage(RestrictedMixin, BasePage):
    """A news article: dated, signed, illustrated, filed under the taxonomy.

    ``date`` is the date readers see and listings sort by; left empty, it is set to the day
    the article is first published. Relations to terms are parental many-to-many fields
    (kept in revisions, so a draft carries its classification); ``regions`` also receives the
    regions of the chosen countries on save, so a region filter is one join.
    """

    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The article's date. Leave empty to use the day it is first published."),
    )
    author = models.CharField(
        _("author"),
        max_length=200,
        blank=True,
        help_text=_("Who wrote the article: a person or a team."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in listings and at the top of the article; its description is the alt text."
        ),
    )
    social_image_field = "image"
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in listings, feeds and search.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), help_text=_("The article's text."))
    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="news_articles",
        help_text=_("The themes the article is about."),
    )
    countries = ParentalManyToManyField(
        Country,
        verbose_name=_("countries"),
        blank=True,
        related_name="news_articles",
        help_text=_("Countries the article is about; their regions are added on save."),
    )
    regions = ParentalManyToManyField(
        Region,
        verbose_name=_("regions"),
        blank=True,
        related_name="news_articles",
        help_text=_("Regions the article covers as a whole."),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only logged-in members can see this article."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("image")],
            heading=_("Date, author and image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("countries"), FieldPanel("regions")],
            heading=_("Classification"),
        ),
        InlinePanel("related_pages", label=_("Related page"), heading=_("Related content")),
        FieldPanel("members_only"),
    ]
    search_fields = (
        BasePage.search_fields
        + RestrictedMixin.search_fields
        + [
            index.SearchField("summary"),
            index.SearchField("body"),
            index.AutocompleteField("title"),
            index.FilterField("date"),
        ]
    )
    api_fields = BasePage.api_fields + [
        "date",
        "author",
        "summary",
        "body",
        "image",
        APIField("themes", serializer=TermsField()),
        APIField("countries", serializer=TermsField()),
        APIField("regions", serializer=TermsField()),
    ]
    # Read once per API listing (portal.api), not once per article.
    api_related = ("themes", "countries", "regions")
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    page_description = _("A news article: dated, signed, illustrated and filed under themes.")

    translatable_fields = (
        BasePage.translatable_fields
        + translated("summary", "body")
        + synchronized(
            "date", "author", "themes", "countries", "regions", "related_pages", "members_only"
        )
        + synchronized("image", overridable=True)
    )

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def save(self, *args, **kwargs):
        """Dates the article on its first publication (unless an editor dated it) and adds its
        countries' regions."""
        if self.date is None and self.first_published_at is not None:
            self.date = timezone.localdate(self.first_published_at)
        self._add_country_regions()
        return super().save(*args, **kwargs)

    def _add_country_regions(self):
        chosen = {r.pk for r in self.regions.all()}
        missing = {c.region_id for c in self.countries.all() if c.region_id} - chosen
        if missing:
            self.regions = list(self.regions.all()) + list(Region.objects.filter(pk__in=missing))

    def get_context(self, request, *args, **kwargs):
        """Adds the related pages the reader may read, in the reader's language."""
        from news.listing import related_pages  # noqa: PLC0415 - serves the article

        context = super().get_context(request, *args, **kwargs)
        context["related"] = related_pages(self, request.user)
        return context

    @property
    def listing_summary(self):
        """What listings show: the introduction, else the summary."""
        return self.introduction or self.summary

    @property
    def display_date(self):
        """The date readers see: the article's date, else the day it was first published."""
        if self.date:
            return self.date
        return timezone.localdate(self.first_published_at) if self.first_published_at else None


class NewsRelatedPage(Orderable):
    """A publication, webinar or community an article points its readers to."""

    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_pages")
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A publication, webinar or community of the portal."),
    )

    panels = [PageChooserPanel("related_page", RELATED_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
