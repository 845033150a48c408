"""Issue 23's "done when", as a member lives it: she follows "Cash transfers" and Brazil and
saves a Spanish library search, each in her daily digest; the next morning one Spanish digest
lists exactly the new items she may see; "My portal" shows her community's discussions and
her followed series' sessions in one timeline. (The survey a community administrator runs and
reads as a chart: ``tests/e2e/test_surveys.py``.)"""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from community_pages.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    MembershipFactory,
    ThreadFactory,
)
from portal.factories import UserFactory
from portal.following import send_follow_updates
from portal.models import MemberProfile, NotificationPreference, SavedSearch
from portal.notifications import send_digests
from portal.saved_searches import send_search_alerts
from webinars.factories import (
    WebinarIndexPageFactory,
    WebinarPageFactory,
    WebinarSeriesPageFactory,
)

pytestmark = pytest.mark.django_db


def test_a_member_follows_saves_a_search_and_reads_one_spanish_digest_and_her_timeline(
    client, home, taxonomy, library, publish
):
    lucia = UserFactory(username="lucia", email="lucia@example.org")
    MemberProfile.objects.update_or_create(user=lucia, defaults={"preferred_language": "es"})
    for kind in ("following", "saved_searches"):
        NotificationPreference.objects.create(user=lucia, kind=kind, frequency="daily")
    community = CommunityPageFactory(
        parent=CommunityIndexPageFactory(parent=home),
        title="Pensions",
        slug="pensions",
        privacy="private",
    )
    MembershipFactory(community=community, user=lucia)
    series = WebinarSeriesPageFactory(
        parent=WebinarIndexPageFactory(parent=home), title="Cash transfer webinars"
    )
    client.force_login(lucia)
    for kind, key in (
        ("theme", taxonomy["cash"].translation_key),
        ("country", taxonomy["brazil"].translation_key),
        ("series", series.translation_key),
    ):
        answer = client.post("/es/follow/", {"kind": kind, "key": str(key), "action": "follow"})
        assert answer.status_code == 302, kind
    saved = client.post(
        "/es/profile/searches/save/",
        {"scope": "library", "params": f"theme={taxonomy['cash'].slug}", "next": "/es/"},
    )
    assert saved.status_code == 302
    search = SavedSearch.objects.get(user=lucia)
    assert search.language == "es"
    client.post(
        f"/es/profile/searches/{search.pk}/",
        {"name": search.name, "frequency": "daily"},
    )
    search.refresh_from_db()
    assert search.frequency == "daily"

    # What happens during the day.
    publish("Transferencias monetarias en Brasil", themes=[taxonomy["cash"]])
    publish("Bolsa Família evaluation", countries=[taxonomy["brazil"]], members_only=True)
    publish("Health insurance in Kenya", themes=[taxonomy["health"]])  # followed by no one
    publish("Draft about Brazil", countries=[taxonomy["brazil"]]).unpublish()  # not live
    ThreadFactory(community_id=community.pk, author=UserFactory(), title="Pension indexation")
    WebinarPageFactory(
        parent=series,
        title="Cash plus: linking transfers to services",
        starts_at=timezone.now() + dt.timedelta(days=7),
        time_zone="UTC",
    ).save_revision().publish()

    # The scheduler's hourly runs queue into her digest; the next morning's run sends it.
    send_follow_updates()
    send_search_alerts(timezone.now() + dt.timedelta(days=1))
    assert mail.outbox == []
    send_digests("daily")
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == [lucia.email]
    assert "resumen" in digest.subject.lower()
    body = digest.body
    assert "Transferencias monetarias en Brasil" in body
    assert "Bolsa Família evaluation" in body  # members-only: she is a member
    assert "Health insurance in Kenya" not in body and "Draft about Brazil" not in body
    assert all("/es/" in line for line in body.splitlines() if line.strip().startswith("http"))

    page = BeautifulSoup(client.get("/es/my-portal/").content, "html.parser")
    titles = [a.get_text() for a in page.select(".timeline-entry h2 a")]
    assert "Pension indexation" in titles
    assert "Cash plus: linking transfers to services" in titles
    assert "Transferencias monetarias en Brasil" in titles


def test_a_session_live_without_ever_being_published_does_not_break_the_timeline(client, home):
    """A session made live by code (an import), with no publication time, has no moment on
    the timeline: it is left out, the timeline still answers."""
    member = UserFactory(username="ana", email="ana@example.org")
    series = WebinarSeriesPageFactory(parent=WebinarIndexPageFactory(parent=home))
    WebinarPageFactory(parent=series, title="Imported session", time_zone="UTC")
    WebinarPageFactory(
        parent=series, title="New session", time_zone="UTC"
    ).save_revision().publish()
    client.force_login(member)
    client.post(
        "/en/follow/", {"kind": "series", "key": str(series.translation_key), "action": "follow"}
    )
    response = client.get("/en/my-portal/")
    html = response.content.decode()
    assert response.status_code == 200 and "New session" in html and "Imported session" not in html
