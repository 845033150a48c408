"""Home, standard and section index pages: the frame the apps' pages hang in."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.access import audience_for, public_pages, visible_pages
from portal.blocks import BodyBlock, LinkBlock
from portal.locales import locales_by_pk
from portal.params import MAX_PAGE, int_param
from portal.terms import SourceTermsPageForm
from portal.text import fold
from portal.translation import PAGE_FIELDS, synchronized, translated


class BasePage(Page):
    """Fields and behaviour every page of the portal shares.

    ``search_fields`` add the locale as a filter so that search can be limited to the
    reader's language, and the title without accents (``folded_title``) to the autocomplete
    fields; ``introduction`` is the short text listings and search results show.
    """

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown at the top of the page and in listings."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.AutocompleteField("folded_title"),
        index.FilterField("locale_id"),
    ]
    api_fields = ["introduction"]

    translatable_fields = PAGE_FIELDS + translated("introduction")
    base_form_class = SourceTermsPageForm
    # The image link previews show (``portal.sharing``): a page type with a picture of its
    # own names its field; the others show the portal's card.
    social_image_field = None
    # The relations a page type's template, citation and meta tags read (many-to-many and
    # child relations): each read once per view (``get_context``) instead of once per use.
    shown_relations = ()

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        """Wagtail's context, with the page's ``shown_relations`` read once (not in a preview,
        whose relations are the editor's unsaved ones, in memory)."""
        if self.shown_relations and not getattr(request, "is_preview", False):
            models.prefetch_related_objects([self], *self.shown_relations)
        # The page's locale from the locales read once per request, not a query of its own.
        locale = locales_by_pk().get(self.locale_id)
        if locale is not None:
            self.locale = locale
        return super().get_context(request, *args, **kwargs)

    @property
    def folded_title(self):
        """The title lower-cased without accents (``Protección`` -> ``proteccion``), for the
        header box's autocomplete: Wagtail's PostgreSQL autocomplete analyses with the
        ``simple`` configuration, which keeps accents, and the site search folds the words
        typed (``search.service.autocomplete``), so "proteccion" finds "Protección"."""
        return fold(self.title)

    @property
    def listing_summary(self):
        """The text a listing shows under the title: the introduction, else the description."""
        return self.introduction or self.search_description


class RestrictedMixin(models.Model):
    """Content that may be hidden from some readers (see ``community_pages.access``).

    ``audience`` is worked out from the page's own fields on every save (``members_only``,
    or the community that governs it) and is both a database column and a search filter,
    so listings, counts, facets and search results are restricted in the query itself.
    Models using this mixin add ``index.FilterField("audience")`` to their search fields
    (``RestrictedMixin.search_fields`` does).
    """

    audience = models.CharField(
        _("audience"), max_length=32, default="public", editable=False, db_index=True
    )

    search_fields = [index.FilterField("audience")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Works out the audience from the content's own fields and saves it with the row."""
        self.audience = audience_for(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "audience" not in update_fields:
            kwargs["update_fields"] = list(update_fields) + ["audience"]
        return super().save(*args, **kwargs)


# The portal's four pillars, in the order the home page shows them: an app's home section
# names its pillar (``"pillar": "learn"``).
PILLARS = [
    ("discover", _("Discover"), _("Publications, programmes and the organisations behind them.")),
    ("connect", _("Connect"), _("Online communities and the events where practitioners meet.")),
    ("learn", _("Learn"), _("Webinars with their recordings, news and the glossary.")),
    ("share", _("Share"), _("Your questions, experience and publications.")),
]


class HomePage(BasePage):
    """The portal's front page: a hero, featured content and the latest of each section."""

    hero_title = models.CharField(
        _("hero title"), max_length=160, help_text=_("The large heading at the top of the page.")
    )
    hero_text = models.TextField(
        _("hero text"), blank=True, help_text=_("A sentence or two under the hero title.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide image behind or beside the hero text."),
    )
    social_image_field = "hero_image"
    hero_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("hero buttons"),
        blank=True,
        max_num=3,
        help_text=_("Up to three buttons under the hero text."),
    )
    featured = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("featured content"),
        blank=True,
        max_num=6,
        help_text=_("Pages to feature on the home page, in this order."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Further content shown below the featured items."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_links"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
        FieldPanel("featured"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_text")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None
    page_description = _("The front page of the portal, one per language.")

    translatable_fields = (
        BasePage.translatable_fields
        + translated("hero_title", "hero_text", "hero_links", "featured", "body")
        + synchronized("hero_image", overridable=True)
    )

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        """Adds the apps' home sections (``portal_home_sections``) for this reader, and the
        same sections grouped under the portal's four pillars (``home_pillars``)."""
        context = super().get_context(request, *args, **kwargs)
        # Each app registers a "portal_home_sections" hook returning a section dict
        # ({"title", "url", "items", "pillar"}) or None; the home page shows them in order,
        # each under its pillar (PILLARS), those of no pillar after them.
        sections = []
        for fn in hooks.get_hooks("portal_home_sections"):
            section = fn(request, self.locale)
            if section and section.get("items"):
                sections.append(section)
        context["home_sections"] = sections
        pillars = [
            {"key": key, "title": title, "text": text, "sections": []}
            for key, title, text in PILLARS
        ]
        by_key = {pillar["key"]: pillar for pillar in pillars}
        others = []
        for section in sections:
            pillar = by_key.get(section.get("pillar"))
            (pillar["sections"] if pillar else others).append(section)
        context["home_pillars"] = [pillar for pillar in pillars if pillar["sections"]]
        context["other_sections"] = others
        return context


class StandardPage(BasePage):
    """A page of free content: about, help, policies."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), help_text=_("The page's content."))

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + ["body"]
    subpage_types = ["portal.StandardPage", "portal.IndexPage"]
    page_description = _("A page of free content, such as About or Help.")

    translatable_fields = BasePage.translatable_fields + translated("body")

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class IndexPage(BasePage):
    """A section page that lists its child pages (for example About, News, Resources)."""

    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Optional content shown above the list of pages."),
    )
    per_page = models.PositiveSmallIntegerField(
        _("pages per screen"), default=12, help_text=_("How many child pages to list at once.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("per_page"),
    ]
    subpage_types = ["portal.StandardPage", "portal.IndexPage"]
    page_description = _("A section that lists the pages below it.")

    translatable_fields = (
        BasePage.translatable_fields + translated("body") + synchronized("per_page")
    )

    class Meta:
        verbose_name = _("section index page")
        verbose_name_plural = _("section index pages")

    def get_children_for_listing(self, request):
        """The live child pages the reader may see."""
        return visible_pages(public_pages(self.get_children().live()).specific(), request.user)

    def get_context(self, request, *args, **kwargs):
        """Adds one screen of the visible child pages (``?page=``, capped)."""
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_children_for_listing(request), max(self.per_page, 1))
        try:
            page_obj = paginator.page(int_param(request.GET, "page", 1, 1, MAX_PAGE))
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(1)
        context["children"] = page_obj
        return context


def site_name():
    """The portal's name (``SITE_NAME``), for templates."""
    return settings.WAGTAIL_SITE_NAME
