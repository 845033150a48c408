"""Email notifications honour preferences, speak the member's language, unsubscribe in one click."""

import pytest
from django.core import mail
from django.core.management import call_command

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
        "membership": "immediately",
        "webinars": "daily",
        "following": "daily",
        "saved_searches": "daily",
        "library": "immediately",
        "reports": "daily",
    }
    assert member_client.post("/en/profile/notifications/", data).status_code == 302
    prefs = dict(member.notification_preferences.values_list("kind", "frequency"))
    assert prefs["announcements"] == "daily" and prefs["discussions"] == "never"
    bad = member_client.post("/en/profile/notifications/", {**data, "webinars": "hourly"})
    assert bad.status_code == 200 and bad.context["form"].errors["webinars"]
    assert member.notification_preferences.get(kind="webinars").frequency == "daily"
