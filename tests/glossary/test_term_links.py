"""A word of any rich text linked to a glossary term (the editor's ordinary page link) shows
the start of the term's definition on hover and focus: the tooltip is in the markup, in the
reader's language; other page links are Wagtail's."""

import pytest
from bs4 import BeautifulSoup

from glossary.models import GlossaryTermPage
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home, term, locales):
    means_test = term(
        "en",
        "Means test",
        definition="<p>An assessment of a household's <b>income and assets</b> that decides "
        "whether it may receive a benefit.</p>",
    )
    spanish = means_test.copy_for_translation(locales["es"])
    spanish.title = "Comprobación de medios"
    spanish.slug = "comprobacion-de-medios"
    spanish.definition = "<p>Evaluación de los ingresos y bienes de un hogar.</p>"
    spanish.save_revision().publish()
    news = NewsIndexPageFactory(parent=home)
    body = (
        f'<p>No <a linktype="page" id="{means_test.pk}">means test</a> applies; see the '
        f'<a linktype="page" id="{news.pk}">news</a>.</p>'
    )
    page = NewsArticlePageFactory(parent=news, body=[("paragraph", body)])
    return {"page": page, "term": means_test}


def links(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser").select("article a, main a")


def test_a_link_to_a_term_carries_its_definition_and_other_links_do_not(client, article):
    found = {a.get_text(): a for a in links(client, article["page"].url)}
    term_link = found["means test"]
    assert term_link["href"] == "/en/glossary/means-test/"
    assert term_link["class"] == ["term-link"]
    assert term_link["data-definition"] == (
        "An assessment of a household's income and assets that decides whether it may "
        "receive a benefit."
    )
    assert "data-definition" not in found["news"].attrs


def test_a_spanish_reader_gets_the_spanish_term_and_definition(client, article):
    path = "/es/" + article["page"].url.split("/", 2)[2]
    with_term = [a for a in links(client, path) if a.get("class") == ["term-link"]]
    assert [(a["href"], a["data-definition"]) for a in with_term] == [
        (
            GlossaryTermPage.objects.get(slug="comprobacion-de-medios").url,
            "Evaluación de los ingresos y bienes de un hogar.",
        )
    ]
