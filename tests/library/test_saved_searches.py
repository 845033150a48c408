"""Saved library searches: saving from the listing, the saved searches page, and alerts of
the publications added since, only those the member may read (every engine: this suite
runs on Elasticsearch too)."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from portal.models import MemberProfile, NotificationPreference, PendingNotification, SavedSearch
from portal.saved_searches import MAX_PER_MEMBER, send_search_alerts
from tests.nu_checker import nu_errors

pytestmark = pytest.mark.django_db


def published(publish, title, **fields):
    """A publication published as editors do: it has a first publication time."""
    page = publish(title, **fields)
    page.save_revision().publish()
    return page


def save_form(response):
    """The fields of the page's "Save this search" form, or None."""
    form = BeautifulSoup(response.content, "html.parser").select_one("form.save-search")
    if form is None:
        return None
    return form["action"], {i["name"]: i.get("value", "") for i in form.select("input")}


@pytest.fixture
def reader(member):
    MemberProfile.objects.update_or_create(user=member, defaults={"preferred_language": "es"})
    return member


def saved_for(user, taxonomy, language="es", **fields):
    theme = taxonomy["cash"].slug
    return SavedSearch.objects.create(
        user=user,
        scope="library",
        language=language,
        params=f"theme={theme}",
        name="Transferencias",
        **fields,
    )


def test_a_member_saves_a_spanish_library_search_from_its_results(
    client, reader, taxonomy, library, publish
):
    published(publish, "Cash transfers in Brazil", themes=[taxonomy["cash"]])
    url = library["es"].url + "?theme=cash-transfers&q=brazil&page=1"
    assert save_form(client.get(url)) is None  # anonymous readers are asked to log in
    assert "Log in to save this search" in client.get("/en/library/?theme=cash-transfers").text

    client.force_login(reader)
    assert save_form(client.get(library["es"].url)) is None  # the whole listing: nothing to save
    action, fields = save_form(client.get(url))
    assert action == "/es/profile/searches/save/"
    response = client.post(action, fields)
    assert response.status_code == 302 and response["Location"] == url

    saved = SavedSearch.objects.get(user=reader)
    assert (saved.scope, saved.language, saved.frequency) == ("library", "es", "weekly")
    assert saved.params == "q=brazil&theme=cash-transfers"  # normalised: no page number
    assert saved.name == "“brazil” · Transferencias monetarias"  # in the listing's language
    page = client.get(url)
    assert save_form(page) is None and "Búsqueda guardada" in page.text

    client.post(action, fields)  # saving it again keeps one
    assert SavedSearch.objects.filter(user=reader).count() == 1
    assert client.get(f"/es/profile/searches/{saved.pk}/open/")["Location"] == (
        library["es"].url + "?q=brazil&theme=cash-transfers"
    )


def test_what_cannot_be_saved_is_refused_with_a_reason(client, member, taxonomy, library):
    response = client.post("/en/profile/searches/save/", {"scope": "library", "params": "q=x"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    client.force_login(member)
    response = client.post(
        "/en/profile/searches/save/", {"scope": "library", "params": "page=3"}, follow=True
    )
    assert "There is nothing to save" in response.text
    assert (
        client.post("/en/profile/searches/save/", {"scope": "x", "params": "q=x"}).status_code
        == 404
    )
    for number in range(MAX_PER_MEMBER):
        SavedSearch.objects.create(
            user=member, scope="library", language="en", params=f"q=w{number}", name="w"
        )
    response = client.post(
        "/en/profile/searches/save/",
        {"scope": "library", "params": "q=one+more", "next": "/en/library/?q=one+more"},
        follow=True,
    )
    assert "the most there may be" in response.text
    assert SavedSearch.objects.filter(user=member).count() == MAX_PER_MEMBER


def test_an_alert_lists_only_the_new_publications_the_member_may_read(
    client, reader, taxonomy, library, publish, mailoutbox
):
    cash = taxonomy["cash"]
    published(publish, "Older cash transfer study", themes=[cash])
    saved = saved_for(reader, taxonomy)
    saved.new_since = timezone.now()
    saved.save()
    new = published(publish, "Cash transfers in Brazil", themes=[cash])
    published(publish, "Health in Kenya", themes=[taxonomy["health"]])  # does not match
    withdrawn = published(publish, "Withdrawn cash study", themes=[cash])
    withdrawn.unpublish()
    members_only = published(publish, "Members' cash note", themes=[cash], members_only=True)

    assert send_search_alerts() == 1
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [reader.email]
    assert email.subject == "2 resultados nuevos de su búsqueda «Transferencias»"
    assert "Cash transfers in Brazil" in email.body and "Members' cash note" in email.body
    assert "Older cash transfer study" not in email.body
    assert "Withdrawn" not in email.body and "Health in Kenya" not in email.body
    links = [line.strip() for line in email.body.splitlines() if line.strip().startswith("http")]
    base = settings.WAGTAILADMIN_BASE_URL
    assert f"{base}/es/library/{new.slug}/" in links  # under the search's language
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert send_search_alerts() == 0  # nothing new since: no email at all
    assert len(mailoutbox) == 1

    # A member who is no longer a member (an inactive account) is told nothing.
    published(publish, "Another cash study", themes=[cash])
    members_only.delete()
    reader.is_active = False
    reader.save()
    assert send_search_alerts() == 0


def test_alerts_come_as_often_as_the_member_chose(reader, taxonomy, library, publish, mailoutbox):
    cash = taxonomy["cash"]
    daily = saved_for(reader, taxonomy, frequency="daily")
    weekly = saved_for(reader, taxonomy, language="en", frequency="weekly")
    never = saved_for(reader, taxonomy, language="fr", frequency="never")
    past = timezone.now() - timedelta(minutes=1)
    SavedSearch.objects.update(new_since=past)
    published(publish, "Cash transfers in Brazil", themes=[cash])

    assert send_search_alerts() == 2  # daily into the digest, weekly sent; never: nothing
    assert len(mailoutbox) == 1 and "Transferencias" in mailoutbox[0].subject
    queued = PendingNotification.objects.get(user=reader)
    assert queued.kind == "saved_searches" and "Cash transfers in Brazil" in queued.body
    call_command("send_digests")
    assert len(mailoutbox) == 2 and "Cash transfers in Brazil" in mailoutbox[1].body

    published(publish, "Cash transfers in Mexico", themes=[cash])
    later = timezone.now() + timedelta(days=1)
    assert send_search_alerts(now=later) == 1  # the daily one; the weekly one is not due
    assert send_search_alerts(now=later + timedelta(days=6)) == 1  # now the weekly one is
    never.refresh_from_db()
    assert never.alerted_at is None
    for search in (daily, weekly):
        search.refresh_from_db()
        assert search.alerted_at is not None


def test_one_click_unsubscribe_stops_every_alert(
    client, reader, taxonomy, library, publish, mailoutbox
):
    saved_for(reader, taxonomy, new_since=timezone.now() - timedelta(minutes=1))
    published(publish, "Cash transfers in Brazil", themes=[taxonomy["cash"]])
    send_search_alerts()
    unsubscribe = mailoutbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = unsubscribe.removeprefix(settings.WAGTAILADMIN_BASE_URL)
    assert client.post(path).status_code == 200
    assert (
        NotificationPreference.objects.get(user=reader, kind="saved_searches").frequency == "never"
    )
    published(publish, "Cash transfers in Mexico", themes=[taxonomy["cash"]])
    assert send_search_alerts(now=timezone.now() + timedelta(days=8)) == 0
    assert len(mailoutbox) == 1


def test_the_saved_searches_page_counts_renames_and_deletes(
    client, reader, member_client, taxonomy, library, publish
):
    saved = saved_for(reader, taxonomy, new_since=timezone.now() - timedelta(minutes=1))
    published(publish, "Cash transfers in Brazil", themes=[taxonomy["cash"]])
    page = member_client.get("/en/profile/searches/")
    assert page.status_code == 200
    assert "1 new result" in page.text and "Transferencias" in page.text
    assert not nu_errors(page.content.decode())

    url = f"/en/profile/searches/{saved.pk}/"
    response = member_client.post(url, {"name": "   ", "frequency": "daily"})
    assert response.status_code == 400 and "Give the search a name." in response.text
    assert 'value="daily" selected' in response.text  # what was typed is kept
    saved.refresh_from_db()
    assert (saved.name, saved.frequency) == ("Transferencias", "weekly")
    response = member_client.post(url, {"name": "Cash", "frequency": "sometimes"})
    assert response.status_code == 400
    heading = BeautifulSoup(response.content, "html.parser").select_one(".saved-search h2")
    assert heading.get_text() == "Transferencias"  # the search as saved, not as typed

    response = member_client.post(url, {"name": "Cash in Latin America", "frequency": "daily"})
    assert response.status_code == 302
    saved.refresh_from_db()
    assert (saved.name, saved.frequency) == ("Cash in Latin America", "daily")

    member_client.get(f"/en/profile/searches/{saved.pk}/open/")  # opened: nothing new any more
    assert "no new results" in member_client.get("/en/profile/searches/").text

    other = SavedSearch.objects.create(
        user=reader.__class__.objects.create(username="other"),
        scope="library",
        language="en",
        params="q=x",
        name="theirs",
    )
    for address in (
        f"/en/profile/searches/{other.pk}/",
        f"/en/profile/searches/{other.pk}/delete/",
    ):
        assert (
            member_client.post(address, {"name": "mine", "frequency": "never"}).status_code == 404
        )
    assert member_client.get(f"/en/profile/searches/{other.pk}/open/").status_code == 404

    assert member_client.post(f"/en/profile/searches/{saved.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.filter(pk=saved.pk).exists()
    assert "Aún no ha guardado ninguna búsqueda" in member_client.get("/es/profile/searches/").text
