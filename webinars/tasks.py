"""Background work: reminders to registrants before their session."""

import datetime as dt
import logging

from django.utils import timezone
from django_tasks import task

from .models import Registration, WebinarPage
from .registration import send_reminder

logger = logging.getLogger(__name__)


def reminders_due(hours_before=24, now=None):
    """Registrations for live sessions starting within ``hours_before`` hours, not yet reminded."""
    now = now or timezone.now()
    soon = (
        WebinarPage.objects.live()
        .filter(starts_at__gt=now, starts_at__lte=now + dt.timedelta(hours=hours_before))
        .values_list("translation_key", flat=True)
    )
    return Registration.objects.filter(
        webinar_key__in=list(soon), reminded_at__isnull=True
    ).select_related("webinar")


@task()
def send_webinar_reminders(hours_before=24):
    """Remind each registrant once (the ``reminded_at`` flag); returns the number sent."""
    sent = 0
    for registration in reminders_due(hours_before):
        try:
            send_reminder(registration)
        except Exception:  # one bad address must not stop the others
            logger.exception("Could not send the reminder for registration %s", registration.pk)
            continue
        sent += 1
    return sent
