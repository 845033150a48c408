"""The one search service: every search surface of the portal asks it.

The engine is Wagtail's configured search backend (``WAGTAILSEARCH_BACKENDS``): the
database engine by default, Elasticsearch when ``ELASTICSEARCH_URL`` is set (with the
database engine answering while Elasticsearch is down, see ``search.backends.elasticsearch``).

Public functions:

* ``search_ids(queryset, query, language=None)``: ranked primary keys within a queryset the
  caller has already restricted to what the reader may see;
* ``search(query, user, language, types=None, page=1)``: the site search over every model
  registered with the ``register_search_model`` hook plus the portal's generic pages;
* ``autocomplete(query, user, language)``: titles and taxonomy terms for the header box.

A query is read as a web search box reads it, the same on every engine (``parse``,
``engine_query``, ``matching``): every word is required, ``"quoted words"`` are a phrase,
``or`` between words separates alternatives (and is never searched as a word), ``-word`` and
``-"a phrase"`` leave out the results holding them (a query of such words only finds
nothing). Words are whole words; autocomplete matches the last word typed as a prefix (and
ignores excluded words), accents folded on every engine. A word is what ``search.text``
calls a piece: ``SDG 1.3``, ``www.who.int``, ``report.pdf`` or ``cash_transfer`` reach the
engine whole, and each engine splits it as it split the documents.

Permissions are applied in the query itself: every searched model with an ``audience`` field
is filtered with ``portal.access.search_filters(user)``; pages are live only.
"""

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.core.cache import cache
from django.db import connections
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from portal.access import has_field, readable_audiences, search_filters
from portal.locales import default_locale
from search import text as analysis
from search.backends import LANGUAGE_ANALYSIS

MAX_QUERY_LENGTH = 200
PER_PAGE = 10
MAX_PAGES = 50
# Matches counted per type: past this a type reads "10000+", as Elasticsearch reports totals
# by default. Counting stops there, so a word found in most of a large library costs the
# same as a rarer one (the last reachable page is far below it).
COUNT_LIMIT = 10_000
ALL_LANGUAGES = "all"
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORDS_RE = re.compile(r"[^\W_]+", re.UNICODE)
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Results holding an excluded word that a backend cannot exclude inside the query itself are
# found by a search of their own and left out of the queryset: at most this many (see
# ``matching``). Elasticsearch's default result window.
EXCLUSION_LIMIT = 10_000
# Where Wagtail's PostgreSQL compiler splits a PlainText into terms.
_SPLIT_RE = re.compile(r"[\s\-]")


# --- query hygiene -----------------------------------------------------------------------


def clean_query(query):
    """A query safe to hand to any engine: no control characters, at most 200 characters."""
    query = unicodedata.normalize("NFC", str(query or ""))
    query = _CONTROL_RE.sub(" ", query)
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    return query.strip()


def fold(text):
    """Lower case without accents, one character for one character (for highlighting)."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[:1].lower()[:1]
        out.append(base or char)
    return "".join(out)


# --- engine --------------------------------------------------------------------------------


def parse(query):
    """``query`` read as a web search box reads it: ``(groups, excluded)``.

    ``groups`` is a list of alternatives (``or``), each a list of required clauses, a clause
    a tuple of pieces (one piece: a word; several: a phrase). ``excluded`` holds the clauses
    typed with a leading ``-`` (``-word``, ``-"a phrase"``): a result holding one of them is
    left out, whichever alternative it matches (as a web search engine reads it). An
    alternative of excluded words only requires nothing and is dropped, so a query of
    excluded words only finds nothing. At most ``search.text.MAX_QUERY_TERMS`` pieces in
    all; quotes and operators never reach an engine as syntax, only the pieces do."""
    groups, current, excluded, count = [], [], [], 0
    for match in _TOKEN_RE.finditer(clean_query(query)):
        minus, phrase, word = match.groups()
        if word is not None and word.lower() == "or":
            if current:
                groups.append(current)
                current = []
            continue
        negated = bool(minus) or (word is not None and word.startswith("-"))
        pieces = analysis.PIECE_RE.findall(phrase if phrase is not None else word)
        pieces = pieces[: analysis.MAX_QUERY_TERMS - count]
        if not pieces:
            continue
        count += len(pieces)
        clauses = [tuple(pieces)] if phrase is not None else [(p,) for p in pieces]
        if negated:
            excluded.extend(c for c in clauses if c not in excluded)
        else:
            current.extend(clauses)
        if count >= analysis.MAX_QUERY_TERMS:
            break
    if current:
        groups.append(current)
    return groups, excluded


def query_groups(query):
    """The alternatives of ``query`` (see ``parse``): required clauses only."""
    return parse(query)[0]


def query_exclusions(query):
    """The clauses ``query`` excludes (``-word``, ``-"a phrase"``; see ``parse``)."""
    return parse(query)[1]


def query_words(query):
    """The words of ``query`` (each part of each piece), accents folded: what highlighting
    and suggestions look for."""
    return [
        word
        for group in query_groups(query)
        for clause in group
        for piece in clause
        for word in analysis.PART_RE.findall(analysis.fold(piece))
    ]


def _clause_query(clause):
    """One clause as a query: a piece every part of which is required, or a phrase."""
    if len(clause) > 1:
        return Phrase(" ".join(clause))
    return PlainText(clause[0], operator="and")


def engine_query(query, exclusions=True):
    """``query`` as a query object of Wagtail's search API (``None`` when it has no
    required word: nothing matches). With ``exclusions``, each excluded clause is a ``Not``
    beside the required ones (``And``); not every backend can run that, see ``matching``."""
    groups, excluded = parse(query)
    return _query_object(groups, excluded if exclusions else [])


def _query_object(groups, excluded):
    """The query object of ``parse``'s ``groups`` and ``excluded`` clauses.

    The words of an alternative are one ``PlainText`` (all required), its phrases ``Phrase``
    objects beside it; alternatives are ``Or``-ed. Wagtail's compilers quote each term for
    SQLite's FTS5 and hand it to PostgreSQL's ``to_tsquery`` parser whole, so a piece meets
    the same tokens as the documents' text."""
    alternatives = []
    for group in groups:
        words = [clause[0] for clause in group if len(clause) == 1]
        parts = [PlainText(" ".join(words), operator="and")] if words else []
        parts += [Phrase(" ".join(clause)) for clause in group if len(clause) > 1]
        alternatives.append(parts[0] if len(parts) == 1 else And(parts))
    if not alternatives:
        return None
    required = alternatives[0] if len(alternatives) == 1 else Or(alternatives)
    if not excluded:
        return required
    return And([required, *(Not(_clause_query(clause)) for clause in excluded)])


def _excludes_inside_the_query(backend, queryset, clause):
    """Can ``backend`` run ``Not(clause)`` inside a combined query for ``queryset``?

    * SQLite (FTS5): yes, words and phrases (Wagtail turns ``And(x, Not(y))`` into
      ``x NOT y``);
    * PostgreSQL: a word the compiler keeps whole (``!'word'``). It splits a piece at
      hyphens and negates each part under the same operator (``!'e' & !'mail'``: neither,
      not "not both"), and drops the ``Not`` of a phrase;
    * Elasticsearch: no. Wagtail compiles the query once per catch-all field (``_all_text``,
      ``_all_text_boost_*``, the language sub-fields) under ``dis_max``, so ``x AND NOT y``
      holds in the title field of a document whose body holds ``y``.
    """
    if hasattr(backend, "es"):
        return False
    if connections[queryset.db].vendor == "postgresql":
        return len(clause) == 1 and not _SPLIT_RE.search(clause[0])
    return True


def _key(model):
    """The unique field a search filter can leave objects of ``model`` out by: a page's
    ``path`` (Page's filter field, which page types inherit; their primary key is the
    ``page_ptr`` that Elasticsearch's compiler ignores, and Django turns ``id`` into it),
    otherwise the primary key (such models name ``id`` a filter field)."""
    return "path" if issubclass(model, Page) else "pk"


def excluded_keys(backend, clauses, queryset):
    """The keys (``_key``) of the objects of ``queryset`` holding any of ``clauses``, the
    best ``EXCLUSION_LIMIT`` of them: a search of its own (``Or`` of the clauses) in the same
    restricted queryset, for backends that cannot exclude inside a query."""
    if not clauses:
        return []
    parts = [_clause_query(clause) for clause in clauses]
    query = parts[0] if len(parts) == 1 else Or(parts)
    key = _key(queryset.model)
    found = backend.search(query, queryset.only(key))[:EXCLUSION_LIMIT]
    return [getattr(obj, key) for obj in found]


def matching(backend, query, queryset):
    """Wagtail's search results for ``query`` within ``queryset`` (``None`` when the query
    requires no word), excluded words left out on every engine.

    Where the backend can exclude inside the query (see ``_excludes_inside_the_query``) the
    ``Not`` is part of it. Otherwise the objects holding an excluded word are found by a
    search of their own within the same queryset (``excluded_keys``, at most
    ``EXCLUSION_LIMIT`` of them, best matches of the excluded words first) and the queryset
    excludes them (by key) before the search: counts, pages and the results shown
    come from that one queryset, so they agree. Past the limit, further objects holding an
    excluded word can be found (by their weakest match of it)."""
    groups, excluded = parse(query)
    required = _query_object(groups, [])
    if required is None:
        return None
    inside, apart = [], []
    for clause in excluded:
        (inside if _excludes_inside_the_query(backend, queryset, clause) else apart).append(clause)
    keys = excluded_keys(backend, apart, queryset)
    if keys:
        queryset = queryset.exclude(**{f"{_key(queryset.model)}__in": keys})
    if inside:
        required = And([required, *(Not(_clause_query(clause)) for clause in inside)])
    return backend.search(required, queryset)


def on_database_engine():
    """Is the engine the database one (not Elasticsearch)? Sources with a search function of
    their own (see ``search_sources``) answer for themselves there."""
    return not hasattr(get_search_backend(), "es")


def backend_for(language=None):
    """The configured backend; Elasticsearch narrowed to ``language``'s analysis (None or
    "all": every language). The database engine has one analysis for every language."""
    backend = get_search_backend()
    if hasattr(backend, "for_languages"):
        codes = [language] if language in LANGUAGE_ANALYSIS else list(LANGUAGE_ANALYSIS)
        backend = backend.for_languages(codes)
    return backend


def search_ids(queryset, query, language=None):
    """Primary keys of the objects of ``queryset`` that match ``query``, best first.

    ``queryset`` must already be restricted to what the reader may see (the access policy);
    the engine only ranks within it.
    """
    results = matching(backend_for(language), query, queryset)
    return [] if results is None else [obj.pk for obj in results]


def _lower_is_better(backend):
    # SQLite's bm25() is negative, best first ascending; the other engines score upwards.
    return "SQLite" in type(backend).__name__


# --- sources: what the site search searches -------------------------------------------------


@dataclass
class Source:
    """One kind of result the site search offers (a ``type`` filter) and the models it searches."""

    type: str
    label: str
    models: list  # querysets are built per reader
    # Models whose entry brings search functions of its own: [(model, search, autocomplete)]
    delegates: list = field(default_factory=list)

    def delegated(self, model, purpose):
        """Does ``model`` (an item of ``models``) have a ``purpose`` function ("search" or
        "autocomplete") of its own?"""
        model = model[0] if isinstance(model, tuple) and model[0] != "generic" else model
        index = 1 if purpose == "search" else 2
        return any(d[0] is model and d[index] for d in self.delegates)

    def functions(self, purpose):
        """The search functions of the delegates for ``purpose`` ("search" or "autocomplete")."""
        index = 1 if purpose == "search" else 2
        return [d[index] for d in self.delegates if d[index]]


def search_sources():
    """Registered models (``register_search_model``) and the generic pages, by type.

    A hook returns entries ``{"type", "label", "model"}`` with optional ``"filters"`` (extra
    queryset filters of that model, on FilterFields) and, for a large source that keeps a
    read model of its own, optional functions that answer for it on the database engine
    (Elasticsearch searches the model's index as any other's):

    * ``"search": callable(query, user, language, limit) -> (count, [(score, obj), ...])``:
      ``count`` every match ``user`` may see in ``language`` (every language when it is
      None), the list the best ``limit`` of them, higher scores better;
    * ``"autocomplete": callable(query, user, language, limit) -> [obj, ...]``.
    """
    sources = {}
    registered_page_models = []
    for fn in hooks.get_hooks("register_search_model"):
        entries = fn()
        for entry in entries if isinstance(entries, (list, tuple)) else [entries]:
            if not entry:
                continue
            model = entry["model"]
            source = sources.setdefault(entry["type"], Source(entry["type"], entry["label"], []))
            # Optional "filters": extra queryset filters of that model (FilterFields).
            source.models.append(
                (model, entry.get("filters") or {}) if entry.get("filters") else model
            )
            if entry.get("search") or entry.get("autocomplete"):
                source.delegates.append((model, entry.get("search"), entry.get("autocomplete")))
            if isinstance(model, type) and issubclass(model, Page):
                registered_page_models.append(model)
    page_source = Source("page", _("Pages"), [])
    sources = {"page": page_source, **sources}
    # Restricted page models nobody registered are searched on their own (with their
    # audience filter) under "page"; the base Page queryset covers only unrestricted types.

    restricted = [
        m
        for m in get_page_models()
        if not m._meta.abstract
        and has_field(m, "audience")
        and not any(issubclass(m, r) for r in registered_page_models)
    ]
    page_source.models = [("generic", registered_page_models + restricted), *restricted]
    return list(sources.values())


def generic_pages(excluded):
    """Pages of every type but ``excluded`` (and their subclasses), the types named: the
    content type index then finds their few pages among many publications."""

    excluded = tuple(excluded)
    return Page.objects.exact_type(
        *[m for m in get_page_models() if not (excluded and issubclass(m, excluded))]
    )


def source_querysets(source, user, language_id):
    """The querysets of one source, restricted to what ``user`` may read, live only."""
    querysets = []
    for model in source.models:
        extra = {}
        if isinstance(model, tuple) and model[0] != "generic":
            model, extra = model
        if isinstance(model, tuple):  # the generic pages: every page type not handled apart
            qs = generic_pages(model[1]).live().exclude(depth__lte=1)
        else:
            qs = model._default_manager.all()
            if issubclass(model, Page):
                qs = qs.live()
            elif has_field(model, "live"):
                qs = qs.filter(live=True)
            if has_field(model, "removed"):  # moderated community content
                qs = qs.filter(removed=False)
            if has_field(model, "audience"):
                qs = qs.filter(**search_filters(user))
            if extra:
                qs = qs.filter(**extra)
        if language_id and (has_field(qs.model, "locale")):
            qs = qs.filter(locale_id=language_id)
        querysets.append(qs)
    return querysets


# --- highlighting ----------------------------------------------------------------------------


def _term_pattern(query):
    terms = {word for word in query_words(query) if len(word) > 1}
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.UNICODE)


def highlight(text, query, length=None):
    """``text`` HTML-escaped with the query's words wrapped in ``<mark>``.

    Matching folds accents and case and takes whole words, like the database engine; with
    ``length``, a window of about that many characters around the first match.
    """
    text = " ".join(str(text or "").split())
    pattern = _term_pattern(query)
    matches = list(pattern.finditer(fold(text))) if pattern else []
    start, end = 0, len(text)
    if length and len(text) > length:
        first = matches[0].start() if matches else 0
        start = max(0, first - length // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + length)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    out, cursor = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        out.append(escape(text[cursor : match.start()]))
        out.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        cursor = match.end()
    out.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)


def _summary(obj):
    for name in ("listing_summary", "search_description", "introduction", "summary", "description"):
        value = getattr(obj, name, None)
        if value and isinstance(value, str):
            return value
    return ""


def _title(obj):
    return getattr(obj, "title", None) or getattr(obj, "name", None) or str(obj)


# --- results -----------------------------------------------------------------------------------


@dataclass
class Hit:
    """One result as the search page shows it: its type, object, link, highlighted title and
    snippet, language and score."""

    type: str
    type_label: str
    object: object
    title: str
    url: str
    title_html: str
    snippet: str
    language: str
    score: float = 0.0


@dataclass
class SearchResponse:
    """One page of results for a query, with the counts per type and a spelling suggestion."""

    query: str
    language: str
    types: list
    hits: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    type_counts: list = field(default_factory=list)
    suggestion: str = ""
    suggested_terms: list = field(default_factory=list)

    @property
    def total_capped(self):
        """Is ``total`` a lower bound (a selected type has more matches than counted)?"""
        return any(c["capped"] and c["selected"] for c in self.type_counts)

    @property
    def num_pages(self):
        """The number of pages of results (at least 1, at most ``MAX_PAGES``)."""
        return min(MAX_PAGES, max(1, -(-self.total // self.per_page)))

    @property
    def start_index(self):
        """The 1-based position of this page's first result."""
        return (self.page - 1) * self.per_page + 1

    @property
    def has_next(self):
        """Is there a page after this one?"""
        return self.page < self.num_pages

    @property
    def has_previous(self):
        """Is there a page before this one?"""
        return self.page > 1


def content_language(requested, current):
    """The language a search reads: ``requested`` (a ``lang`` parameter: a language the
    search analyses, or ``ALL_LANGUAGES``), else the reader's ``current`` language."""
    if requested == ALL_LANGUAGES or requested in LANGUAGE_ANALYSIS:
        return requested
    return current


def _language_id(language):
    if not language or language == ALL_LANGUAGES:
        return None
    locale = Locale.objects.filter(language_code=language).only("pk").first()
    return locale.pk if locale else None


def _object_url(obj):
    for name in ("get_url", "url"):
        value = getattr(obj, name, None)
        if callable(value):
            value = value()
        if value:
            return value
    get_absolute_url = getattr(obj, "get_absolute_url", None)
    return get_absolute_url() if get_absolute_url else ""


def search(query, user, language, types=None, page=1, per_page=PER_PAGE):
    """Search everything ``user`` may read.

    ``language``: a language code (only content in that language) or ``"all"``/None;
    ``types``: a list of type keys to keep (None: all); ``page``: 1-based.
    Counts per type are always for every type (for the type filter), under the same
    permission and language filters. On the database engine a source with a search function
    of its own (see ``search_sources``) is asked through it, and its hits are merged with the
    others' by score.
    """
    query = clean_query(query)
    types = [t for t in (types or []) if t]
    try:
        page = max(1, min(MAX_PAGES, int(page)))
    except (TypeError, ValueError):
        page = 1
    response = SearchResponse(
        query=query, language=language or ALL_LANGUAGES, types=types, page=page, per_page=per_page
    )
    if engine_query(query) is None:
        return response
    reader_language = language if language in LANGUAGE_ANALYSIS else None
    backend = backend_for(reader_language)
    delegating = on_database_engine()
    language_id = _language_id(language)
    lower_is_better = _lower_is_better(backend)
    wanted = page * per_page
    candidates = []
    for source in search_sources():
        count = 0
        selected = not types or source.type in types
        querysets = source_querysets(source, user, language_id)
        for model, qs in zip(source.models, querysets, strict=True):
            if delegating and source.delegated(model, "search"):
                continue
            results = matching(backend, query, qs)
            found = results[: COUNT_LIMIT + 1].count()
            count += found
            if selected and found:
                scored = results.annotate_score("_score")[:wanted]
                for obj in scored:
                    score = getattr(obj, "_score", 0) or 0
                    candidates.append((-score if lower_is_better else score, source, obj))
        for search_function in source.functions("search") if delegating else []:
            found, scored = search_function(query, user, reader_language, wanted if selected else 0)
            count += found
            if selected:
                candidates.extend((score, source, obj) for score, obj in scored[:wanted])
        capped = count > COUNT_LIMIT
        count = min(count, COUNT_LIMIT)
        response.type_counts.append(
            {
                "type": source.type,
                "label": source.label,
                "count": count,
                "capped": capped,
                "selected": selected,
            }
        )
        if selected:
            response.total += count
    response.type_counts = [c for c in response.type_counts if c["count"] or c["type"] in types]
    candidates.sort(key=lambda item: item[0], reverse=True)
    window = candidates[(page - 1) * per_page : page * per_page]
    response.hits = _hits(window, query)
    if not response.total:
        response.suggestion, response.suggested_terms = suggestions(query, user, language)
        if response.suggestion and not _any_match(response.suggestion, user, language):
            response.suggestion = ""
    return response


def _any_match(query, user, language):
    reader_language = language if language in LANGUAGE_ANALYSIS else None
    backend = backend_for(reader_language)
    delegating = on_database_engine()
    if engine_query(query) is None:
        return False
    language_id = _language_id(language)
    for source in search_sources():
        querysets = source_querysets(source, user, language_id)
        for model, qs in zip(source.models, querysets, strict=True):
            if not (delegating and source.delegated(model, "search")):
                if matching(backend, query, qs)[:1].count():
                    return True
        for search_function in source.functions("search") if delegating else []:
            if search_function(query, user, reader_language, 0)[0]:
                return True
    return False


def _hits(window, query):
    # Generic pages come back as base Page objects: load their specific rows in one go.
    page_ids = [obj.pk for _s, _src, obj in window if type(obj) is Page]
    specific = (
        {p.pk: p for p in Page.objects.filter(pk__in=page_ids).specific()} if page_ids else {}
    )
    locales = Locale.objects.in_bulk()  # a handful: one query instead of one per hit
    hits = []
    for score, source, obj in window:
        obj = specific.get(obj.pk, obj) if type(obj) is Page else obj
        if getattr(obj, "locale_id", None) in locales:
            obj.locale = locales[obj.locale_id]  # read by the URL and the language below
        title = _title(obj)
        locale = getattr(obj, "locale", None)
        hits.append(
            Hit(
                type=source.type,
                type_label=source.label,
                object=obj,
                title=title,
                url=_object_url(obj),
                title_html=highlight(title, query),
                snippet=highlight(_summary(obj), query, length=240),
                language=getattr(locale, "language_code", ""),
                score=score,
            )
        )
    return hits


# --- suggestions ---------------------------------------------------------------------------------


def _vocabulary(user, language):
    """Words of titles the reader may see, and taxonomy labels, in ``language`` (cached)."""
    key = "search-vocab:{}:{}:{}".format(
        language or "all",
        ",".join(sorted(readable_audiences(user))),
        cache.get(TAXONOMY_VERSION_KEY, 0),
    )
    words = cache.get(key)
    if words is None:
        language_id = _language_id(language)
        texts = []
        for source in search_sources():
            for qs in source_querysets(source, user, language_id):
                name = "title" if has_field(qs.model, "title") else "name"
                if has_field(qs.model, name):
                    texts.extend(qs.values_list(name, flat=True)[:5000])
        texts.extend(t.label for t in taxonomy_terms(language))
        words = sorted({w for text in texts for w in _WORDS_RE.findall(fold(text)) if len(w) > 3})
        cache.set(key, words, 300)
    return words


def suggestions(query, user, language):
    """(did-you-mean query or "", taxonomy terms close to the query) for an empty result."""
    terms = query_words(query)
    vocabulary = _vocabulary(user, language)
    known = set(vocabulary)
    corrected, changed = [], False
    for term in terms:
        folded = fold(term)
        if folded in known or len(folded) < 4:
            corrected.append(term)
            continue
        close = difflib.get_close_matches(folded, vocabulary, n=1, cutoff=0.75)
        if close:
            corrected.append(close[0])
            changed = True
        else:
            corrected.append(term)
    # The excluded words stay excluded in the query suggested.
    excluded = [
        f'-"{" ".join(clause)}"' if len(clause) > 1 else f"-{clause[0]}"
        for clause in query_exclusions(query)
    ]
    suggestion = " ".join(corrected + excluded) if changed else ""
    matched = []
    for term in taxonomy_terms(language):
        label = fold(term.label)
        words = _WORDS_RE.findall(label)
        for t in terms:
            ft = fold(t)
            if len(ft) >= 3 and (
                any(w.startswith(ft[: max(3, len(ft) - 2)]) for w in words)
                or difflib.get_close_matches(ft, words, n=1, cutoff=0.8)
            ):
                matched.append(term)
                break
    return suggestion, matched[:6]


# --- taxonomy terms and autocomplete --------------------------------------------------------------


@dataclass
class Term:
    """A taxonomy term offered by autocomplete: its kind, label and the library filtered by it."""

    kind: str
    kind_label: str
    label: str
    url: str


@dataclass(frozen=True)
class TaxonomySource:
    """A taxonomy whose terms the search suggests, registered by the app that lists them
    (the ``register_search_taxonomy`` hook returns a list of these).

    ``model`` is a translatable model with a ``name``; ``key_field`` names the value the
    link filters on; ``listing_url(language)`` is the listing the term's link filters.
    """

    kind: str
    label: str
    model: type
    key_field: str
    listing_url: Callable[[str], str]


TAXONOMY_HOOK = "register_search_taxonomy"


def taxonomy_sources():
    """The registered taxonomy sources, in hook order."""
    return [source for fn in hooks.get_hooks(TAXONOMY_HOOK) for source in fn()]


def taxonomy_terms(language):
    """The registered taxonomies' terms with labels in ``language`` and listing links.

    A taxonomy is small (hundreds of rows): cached per language for five minutes.
    """
    code = language if language in LANGUAGE_ANALYSIS else "en"
    key = f"search-taxonomy:{code}:{cache.get(TAXONOMY_VERSION_KEY, 0)}"
    terms = cache.get(key)
    if terms is not None:
        return terms
    terms = []
    default = default_locale()
    for source in taxonomy_sources():
        model = source.model
        key_field = source.key_field if has_field(model, source.key_field) else "pk"
        base = source.listing_url(code)
        sources = {t.translation_key: t for t in model.objects.filter(locale=default)}
        labels = dict(
            model.objects.filter(locale__language_code=code).values_list("translation_key", "name")
        )
        for translation_key, term in sources.items():
            slug = str(getattr(term, key_field)).lower()
            label = labels.get(translation_key, term.name)
            terms.append(
                Term(source.kind, str(source.label), label, f"{base}?{source.kind}={slug}")
            )
    cache.set(key, terms, 300)
    return terms


AUTOCOMPLETE_LIMIT = 8
TAXONOMY_VERSION_KEY = "search-taxonomy-version"


def forget_taxonomy(**kwargs):
    """Signal receiver: a term changed, so cached labels and vocabularies are stale."""
    try:
        cache.incr(TAXONOMY_VERSION_KEY)
    except ValueError:
        cache.set(TAXONOMY_VERSION_KEY, 1, None)


def _engine_autocomplete(backend, typed, qs, limit):
    """The engine's first ``limit`` autocomplete matches of ``typed`` in ``qs``."""
    try:
        return list(backend.autocomplete(typed, qs, operator="and")[:limit])
    except Exception:  # noqa: BLE001 (models without autocomplete fields)
        return []


def autocomplete(query, user, language, limit=AUTOCOMPLETE_LIMIT):
    """Suggestions for the header box: titles the reader may read, then taxonomy terms.

    Each item is ``{"label", "url", "type", "type_label"}``. Titles match whole words and
    the last word typed as a prefix (Wagtail's autocomplete); taxonomy labels, a few hundred
    held in memory, match every word typed as a prefix of one of theirs. On the database
    engine a source with an autocomplete function of its own (see ``search_sources``) is
    asked through it.
    """
    query = clean_query(query)[:100]
    pieces = [piece for group in query_groups(query) for clause in group for piece in clause]
    if not pieces or len(query) < 2:
        return []
    typed = " ".join(pieces)
    items = []
    folded_terms = query_words(typed)
    for term in taxonomy_terms(language):
        words = _WORDS_RE.findall(fold(term.label))
        if all(any(w.startswith(t) for w in words) for t in folded_terms):
            items.append(
                {
                    "label": term.label,
                    "url": term.url,
                    "type": term.kind,
                    "type_label": term.kind_label,
                }
            )
        if len(items) >= limit // 2:
            break
    backend = get_search_backend()
    delegating = on_database_engine()
    # Wagtail's PostgreSQL autocomplete keeps accents (its ``simple`` configuration): the
    # words typed are folded and meet the folded titles pages index (``folded_title``);
    # SQLite's FTS5 folds either way. Elasticsearch's autocomplete analyser folds itself.
    engine_typed = analysis.fold(typed) if delegating else typed
    reader_language = language if language in LANGUAGE_ANALYSIS else None
    language_id = _language_id(language)
    for source in search_sources():
        querysets = source_querysets(source, user, language_id)
        answers = [
            partial(_engine_autocomplete, backend, engine_typed, qs)
            for model, qs in zip(source.models, querysets, strict=True)
            if not (delegating and source.delegated(model, "autocomplete"))
        ]
        answers += [
            partial(function, query, user, reader_language)
            for function in (source.functions("autocomplete") if delegating else [])
        ]
        for answer in answers:
            remaining = limit - len(items)
            if remaining <= 0:
                break
            objects = list(answer(remaining))
            generic = [obj.pk for obj in objects if type(obj) is Page]
            specific = (
                {p.pk: p for p in Page.objects.filter(pk__in=generic).specific()} if generic else {}
            )
            for obj in objects:
                obj = specific.get(obj.pk, obj) if type(obj) is Page else obj
                items.append(
                    {
                        "label": Truncator(_title(obj)).chars(120),
                        "url": _object_url(obj),
                        "type": source.type,
                        "type_label": str(source.label),
                    }
                )
    return items[:limit]
