"""Text matching on the library's read model (``ListingEntry``), the same on every database.

A query is read as a web search box reads it (``search.text.parse_query``): every word is
required, ``"quoted words"`` are a phrase, ``or`` gives alternatives, ``-word`` excludes.
The header box's autocomplete also takes the last word typed as a prefix.

* PostgreSQL: ``websearch_to_tsquery`` with the text search configuration of the listing's
  language, against ``search_vector`` (analysed with that same configuration, so a token is
  split the same way in the query and in the document: ``SDG 1.3``, ``www.who.int``,
  ``report.pdf``); ranked with ``ts_rank``. A phrase is matched within one entry, which
  holds one translation's text.
* Elsewhere (SQLite): the same query, reduced by ``search.text`` to the terms the entries'
  ``words`` hold, matched as ``contains(" term ")`` (a phrase: its terms in a row); ranked
  by how many of the query's terms the title holds.

Results are never capped: the listing counts and pages exactly what matches.
"""

from django.contrib.postgres.search import SearchQuery, SearchQueryField, SearchRank
from django.db import connections
from django.db.models import BooleanField, F, Func, IntegerField, Q, Value
from django.db.models.expressions import Case, When

from search.backends import LANGUAGE_ANALYSIS
from search.text import MAX_QUERY_TERMS, PIECE_RE, parse_query

TITLE_WEIGHTS = [0.05, 0.1, 0.4, 1.0]  # D, C, B, A: a title match counts most


def _config(language):
    return LANGUAGE_ANALYSIS.get(language, LANGUAGE_ANALYSIS["en"])["pg_config"]


def _on_postgresql(entries):
    return connections[entries.db].vendor == "postgresql"


class TermQuery(Func):
    """``to_tsquery(config, quote_literal(word) || suffix)``: one word of any characters,
    analysed by the configuration, a title word (``:A``) or a title word's prefix
    (``:*A``)."""

    function = "to_tsquery"
    output_field = SearchQueryField()

    def __init__(self, word, config, suffix):
        quoted = Func(Value(word), function="quote_literal")
        super().__init__(Value(config), Func(quoted, Value(suffix), function="concat"))


class AllOf(Func):
    """Every tsquery given (``a && b && …``)."""

    template = "(%(expressions)s)"
    arg_joiner = " && "
    output_field = SearchQueryField()


class Matches(Func):
    """``vector @@ tsquery``, as a condition a queryset filters by."""

    template = "(%(expressions)s)"
    arg_joiner = " @@ "
    output_field = BooleanField()


def _sqlite_clause(clause, prefix=False):
    found = Q()
    for sequence in clause.alternatives:
        text = " ".join(sequence)
        found |= Q(words__contains=f" {text}" if prefix else f" {text} ")
    return ~found if clause.negated else found


def _sqlite_filter(parsed, prefix_last=False):
    groups = Q()
    for number, group in enumerate(parsed.groups):
        matched = Q()
        for position, clause in enumerate(group):
            last = number == len(parsed.groups) - 1 and position == len(group) - 1
            prefix = prefix_last and last and not clause.phrase and not clause.negated
            matched &= _sqlite_clause(clause, prefix and len(clause.alternatives) == 1)
        groups |= matched
    return groups


def match(entries, query, language):
    """The entries of ``entries`` (one listing's, of ``language``) that match ``query``."""
    parsed = parse_query(query, language)
    if not parsed:
        return entries.none()
    if _on_postgresql(entries):
        tsquery = SearchQuery(query, config=_config(language), search_type="websearch")
        return entries.filter(search_vector=tsquery)
    return entries.filter(_sqlite_filter(parsed))


def ranked(entries, query, language, then=()):
    """``entries`` (already matched) best first, ties in the order ``then``."""
    if _on_postgresql(entries):
        tsquery = SearchQuery(query, config=_config(language), search_type="websearch")
        rank = SearchRank(F("search_vector"), tsquery, weights=TITLE_WEIGHTS)
        return entries.alias(_rank=rank).order_by(F("_rank").desc(), *then)
    parsed = parse_query(query, language)
    score = Value(0, output_field=IntegerField())
    for group in parsed.groups:
        for clause in group:
            if clause.negated:
                continue
            in_title = Q()
            for sequence in clause.alternatives:
                in_title |= Q(title_words__contains=f" {' '.join(sequence)} ")
            score = score + Case(When(in_title, then=Value(1)), default=Value(0))
    return entries.alias(_rank=score).order_by(F("_rank").desc(), *then)


def title_match(entries, query, language):
    """Entries whose title holds every word of ``query``, the last one as a prefix (the
    header box's autocomplete)."""
    parsed = parse_query(query, language)
    words = [c for group in parsed.groups[-1:] for c in group if not c.negated]
    if not words:
        return entries.none()
    if _on_postgresql(entries):
        config = _config(language)
        pieces = [p.group() for p in PIECE_RE.finditer(query) if p.group().lower() != "or"]
        terms = [
            TermQuery(piece, config, ":*A" if number == len(pieces) - 1 else ":A")
            for number, piece in enumerate(pieces[-MAX_QUERY_TERMS:])
        ]
        tsquery = terms[0] if len(terms) == 1 else AllOf(*terms)
        return entries.filter(Matches(F("search_vector"), tsquery))
    found = Q()
    for number, clause in enumerate(words):
        last = number == len(words) - 1 and not clause.phrase
        alternatives = Q()
        for sequence in clause.alternatives:
            text = " ".join(sequence)
            alternatives |= Q(title_words__contains=f" {text}" if last else f" {text} ")
        found &= alternatives
    return entries.filter(found)
