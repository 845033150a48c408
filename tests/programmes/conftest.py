"""Fixtures of the programmes tests: a programmes section in each language, a small taxonomy
and a few programmes, one of them for members only."""

import pytest

from library.factories import OrganisationFactory
from portal.demo_utils import translate_instance
from portal.factories import CountryFactory, ThemeFactory
from portal.models import Region
from programmes.factories import (
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    ProgrammeTypeFactory,
    TargetGroupFactory,
)


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """``translate(instance, code, strings)`` through wagtail-localize, published when its
    transaction commits, as in real use."""

    def run(instance, code, strings):
        with django_capture_on_commit_callbacks(execute=True):
            return translate_instance(instance, code, strings)

    return run


@pytest.fixture
def programme_index(home, locales, translate):
    """The English programme index, with its Spanish and French translations."""
    index = ProgrammeIndexPageFactory(parent=home, introduction="Programme profiles.")
    index.save_revision().publish()
    translate(index, "es", {"Programmes": "Programas"})
    translate(index, "fr", {"Programmes": "Programmes"})
    return index


@pytest.fixture
def terms(locales, translate):
    """Regions, countries, programme types, target groups and organisations (English rows,
    a few translated into Spanish)."""
    latam = Region.objects.create(
        name="Latin America and the Caribbean", slug="latin-america", locale=locales["en"]
    )
    africa = Region.objects.create(
        name="Sub-Saharan Africa", slug="sub-saharan-africa", locale=locales["en"]
    )
    cct = ProgrammeTypeFactory(name="Conditional cash transfer", slug="cct")
    translate(cct, "es", {"Conditional cash transfer": "Transferencia monetaria condicionada"})
    pension = ProgrammeTypeFactory(name="Social pension", slug="social-pension")
    translate(pension, "es", {"Social pension": "Pensión social"})
    children = TargetGroupFactory(name="Children", slug="children")
    translate(children, "es", {"Children": "Niñas y niños"})
    older = TargetGroupFactory(name="Older persons", slug="older-persons")
    brazil = CountryFactory(name="Brazil", iso_code="BR", region=latam)
    translate(brazil, "es", {"Brazil": "Brasil"})
    return {
        "latam": latam,
        "africa": africa,
        "brazil": brazil,
        "bolivia": CountryFactory(name="Bolivia", iso_code="BO", region=latam),
        "south_africa": CountryFactory(name="South Africa", iso_code="ZA", region=africa),
        "cct": cct,
        "pension": pension,
        "children": children,
        "older": older,
        "mds": OrganisationFactory(name="Ministry of Social Development", slug="mds"),
        "world_bank": OrganisationFactory(name="World Bank", slug="world-bank"),
        "sassa": OrganisationFactory(name="South African Social Security Agency", slug="sassa"),
        "theme": ThemeFactory(name="Cash transfers", slug="cash-transfers"),
    }


@pytest.fixture
def programme(programme_index):
    """``programme(title, **fields, terms={...})``: a published programme."""

    def make(title, terms=None, **fields):
        page = ProgrammePageFactory(
            parent=programme_index, title=title, terms=terms or {}, **fields
        )
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def programmes(programme, terms):
    """Three public programmes and a members-only one."""
    return {
        "bolsa": programme(
            "Bolsa Família",
            acronym="PBF",
            year_started=2003,
            programme_type=terms["cct"],
            terms={
                "countries": [terms["brazil"]],
                "target_groups": [terms["children"]],
                "implementing_institutions": [terms["mds"]],
                "funding_institutions": [terms["world_bank"]],
            },
        ),
        "renta": programme(
            "Renta Dignidad",
            year_started=2008,
            programme_type=terms["pension"],
            terms={"countries": [terms["bolivia"]], "target_groups": [terms["older"]]},
        ),
        "csg": programme(
            "Child Support Grant",
            acronym="CSG",
            year_started=1998,
            year_ended=None,
            terms={
                "countries": [terms["south_africa"]],
                "target_groups": [terms["children"]],
                "implementing_institutions": [terms["sassa"], terms["world_bank"]],
            },
        ),
        "secret": programme(
            "Members' pilot",
            year_started=2015,
            year_ended=2018,
            programme_type=terms["cct"],
            members_only=True,
            terms={
                "countries": [terms["brazil"]],
                "target_groups": [terms["children"]],
                "implementing_institutions": [terms["mds"]],
            },
        ),
    }
