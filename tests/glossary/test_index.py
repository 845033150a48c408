"""The A–Z index of each language's glossary: letters with anchors, letters without terms
disabled, accented initials under their letter, and the ``?q=`` filter (no JavaScript)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.alphabet import alphabet, initial

pytestmark = pytest.mark.django_db


def letters_of(response):
    return {letter.letter: letter for letter in response.context["letters"]}


def test_accented_initials_are_filed_under_their_letter():
    assert initial("Émission") == "E"
    assert initial("élan") == "E"
    assert initial("Ñandú") == "N"
    assert initial("Öffentlich") == "O"
    assert initial("3-day rule") == "#"


def test_terms_are_sorted_ignoring_accents_and_case():
    class Term:
        def __init__(self, title):
            self.title = title

    letters = {
        entry.letter: entry
        for entry in alphabet([Term(t) for t in ("Exclusion", "Émission", "ecart")])
    }
    assert [t.title for t in letters["E"].terms] == ["ecart", "Émission", "Exclusion"]
    assert "#" not in letters  # only shown when a term needs it


def test_the_index_lists_its_own_language_terms_by_letter_with_the_rest_disabled(
    client, glossaries, term
):
    emission = term("fr", "Émission de monnaie")
    term("fr", "Ciblage", abbreviation="")
    term("fr", "Examen des ressources")
    term("en", "Targeting")

    response = client.get(glossaries["fr"].url)

    assert response.status_code == 200
    letters = letters_of(response)
    assert list(letters) == [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    assert [t.title for t in letters["E"].terms] == ["Émission de monnaie", "Examen des ressources"]
    assert [t.title for t in letters["C"].terms] == ["Ciblage"]
    assert not letters["T"].enabled  # the English term is not in the French glossary
    html = response.content.decode()
    assert '<nav class="glossary-letters" aria-label="' in html
    assert '<a href="#letter-e">E</a>' in html
    assert '<span class="disabled" aria-disabled="true">T</span>' in html
    assert 'id="letter-e"' in html
    assert f'<a href="{emission.url}">Émission de monnaie</a>' in html


def test_the_index_reads_its_terms_in_a_fixed_number_of_queries(client, glossaries, term):
    for n in range(3):
        term("en", f"Cash term {n}")
    client.get(glossaries["en"].url)  # the first request fills the caches (site, locales)
    with CaptureQueriesContext(connection) as few:
        client.get(glossaries["en"].url)
    expected = len(few)  # read now: the next request empties the connection's log
    for n in range(10):
        term("en", f"Benefit term {n}")
    client.get(glossaries["en"].url)  # the menus are resolved again after a change
    with CaptureQueriesContext(connection) as many:
        response = client.get(glossaries["en"].url)
    assert response.context["term_count"] == 13
    assert len(many) == expected


def test_the_q_filter_keeps_matching_terms_by_name_abbreviation_or_synonym(
    client, glossaries, term
):
    term("es", "Focalización", synonyms="selección de beneficiarios")
    term("es", "Transferencia monetaria condicionada", abbreviation="TMC")
    term("es", "Registro social")

    by_name = letters_of(client.get(glossaries["es"].url, {"q": "focalizacion"}))
    assert [t.title for t in by_name["F"].terms] == ["Focalización"]
    assert not by_name["R"].enabled and not by_name["T"].enabled

    by_abbreviation = client.get(glossaries["es"].url, {"q": "tmc"})
    assert by_abbreviation.context["term_count"] == 1
    assert 'role="status"' in by_abbreviation.content.decode()

    by_synonym = client.get(glossaries["es"].url, {"q": "beneficiarios"})
    assert by_synonym.context["term_count"] == 1

    nothing = client.get(glossaries["es"].url, {"q": "zzz"})
    assert nothing.context["term_count"] == 0
    assert not any(letter.enabled for letter in nothing.context["letters"])
    assert 'name="q" value="zzz"' in nothing.content.decode()
