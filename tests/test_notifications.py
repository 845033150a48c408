"""Email notifications honour preferences, speak the member's language, unsubscribe in one click."""

import pytest
from django.core import mail
from django.core.management import call_command

from community_pages.factories import CommunityPageFactory, MembershipFactory
from portal.models import NotificationPreference, PendingNotification
from portal.models.members import Frequency
from portal.notifications import notify, unsubscribe_token

pytestmark = pytest.mark.django_db
TEMPLATE = "portal/emails/test_notice"


@pytest.fixture(autouse=True)
def _templates(settings, tmp_path):
    folder = tmp_path / "templates" / "portal" / "emails"
    folder.mkdir(parents=True)
    (folder / "test_notice_subject.txt").write_text(
        "{% load i18n %}{% translate 'Notification settings' %}: {{ title }}"
    )
    (folder / "test_notice.txt").write_text("Hello {{ user.first_name }}: {{ title }} {{ url }}")
    settings.TEMPLATES = [
        {**engine, "DIRS": [tmp_path / "templates", *engine["DIRS"]]}
        for engine in settings.TEMPLATES
    ]


def set_pref(user, frequency, kind="announcements"):
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"frequency": frequency}
    )


def test_immediate_notification_is_sent_with_one_click_unsubscribe(member):
    assert notify(member, "announcements", TEMPLATE, {"title": "New call"}, url="/en/x/") == "sent"
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "New call" in message.subject and "http://127.0.0.1:8000/en/x/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_notification_is_written_in_the_members_language(member):
    member.profile.preferred_language = "es"
    member.profile.save()
    notify(member, "announcements", TEMPLATE, {"title": "Nueva"})
    assert mail.outbox[0].subject.startswith("Configuración de notificaciones")
    assert "/es/notifications/unsubscribe/" in mail.outbox[0].body


def test_never_means_no_email(member):
    set_pref(member, Frequency.NEVER)
    assert notify(member, "announcements", TEMPLATE, {"title": "x"}) == "skipped"
    assert mail.outbox == []


def test_access_check_stops_the_email(member):
    result = notify(member, "announcements", TEMPLATE, {"title": "x"}, can_see=lambda u: False)
    assert result == "skipped" and mail.outbox == []


def test_daily_digest_gathers_queued_notifications_into_one_email(member):
    set_pref(member, Frequency.DAILY)
    notify(member, "announcements", TEMPLATE, {"title": "First"})
    notify(member, "announcements", TEMPLATE, {"title": "Second"})
    assert mail.outbox == [] and PendingNotification.objects.count() == 2
    call_command("send_digests")
    assert len(mail.outbox) == 1
    assert "First" in mail.outbox[0].body and "Second" in mail.outbox[0].body
    call_command("send_digests")  # nothing is sent twice
    assert len(mail.outbox) == 1


def test_one_click_unsubscribe_by_post_without_csrf(client, member, home):
    token = unsubscribe_token(member, "announcements")
    url = f"/en/notifications/unsubscribe/{token}/"
    assert client.get(url).status_code == 200
    assert not NotificationPreference.objects.filter(user=member).exists()  # GET changes nothing
    csrf_client = client.__class__(enforce_csrf_checks=True)
    assert csrf_client.post(url).status_code == 200
    assert (
        NotificationPreference.objects.get(user=member, kind="announcements").frequency == "never"
    )


def test_forged_unsubscribe_token_is_refused(client, member, home):
    response = client.post("/en/notifications/unsubscribe/not-a-token/")
    assert response.status_code == 400
    assert not NotificationPreference.objects.exists()


def test_member_sets_preferences_per_feature(member_client, member, home):
    data = {
        "announcements": "daily",
        "discussions": "never",
        "surveys": "weekly",
        "membership": "immediately",
        "webinars": "daily",
        "following": "daily",
        "saved_searches": "never",
        "library": "immediately",
        "decisions": "weekly",
        "reports": "daily",
        "moderation": "never",
    }
    assert member_client.post("/en/profile/notifications/", data).status_code == 302
    prefs = dict(member.notification_preferences.values_list("kind", "frequency"))
    assert prefs["announcements"] == "daily" and prefs["discussions"] == "never"
    assert prefs["surveys"] == "weekly" and prefs["decisions"] == "weekly"
    # A member who administers nothing and moderates nothing is not asked about those.
    assert "reports" not in prefs and "moderation" not in prefs
    bad = member_client.post("/en/profile/notifications/", {**data, "webinars": "hourly"})
    assert bad.status_code == 200 and bad.context["form"].errors["webinars"]
    assert member.notification_preferences.get(kind="webinars").frequency == "daily"


def test_kinds_sent_to_some_members_are_offered_to_them_only(member_client, member, home):
    page = member_client.get("/en/profile/notifications/").text
    assert 'name="decisions"' in page
    assert 'name="reports"' not in page and 'name="moderation"' not in page
    community = CommunityPageFactory(parent=home, slug="admins-here")
    MembershipFactory(community=community, user=member, role="admin")
    page = member_client.get("/en/profile/notifications/").text
    # A community's administrator gets its reports and moderates its requests.
    assert 'name="reports"' in page and 'name="moderation"' in page


def test_the_weekly_digest_waits_for_its_own_day_and_groups_by_kind(member):
    set_pref(member, Frequency.WEEKLY)
    set_pref(member, Frequency.WEEKLY, kind="membership")
    notify(member, "membership", TEMPLATE, {"title": "Request approved"})
    notify(member, "announcements", TEMPLATE, {"title": "New call"})
    notify(member, "announcements", TEMPLATE, {"title": "Second call"})
    assert mail.outbox == []
    assert set(PendingNotification.objects.values_list("digest", flat=True)) == {"weekly"}
    call_command("send_digests")  # the daily digest holds none of it
    assert mail.outbox == []

    call_command("send_digests", "--weekly")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Your weekly digest: 3 updates"
    body = message.body
    # Grouped by kind, in the kinds' order: announcements before membership.
    announcements = body.index("== Community announcements ==")
    membership = body.index("== Membership requests and decisions ==")
    assert announcements < body.index("New call") < body.index("Second call") < membership
    assert membership < body.index("Request approved")
    assert body.count("== Community announcements ==") == 1
    assert "weekly digest" in body and "Stop the weekly digest with one click" in body
    call_command("send_digests", "--weekly")  # nothing is sent twice
    assert len(mail.outbox) == 1


def test_the_weekly_digest_s_one_click_link_stops_only_what_comes_weekly(client, member, home):
    set_pref(member, Frequency.WEEKLY)
    set_pref(member, Frequency.DAILY, kind="membership")
    notify(member, "announcements", TEMPLATE, {"title": "New call"})
    call_command("send_digests", "--weekly")
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    response = client.post(link.split("8000", 1)[1])
    assert response.status_code == 200 and "Weekly digest" in response.text
    prefs = dict(member.notification_preferences.values_list("kind", "frequency"))
    assert prefs == {"announcements": "never", "membership": "daily"}


def test_a_choice_for_one_thing_overrides_the_kind_but_never_an_unsubscribe(member):
    set_pref(member, Frequency.DAILY)
    assert notify(member, "announcements", TEMPLATE, {"title": "x"}, frequency="immediately") == (
        "sent"
    )
    assert notify(member, "announcements", TEMPLATE, {"title": "x"}, frequency="weekly") == "queued"
    assert PendingNotification.objects.get().digest == "weekly"
    set_pref(member, Frequency.NEVER)
    assert notify(member, "announcements", TEMPLATE, {"title": "x"}, frequency="immediately") == (
        "skipped"
    )


def test_saved_searches_are_all_or_none_in_the_settings(member_client, member, home):
    page = member_client.get("/en/profile/notifications/")
    assert "As I chose for each saved search" in page.text
    data = {kind: "immediately" for kind in ("announcements", "discussions", "membership")}
    data |= {"webinars": "immediately", "following": "immediately", "library": "immediately"}
    data |= {"reports": "immediately", "saved_searches": "daily"}
    response = member_client.post("/en/profile/notifications/", data)
    assert response.status_code == 200 and response.context["form"].errors["saved_searches"]
