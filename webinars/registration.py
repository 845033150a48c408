"""Registration rules: who may register, when, how many; and the emails registrants get."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from portal.notifications import absolute_url

from .calendars import webinar_calendar
from .models import Registration, RegistrationMode


class RegistrationRefused(Exception):
    """Registration is not possible; ``reason`` is ``closed``, ``full`` or ``not_built_in``."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def register(
    webinar, *, email, name, user=None, organisation="", country=None, language="en", now=None
):
    """Register ``email`` for ``webinar``; returns ``(registration, created)``.

    A second registration with the same email (in any language version of the webinar) is
    recognised and returns the existing one with ``created`` False, even if the session is
    full or closed meanwhile. Raises RegistrationRefused when closed or full.
    """
    email = (email or "").strip().lower()
    existing = Registration.objects.filter(webinar_key=webinar.translation_key, email=email).first()
    if existing is not None:
        return existing, False
    if webinar.registration_mode != RegistrationMode.BUILT_IN:
        raise RegistrationRefused("not_built_in")
    state = webinar.registration_state(now)
    if state in ("closed", "full"):
        raise RegistrationRefused(state)
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                webinar=webinar,
                webinar_key=webinar.translation_key,
                user=user,
                name=name,
                email=email,
                organisation=organisation,
                country=country,
                language=language,
            )
    except IntegrityError:  # a double click racing itself
        return Registration.objects.get(webinar_key=webinar.translation_key, email=email), False
    return registration, True


def webinar_url(webinar, language):
    from portal.i18n import page_url_in_language

    return absolute_url(page_url_in_language(webinar, language) or webinar.url or "/")


def _send(registration, template, attachments=()):
    webinar = registration.webinar.specific
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "registration": registration,
            "webinar": webinar,
            "url": webinar_url(webinar, language),
            "local_start": webinar.local_start,
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context).strip()
    message = EmailMessage(subject=subject, body=body, to=[registration.email])
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send(fail_silently=False)


def send_confirmation(registration):
    """The confirmation email, with the session as an ICS attachment."""
    webinar = registration.webinar.specific
    ics = webinar_calendar([webinar], language=registration.language).to_ical()
    _send(
        registration,
        "webinars/emails/confirmation",
        [("webinar.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")],
    )


def send_reminder(registration):
    _send(registration, "webinars/emails/reminder")
    Registration.objects.filter(pk=registration.pk).update(reminded_at=timezone.now())
