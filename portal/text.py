"""Text folding shared by the portal's pages and the search (``search.text``)."""

import unicodedata


def fold(text):
    """Lower case without accents (``Protección`` -> ``proteccion``)."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
