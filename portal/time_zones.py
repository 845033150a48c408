"""Time-zone choosers people can use: the current canonical zones grouped by region.

``zoneinfo.available_timezones()`` lists about 600 names, deprecated aliases included
(``US/Eastern``, ``Asia/Calcutta``). People choose among IANA's canonical zones in use today
(``zone1970.tab`` of the ``tzdata`` package), grouped by region and named by their city in
the reader's language (CLDR, through Babel): a native select, so typing the first letters of
a city jumps to it, with or without JavaScript. A value already stored that is not among
them (an alias an editor once typed) stays offered, so saving a form never changes it.
"""

import functools
from importlib import resources

from babel.core import UnknownLocaleError
from babel.dates import get_timezone_location
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.datetimes import time_zone

# The regions of IANA's names, in the reader's words.
REGIONS = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic Ocean"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific Ocean"),
}


@functools.cache
def canonical_zones():
    """The canonical zones in use today (IANA's ``zone1970.tab``), sorted by name."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone1970.tab").read_text("utf-8")
    names = {
        line.split("\t")[2]
        for line in table.splitlines()
        if line and not line.startswith("#") and len(line.split("\t")) >= 3
    }
    return sorted(names)


def zone_city(zone_name, language=None):
    """``America/New_York`` as a reader of ``language`` names it (``Nueva York``); the
    IANA name where CLDR has no city for it."""
    if zone_name in ("UTC", "Etc/UTC"):
        return "UTC"
    code = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    try:
        return get_timezone_location(zone_name, locale=code, return_city=True) or zone_name
    except (LookupError, ValueError, UnknownLocaleError):
        return zone_name


def time_zone_choices(language=None, current=None):
    """Choices for a select: UTC, then one group per region of ``(name, city)`` by city in
    ``language``; ``current`` (a stored value) first if it is a zone but not canonical."""
    groups = {}
    for name in canonical_zones():
        region = name.split("/", 1)[0]
        groups.setdefault(region, []).append((name, zone_city(name, language)))
    choices = []
    if current and current not in canonical_zones() and current != "UTC" and time_zone(current):
        choices.append((current, current))
    choices.append(("UTC", "UTC"))
    for region, label in REGIONS.items():
        zones = groups.get(region, [])
        cities = [city for _name, city in zones]
        options = [
            # Two zones named after one city (rare) are told apart by their IANA names.
            (name, city if cities.count(city) == 1 else f"{city} ({name})")
            for name, city in zones
        ]
        if options:
            choices.append((label, sorted(options, key=lambda option: option[1].casefold())))
    return choices


class TimeZoneSelect(forms.Select):
    """A select of :func:`time_zone_choices` in the active language, keeping the stored
    value among them."""

    def optgroups(self, name, value, attrs=None):
        """Refresh the choices for the reader's language and the value shown."""
        current = value[0] if isinstance(value, (list, tuple)) and value else value
        self.choices = time_zone_choices(current=current or None)
        return super().optgroups(name, value, attrs)


class TimeZoneField(forms.ChoiceField):
    """A form field for an IANA zone, offered as :class:`TimeZoneSelect`: any zone is valid
    (a stored alias included), the canonical ones are offered."""

    widget = TimeZoneSelect

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", time_zone_choices)
        super().__init__(**kwargs)

    def valid_value(self, value):
        """Any zone Python knows."""
        return bool(value) and time_zone(value) is not None
