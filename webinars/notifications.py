"""Emails to followers of a series: a session is scheduled, a recording is published.

Sent once per webinar (whatever language version is published, however often): an
``FollowEmailSent`` row records each one. Recipients are filtered by the access policy and
``portal.notifications.notify`` applies their preferences and adds one-click unsubscribe.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from portal.access import can_view_page
from portal.models.members import NotificationKind
from portal.notifications import notify

from .models import FollowEmailSent, SeriesFollow, WebinarPage


def followers(series):
    """The users following ``series`` in any language, each once."""
    follows = SeriesFollow.objects.filter(series_key=series.translation_key).select_related(
        "user", "user__profile"
    )
    seen = {}
    for follow in follows:
        seen.setdefault(follow.user_id, follow.user)
    return list(seen.values())


def _claim(webinar, kind):
    """Record that this follow email goes out; False if it already went."""
    try:
        with transaction.atomic():
            FollowEmailSent.objects.create(webinar_key=webinar.translation_key, kind=kind)
    except IntegrityError:
        return False
    return True


def announcements_due(webinar, now=None):
    """Which follow emails publishing ``webinar`` calls for (before claiming them)."""
    now = now or timezone.now()
    kinds = []
    if webinar.series is None or not webinar.live:
        return kinds
    if webinar.starts_at and webinar.starts_at > now:
        kinds.append(FollowEmailSent.Kind.SCHEDULED)
    if webinar.recording_url or webinar.recording_file_id:
        kinds.append(FollowEmailSent.Kind.RECORDING)
    return kinds


@task()
def announce_webinar(page_id):
    """Email the series' followers about this webinar, once per kind; returns emails sent."""
    webinar = WebinarPage.objects.filter(pk=page_id).first()
    if webinar is None:
        return 0
    sent = 0
    for kind in announcements_due(webinar):
        if not _claim(webinar, kind):
            continue
        template = {
            FollowEmailSent.Kind.SCHEDULED: "webinars/emails/session_scheduled",
            FollowEmailSent.Kind.RECORDING: "webinars/emails/recording_published",
        }[kind]
        for user in followers(webinar.series):
            result = notify(
                user,
                NotificationKind.WEBINARS,
                template,
                {"webinar": webinar, "series": webinar.series, "local_start": webinar.local_start},
                page=webinar,
                can_see=lambda u, page=webinar: can_view_page(u, page),
            )
            sent += result == "sent"
    return sent


def on_page_published(sender, instance, **kwargs):
    """Signal receiver: once the transaction commits, queue the announcements of a published
    session."""
    if isinstance(instance, WebinarPage):
        transaction.on_commit(lambda: announce_webinar.enqueue(instance.pk))
