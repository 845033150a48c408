"""Following and the timeline ("My portal"): what a member follows, the Following page,
and the timeline's entries, only ever what the member may read."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community_pages.factories import CommentFactory, ThreadFactory
from library.factories import LibraryIndexPageFactory, PublicationPageFactory
from portal.factories import CountryFactory, ThemeFactory
from portal.following import followed_keys, send_follow_updates
from portal.models import Follow, MemberProfile, NotificationPreference, PendingNotification
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from tests.nu_checker import nu_errors
from webinars.factories import WebinarIndexPageFactory, WebinarSeriesPageFactory
from webinars.models import SeriesFollow

pytestmark = pytest.mark.django_db


def follow(client, kind, key, action="follow", next_url="/en/"):
    return client.post(
        "/en/follow/", {"kind": kind, "key": str(key), "action": action, "next": next_url}
    )


def timeline_titles(client, url="/en/my-portal/"):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.get_text() for a in html.select(".timeline-entry h2 a")]


def following_titles(client, url="/en/profile/following/"):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        section.h2.get_text(): [a.get_text() for a in section.select("li > a")]
        for section in html.select("main section")
    }


def publish(library, title, **fields):
    """A publication published as editors do (it has a publication time)."""
    page = PublicationPageFactory(parent=library, title=title, **fields)
    page.save_revision().publish()
    return page


@pytest.fixture
def cash(locales):
    return ThemeFactory(name="Cash transfers", slug="cash-transfers")


@pytest.fixture
def library(home):
    return LibraryIndexPageFactory(parent=home)


def test_a_member_follows_and_stops_following_from_any_page(client, people, cash, library):
    client.force_login(people["outsider"])
    response = follow(client, "theme", cash.translation_key, next_url="/en/library/?theme=x")
    assert response.status_code == 302 and response["Location"] == "/en/library/?theme=x"
    assert followed_keys(people["outsider"]) == {"theme": {str(cash.translation_key)}}
    follow(client, "theme", cash.translation_key)  # a double click changes nothing
    assert Follow.objects.filter(user=people["outsider"]).count() == 1
    assert following_titles(client) == {"Themes": ["Cash transfers"]}

    follow(client, "theme", cash.translation_key, action="unfollow", next_url="https://evil.test/")
    assert followed_keys(people["outsider"]) == {}
    assert "You follow nothing yet" in client.get("/en/profile/following/").content.decode()


def test_following_is_for_members_and_things_they_may_see(client, people, communities):
    private = communities["private"]
    response = follow(client, "thread", private["thread"].pk)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    client.force_login(people["outsider"])
    for kind, key in [
        ("thread", private["thread"].pk),
        ("community", communities["hidden"]["community"].translation_key),
        ("nothing", "1"),
        ("theme", "not-a-key"),
    ]:
        assert follow(client, kind, key).status_code == 404
    assert not Follow.objects.exists()
    assert client.get("/en/follow/").status_code == 405

    client.force_login(people["member"])  # a member of the private community may
    assert follow(client, "thread", private["thread"].pk).status_code == 302


def test_the_following_page_gathers_every_kind_in_the_readers_language(
    client, people, communities, cash, home, locales
):
    brazil = CountryFactory()
    programmes = ProgrammeIndexPageFactory(parent=home)
    bolsa = ProgrammePageFactory(
        parent=programmes, title="Bolsa Família", terms={"countries": [brazil]}
    )
    series = WebinarSeriesPageFactory(parent=WebinarIndexPageFactory(parent=home), title="Pensions")
    member = people["member"]
    MemberProfile.objects.update_or_create(user=member, defaults={"show_in_directory": True})
    member.first_name, member.last_name = "Ana", "Silva"
    member.save()

    client.force_login(people["outsider"])
    for kind, key in [
        ("theme", cash.translation_key),
        ("country", brazil.translation_key),
        ("programme", bolsa.translation_key),
        ("community", communities["open"]["community"].translation_key),
        ("thread", communities["open"]["thread"].pk),
        ("member", member.pk),
    ]:
        assert follow(client, kind, key).status_code == 302, kind
    client.post(series.url + "follow/")  # the series' own button: the same follows
    assert SeriesFollow.objects.filter(user=people["outsider"]).exists()

    assert following_titles(client) == {
        "Themes": ["Cash transfers"],
        "Countries": ["Brazil"],
        "Programmes": ["Bolsa Família"],
        "Webinar series": ["Pensions"],
        "Communities": ["Open community"],
        "Discussions": ["thread-open"],
        "Members": ["Ana Silva"],
    }
    spanish = client.get("/es/profile/following/").content.decode()
    assert "Temas" in spanish and "Países" in spanish

    # Stopping from the Following page, the series included.
    follow(client, "series", series.translation_key, action="unfollow")
    assert not SeriesFollow.objects.filter(user=people["outsider"]).exists()


def test_the_timeline_shows_what_the_member_follows_and_may_read(
    client, people, communities, cash, library
):
    reader = people["outsider"]
    client.force_login(reader)
    # An open community's discussions are for every member of the portal to read.
    public, private = communities["open"], communities["private"]
    follow(client, "theme", cash.translation_key)
    follow(client, "community", public["community"].translation_key)
    follow(client, "member", people["member"].pk)

    publish(library, "Cash transfers in Brazil", terms={"themes": [cash]})
    publish(library, "Unrelated report")
    publish(library, "Members-only cash paper", members_only=True, terms={"themes": [cash]})
    ThreadFactory(
        community_id=public["community"].pk, author=people["admin"], title="Open question"
    )
    # The followed member posts in a private community the reader is not in: never shown.
    ThreadFactory(
        community_id=private["community"].pk, author=people["member"], title="Private matter"
    )
    CommentFactory(thread=private["thread"], author=people["member"], body="<p>secret</p>")

    titles = timeline_titles(client)
    assert "Cash transfers in Brazil" in titles
    assert "Members-only cash paper" in titles  # members read members-only publications
    assert "Open question" in titles and "thread-open" in titles
    assert "Unrelated report" not in titles
    assert "Private matter" not in titles and "thread-private" not in titles
    body = client.get("/en/my-portal/").content.decode()
    assert "secret" not in body and "members-only-canary" not in body

    # A member of the private community sees its discussions there without following.
    client.force_login(people["wg_member"])
    assert "Private matter" in timeline_titles(client)


def test_the_timeline_costs_the_same_queries_however_long_it_is(
    client, people, communities, cash, library
):
    client.force_login(people["outsider"])
    follow(client, "theme", cash.translation_key)
    follow(client, "community", communities["open"]["community"].translation_key)
    publish(library, "First", terms={"themes": [cash]})
    client.get("/en/my-portal/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/my-portal/")
    expected = len(few)  # read now: the next request empties the connection's log
    for n in range(25):
        publish(library, f"Cash {n}", terms={"themes": [cash]})
        ThreadFactory(community_id=communities["open"]["community"].pk, author=people["admin"])
    client.get("/en/my-portal/")  # the menus are resolved again after a change
    with CaptureQueriesContext(connection) as many:
        response = client.get("/en/my-portal/")
    assert len(response.context["timeline"].entries) == 20
    assert response.context["timeline"].has_next
    assert len(many) == expected
    older = client.get("/en/my-portal/?page=2")
    assert older.context["timeline"].has_previous and older.context["timeline"].entries


def test_an_empty_timeline_says_how_to_fill_it(client, people):
    client.force_login(people["outsider"])
    assert "Your timeline is empty" in client.get("/en/my-portal/").content.decode()
    assert client.get("/en/my-portal/").status_code == 200
    assert client.get("/en/my-portal/?page=999").status_code == 200
    client.logout()
    assert "/accounts/login/" in client.get("/en/my-portal/")["Location"]


def test_a_members_profile_lists_the_discussions_the_reader_may_read(client, people, communities):
    profile, _made = MemberProfile.objects.update_or_create(
        user=people["member"], defaults={"show_in_directory": True}
    )
    client.force_login(people["outsider"])
    html = BeautifulSoup(client.get(f"/en/members/{profile.pk}/").content, "html.parser")
    started = [a.get_text() for a in html.select(".member-discussions a")]
    assert "thread-open" in started
    assert "thread-private" not in started and "thread-hidden" not in started
    assert html.select_one(".follow-form button").get_text().startswith("Follow ")

    client.force_login(people["member"])  # on their own profile: everything, no follow button
    html = BeautifulSoup(client.get(f"/en/members/{profile.pk}/").content, "html.parser")
    assert "thread-private" in [a.get_text() for a in html.select(".member-discussions a")]
    assert html.select_one(".follow-form") is None


def test_following_pages_and_buttons_are_valid_html(client, people, communities, cash, library):
    client.force_login(people["outsider"])
    follow(client, "community", communities["open"]["community"].translation_key)
    follow(client, "theme", cash.translation_key)
    publish(library, "Cash transfers in Brazil", terms={"themes": [cash]})
    for url in (
        "/en/my-portal/",
        "/es/profile/following/",
        f"/en/library/?theme={cash.slug}",  # the theme's follow button, followed
        communities["open"]["community"].url,  # the community's, followed
        communities["open"]["community"].url + f"discussions/{communities['open']['thread'].pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        errors = nu_errors(response.content.decode())
        assert errors == [], url


def test_members_are_told_once_of_what_is_new_in_what_they_follow(
    client, people, communities, cash, library, mailoutbox
):
    reader = people["outsider"]
    MemberProfile.objects.update_or_create(user=reader, defaults={"preferred_language": "es"})
    client.force_login(reader)
    follow(client, "theme", cash.translation_key)
    follow(client, "member", people["member"].pk)
    publish(library, "Cash transfers in Brazil", terms={"themes": [cash]})
    ThreadFactory(
        community_id=communities["private"]["community"].pk,
        author=people["member"],
        title="Private matter",
    )

    assert send_follow_updates() == 1
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [reader.email]
    assert email.subject == "1 novedad en lo que sigue"
    assert "Nueva publicación (Cash transfers): Cash transfers in Brazil" in email.body
    links = [line.strip() for line in email.body.splitlines() if line.strip().startswith("http")]
    assert links and all("/es/" in link for link in links)  # the reader's language, absolute
    assert "Private matter" not in email.body
    assert "/es/my-portal/" in email.body

    assert send_follow_updates() == 0  # nothing new: no email at all
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("frequency", ["daily", "never"])
def test_follow_updates_follow_the_members_choice(
    client, people, cash, library, mailoutbox, frequency
):
    reader = people["outsider"]
    NotificationPreference.objects.create(user=reader, kind="following", frequency=frequency)
    client.force_login(reader)
    follow(client, "theme", cash.translation_key)
    publish(library, "Cash transfers in Brazil", terms={"themes": [cash]})
    send_follow_updates()
    assert mailoutbox == []
    queued = PendingNotification.objects.filter(user=reader, kind="following")
    assert queued.count() == (1 if frequency == "daily" else 0)
