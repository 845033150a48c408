"""Personal feed links: the owner revokes and renews them; old links stop working at once."""

import re
from datetime import timedelta
from html import unescape
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.core import signing
from django.test import Client
from django.utils import timezone

from community_pages.calendar import FEED_SALT, feed_token, feed_url, feed_user, renew_feed_token
from community_pages.factories import CommunityPageFactory, MembershipFactory
from community_pages.feeds import personal_feed_url
from community_pages.models import CommunityEvent, Thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_community(directory, people):
    community = CommunityPageFactory(parent=directory, privacy="private", slug="feeds")
    MembershipFactory(community=community, user=people["admin"], role="admin")
    MembershipFactory(community=community, user=people["member"])
    Thread.objects.create(community_id=community.pk, author=people["admin"], title="secret")
    start = timezone.now() + timedelta(days=3)
    CommunityEvent.objects.create(
        community_id=community.pk,
        author=people["admin"],
        title="members meeting",
        start=start,
        end=start + timedelta(hours=1),
    )
    return community


def links(user, community):
    """The member's calendar feed and RSS feed of ``community`` (paths, as the site gives them)."""
    calendar = feed_url(user).removeprefix(settings.WAGTAILADMIN_BASE_URL)
    rss = personal_feed_url(community, user).removeprefix(settings.WAGTAILADMIN_BASE_URL)
    return calendar, rss


def calendar_token_in(page, language):
    match = re.search(rf"/{language}/community/calendar/([^\"<]+)\.ics", page)
    assert match, "no calendar feed link on the page"
    return match.group(1)


def rss_titles(response):
    return [
        item.findtext("title") for item in ElementTree.fromstring(response.content).iter("item")
    ]


def test_renewing_kills_the_old_calendar_and_rss_links_at_once_and_the_new_ones_work(
    client, private_community, people
):
    member = people["member"]
    old_calendar, old_rss = links(member, private_community)
    assert b"members meeting" in client.get(old_calendar).content  # positive control
    assert "secret" in rss_titles(client.get(old_rss))

    client.force_login(member)
    response = client.post("/en/community/feed-links/renew/")
    assert response.status_code == 302
    assert response["Location"] == "/en/profile/"
    client.logout()

    member.refresh_from_db()
    new_calendar, new_rss = links(member, private_community)
    assert client.get(old_calendar).status_code == 404
    assert client.get(old_rss).status_code == 404
    assert b"members meeting" in client.get(new_calendar).content
    assert "secret" in rss_titles(client.get(new_rss))


def test_renewing_twice_kills_the_previous_generation_too(people):
    member = people["member"]
    first = renew_feed_token(member)
    second = renew_feed_token(member)
    assert feed_user(first) is None
    assert feed_user(second) == member


def test_links_issued_before_renewal_existed_keep_working_until_the_owner_renews(people):
    member, other = people["member"], people["admin"]
    legacy = signing.dumps(member.pk, salt=FEED_SALT)  # the format of every link issued so far
    assert signing.loads(feed_token(member), salt=FEED_SALT) == member.pk  # still issued so
    assert feed_user(legacy) == member
    renew_feed_token(member)
    assert feed_user(legacy) is None
    # Another member's links are untouched.
    assert feed_user(feed_token(other)) == other


@pytest.mark.parametrize(
    "payload",
    ["12", [1], [1, 2, 3], [True, 0], {"pk": 1}, None],
    ids=["string", "short", "long", "bool", "dict", "null"],
)
def test_signed_tokens_of_another_shape_name_nobody(people, payload):
    assert feed_user(signing.dumps(payload, salt=FEED_SALT)) is None


def test_a_forged_generation_is_refused(people):
    member = people["member"]
    renew_feed_token(member)
    assert feed_user(signing.dumps([member.pk, 7], salt="not-ours")) is None
    assert feed_user(signing.dumps([member.pk, 2], salt=FEED_SALT)) is None  # not issued yet


def test_renewing_needs_a_post_with_a_csrf_token_from_a_logged_in_member(client, home, people):
    member = people["member"]
    before = feed_token(member)
    # Logged out: to the log-in page, nothing renewed.
    response = client.post("/en/community/feed-links/renew/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    assert strict.get("/en/community/feed-links/renew/").status_code == 405
    assert strict.post("/en/community/feed-links/renew/").status_code == 403  # no CSRF token
    assert feed_user(before) == member  # nothing renewed

    # The profile page's own form carries the token and renews.
    profile = strict.get("/en/profile/")
    csrf = profile.cookies["csrftoken"].value
    response = strict.post("/en/community/feed-links/renew/", {"csrfmiddlewaretoken": csrf})
    assert response.status_code == 302
    assert feed_user(before) is None
    member.refresh_from_db()
    assert feed_user(feed_token(member)) == member


@pytest.mark.parametrize(
    "language, button, confirmation",
    [
        (
            "en",
            "Revoke my feed links and create new ones",
            "Your old feed links no longer work.",
        ),
        (
            "es",
            "Revocar mis enlaces de suscripción y crear otros nuevos",
            "Sus enlaces de suscripción anteriores ya no funcionan.",
        ),
        (
            "fr",
            "Révoquer mes liens d'abonnement et en créer de nouveaux",
            "Vos anciens liens d'abonnement ne fonctionnent plus.",
        ),
    ],
)
def test_profile_page_shows_the_link_the_button_and_a_confirmation_in_the_readers_language(
    client, home, people, language, button, confirmation
):
    member = people["member"]
    client.force_login(member)
    page = unescape(client.get(f"/{language}/profile/").content.decode())
    old_token = calendar_token_in(page, language)
    assert feed_user(old_token) == member
    assert button in page
    assert 'action="/' + language + '/community/feed-links/renew/"' in page

    response = client.post(f"/{language}/community/feed-links/renew/", follow=True)
    page = unescape(response.content.decode())
    assert confirmation in page
    assert feed_user(calendar_token_in(page, language)) == member
    assert feed_user(old_token) is None
