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
from django.db.models import BooleanField, F, FloatField, Func, Q, Value
from django.db.models.expressions import Case, When

from search.backends import LANGUAGE_ANALYSIS
from search.text import MAX_QUERY_TERMS, parse_query

TITLE_WEIGHTS = [0.05, 0.1, 0.4, 1.0]  # D, C, B, A: a title match counts most


def _config(language):
    return LANGUAGE_ANALYSIS.get(language, LANGUAGE_ANALYSIS["en"])["pg_config"]


def on_postgresql(entries):
    """Are the ``entries`` read from a PostgreSQL database?"""
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


def text_condition(query, language, on_postgresql):
    """The condition an entry of ``language`` meets when its text matches ``query``."""
    if on_postgresql:
        tsquery = SearchQuery(query, config=_config(language), search_type="websearch")
        return Q(search_vector=tsquery)
    return _sqlite_filter(parse_query(query, language))


def rank(query, language, on_postgresql):
    """How well an entry of ``language`` matches ``query`` (higher is better)."""
    if on_postgresql:
        tsquery = SearchQuery(query, config=_config(language), search_type="websearch")
        return SearchRank(F("search_vector"), tsquery, weights=TITLE_WEIGHTS)
    score = Value(0.0, output_field=FloatField())
    for group in parse_query(query, language).groups:
        for clause in group:
            if clause.negated:
                continue
            in_title = Q()
            for sequence in clause.alternatives:
                in_title |= Q(title_words__contains=f" {' '.join(sequence)} ")
            score = score + Case(When(in_title, then=Value(1.0)), default=Value(0.0))
    return score


def title_condition(query, language, on_postgresql):
    """The condition an entry of ``language`` meets when its title holds every word of
    ``query``'s last alternative (after its last ``or``; a ``-word`` is left out), the last
    one, unless in a phrase, as a prefix; ``None`` when the query has no word."""
    parsed = parse_query(query, language)
    words = [c for group in parsed.groups[-1:] for c in group if not c.negated]
    if not words:
        return None
    if on_postgresql:
        config = _config(language)
        typed = [
            (piece, number == len(words) - 1 and not clause.phrase)
            for number, clause in enumerate(words)
            for piece in clause.pieces
        ][-MAX_QUERY_TERMS:]
        terms = [TermQuery(piece, config, ":*A" if prefix else ":A") for piece, prefix in typed]
        return Q(Matches(F("search_vector"), terms[0] if len(terms) == 1 else AllOf(*terms)))
    found = Q()
    for number, clause in enumerate(words):
        last = number == len(words) - 1 and not clause.phrase
        alternatives = Q()
        for sequence in clause.alternatives:
            text = " ".join(sequence)
            alternatives |= Q(title_words__contains=f" {text}" if last else f" {text} ")
        found &= alternatives
    return found


def match(entries, query, language):
    """The entries of ``entries`` (one listing's, of ``language``) that match ``query``."""
    if not parse_query(query, language):
        return entries.none()
    return entries.filter(text_condition(query, language, on_postgresql(entries)))


def ranked(entries, query, language, then=()):
    """``entries`` (already matched) best first, ties in the order ``then``."""
    score = rank(query, language, on_postgresql(entries))
    return entries.alias(_rank=score).order_by(F("_rank").desc(), *then)
