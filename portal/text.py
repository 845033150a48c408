"""Text folding shared by the portal's pages and the search (``search.text``), and the
plain text of what members write."""

import html
import unicodedata

from django.utils.html import strip_tags
from django.utils.text import Truncator


def fold(text):
    """Lower case without accents (``Protección`` -> ``proteccion``)."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def plain(markup, length=None):
    """The text a reader sees in ``markup`` (sanitised HTML a member wrote): tags dropped,
    entities read, blank space made single spaces; cut at a word to ``length`` characters
    with an ellipsis when given. For a plain-text email quoting a post."""
    text = " ".join(html.unescape(strip_tags(str(markup or ""))).split())
    return Truncator(text).chars(length) if length else text
