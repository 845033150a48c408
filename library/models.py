"""The public document library: its taxonomy, the library index and publication pages.

Library taxonomy terms (document types, organisations, document languages) are translatable
snippets like the portal's themes, regions and countries: one row per locale sharing a
``translation_key``. Publications point at the source-locale (English) rows, so a filter or
a facet count is the same whatever language the reader browses in, and labels are looked
up with ``portal.labels.term_label``.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery, Sum
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, ReferenceIndex, TranslatableMixin
from wagtail.search import index

from library.citations import citation_url, formatted, meta_tags
from library.facets import FacetKeysField
from portal import usage
from portal.access import public_pages, visible_pages
from portal.api_fields import LinesField, TermField, TermsField
from portal.index_pages import index_page
from portal.labels import term_label, track_labels
from portal.locales import default_locale, locale_for
from portal.models import BasePage, Country, Region, RestrictedMixin, Theme
from portal.reader_urls import absolute_url
from portal.translation import synchronized, translated


class DocumentType(TranslatableMixin, index.Indexed, models.Model):
    """The kind of a publication (report, policy brief, working paper…)."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The document type's label."))
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in filter URLs; the same in every language.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    translatable_fields = translated("name") + synchronized("slug")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """An organisation that publishes or commissions publications (a ministry, an agency)."""

    name = models.CharField(_("name"), max_length=200, help_text=_("The organisation's full name."))
    acronym = models.CharField(
        _("acronym"), max_length=30, blank=True, help_text=_("For example IPC-IG or ILO.")
    )
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in filter URLs; the same in every language.")
    )
    website = models.URLField(_("website"), blank=True, help_text=_("The organisation's site."))

    panels = [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("slug"), FieldPanel("website")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
    ]

    translatable_fields = translated("name", "acronym") + synchronized("slug", "website")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class DocumentLanguage(TranslatableMixin, index.Indexed, models.Model):
    """A language a publication is written in (not a language of the interface)."""

    name = models.CharField(_("name"), max_length=80, help_text=_("The language's name."))
    code = models.CharField(
        _("code"),
        max_length=8,
        help_text=_("ISO 639-1 code, for example pt. Used in filter URLs and citations."),
    )

    panels = [FieldPanel("name"), FieldPanel("code")]
    search_fields = [index.SearchField("name")]

    translatable_fields = translated("name") + synchronized("code")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("document language")
        verbose_name_plural = _("document languages")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    def __str__(self):
        return self.name

    @property
    def slug(self):
        """The language's code: what its filter value is called elsewhere."""
        return self.code


for _model in (DocumentType, Organisation, DocumentLanguage):
    track_labels(_model)


class LibraryIndexPage(BasePage):
    """The library section of one language: lists, filters and searches every publication."""

    per_page = models.PositiveSmallIntegerField(
        _("publications per screen"), default=20, help_text=_("How many results to list at once.")
    )
    submission_text = models.TextField(
        _("submission invitation"),
        blank=True,
        help_text=_("A sentence inviting members to propose a publication, shown beside the list."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("per_page"),
        FieldPanel("submission_text"),
    ]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["library.PublicationPage"]
    max_count_per_parent = 1
    page_description = _("The public library of one language: its listing, filters and feeds.")

    translatable_fields = (
        BasePage.translatable_fields + translated("submission_text") + synchronized("per_page")
    )

    class Meta:
        verbose_name = _("library index page")
        verbose_name_plural = _("library index pages")

    def get_context(self, request, *args, **kwargs):
        """Adds the listing for the query string as the reader may see it: the page of results,
        facets and active filters."""
        from library.listing import LibraryQuery, build_listing  # noqa: PLC0415 - serves the listing

        context = super().get_context(request, *args, **kwargs)
        query = LibraryQuery.from_params(request.GET)
        context.update(build_listing(query, request.user, self.locale, per_page=self.per_page))
        return context


def library_url(language_code=None):
    """URL of the library index in the reader's language (the listing links point there)."""

    code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    locale = locale_for(code)
    index = (index_page(None, LibraryIndexPage, locale) if locale else None) or (
        LibraryIndexPage.objects.live().first()
    )
    return index.url if index else f"/{code}/library/"


class PublicationTag(TaggedItemBase):
    """A free keyword on a publication (django-taggit through model)."""

    content_object = ParentalKey(
        "library.PublicationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PublicationPage(RestrictedMixin, BasePage):
    """One publication of the library: its metadata, files and classification.

    Relations to taxonomy terms are parental many-to-many fields (kept in revisions, so a
    draft or a moderation review carries its classification) pointing at source-locale terms.
    ``regions`` also receives the regions of the chosen countries on every save, so a region
    filter is one join, not a walk through countries.
    """

    abstract = models.TextField(_("abstract"), help_text=_("A summary of the publication."))
    authors = models.TextField(
        _("authors"),
        blank=True,
        help_text=_("One author per line, written 'Family name, Given names'."),
    )
    organisations = ParentalManyToManyField(
        Organisation,
        verbose_name=_("organisations"),
        blank=True,
        related_name="publications",
        help_text=_("Organisations that published or commissioned it."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), db_index=True, help_text=_("Year of publication.")
    )
    publication_date = models.DateField(
        _("publication date"), null=True, blank=True, help_text=_("The full date, when known.")
    )
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("document type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
        help_text=_("Choose the English term; readers see it in their language."),
    )
    languages = ParentalManyToManyField(
        DocumentLanguage,
        verbose_name=_("languages of the document"),
        blank=True,
        related_name="publications",
        help_text=_("The languages the document itself is written in."),
    )
    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="publications",
        help_text=_("The most specific themes that apply; parent themes are implied."),
    )
    countries = ParentalManyToManyField(
        Country,
        verbose_name=_("countries"),
        blank=True,
        related_name="publications",
        help_text=_("Countries the publication is about; their regions are added on save."),
    )
    regions = ParentalManyToManyField(
        Region,
        verbose_name=_("regions"),
        blank=True,
        related_name="publications",
        help_text=_("Regions the publication covers as a whole."),
    )
    keywords = ClusterTaggableManager(
        through=PublicationTag,
        verbose_name=_("keywords"),
        blank=True,
        help_text=_("Free keywords, separated by commas."),
    )
    external_url = models.URLField(
        _("external link"),
        blank=True,
        max_length=500,
        help_text=_("Where the publication lives elsewhere, if it has no file here."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publication's cover, shown beside its abstract."),
    )
    social_image_field = "cover_image"
    doi = models.CharField(
        _("DOI"), max_length=200, blank=True, help_text=_("For example 10.1234/abcd.5678.")
    )
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True, help_text=_("ISBN-10 or 13."))
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only logged-in members can see this publication and download its files."),
    )
    extracted_text = models.TextField(_("text of the files"), blank=True, editable=False)
    import_identifier = models.CharField(
        _("import identifier"),
        max_length=120,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Stable identifier used by the bulk import."),
    )
    import_hash = models.CharField(max_length=64, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_publications",
        editable=False,
    )
    submitter_notified = models.BooleanField(default=False, editable=False)
    content_panels = BasePage.content_panels + [
        FieldPanel("abstract"),
        FieldPanel("authors"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("publication_date")]),
                FieldPanel("document_type"),
                FieldPanel("organisations"),
                FieldPanel("languages"),
                FieldRowPanel([FieldPanel("doi"), FieldPanel("isbn")]),
            ],
            heading=_("Bibliographic details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("countries"),
                FieldPanel("regions"),
                FieldPanel("keywords"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("files", label=_("File")),
                FieldPanel("external_url"),
                FieldPanel("cover_image"),
            ],
            heading=_("Files and links"),
        ),
        FieldPanel("members_only"),
    ]
    search_fields = (
        BasePage.search_fields
        + RestrictedMixin.search_fields
        + [
            index.SearchField("abstract"),
            index.SearchField("authors"),
            index.SearchField("extracted_text"),
            index.SearchField("taxonomy_text"),
            index.FilterField("year"),
        ]
    )
    api_fields = BasePage.api_fields + [
        "abstract",
        APIField("authors", serializer=LinesField()),
        "year",
        "publication_date",
        "doi",
        "isbn",
        APIField("document_type", serializer=TermField()),
        APIField("themes", serializer=TermsField()),
        APIField("countries", serializer=TermsField()),
        APIField("regions", serializer=TermsField()),
        APIField("languages", serializer=TermsField()),
        APIField("organisations", serializer=TermsField()),
        APIField("download_links"),
        "external_url",
    ]
    # Read once per API listing (portal.api), not once per publication.
    api_related = (
        "document_type",
        "themes",
        "countries",
        "regions",
        "languages",
        "organisations",
        "files__document",
    )
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []
    page_description = _("A publication of the library, with its files and classification.")

    translatable_fields = (
        BasePage.translatable_fields
        + translated("abstract")
        + synchronized(
            "authors",
            "year",
            "publication_date",
            "document_type",
            "organisations",
            "languages",
            "themes",
            "countries",
            "regions",
            "keywords",
            "tagged_items",
            "doi",
            "isbn",
            "files",
            "members_only",
        )
        + synchronized("external_url", "cover_image", overridable=True)
    )

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @classmethod
    def get_indexed_objects(cls):
        """What ``update_index`` reads, with every relation the index entry needs loaded in
        bulk (``taxonomy_text`` and the Elasticsearch facets)."""
        # Themes come with the ancestors above them (a taxonomy tree is shallow).
        themes = Prefetch("themes", queryset=Theme.objects.select_related("parent__parent__parent"))
        return (
            super()
            .get_indexed_objects()
            .select_related("document_type")
            .prefetch_related(
                themes,
                "countries",
                "regions",
                "organisations",
                "languages",
                "keywords",
                Prefetch(
                    "listing_entries",
                    queryset=ListingEntry.objects.only("publication_id", "language"),
                ),
            )
        )

    def save(self, *args, **kwargs):
        """Adds its countries' regions, then writes the listing entries of the publication's
        translations again."""
        self._add_country_regions()
        result = super().save(*args, **kwargs)
        from library.indexing import refresh_listing  # noqa: PLC0415 - indexing reads these models

        refresh_listing(self.translation_key)
        return result

    def _add_country_regions(self):
        region_ids = {c.region_id for c in self.countries.all() if c.region_id}
        if region_ids - {r.pk for r in self.regions.all()}:
            self.regions = list(self.regions.all()) + list(
                Region.objects.filter(pk__in=region_ids).exclude(
                    pk__in=[r.pk for r in self.regions.all()]
                )
            )

    def search_facets(self):
        """Facet keys for the Elasticsearch document (``search.es_library``): the same keys
        the listing's URLs use, with every ancestor of each theme (``get_indexed_objects``
        loads them with the themes, so indexing in bulk asks no query per publication)."""
        themes = set()
        for theme in self.themes.all():
            while theme is not None and theme.slug not in themes:
                themes.add(theme.slug)
                theme = theme.parent
        return {
            "theme": sorted(themes),
            "region": sorted(r.slug for r in self.regions.all()),
            "country": sorted(c.iso_code.lower() for c in self.countries.all()),
            "type": [self.document_type.slug] if self.document_type_id else [],
            "language": sorted(la.code.lower() for la in self.languages.all()),
            "organisation": sorted(o.slug for o in self.organisations.all()),
            "year": [str(self.year)] if self.year else [],
            "listed": sorted(entry.language for entry in self.listing_entries.all()),
        }

    @property
    def listing_summary(self):
        """What listings show: the introduction, else the abstract."""
        return self.introduction or self.abstract

    def author_list(self):
        """The authors, one per line of ``authors`` (``Family, Given``)."""
        return [line.strip() for line in self.authors.splitlines() if line.strip()]

    def taxonomy_text(self):
        """Labels of every term in every language, so a search in any language finds it.

        Labels come from the per-process label maps (``term_label``): indexing a publication
        asks no query beyond its relations, which ``update_index`` prefetches.
        """
        terms = [
            *self.themes.all(),
            *self.countries.all(),
            *self.regions.all(),
            *self.organisations.all(),
            *self.languages.all(),
        ]
        if self.document_type_id:
            terms.append(self.document_type)
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        words = [tag.name for tag in self.keywords.all()]
        for term in terms:
            words.extend(dict.fromkeys(term_label(term, code) for code in codes))
        words.extend(o.acronym for o in self.organisations.all() if o.acronym)
        return " ".join(words)

    def files_for_display(self):
        """The publication's files that have a document."""
        return [f for f in self.files.all() if f.document_id]

    @property
    def download_links(self):
        """The files as the API gives them: each through the access-checked download view,
        at ``BASE_URL``, never the storage path."""
        return [
            {
                "title": f.document.title,
                "format": f.document.file_extension.lower(),
                "url": absolute_url(reverse("library:download", args=[f.pk])),
            }
            for f in self.files.all()
            if f.document_id
        ]

    def related_publications(self, user, limit=4):
        """Publications sharing themes or countries with this one, most shared first."""
        from library.listing import base_queryset  # noqa: PLC0415 - serves the listing

        theme_ids = [t.pk for t in self.themes.all()]
        country_ids = [c.pk for c in self.countries.all()]
        if not theme_ids and not country_ids:
            return []
        qs = (
            base_queryset(user, self.locale)
            .exclude(translation_key=self.translation_key)
            .filter(models.Q(themes__in=theme_ids) | models.Q(countries__in=country_ids))
            .annotate(shared=models.Count("pk"))
            .order_by("-shared", "-year", "title")
        )
        return list(qs[:limit])

    def references(self, user):
        """Pages that point at this publication (in any of its translations), from Wagtail's
        reference index: webinars' related content, community pages' publication lists and
        any rich text link or page chooser. Only live pages ``user`` may read, grouped as
        ``[{"title", "items": [{"page", "label"}, ...]}]``, in the reader's language where
        translated."""

        # The reference index keeps ids as text: the translations' ids, as text, in SQL.
        translations = (
            PublicationPage.objects.filter(translation_key=self.translation_key)
            .annotate(id_text=Cast("pk", models.CharField()))
            .values("id_text")
        )
        page_type = ContentType.objects.get_for_model(Page)
        source_ids = (
            ReferenceIndex.objects.filter(
                to_content_type=page_type,
                to_object_id__in=translations,
                base_content_type=page_type,
            )
            .values_list("object_id", flat=True)
            .distinct()
        )
        sources = visible_pages(
            Page.objects.live()
            .filter(pk__in=[int(pk) for pk in source_ids])
            .exclude(translation_key=self.translation_key),
            user,
        ).specific(defer=True)  # titles and links only: no query per page type
        # One entry per translated page, in the reader's language when it exists.
        chosen = {}
        for page in sources.order_by("title"):
            current = chosen.get(page.translation_key)
            if current is None or page.locale_id == self.locale_id:
                chosen[page.translation_key] = page
        groups = {
            "webinars": {"title": _("Webinars on this publication"), "items": []},
            "community_pages": {"title": _("In online communities"), "items": []},
            "": {"title": _("Also referenced on"), "items": []},
        }
        # A community's own page is named with its community (parents in one query).
        parent_paths = {
            page.pk: page.path[: -Page.steplen]
            for page in chosen.values()
            if page._meta.model_name == "communityresourcepage"
        }
        parents = dict(
            Page.objects.filter(path__in=parent_paths.values()).values_list("path", "title")
        )
        for page in chosen.values():
            app = page._meta.app_label
            label = page.title
            if page.pk in parent_paths:
                label = f"{parents.get(parent_paths[page.pk], '')} › {page.title}"
            groups[app if app in groups else ""]["items"].append({"page": page, "label": label})
        return [group for group in groups.values() if group["items"]]

    # The citation, its meta tags, related publications and the template all read these.
    shown_relations = (
        "organisations",
        "languages",
        "themes",
        "countries",
        "regions",
        "keywords",
        "files__document",
    )

    def get_context(self, request, *args, **kwargs):
        """Adds the files, the formatted citation and citation meta tags, related publications and
        references the reader may read, and the library's address."""

        context = super().get_context(request, *args, **kwargs)
        files = self.files_for_display()
        url = citation_url(self)
        pdf_urls = [
            absolute_url(reverse("library:download", args=[f.pk]))
            for f in files
            if f.document.file_extension.lower() == "pdf"
        ]
        context["citation"] = formatted(self, url, translation.get_language())
        context.update(
            files=files,
            related=self.related_publications(request.user),
            library_url=library_url(),
            citation_meta=meta_tags(self, url, pdf_urls),
            references=self.references(request.user),
            download_total=self.download_total(),
        )
        return context

    def download_total(self):
        """How many times the files of this publication (any translation) were downloaded,
        robots left out (``portal.usage``)."""
        rows = DownloadCount.objects.filter(publication__translation_key=self.translation_key)
        return rows.aggregate(total=Sum("count"))["total"] or 0

    def document_type_label(self):
        """The document type's label in the active language ("" if none)."""
        return term_label(self.document_type) if self.document_type_id else ""


class ListingEntry(models.Model):
    """One line of one language's library listing: the translation of a publication that
    readers in ``language`` see there (``library.indexing`` writes every entry).

    The listing filters, counts, sorts and matches these rows alone: its readers' rights
    (``audience``, asked through the access policy like the publications'), the terms the
    translation is filed under (``facet_keys``), what it is sorted by, and its text, analysed
    in the listing's language (``search_vector`` on PostgreSQL, ``title_words`` and ``words``
    elsewhere). Nothing else writes them: they are a copy, rebuilt with
    ``manage.py rebuild_listing``.
    """

    publication = models.ForeignKey(
        PublicationPage, on_delete=models.CASCADE, related_name="listing_entries"
    )
    language = models.CharField(max_length=12)
    # Is the publication written in ``language`` (this translation's own listing)? The site
    # search, which searches content by the language it is written in, reads only those.
    in_own_language = models.BooleanField(default=True)
    audience = models.CharField(max_length=32, default="public")
    title = models.CharField(max_length=255)
    year = models.PositiveSmallIntegerField()
    publication_date = models.DateField(null=True, blank=True)
    first_published_at = models.DateTimeField(null=True, blank=True)
    facet_keys = FacetKeysField(default=list, blank=True)
    # PostgreSQL: title (A), abstract, authors and taxonomy labels (B), files' text (C).
    search_vector = SearchVectorField(null=True, blank=True)
    # Other databases: the same texts as ``search.text`` terms (`` term term ``).
    title_words = models.TextField(blank=True, default="")
    words = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("listing entry")
        verbose_name_plural = _("listing entries")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "language"], name="library_listing_entry_unique"
            )
        ]
        indexes = [
            models.Index(
                fields=["language", "audience", "-year", "-publication_date"],
                name="library_listing_newest",
            ),
            models.Index(fields=["language", "title"], name="library_listing_title"),
        ]
        # PostgreSQL also has GIN indexes on ``facet_keys`` and ``search_vector`` (migration
        # 0009): Django declares GIN indexes for PostgreSQL only, and SQLite needs none.

    def __str__(self):
        return f"{self.language}: {self.title}"


class ListingCount(models.Model):
    """How many entries of one listing language and audience carry each facet key (the key
    ``""`` counts the entries themselves), over every ``ListingEntry``.

    On PostgreSQL a materialised view (migration 0011) refreshed by
    ``library.indexing.refresh_counts``: after ``rebuild_listing``, and in a task after each
    change to the listing. The unfiltered listing reads its counts here while the view is
    as new as the entries (``library.listing``), and counts the entries otherwise. Other
    databases have no view: their counts always come from the entries.
    """

    pk = models.CompositePrimaryKey("language", "audience", "key")
    language = models.CharField(max_length=12)
    audience = models.CharField(max_length=32)
    key = models.TextField()
    entries = models.PositiveIntegerField()

    class Meta:
        managed = False  # a materialised view, made by migration 0011
        db_table = "library_listingcount"
        verbose_name = _("listing count")
        verbose_name_plural = _("listing counts")

    def __str__(self):
        return f"{self.language}/{self.audience} {self.key}: {self.entries}"


class PublicationFile(Orderable):
    """A file of a publication: a Wagtail document, downloaded through the counted view."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The file; readers download it through a counted link."),
    )
    label = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_("For example 'Full report' or 'Executive summary'. Defaults to the title."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.display_label

    @property
    def display_label(self):
        """The file's label, else its document's title."""
        return self.label or self.document.title

    @property
    def extension(self):
        """The file's extension in capitals (``PDF``)."""
        return self.document.file_extension.upper()

    @property
    def size(self):
        """The file's size in bytes, or None if it cannot be read."""
        try:
            return self.document.get_file_size()
        except OSError:
            return None


class DownloadCount(models.Model):
    """How many times a file of a publication was downloaded on one day."""

    publication = models.ForeignKey(
        PublicationPage, on_delete=models.CASCADE, related_name="download_counts"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    day = models.DateField(default=timezone.localdate)
    # The ISO code of the downloading member's country where they gave one, else empty
    # (``portal.usage.reader_country``): nothing else about the reader is kept.
    country = models.CharField(max_length=2, blank=True, default="")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "document", "day", "country"],
                name="library_download_per_day_country",
            )
        ]

    def __str__(self):
        return f"{self.publication_id}/{self.document_id} {self.day}: {self.count}"

    # "Most read" and the listing's "Most downloaded" count the downloads of this many days.
    RECENT_DAYS = 90

    @classmethod
    def total_for(cls, translation_key, days=None):
        """An expression: the downloads of the publication whose translation key is the outer
        query's ``translation_key`` (an ``OuterRef`` path), over all its translations, in the
        last ``days`` days (all time when ``None``); 0 when never downloaded."""
        rows = cls.objects.filter(publication__translation_key=OuterRef(translation_key))
        if days is not None:
            rows = rows.filter(day__gte=timezone.localdate() - datetime.timedelta(days=days))
        total = rows.values("publication__translation_key").annotate(total=Sum("count"))
        return Coalesce(Subquery(total.values("total")[:1], output_field=models.IntegerField()), 0)

    @classmethod
    def record(cls, publication, document, country=""):
        """Add one download for today by a reader of ``country`` (an ISO code, or empty when
        not known), safe under concurrent requests."""
        usage.add_to_count(
            cls,
            publication=publication,
            document=document,
            day=timezone.localdate(),
            country=country,
        )


class OaiTombstone(models.Model):
    """A publication that OAI-PMH harvesters once received and may no longer read: it was
    unpublished, deleted or made members-only (``library.oai``).

    The repository declares ``deletedRecord=persistent``, so the record stays, as a header
    with ``status="deleted"``, for as long as the publication is not public again; a
    publication published for everyone again loses its tombstone (``library.signals``).
    ``set_specs`` keeps the sets the record was in, space-separated and padded with spaces
    (`` theme:health type:report ``), so a set is one ``contains`` lookup on any database.
    """

    translation_key = models.UUIDField(unique=True)
    datestamp = models.DateTimeField(db_index=True)
    set_specs = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("OAI-PMH deleted record")
        verbose_name_plural = _("OAI-PMH deleted records")

    def __str__(self):
        return f"{self.translation_key} ({self.datestamp:%Y-%m-%d})"


ORGANISATION_KINDS = [
    ("government", _("Government")),
    ("un_agency", _("UN agency")),
    ("development_bank", _("Development bank")),
    ("donor", _("Donor agency")),
    ("ngo", _("Non-governmental organisation")),
    ("research", _("Research institution")),
    ("network", _("Network or partnership")),
]


class OrganisationIndexPage(BasePage):
    """The organisations directory of one language: every profile, filtered by kind and
    country (``library.organisations``)."""

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["library.OrganisationPage"]
    max_count_per_parent = 1
    page_description = _("The directory of organisations of one language, with its filters.")

    class Meta:
        verbose_name = _("organisations directory")
        verbose_name_plural = _("organisations directories")

    def get_context(self, request, *args, **kwargs):
        """Adds the profiles the filters keep and the filters' counts."""
        from library.organisations import directory_context  # noqa: PLC0415 - serves the listing

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context


class OrganisationPage(BasePage):
    """The profile of an organisation of the taxonomy (a ministry, an agency, a network).

    The profile describes one ``Organisation`` row, the one publications, programmes, webinar
    series and events link to; the page gathers what links to it (``library.organisations``
    and the ``library_organisation_sections`` hook, through which the apps above the library
    add their own lists). Each language has its own profile page of the same row.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="profiles",
        help_text=_("The organisation of the taxonomy this page describes."),
    )
    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=ORGANISATION_KINDS,
        db_index=True,
        help_text=_("What kind of organisation it is."),
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where it is based; leave empty for an international organisation."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation's logo; its description is the alt text."),
    )
    social_image_field = "logo"
    description = models.TextField(
        _("description"), help_text=_("What the organisation does, in a paragraph or two.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
        FieldPanel("introduction"),
        FieldPanel("description"),
        FieldPanel("logo"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("acronym"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("organisation", serializer=TermField()),
        "acronym",
        "kind",
        APIField("country", serializer=TermField()),
        "website",
        "description",
        "logo",
    ]
    api_related = ("organisation", "country")
    parent_page_types = ["library.OrganisationIndexPage"]
    subpage_types = []
    page_description = _("The profile of an organisation and what it published and runs.")

    translatable_fields = (
        BasePage.translatable_fields
        + translated("description")
        + synchronized("organisation", "kind", "country")
        + synchronized("logo", overridable=True)
    )

    class Meta:
        verbose_name = _("organisation profile")
        verbose_name_plural = _("organisation profiles")

    @property
    def acronym(self):
        """The organisation's acronym (the taxonomy row's)."""
        return self.organisation.acronym if self.organisation_id else ""

    @property
    def website(self):
        """The organisation's site (the taxonomy row's)."""
        return self.organisation.website if self.organisation_id else ""

    @property
    def listing_summary(self):
        """What listings show: the introduction, else the description."""
        return self.introduction or self.description

    def clean(self):
        """One profile per organisation and language, of a source-language row."""
        super().clean()
        if not self.organisation_id:
            return
        if self.organisation.locale_id != default_locale().pk:
            raise ValidationError(
                {"organisation": _("Choose the organisation in the portal's main language.")}
            )
        others = OrganisationPage.objects.filter(
            organisation_id=self.organisation_id, locale_id=self.locale_id
        ).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {"organisation": _("This organisation already has a profile in this language.")}
            )

    def get_context(self, request, *args, **kwargs):
        """Adds what the organisation published, runs and takes part in, as the reader may see
        it."""
        from library.organisations import profile_context  # noqa: PLC0415 - serves the page

        context = super().get_context(request, *args, **kwargs)
        context.update(profile_context(self, request))
        return context


def organisation_profiles(organisations, language_code=None):
    """The live profile page of each of ``organisations`` in the reader's language (or in
    English when it has none there), by organisation id: one query for them all."""
    code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    ids = [o.pk for o in organisations]
    if not ids:
        return {}
    found = {}
    for page in (
        public_pages(OrganisationPage.objects.live())
        .filter(organisation_id__in=ids)
        .select_related("locale")
        .order_by("pk")
    ):
        current = found.get(page.organisation_id)
        if current is None or page.locale.language_code == code:
            found[page.organisation_id] = page
    return found
