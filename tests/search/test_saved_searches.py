"""Saved site searches: what was found when the search was saved is not new; results that
appear later are, once, and only those the member may read."""

import pytest
from bs4 import BeautifulSoup

from portal.models import MemberProfile, SavedSearch
from portal.saved_searches import send_search_alerts
from tests.search.conftest import make_page

pytestmark = pytest.mark.django_db


def test_a_site_search_is_saved_and_alerts_only_what_appeared_since(
    client, member, homes, pages, mailoutbox
):
    client.force_login(member)
    response = client.get("/en/search/?q=social+protection&page=2")
    form = BeautifulSoup(response.content, "html.parser").select_one("form.save-search")
    fields = {i["name"]: i.get("value", "") for i in form.select("input")}
    assert fields["params"] == "q=social+protection&lang=en"  # the language is kept
    assert client.post(form["action"], fields).status_code == 302
    saved = SavedSearch.objects.get(user=member)
    assert (saved.scope, saved.name) == ("site", "social protection")
    assert "standardpage" in " ".join(saved.seen)  # what it found then is not new

    assert send_search_alerts() == 0 and not mailoutbox
    make_page(homes["en"], "Social protection floors in Asia", "A new overview.")
    make_page(homes["es"], "Protección social en Asia", "Otro idioma: no es de esta búsqueda.")
    make_page(homes["en"], "Draft on social protection", live=False)
    SavedSearch.objects.update(alerted_at=None)

    assert send_search_alerts() == 1
    assert "1 new result for your search “social protection”" == mailoutbox[0].subject
    assert "Social protection floors in Asia" in mailoutbox[0].body
    assert "Draft" not in mailoutbox[0].body  # not live
    assert "Protección social en Asia" not in mailoutbox[0].body  # not in the search's language
    SavedSearch.objects.update(alerted_at=None)
    assert send_search_alerts() == 0  # told once


def test_the_search_page_offers_to_save_only_a_query(client, member, pages):
    client.force_login(member)
    assert "Save this search" not in client.get("/en/search/").text
    assert "Save this search" in client.get("/en/search/?q=pensions").text
    client.logout()
    assert "Log in to save this search" in client.get("/en/search/?q=pensions").text


def test_an_alert_speaks_the_member_s_language_whatever_the_search_s(
    member, homes, pages, mailoutbox
):
    MemberProfile.objects.update_or_create(user=member, defaults={"preferred_language": "es"})
    SavedSearch.objects.create(
        user=member, scope="site", language="en", params="q=floors&lang=en", name="floors"
    )
    make_page(homes["en"], "Social protection floors in Asia", "A new overview.")
    assert send_search_alerts() == 1
    body = mailoutbox[0].body
    assert "Páginas: Social protection floors in Asia" in body  # the type in Spanish
    assert "/en/" in body  # the result's own address
