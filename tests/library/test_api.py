"""The public API (Wagtail API v2) as a script uses it: publications with their fields,
filters by theme, country and region, pages found by their public URL, JSON errors, and
nothing members-only for anonymous callers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models import PublicationFile
from portal.demo_utils import translate_instance

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1:8000"
LISTING = "/api/v2/pages/?type=library.PublicationPage&fields=*"


@pytest.fixture
def spanish(publications, django_capture_on_commit_callbacks):
    """The Brazilian publication translated into Spanish through wagtail-localize."""
    with django_capture_on_commit_callbacks(execute=True):
        page = translate_instance(
            publications["public"], "es", {"Cash transfers in Brazil": "Transferencias en Brasil"}
        )
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def publications(taxonomy, publish, pdf_document):
    public = publish(
        "Cash transfers in Brazil",
        authors="Soares, Fábio Veras\nOsório, Rafael",
        themes=[taxonomy["cct"]],
        countries=[taxonomy["brazil"]],
        document_type=taxonomy["report"],
        organisations=[taxonomy["ipc"], taxonomy["ilo"]],
    )
    PublicationFile.objects.create(page=public, document=pdf_document("Full report"))
    public.save_revision().publish()
    kenya = publish("Pensions in Kenya", themes=[taxonomy["health"]], countries=[taxonomy["kenya"]])
    secret = publish("Members' draft", members_only=True, countries=[taxonomy["brazil"]])
    return {"public": public, "kenya": kenya, "secret": secret}


def items(client, query=""):
    response = client.get(LISTING + query)
    assert response.status_code == 200, response.content
    return {item["title"]: item for item in response.json()["items"]}


def test_a_publication_gives_its_fields_as_data(client, publications):
    item = items(client)["Cash transfers in Brazil"]
    assert item["authors"] == ["Soares, Fábio Veras", "Osório, Rafael"]
    assert item["document_type"] == {"key": "report", "name": "Report"}
    assert item["countries"] == [{"key": "BR", "name": "Brazil"}]
    assert item["regions"] == [{"key": "lac", "name": "Latin America and the Caribbean"}]
    assert [theme["key"] for theme in item["themes"]] == ["cct"]
    assert [org["key"] for org in item["organisations"]] == ["ilo", "ipc-ig"]
    assert isinstance(item["year"], int)
    [download] = item["download_links"]
    file = publications["public"].files.get()
    assert download == {
        "title": "Full report",
        "format": "pdf",
        "url": f"{BASE}/en/library/download/{file.pk}/",
    }
    assert item["meta"]["detail_url"] == f"{BASE}/api/v2/pages/{publications['public'].pk}/"


def test_term_names_follow_the_locale_asked_for(client, spanish):
    item = items(client, "&locale=es")["Transferencias en Brasil"]
    assert item["id"] == spanish.pk
    assert item["document_type"] == {"key": "report", "name": "Informe"}
    assert item["meta"]["locale"] == "es"


@pytest.mark.parametrize(
    "query, titles",
    [
        ("&country=BR", {"Cash transfers in Brazil"}),
        ("&country=ke", {"Pensions in Kenya"}),
        ("&region=lac", {"Cash transfers in Brazil"}),
        ("&theme=cct", {"Cash transfers in Brazil"}),
        ("&theme=health&country=KE", {"Pensions in Kenya"}),
        ("&theme=health&country=BR", set()),
    ],
)
def test_listings_filter_by_theme_country_and_region(client, publications, query, titles):
    assert set(items(client, query)) == titles


@pytest.mark.parametrize(
    "path, message",
    [
        ("/api/v2/pages/?type=library.PublicationPage&theme=nothing", "no theme"),
        ("/api/v2/pages/?country=BR", "needs a page type"),
    ],
)
def test_bad_filters_are_a_json_400_that_says_why(client, publications, path, message):
    response = client.get(path)
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert message in response.json()["message"]


@pytest.mark.parametrize("path", ["/api/v2/pages/999999/", "/api/v2/nothing/", "/api/v3/"])
def test_unknown_ids_and_endpoints_are_a_json_404(client, home, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json" and "message" in response.json()


def test_pages_are_found_by_their_public_url_language_prefix_included(
    client, publications, spanish, library
):
    for page in (publications["public"], spanish, library["fr"]):
        response = client.get("/api/v2/pages/find/", {"html_path": page.url})
        assert response.status_code == 302
        assert response.url.rstrip("?").endswith(f"/api/v2/pages/{page.pk}/")
    missing = client.get("/api/v2/pages/find/", {"html_path": "/es/no-such-page/"})
    assert missing.status_code == 404 and missing["Content-Type"] == "application/json"


def test_members_only_publications_are_neither_listed_nor_found(client, publications):
    secret = publications["secret"]
    assert "Members' draft" not in items(client)
    assert client.get(f"/api/v2/pages/{secret.pk}/").status_code == 404
    found = client.get("/api/v2/pages/find/", {"html_path": secret.url})
    assert found.status_code == 404


def test_a_listing_costs_the_same_queries_for_more_publications(client, publications, publish):
    def count():
        client.get(LISTING)  # label maps and content types cached, as in a running site
        with CaptureQueriesContext(connection) as queries:
            assert len(client.get(LISTING).json()["items"]) > 0
        return len(queries)

    for n in range(4):
        publish(f"More {n}")
    fewer = count()
    for n in range(8):
        publish(f"Even more {n}")
    assert count() == fewer
