"""A term page: definition, abbreviation, synonyms, sources, related terms in the reader's
language and themes linking to the library filtered by theme."""

import pytest

from glossary.models import GlossaryTermPage
from library.factories import LibraryIndexPageFactory
from portal.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def targeting(home, glossaries, term):
    LibraryIndexPageFactory(parent=home)
    registry = term("en", "Social registry")
    means_test = term("en", "Means test")
    theme = ThemeFactory(slug="social-assistance", name="Social assistance")
    return term(
        "en",
        "Targeting",
        abbreviation="TGT",
        synonyms="beneficiary selection, selection",
        definition="<p>The rules a programme uses to <b>direct</b> its benefits.</p>",
        sources=[
            (
                "source",
                {
                    "title": "socialprotection.org, Glossary",
                    "url": "https://socialprotection.org/learn/glossary",
                },
            )
        ],
        relations={"related_terms": [registry, means_test], "themes": [theme]},
    )


def test_a_term_page_shows_its_definition_names_sources_related_terms_and_themes(client, targeting):
    response = client.get(targeting.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Targeting <abbr>(TGT)</abbr></h1>" in html
    assert "beneficiary selection, selection" in html
    assert "<b>direct</b>" in html
    assert '<a href="https://socialprotection.org/learn/glossary" rel="noopener">' in html
    assert [t.title for t in response.context["related"]] == ["Means test", "Social registry"]
    registry = GlossaryTermPage.objects.get(title="Social registry")
    assert f'<a href="{registry.url}">Social registry</a>' in html
    assert '<a href="/en/library/?theme=social-assistance">Social assistance</a>' in html


def test_related_terms_are_shown_in_the_pages_language(client, targeting, glossaries):
    registry = GlossaryTermPage.objects.get(title="Social registry")
    spanish_registry = registry.copy_for_translation(glossaries["es"].locale)
    spanish_registry.title = "Registro social"
    spanish_registry.save_revision().publish()
    spanish = targeting.copy_for_translation(glossaries["es"].locale)
    spanish.title = "Focalización"
    spanish.save_revision().publish()

    response = client.get(spanish.url)

    assert response.status_code == 200
    # Registro social in Spanish; Means test has no translation, so the English one is shown.
    assert [t.title for t in response.context["related"]] == ["Means test", "Registro social"]
