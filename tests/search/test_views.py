"""The search page, the header box and the autocomplete endpoint, as readers use them."""

import pytest
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db


def text(response):
    return strip_tags(response.content.decode())


def test_search_page_lists_results_with_highlights(client, pages):
    response = client.get("/es/search/", {"q": "proteccion social"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Protección social en América Latina" in text(response)
    assert "<mark>Protección</mark>" in html
    assert 'role="search"' in html
    assert response["Cache-Control"].startswith("public") or "public" in response["Cache-Control"]


def test_language_and_type_filters(client, pages):
    html = text(client.get("/es/search/", {"q": "social", "lang": "all"}))
    assert "Social protection policies" in html
    html = text(client.get("/es/search/", {"q": "social"}))
    assert "Social protection policies" not in html
    html = text(client.get("/en/search/", {"q": "social", "type": "page"}))
    assert "Social protection policies" in html


def test_counts_past_the_limit_read_as_a_lower_bound(client, pages, monkeypatch):
    from search import service

    monkeypatch.setattr(service, "COUNT_LIMIT", 1)
    html = text(client.get("/es/search/", {"q": "pensiones or social"}))
    assert "Más de 1 resultados para «pensiones or social»" in html
    assert "(más de 1)" in html
    html = text(client.get("/fr/search/", {"q": "social", "lang": "all"}))
    assert "Plus de 1 résultats pour « social »" in html


def test_empty_state_offers_help(client, pages):
    html = client.get("/es/search/", {"q": "pensoines"}).content.decode()
    assert "pensiones" in html  # did you mean
    assert "lang=all" in html


def test_empty_query_and_hostile_input(client, pages):
    assert client.get("/en/search/").status_code == 200
    for q in ["<script>alert(1)</script>", '"', "x" * 10_000, "a\x00b", "' OR 1=1"]:
        response = client.get("/en/search/", {"q": q, "page": "-1", "type": "<x>"})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_header_box_is_a_plain_form_with_combobox_script(client, home):
    html = client.get("/en/").content.decode()
    assert 'action="/en/search/"' in html
    assert 'name="q"' in html
    assert "search/autocomplete.js" in html
    assert 'data-autocomplete-url="/en/search/autocomplete/"' in html


def test_autocomplete_endpoint(member_client, pages, restricted):
    from django.test import Client

    client = Client()
    data = client.get("/es/search/autocomplete/", {"q": "prote"}).json()
    assert "Protección social en América Latina" in [r["label"] for r in data["results"]]
    assert all({"label", "url", "type", "type_label"} <= set(r) for r in data["results"])
    response = client.get("/en/search/autocomplete/", {"q": "closed"})
    assert response.json()["results"] == []
    assert "public" in response["Cache-Control"]
    response = member_client.get("/en/search/autocomplete/", {"q": "closed"})
    assert [r["label"] for r in response.json()["results"]] == ["Closed series members-only-canary"]
    assert "private" in response["Cache-Control"]


def test_search_page_never_shows_members_only_to_anonymous(client, restricted):
    html = text(client.get("/en/search/", {"q": "canary", "lang": "all"}))
    assert "Closed series" not in html
    html = text(client.get("/en/search/", {"q": "series"}))
    assert "Closed series" not in html and "Open series on pensions" in html
