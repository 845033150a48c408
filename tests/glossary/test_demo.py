"""The demo glossary: every term in English, Spanish and French, made through
wagtail-localize, and a second load that changes nothing."""

from io import StringIO

import pytest
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from glossary.demo import load
from glossary.demo_terms import TERMS
from glossary.models import GlossaryIndexPage, GlossaryTermPage

pytestmark = pytest.mark.django_db


class Command:
    """What a loader needs of the management command: somewhere to write."""

    def __init__(self):
        self.stdout, self.stderr = StringIO(), StringIO()


def in_language(page, code):
    return GlossaryTermPage.objects.get(
        translation_key=page.translation_key, locale__language_code=code
    )


def test_demo_glossary_has_every_term_translated_and_a_second_load_changes_nothing(
    home, django_capture_on_commit_callbacks
):
    """One test for the whole demo (it makes about a hundred pages): counts, a translation
    made through wagtail-localize with its synchronised relations, then idempotence."""
    with django_capture_on_commit_callbacks(execute=True):
        load(Command())

    counts = {
        code: GlossaryTermPage.objects.live().filter(locale__language_code=code).count()
        for code in ("en", "es", "fr")
    }
    assert len(TERMS) >= 30
    assert counts == {"en": len(TERMS), "es": len(TERMS), "fr": len(TERMS)}
    assert set(GlossaryIndexPage.objects.live().values_list("title", flat=True)) == {
        "Glossary",
        "Glosario",
        "Glossaire",
    }

    targeting = GlossaryTermPage.objects.get(slug="targeting", locale__language_code="en")
    spanish, french = in_language(targeting, "es"), in_language(targeting, "fr")
    assert (spanish.title, french.title) == ("Focalización", "Ciblage")
    assert spanish.url_path.endswith("/glosario/focalizacion/")
    assert "Conjunto de reglas" in spanish.definition
    assert spanish.synonym_list == ["selección de beneficiarios", "targeting"]
    assert Translation.objects.filter(source__object_id=targeting.translation_key).count() == 2
    # Relations are synchronised: every translation points at the English terms.
    assert targeting.related_terms.count() == 4
    assert set(spanish.related_terms.all()) == set(targeting.related_terms.all())
    assert set(french.related_terms.all()) == set(targeting.related_terms.all())
    cct = GlossaryTermPage.objects.get(slug="conditional-cash-transfer", locale__language_code="en")
    assert (cct.abbreviation, in_language(cct, "es").abbreviation) == ("CCT", "TMC")

    before = (Page.objects.count(), Translation.objects.count(), Revision.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        load(Command())
    assert (Page.objects.count(), Translation.objects.count(), Revision.objects.count()) == before
