"""Citations as reference managers read them: BibTeX parsed by bibtexparser, RIS by rispy,
CSL-JSON by json and rendered by citeproc-py, with working links, the same document type in
every format, every publishing organisation, in English, Spanish and French."""

import datetime
import json

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup
from wagtail.models import Locale

from library import citations
from portal.demo_utils import translate_instance

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1:8000"


@pytest.fixture
def paper(taxonomy, publish):
    page = publish(
        "Cash_transfers & 100% coverage: Bolsa Família's {next} decade",
        slug="cash_transfers-100-coverage",
        year=2021,
        publication_date=datetime.date(2021, 3, 4),
        authors="Soares, Fábio Veras\nOsório, Rafael",
        doi="10.1000/ipc_wp.2021%2F7",
        isbn="978-65-00-12345-6",
        document_type=taxonomy["report"],
        languages=[taxonomy["english"]],
        organisations=[taxonomy["ipc"], taxonomy["ilo"]],
    )
    page.keywords.add("cash transfers")
    page.save_revision().publish()
    return page


def download(client, page, fmt):
    response = client.get(f"/en/library/cite/{page.pk}.{fmt}")
    assert response.status_code == 200
    return response


def test_bibtex_gives_verbatim_links_and_each_organisation(client, paper):
    response = download(client, paper, "bib")
    assert response["Content-Type"].startswith("application/x-bibtex")
    [entry] = bibtexparser.loads(response.content.decode()).entries
    assert entry["ENTRYTYPE"] == "techreport"
    assert entry["url"] == f"{BASE}/en/library/cash_transfers-100-coverage/"
    assert entry["doi"] == "10.1000/ipc_wp.2021%2F7"
    assert entry["title"] == r"Cash\_transfers \& 100\% coverage: Bolsa Família's \{next\} decade"
    assert entry["author"] == "Soares, Fábio Veras and Osório, Rafael"
    assert entry["institution"] == (
        "{International Labour Organization} and {International Policy Centre for Inclusive Growth}"
    )


def test_ris_is_read_back_by_rispy(client, paper):
    response = download(client, paper, "ris")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    [record] = rispy.loads(response.content.decode())
    assert record["type_of_reference"] == "RPRT"
    assert record["title"] == paper.title
    assert record["authors"] == ["Soares, Fábio Veras", "Osório, Rafael"]
    assert record["urls"] == [f"{BASE}/en/library/cash_transfers-100-coverage/"]
    assert record["doi"] == "10.1000/ipc_wp.2021%2F7"
    assert record["publisher"] == (
        "International Labour Organization; International Policy Centre for Inclusive Growth"
    )
    assert record["date"] == "2021/03/04"


def test_csl_json_is_what_zotero_imports(client, paper):
    response = download(client, paper, "json")
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json"
    [item] = json.loads(response.content)
    assert item["type"] == "report"
    assert item["author"] == [
        {"family": "Soares", "given": "Fábio Veras"},
        {"family": "Osório", "given": "Rafael"},
    ]
    assert item["issued"] == {"date-parts": [[2021, 3, 4]]}
    assert item["DOI"] == "10.1000/ipc_wp.2021%2F7" and item["ISBN"] == "978-65-00-12345-6"
    assert item["URL"] == f"{BASE}/en/library/cash_transfers-100-coverage/"


@pytest.mark.parametrize("slug", sorted(citations.TYPES))
def test_a_document_type_is_the_same_kind_in_every_format(client, publish, slug):
    from library.factories import DocumentTypeFactory

    page = publish(f"A {slug}", document_type=DocumentTypeFactory(name=slug, slug=slug))
    bib, ris, csl = citations.TYPES[slug]
    assert bibtexparser.loads(citations.bibtex(page, "u")).entries[0]["ENTRYTYPE"] == bib
    assert rispy.loads(citations.ris(page, "u"))[0]["type_of_reference"] == ris
    assert citations.csl_item(page, "u")["type"] == csl
    # One family: a report is never a book in one manager and a report in another.
    assert {bib == "techreport", ris == "RPRT", csl == "report"} in ({True}, {False})


@pytest.mark.parametrize(
    "language, words", [("en", "Available at"), ("es", "Disponible en"), ("fr", "Disponible sur")]
)
def test_the_page_shows_a_formatted_reference_in_the_readers_language(
    client, taxonomy, publish, language, words, django_capture_on_commit_callbacks
):
    page = publish(
        "Social registries in Brazil",
        year=2021,
        authors="Soares, Fábio Veras\nOsório, Rafael",
        organisations=[taxonomy["ipc"]],
        document_type=taxonomy["report"],
    )
    titles = {"es": "Registros sociales en Brasil", "fr": "Registres sociaux au Brésil"}
    if language != "en":
        with django_capture_on_commit_callbacks(execute=True):
            translate_instance(page, language, {page.title: titles[language]})
        page = page.get_translation(Locale.objects.get(language_code=language))
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    reference = html.select_one(".citation blockquote")
    text = reference.get_text(" ", strip=True)
    conjunction = {"en": "and", "es": "y", "fr": "et"}[language]
    assert text.startswith(f"Soares, F.V. {conjunction} Osório, R. (2021)")
    assert f"{words}: {BASE}{page.url}" in text  # the page in the reader's language
    assert reference.find("i").get_text() == page.title
    links = {a["href"] for a in html.select(".citation-links a")}
    assert {f"/{language}/library/cite/{page.pk}.{fmt}" for fmt in ("bib", "ris", "json")} <= links


def test_a_reference_with_a_doi_links_to_it(paper):
    html = str(citations.formatted(paper, citations.citation_url(paper), "en"))
    assert "https://doi.org/10.1000/ipc_wp.2021%2F7" in html
    # Text is escaped: the reference is safe HTML.
    assert "&amp; 100% coverage" in html and "<script" not in html
