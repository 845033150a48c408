"""Time-zone choosers: current canonical zones grouped by region, named by city in the
reader's language; a stored alias stays offered and valid; the community event form and the
admin's event and webinar forms use them."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from community_pages.forms import EventForm
from portal.time_zones import TimeZoneField, TimeZoneSelect, canonical_zones, time_zone_choices


def flat(choices):
    return {
        name: label
        for group, options in choices
        for name, label in (options if isinstance(options, list) else [(group, options)])
    }


def test_only_current_canonical_zones_are_offered_grouped_by_region():
    zones = canonical_zones()
    assert "America/Bogota" in zones and "Africa/Nairobi" in zones
    # Deprecated aliases and links are not offered.
    assert not {"US/Eastern", "Asia/Calcutta", "Europe/Kiev", "GB"} & set(zones)
    assert 250 < len(zones) < 400
    choices = time_zone_choices("en")
    assert choices[0] == ("UTC", "UTC")
    groups = [str(group) for group, _options in choices[1:]]
    assert groups[:3] == ["Africa", "Americas", "Antarctica"]
    americas = dict(choices[2][1])
    assert americas["America/Sao_Paulo"] == "São Paulo"
    labels = [label for _name, label in choices[2][1]]
    assert labels == sorted(labels, key=str.casefold)


def test_cities_and_regions_are_named_in_the_reader_s_language():
    with translation.override("es"):
        choices = time_zone_choices()
        assert flat(choices)["America/New_York"] == "Nueva York"
        assert str(choices[2][0]) == "América"
    with translation.override("fr"):
        groups = [str(group) for group, _options in time_zone_choices()[1:]]
        assert "Asie" in groups and "Océan Indien" in groups


def test_a_stored_alias_stays_offered_and_valid():
    html = TimeZoneSelect().render("time_zone", "Asia/Calcutta")
    assert '<option value="Asia/Calcutta" selected>Asia/Calcutta</option>' in html
    field = TimeZoneField()
    assert field.clean("Asia/Calcutta") == "Asia/Calcutta"
    assert field.clean("Asia/Kolkata") == "Asia/Kolkata"
    # A name longer than a file name may be makes zoneinfo raise OSError: still a refusal.
    for bad in ("Mars/Olympus", "../etc/passwd", "", "9" * 5000):
        with pytest.raises(ValidationError):
            field.clean(bad)


def test_the_community_event_form_offers_grouped_zones():
    html = str(EventForm()["time_zone"])
    assert "<optgroup" in html and 'value="Africa/Nairobi"' in html
    assert 'value="US/Eastern"' not in html
