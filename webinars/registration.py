"""Registration rules: who may register, when, how many; and the emails registrants get.

Members register in one click: their address is verified. A guest's address is not, so a
guest registration is only a request until the link emailed to the address is followed:
the request is carried in that link (signed, expiring), nothing is stored and no seat is
taken before then, so invented addresses cannot fill a session.
"""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from portal.calendars import email_attachment
from portal.models import Country
from portal.notifications import notify_address

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


GUEST_SALT = "webinars.guest-registration"
# How long a guest's confirmation link works (registration may close sooner).
GUEST_LINK_MAX_AGE = dt.timedelta(days=3)


def find_registration(webinar, email):
    """The registration of ``email`` for ``webinar`` (any language version), or None."""
    email = (email or "").strip().lower()
    return Registration.objects.filter(webinar_key=webinar.translation_key, email=email).first()


def guest_token(webinar, *, email, name, organisation="", country=None, language="en"):
    """The signed request a guest's confirmation link carries."""
    payload = {
        "w": webinar.translation_key.hex,
        "e": (email or "").strip().lower(),
        "n": name,
        "o": organisation or "",
        "c": getattr(country, "pk", country),
        "l": language,
    }
    signed = signing.dumps(payload, salt=GUEST_SALT, compress=True)
    # Page routes take letters, digits, "-" and "_" only; the signature also has ":" and ".".
    return urlsafe_base64_encode(signed.encode())


def read_guest_token(webinar, token):
    """The registration details of a confirmation link for ``webinar``, or None."""
    try:
        signed = urlsafe_base64_decode(token).decode()
        data = signing.loads(signed, salt=GUEST_SALT, max_age=GUEST_LINK_MAX_AGE)
    except (ValueError, signing.BadSignature):
        return None
    if data.get("w") != webinar.translation_key.hex or not data.get("e"):
        return None
    return {
        "email": data["e"],
        "name": data.get("n") or data["e"].split("@")[0],
        "organisation": data.get("o") or "",
        "country": Country.objects.filter(pk=data.get("c")).first() if data.get("c") else None,
        "language": data.get("l") or settings.LANGUAGE_CODE,
    }


def request_guest_registration(
    webinar, *, email, name, organisation="", country=None, language="en"
):
    """Email a guest the link that confirms their registration; takes no seat.

    Returns the existing registration when the address is already registered (nothing is
    sent), else None. Raises RegistrationRefused when registration is closed or full now;
    the link checks again when it is followed.
    """
    existing = find_registration(webinar, email)
    if existing is not None:
        return existing
    if webinar.registration_mode != RegistrationMode.BUILT_IN:
        raise RegistrationRefused("not_built_in")
    state = webinar.registration_state()
    if state in ("closed", "full"):
        raise RegistrationRefused(state)
    token = guest_token(
        webinar,
        email=email,
        name=name,
        organisation=organisation,
        country=country,
        language=language,
    )
    notify_address(
        email.strip().lower(),
        "webinars/emails/confirm_registration",
        {"webinar": webinar, "name": name, "local_start": webinar.local_start},
        page=webinar,
        url=webinar.reverse_subpage("confirm_registration", args=[token]),
        language=language,
    )
    return None


def _send(registration, template, attachments=()):
    """A registrant's email (confirmation, reminder), in the language they registered in."""
    webinar = registration.webinar.specific
    notify_address(
        registration.email,
        template,
        {"registration": registration, "webinar": webinar, "local_start": webinar.local_start},
        page=webinar,
        language=registration.language or settings.LANGUAGE_CODE,
        attachments=attachments,
    )


def send_confirmation(registration):
    """The confirmation email, with the session as an ICS attachment."""
    webinar = registration.webinar.specific
    calendar = webinar_calendar([webinar], language=registration.language)
    _send(
        registration,
        "webinars/emails/confirmation",
        [email_attachment(calendar, "webinar.ics")],
    )


def send_reminder(registration):
    """The reminder email; records when it was sent."""
    _send(registration, "webinars/emails/reminder")
    Registration.objects.filter(pk=registration.pk).update(reminded_at=timezone.now())
