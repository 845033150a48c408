"""Writing the library's read model (``ListingEntry``) from the publications.

Each language's listing holds one entry per publication: the live translation in that
language, or, when the publication is not translated into it, the translation in the
default language (or else the first written). ``refresh_translations`` works this out for
the translations of some publications and writes their entries again; it runs after every
save of a publication (publishing and unpublishing save it), after a translation is
deleted, when its files' text has been extracted, and when a theme above it moves
(``library.signals``). ``rebuild`` writes every entry (``manage.py rebuild_listing``).

An entry carries what the listing filters, sorts, counts and matches:

* ``facet_keys``: every term the translation is filed under (``library.facets``);
* on PostgreSQL ``search_vector``: title (weight A), abstract, authors, keywords and
  taxonomy labels in every language (B), the files' text (C), analysed with the text search
  configuration of the translation's own language, and, in another language's listing, its
  title and body analysed with that language's configuration too, the one its readers'
  queries are parsed with (a Spanish ``pensiones`` meets the English ``pensions``);
* elsewhere ``title_words`` and ``words``: the same texts as terms of ``search.text``.
"""

import logging

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, router, transaction
from django.db.models import Expression
from django_tasks import task
from wagtail.models import Locale
from wagtail.search.backends import get_search_backends

from library.facets import publication_keys, theme_parents
from library.listing import counts_generation, counts_refreshed, listing_changed, listing_generation
from library.models import ListingCount, ListingEntry, PublicationPage
from portal.locales import default_locale
from search.backends import LANGUAGE_ANALYSIS
from search.text import words_column

logger = logging.getLogger(__name__)

BATCH = 500
GAP = "''' gap'':1'::tsvector"  # a vector of one lexeme no analysis makes: it begins with a space


class EntryVector(Expression):
    """The weighted ``tsvector`` of an entry's text, from its copies ``[(text search
    configuration, (title, body[, files])), ...]``: weights A, B, C in each copy, and a gap
    between copies (``ts_delete(a || GAP || b, ' gap')``): ``||`` continues the positions of
    the left vector, so without the gap a phrase could run from the last word of one copy
    into the first of the next.

    One expression with its texts as parameters: a rebuild writes hundreds of thousands of
    entries, and compiling a ``SearchVector`` per text cost more than PostgreSQL's analysis.
    """

    output_field = SearchVectorField()

    def __init__(self, copies):
        super().__init__()
        self.copies = copies

    def as_sql(self, compiler, connection):
        """The weighted vectors of the copies, joined by the gap that ``ts_delete`` removes."""
        vectors, params = [], []
        for config, texts in self.copies:
            parts = []
            for text, weight in zip(texts, "ABC", strict=False):
                parts.append(f"setweight(to_tsvector(%s::regconfig, %s), '{weight}')")
                params += [config, text or ""]
            vectors.append(" || ".join(parts))
        if len(vectors) == 1:
            return vectors[0], params
        return f"ts_delete({f' || {GAP} || '.join(vectors)}, ' gap')", params


def listing_languages(translations, default_code, codes):
    """{translation pk: [language codes]}: where each translation of one publication is
    listed. ``translations``: ``(pk, live, language code)`` of every translation."""
    live = {}
    for pk, is_live, code in sorted(translations):
        if is_live:
            live.setdefault(code, pk)
    listed = {pk: [] for pk, _live, _code in translations}
    if live:
        fallback = live.get(default_code) or min(live.values())
        for code in codes:
            listed[live.get(code, fallback)].append(code)
    return listed


def _texts(publication):
    """(title, body, files' text) of a publication, as the entry's text is built from."""
    body = " ".join(
        part
        for part in (
            publication.abstract,
            publication.authors,
            publication.search_description,
            publication.taxonomy_text(),
        )
        if part
    )
    return publication.title, body, publication.extracted_text or ""


def _config(language):
    return LANGUAGE_ANALYSIS.get(language, LANGUAGE_ANALYSIS["en"])["pg_config"]


def build_entries(publication, languages, parents, on_postgresql):
    """The (unsaved) entries of ``publication`` in the listings of ``languages``."""
    texts = _texts(publication)
    keys = publication_keys(publication, parents)
    return [
        build_entry(publication, language, texts, keys, on_postgresql) for language in languages
    ]


def build_entry(publication, language, texts, keys, on_postgresql):
    """The (unsaved) entry of ``publication`` in the listing of ``language``, from its
    ``texts`` (``_texts``) and facet ``keys``."""
    title, body, files = texts
    entry = ListingEntry(
        publication=publication,
        language=language,
        in_own_language=publication.locale.language_code == language,
        audience=publication.audience,
        title=publication.title,
        year=publication.year,
        publication_date=publication.publication_date,
        first_published_at=publication.first_published_at,
        facet_keys=keys,
    )
    own = publication.locale.language_code
    # The text in its own language's analysis; in another language's listing, its title and
    # body in that language's analysis too (a query there is parsed that way, and the
    # labels of its terms are in every language).
    copies = [(own, (title, body, files))]
    if language != own:
        copies.append((language, (title, body)))
    if on_postgresql:
        entry.search_vector = EntryVector([(_config(code), texts) for code, texts in copies])
    else:
        # " | " between the copies: a phrase never runs from one into the next.
        entry.title_words = " | ".join(words_column(title, language=code) for code, _t in copies)
        entry.words = " | ".join(words_column(*texts, language=code) for code, texts in copies)
    return entry


def refresh_translations(translation_keys, counts=True):
    """Write again the entries of the publications with these translation keys.

    Returns the primary keys of the translations whose listing languages changed (an
    engine that keeps its own documents indexes those again). Runs in one transaction that
    locks the translations' rows, so two translations saved at once cannot both write the
    same publication's entries. ``counts``: queue a refresh of the counts view once the
    change is committed (``rebuild`` refreshes it once, at the end).
    """
    keys = sorted({key for key in translation_keys if key})
    if not keys:
        return []
    database = router.db_for_write(ListingEntry)
    on_postgresql = connections[database].vendor == "postgresql"
    default_code = default_locale().language_code
    codes = list(Locale.objects.order_by("pk").values_list("language_code", flat=True))
    parents = theme_parents()
    changed = []
    for offset in range(0, len(keys), BATCH):
        chunk = keys[offset : offset + BATCH]
        with transaction.atomic(using=database):
            locked = PublicationPage.objects.filter(translation_key__in=chunk)
            list(locked.select_for_update().order_by("pk").values_list("pk", flat=True))
            publications = {
                p.pk: p
                for p in PublicationPage.get_indexed_objects()
                .filter(translation_key__in=chunk)
                .select_related("locale")
            }
            before = {}
            for pk, language in ListingEntry.objects.filter(
                publication__translation_key__in=chunk
            ).values_list("publication_id", "language"):
                before.setdefault(pk, set()).add(language)
            by_key = {}
            for page in publications.values():
                by_key.setdefault(page.translation_key, []).append(
                    (page.pk, page.live, page.locale.language_code)
                )
            entries = []
            for translations in by_key.values():
                for pk, languages in listing_languages(translations, default_code, codes).items():
                    entries += build_entries(publications[pk], languages, parents, on_postgresql)
                    if set(languages) != before.get(pk, set()):
                        changed.append(pk)
            ListingEntry.objects.filter(publication__translation_key__in=chunk).delete()
            ListingEntry.objects.bulk_create(entries, batch_size=BATCH)
    listing_changed()
    if counts and connections[database].vendor == "postgresql":
        transaction.on_commit(
            lambda: refresh_listing_counts.enqueue(listing_generation()), using=database
        )
    return changed


def refresh_listing(translation_key):
    """Write again the listing entries of one publication's translations, and index again
    those whose listing languages changed (``library.indexing``)."""
    reindex_publications(refresh_translations([translation_key]))


REINDEX_BATCH = 500


def reindex_publications(pks):
    """Index these live publications again where the engine keeps its own documents.

    Elasticsearch documents carry the listing languages and the facet keys (``search_facets``), so
    a change to those columns made outside a save (another translation published, a theme
    moved) must reach them; the database engine reads the columns itself and needs nothing.
    """
    if not pks or "elasticsearch" not in settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]:
        return
    pks = sorted(pks)
    for offset in range(0, len(pks), REINDEX_BATCH):
        chunk = list(
            PublicationPage.get_indexed_objects().filter(
                pk__in=pks[offset : offset + REINDEX_BATCH], live=True
            )
        )
        for backend in get_search_backends(with_auto_update=True):
            index = backend.get_index_for_model(PublicationPage)
            try:
                if hasattr(index, "add_items_or_keep"):  # Elasticsearch: kept while it is down
                    index.add_items_or_keep(PublicationPage, chunk)
                else:
                    backend.add_bulk(PublicationPage, chunk)
            except Exception:  # noqa: BLE001 - the engine may be down; update_index repairs
                logger.warning("Publications could not be indexed again.", exc_info=True)


def rebuild(stdout=None):
    """Write every entry again, in batches of publications; returns how many were written."""
    keys = list(
        PublicationPage.objects.order_by("translation_key")
        .values_list("translation_key", flat=True)
        .distinct()
    )
    for offset in range(0, len(keys), BATCH):
        refresh_translations(keys[offset : offset + BATCH], counts=False)
        if stdout is not None:
            stdout.write(f"{min(offset + BATCH, len(keys))} of {len(keys)} publications")
    refresh_counts()
    return ListingEntry.objects.count()


def refresh_counts(requested=None):
    """Refresh the counts view (``ListingCount``, PostgreSQL only) and record the
    generation of the entries it now holds; returns whether it ran.

    ``requested``: the generation a task was queued at; nothing is done when a refresh
    since has covered it (a burst of changes refreshes once or twice, not once each). The
    generation is read before the refresh starts, so a change committed meanwhile leaves
    the view marked older than the entries, and the listing counts the entries until the
    next refresh.
    """
    database = router.db_for_write(ListingEntry)
    if connections[database].vendor != "postgresql":
        return False
    if requested is not None and (counts_generation() or 0) >= requested:
        return False
    generation = listing_generation()
    with connections[database].cursor() as cursor:
        cursor.execute(f"REFRESH MATERIALIZED VIEW CONCURRENTLY {ListingCount._meta.db_table}")
    counts_refreshed(generation)
    return True


@task()
def refresh_listing_counts(requested):
    """Refresh the listing's counts view after a change (:func:`refresh_counts`; skipped
    when a later refresh has covered ``requested``, the generation it was queued at)."""
    return "refreshed" if refresh_counts(requested) else "already up to date"
