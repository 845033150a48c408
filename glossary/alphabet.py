"""The A–Z of a glossary: which letter a term is filed under, and the letters with their terms.

A term is filed under its first letter with accents taken off ("Émission" under E,
"Ñandú" under N), so every language shares the same 26 letters; a term that starts with
anything else (a digit) is filed under "#", shown only when such a term exists.
"""

import string
import unicodedata
from dataclasses import dataclass, field

LETTERS = tuple(string.ascii_uppercase)
OTHER = "#"


def fold(text):
    """``text`` lower-cased without accents (``Émission`` -> ``emission``)."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def initial(title):
    """The letter ``title`` is filed under: its first letter without accents, or ``#``."""
    folded = fold(title).lstrip()
    first = folded[:1].upper()
    return first if first in LETTERS else OTHER


@dataclass
class Letter:
    """One letter of the index and the terms filed under it (none: the letter is disabled)."""

    letter: str
    terms: list = field(default_factory=list)

    @property
    def anchor(self):
        """The id of the letter's section on the index page."""
        return "letter-other" if self.letter == OTHER else f"letter-{self.letter.lower()}"

    @property
    def enabled(self):
        """Does the letter have terms (a link), or is it shown disabled?"""
        return bool(self.terms)


def alphabet(terms):
    """Every letter A–Z with its terms sorted as readers expect (accents ignored), then ``#``
    if any term starts with something else than a letter."""
    letters = {letter: Letter(letter) for letter in (*LETTERS, OTHER)}
    for term in sorted(terms, key=lambda t: (fold(t.title), t.title)):
        letters[initial(term.title)].terms.append(term)
    if not letters[OTHER].terms:
        del letters[OTHER]
    return list(letters.values())


def matches(term, query):
    """Does the term's title, abbreviation or one of its synonyms contain every word of
    ``query`` (case and accents ignored)?"""
    words = fold(query).split()
    haystack = fold(" ".join([term.title, term.abbreviation, term.synonyms]))
    return all(word in haystack for word in words)
