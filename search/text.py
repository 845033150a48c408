"""Language analysis done in Python, the same on every database.

PostgreSQL analyses text with its ``portal_<language>`` text search configurations
(``unaccent``, then the language's Snowball stemmer, no stop words: migration 0006 of this
app). Where there is no such engine (SQLite, the quick start), the library's read model
stores the words this module makes, and a query is reduced by the same function, so a
document and a query are always split and stemmed alike:

* text is split into *pieces*: runs of letters and digits, joined by ``.``, ``-``, ``/``,
  ``@`` or ``_`` (``1.3``, ``www.who.int``, ``report.pdf``, ``cash_transfer``,
  ``e-mail``); a piece of several parts yields its whole form and then each part, so the
  whole token and each of its words can be found;
* words are lower-cased, accents folded (``protección`` -> ``proteccion``), then stemmed
  with the Snowball stemmer of the language (``snowballstemmer``: the algorithms
  PostgreSQL's stemmers implement); tokens holding a digit are not stemmed.

``parse_query`` reads a query as a web search box does (PostgreSQL's
``websearch_to_tsquery``): words are all required, ``"quoted words"`` are a phrase,
``or`` between words makes alternatives, a leading ``-`` excludes a word.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from portal.text import fold  # noqa: F401 - part of this module's interface

STEMMERS = {"en": "english", "es": "spanish", "fr": "french"}
PIECE_RE = re.compile(r"[^\W_]+(?:[.\-/@_]+[^\W_]+)*", re.UNICODE)
PART_RE = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_TERMS = 16


@lru_cache(maxsize=8)
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMERS.get(language, "english"))


@lru_cache(maxsize=200_000)  # a library's vocabulary: stemming it once is most of the work
def stem(word, language):
    """The Snowball stem of one folded word (a word with a digit is kept as it is)."""
    if any(char.isdigit() for char in word):
        return word
    return _stemmer(language).stemWord(word)


def piece_terms(piece, language):
    """The terms of one piece: its whole form when it has several parts, then each part."""
    parts = PART_RE.findall(piece)
    if len(parts) == 1:
        return [stem(parts[0], language)]
    return [piece, *(stem(part, language) for part in parts)]


def terms(text, language):
    """Every term of ``text`` in order, as the read model stores and queries compare them."""
    out = []
    for match in PIECE_RE.finditer(fold(text)):
        out.extend(piece_terms(match.group(), language))
    return out


def words_column(*texts, language):
    """The terms of ``texts`` as one column value: space-separated, with a space at each
    end, so that a term or a phrase is found by ``contains(" term ")``."""
    found = [term for text in texts for term in terms(text, language)]
    return f" {' '.join(found)} " if found else ""


@dataclass
class Clause:
    """One required (or, with ``negated``, excluded) part of a query: a word or a phrase,
    as alternatives of terms sequences (``["1.3"]`` or ``["1", "3"]``)."""

    alternatives: list
    negated: bool = False
    phrase: bool = False
    pieces: list = field(default_factory=list)  # as typed, folded and unstemmed


@dataclass
class ParsedQuery:
    """A query as groups of clauses: every clause of a group is required; any group may
    match (``or``)."""

    groups: list = field(default_factory=list)
    last_word: str = ""  # the last word typed, folded and unstemmed (for prefix matching)

    def __bool__(self):
        return any(not clause.negated for group in self.groups for clause in group)


_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse_query(query, language):
    """Read ``query`` as ``websearch_to_tsquery`` does (see the module's docstring)."""
    groups, current, count, last = [], [], 0, ""
    for match in _TOKEN_RE.finditer(str(query or "")):
        negated_phrase, phrase, word = match.groups()
        if word is not None and word.lower() == "or":
            if current:
                groups.append(current)
                current = []
            continue
        negated = bool(negated_phrase) or (word is not None and word.startswith("-"))
        text = phrase if phrase is not None else word.lstrip("-")
        pieces = [m.group() for m in PIECE_RE.finditer(fold(text))]
        if not pieces:
            continue
        if phrase is not None:
            sequence = [t for piece in pieces for t in piece_terms(piece, language)]
            clause = Clause([sequence], negated, phrase=True, pieces=pieces)
            count += len(pieces)
            current.append(clause)
        else:
            for piece in pieces:
                whole = piece_terms(piece, language)
                alternatives = [[whole[0]]] if len(whole) == 1 else [[whole[0]], whole[1:]]
                current.append(Clause(alternatives, negated, pieces=[piece]))
                count += 1
        if not negated:
            last = PART_RE.findall(pieces[-1])[-1]
        if count >= MAX_QUERY_TERMS:
            break
    if current:
        groups.append(current)
    return ParsedQuery(groups, last)
