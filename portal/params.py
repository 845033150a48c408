"""Reading what a reader (or a robot) put in a URL or a header: never trusted, never raising.

Every number is parsed here and capped, every piece of text loses its control characters
(PostgreSQL refuses a NUL in a text parameter, so one in a query string would be a server
error), so a view that reads its parameters through these functions answers a hostile URL
as it answers an ordinary one. Apps call these; nothing here knows about them.
"""

import re

# Characters no reader types: C0 controls (NUL among them), DEL and the C1 controls.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# The same, but for line breaks: what a reader types in a box of several lines.
CONTROL_CHARACTERS_BUT_LINES = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
INTEGER = re.compile(r"([+-]?)0*(\d+)")
# A number with more digits than this is huge: it is capped without being converted
# (Python refuses to convert more than 4,300 digits, and a database a number past 2**63).
MAX_DIGITS = 18
# The deepest page of any listing a reader may ask for: past it, the page number is capped
# (what lies there is past the end of every list the portal has).
MAX_PAGE = 10_000


def clean_text(value, max_length=200):
    """``value`` with its control characters made spaces, without surrounding spaces, at
    most ``max_length``."""
    return CONTROL_CHARACTERS.sub(" ", str(value or "")).strip()[:max_length]


def clean_lines(value, max_length=1000):
    """``value`` typed in a box of several lines (a moderator's comment): its line breaks
    kept (as ``\\n``), its other control characters made spaces, without surrounding
    blank space, at most ``max_length``."""
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL_CHARACTERS_BUT_LINES.sub(" ", text).strip()[:max_length]


def has_control_characters(value):
    """Does ``value`` hold a character no reader types (a NUL, say)?"""
    return CONTROL_CHARACTERS.search(str(value)) is not None


def parse_int(value, default=None, minimum=None, maximum=None):
    """``value`` (text) as a whole number within ``minimum``–``maximum`` (either may be
    ``None``); ``default`` when it is not a whole number at all.

    A number out of range is capped to the nearest bound, however many digits it has;
    without that bound, a number too large for a database column (an id no row can have)
    counts as no number: ``default``.
    """
    match = INTEGER.fullmatch(clean_text(value, max_length=10_000))
    if match is None:
        return default
    sign, digits = match.groups()
    negative = sign == "-"
    if len(digits) > MAX_DIGITS:
        bound = minimum if negative else maximum
        if bound is None:
            return default
        return bound
    number = -int(digits) if negative else int(digits)
    if minimum is not None:
        number = max(minimum, number)
    if maximum is not None:
        number = min(maximum, number)
    return number


def int_param(params, name, default, minimum, maximum):
    """The whole number ``params[name]`` (a QueryDict or dict), capped to
    ``minimum``–``maximum``; ``default`` when missing or not a number."""
    return parse_int(params.get(name), default, minimum, maximum)


def text_param(params, name, default="", max_length=200):
    """The text ``params[name]`` without control characters, at most ``max_length``;
    ``default`` when missing or empty once cleaned."""
    return clean_text(params.get(name), max_length) or default


def text_list_param(params, name, max_items=20, max_length=120):
    """Every distinct non-empty value of ``params[name]``, cleaned, sorted, at most
    ``max_items`` (a QueryDict's repeated values, or a dict holding a string or a list)."""
    getlist = getattr(params, "getlist", None)
    raw = getlist(name) if getlist else params.get(name, [])
    if isinstance(raw, str):
        raw = [raw]
    return sorted({clean_text(v, max_length) for v in raw} - {""})[:max_items]
