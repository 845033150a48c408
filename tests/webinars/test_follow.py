"""Following a series: emails when a session is scheduled or a recording published."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from portal.factories import UserFactory
from portal.models import NotificationPreference, PendingNotification
from portal.models.members import NotificationKind
from webinars.factories import WebinarPageFactory
from webinars.models import SeriesFollow


def _publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_follow_and_unfollow_with_one_button(member_client, member, series):
    member_client.post(series.url + "follow/")
    assert SeriesFollow.objects.filter(user=member, series_key=series.translation_key).exists()
    html = member_client.get(series.url).content.decode()
    assert "stop following" in html
    member_client.post(series.url + "follow/")
    assert not SeriesFollow.objects.exists()


def test_anonymous_follow_asks_to_log_in(client, series):
    response = client.post(series.url + "follow/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_followers_are_emailed_once_when_a_session_is_scheduled(
    member, series, django_capture_on_commit_callbacks
):
    SeriesFollow.objects.create(user=member, series=series)
    webinar = WebinarPageFactory(
        parent=series,
        slug="new",
        title="New session",
        live=False,
        starts_at=timezone.now() + dt.timedelta(days=20),
    )
    _publish(webinar, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "New session" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    _publish(webinar, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_recording_published_email_respects_preferences(
    series, past, django_capture_on_commit_callbacks
):
    eager = UserFactory(username="eager")
    digest = UserFactory(username="digest")
    silent = UserFactory(username="silent")
    for user in (eager, digest, silent):
        SeriesFollow.objects.create(user=user, series=series)
    NotificationPreference.objects.create(
        user=digest, kind=NotificationKind.WEBINARS, frequency="daily"
    )
    NotificationPreference.objects.create(
        user=silent, kind=NotificationKind.WEBINARS, frequency="never"
    )
    _publish(past, django_capture_on_commit_callbacks)  # past has a recording
    assert [m.to for m in mail.outbox] == [[eager.email]]
    assert "Overview" in mail.outbox[0].subject
    assert PendingNotification.objects.filter(user=digest).count() == 1


def test_members_only_session_is_not_announced_to_followers_who_cannot_see_it(
    member, series, django_capture_on_commit_callbacks
):
    inactive = UserFactory(username="gone")
    inactive.is_active = False
    inactive.save()
    SeriesFollow.objects.create(user=inactive, series=series)
    SeriesFollow.objects.create(user=member, series=series)
    webinar = WebinarPageFactory(parent=series, slug="internal", members_only=True, live=False)
    _publish(webinar, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[member.email]]
