"""The glossary's pages: one index per language and its terms.

A term's relations (its themes and related terms) are synchronised: every translation points
at the source-language rows (``portal.translation``), so a term is filed and cross-referenced
the same way in every language; the term page shows each related term in the reader's
language (``related_in_language``).
"""

import html

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from glossary.alphabet import alphabet, matches
from glossary.blocks import SourceBlock
from library.models import library_url
from portal.access import public_pages
from portal.api_fields import RichTextHTMLField, TermsField
from portal.models import BasePage, Theme
from portal.params import clean_text
from portal.reader_urls import annotate
from portal.translation import synchronized, translated


class GlossaryIndexPage(BasePage):
    """The glossary of one language: its terms A to Z, with a filter box."""

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["glossary.GlossaryTermPage"]
    max_count_per_parent = 1
    page_description = _("The glossary of one language: its terms from A to Z.")

    translatable_fields = BasePage.translatable_fields

    class Meta:
        verbose_name = _("glossary index page")
        verbose_name_plural = _("glossary index pages")

    def terms(self):
        """The live terms of this glossary (its children), with what the index shows."""
        return (
            public_pages(GlossaryTermPage.objects.live())
            .child_of(self)
            .only("title", "url_path", "abbreviation", "synonyms", "locale_id")
        )

    def get_context(self, request, *args, **kwargs):
        """Adds the letters with their terms, cut down to those matching ``?q=``."""
        context = super().get_context(request, *args, **kwargs)
        query = clean_text(request.GET.get("q", ""), max_length=100)
        terms = list(self.terms())
        if query:
            terms = [term for term in terms if matches(term, query)]
        annotate(terms, self.locale.language_code)
        context.update({"query": query, "letters": alphabet(terms), "term_count": len(terms)})
        return context


class RelatedTermsField(serializers.Field):
    """Related terms in the API: their ids and titles."""

    def to_representation(self, value):
        """The related terms' ids and titles, in title order."""
        terms = sorted(value.all(), key=lambda term: term.title.casefold())
        return [{"id": term.pk, "title": term.title} for term in terms]


class GlossaryTermPage(BasePage):
    """One term of the glossary: its definition, other names, sources and related terms."""

    abbreviation = models.CharField(
        _("abbreviation"),
        max_length=40,
        blank=True,
        help_text=_("The acronym or short form, for example CCT or PMT."),
    )
    synonyms = models.CharField(
        _("synonyms"),
        max_length=400,
        blank=True,
        help_text=_("Other names of the term in this language, separated by commas."),
    )
    definition = RichTextField(
        _("definition"),
        features=["bold", "italic", "link"],
        help_text=_("Two or three sentences. Link other terms with a page link."),
    )
    sources = StreamField(
        [("source", SourceBlock())],
        verbose_name=_("sources"),
        blank=True,
        help_text=_("Where the definition comes from."),
    )
    related_terms = ParentalManyToManyField(
        "self",
        verbose_name=_("related terms"),
        symmetrical=False,
        blank=True,
        related_name="+",
        help_text=_("Other terms of the glossary readers may want to look up."),
    )
    themes = ParentalManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="glossary_terms",
        help_text=_("The themes the term belongs to; they link to the library."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("abbreviation"),
        FieldPanel("synonyms"),
        FieldPanel("definition"),
        FieldPanel("sources"),
        MultiFieldPanel(
            [FieldPanel("related_terms"), FieldPanel("themes")], heading=_("Classification")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("abbreviation", boost=2),
        index.SearchField("synonyms"),
        index.SearchField("definition"),
        index.AutocompleteField("title"),
        index.AutocompleteField("abbreviation"),
    ]
    api_fields = BasePage.api_fields + [
        "abbreviation",
        APIField("synonym_list"),
        APIField("definition", serializer=RichTextHTMLField()),
        "sources",
        APIField("themes", serializer=TermsField()),
        APIField("related_terms", serializer=RelatedTermsField()),
    ]
    # Read once per API listing (portal.api), not once per term.
    api_related = ("themes", "related_terms")
    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types = []
    page_description = _("A term of the glossary, with its definition and sources.")

    translatable_fields = (
        BasePage.translatable_fields
        + translated("abbreviation", "synonyms", "definition", "sources")
        + synchronized("related_terms", "themes")
    )

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    @property
    def listing_summary(self):
        """What search results show: the introduction, else the definition as plain text."""
        return self.introduction or html.unescape(strip_tags(self.definition)).strip()

    @property
    def synonym_list(self):
        """The synonyms as a list (the field holds them separated by commas)."""
        return [name.strip() for name in self.synonyms.split(",") if name.strip()]

    def related_in_language(self):
        """The related terms in this page's language where translated (else in another
        language), live ones only, in title order; two queries."""
        # A preview's terms are in memory (modelcluster), so only .all() is asked of them.
        keys = {term.translation_key for term in self.related_terms.all()}
        found = {}
        for term in (
            public_pages(GlossaryTermPage.objects.live())
            .filter(translation_key__in=keys)
            .only("title", "url_path", "translation_key", "locale_id")
        ):
            if term.locale_id == self.locale_id or term.translation_key not in found:
                found[term.translation_key] = term
        return sorted(found.values(), key=lambda term: term.title.casefold())

    def get_context(self, request, *args, **kwargs):
        """Adds the related terms in the page's language and the library's address (themes
        link to the library filtered by theme)."""
        context = super().get_context(request, *args, **kwargs)
        context["related"] = annotate(self.related_in_language(), self.locale.language_code)
        context["library_url"] = library_url(self.locale.language_code)
        context["glossary"] = self.get_parent()
        return context
