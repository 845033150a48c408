"""The one way the portal emails members.

Every feature that sends email calls :func:`notify`. It honours the member's preference for
that kind of notification (immediately, daily digest, never), writes the email in the
member's preferred language and adds a one-click unsubscribe link (RFC 8058 headers).
Callers decide *who* may receive something by asking the access policy first; ``notify``
refuses a recipient for whom the optional ``can_see`` callable answers False, so a message
about members-only content never reaches someone who could not read it.
"""

import logging

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Page

from portal.emails import compose, render_subject, render_text
from portal.i18n import localized_pages
from portal.locales import locale_for
from portal.models.members import Frequency, NotificationKind, PendingNotification
from portal.reader_urls import absolute_url, reader_path

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "portal.unsubscribe"
# The kinds an unsubscribe token names for the digests: every kind sent in that digest.
DIGEST = "digest"
WEEKLY_DIGEST = "weekly-digest"
DIGESTS = {DIGEST: Frequency.DAILY, WEEKLY_DIGEST: Frequency.WEEKLY}


def unsubscribe_token(user, kind):
    """A signed token naming the member and the kind to unsubscribe from."""
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """Return (user_id, kind) for a valid token, or None."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if data.get("k") not in (*NotificationKind.values, *DIGESTS):
        return None
    return data.get("u"), data.get("k")


def unsubscribe_url(user, kind, language):
    """The absolute one-click unsubscribe address, under ``language``'s prefix."""
    with translation.override(language):
        path = reverse("portal:unsubscribe", args=[unsubscribe_token(user, kind)])
    return absolute_url(path)


def preferred_language(user):
    """The member's preferred language, else ``LANGUAGE_CODE``."""
    profile = getattr(user, "profile", None)
    return getattr(profile, "preferred_language", None) or settings.LANGUAGE_CODE


def frequency_for(user, kind):
    """The member's frequency for ``kind`` (immediately if they chose none)."""
    pref = user.notification_preferences.filter(kind=kind).values_list("frequency", flat=True)
    return pref.first() or Frequency.IMMEDIATELY


def notify(
    user,
    kind,
    template,
    context=None,
    *,
    url="",
    page=None,
    can_see=None,
    attachments=(),
    frequency=None,
):
    """Tell ``user`` about something, by email, according to their preference.

    ``template`` names a pair of templates: ``<template>_subject.txt`` and ``<template>.txt``,
    rendered in the member's language with ``context`` plus ``user`` and ``url``; pages in
    ``context`` are their translations in that language where they exist. ``url`` is the
    link, or with ``page`` what follows that page's address in the member's language
    (``announcements/4/``). ``attachments`` are (filename, content, mimetype) triples, sent
    only with immediate emails. ``frequency`` is what the member chose for this one thing
    (a saved search's alerts, replies in a discussion they started): it overrides their
    preference for ``kind``, except "never" (what a one-click unsubscribe sets), which stops
    everything of that kind. Returns "sent", "queued" or "skipped".
    """
    if not user.is_active or not user.email:
        return "skipped"
    if can_see is not None and not can_see(user):
        return "skipped"
    preferred = frequency_for(user, kind)
    if frequency is not None and preferred != Frequency.NEVER:
        preferred = frequency
    frequency = preferred
    if frequency == Frequency.NEVER:
        return "skipped"
    language = preferred_language(user)
    full_url = reader_link(page, url, language)
    subject, body = render_email(
        template, {**(context or {}), "user": user, "url": full_url}, language
    )
    if frequency in (Frequency.DAILY, Frequency.WEEKLY):
        PendingNotification.objects.create(
            user=user, kind=kind, subject=subject, body=body, url=full_url, digest=frequency
        )
        return "queued"
    send_email_now(user, kind, subject, body, language, attachments)
    return "sent"


def reader_link(page, url, language):
    """The absolute link of an email: ``url``, below ``page``'s address for a reader of
    ``language`` when a page is given (its translation, or the fallback under the reader's
    language prefix)."""
    if page is not None:
        url = reader_path(page, language) + url
    return absolute_url(url) if url else ""


def in_language(context, language):
    """``context`` with every page replaced by its translation in ``language``, if any."""
    pages = {key: value for key, value in context.items() if isinstance(value, Page)}
    locale = locale_for(language)
    if not pages or locale is None:
        return context
    translated = dict(zip(pages, localized_pages(pages.values(), locale), strict=True))
    return {**context, **translated}


def render_email(template, context, language):
    """Subject and body of ``<template>_subject.txt`` / ``<template>.txt`` in ``language``,
    the pages of ``context`` in their translation in that language."""
    context = in_language(context, language)
    with translation.override(language):
        subject = render_subject(f"{template}_subject.txt", context)
        body = render_text(f"{template}.txt", context).strip()
    return subject, body


def notify_address(
    email, template, context=None, *, url="", page=None, language=None, attachments=()
):
    """Email an address rather than a member: someone without an account yet (an
    invitation, a guest registering for a webinar) or a registrant's confirmation, with the
    same templates, links and languages as :func:`notify`.

    There is no member, hence no preference to honour and nothing to unsubscribe from: the
    email is sent at once, in ``language`` (the sender's by default). Members are told about
    what they follow with :func:`notify`.
    """
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    full_url = reader_link(page, url, language)
    subject, body = render_email(template, {**(context or {}), "url": full_url}, language)
    compose(email, subject, body, language=language, attachments=attachments).send()
    return "sent"


def unsubscribe_headers(unsubscribe):
    """RFC 2369 and RFC 8058 headers: mail clients offer a one-click unsubscribe that POSTs
    to ``unsubscribe`` without the member logging in."""
    return {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def member_message(user, kind, subject, body, language, footer, footer_context=None, **kwargs):
    """An email to a member with a one-click unsubscribe from ``kind`` (a notification kind,
    or ``DIGEST``): the link in the ``footer`` template and in the headers."""
    unsubscribe = unsubscribe_url(user, kind, language)
    with translation.override(language):
        footer = render_text(footer, {**(footer_context or {}), "unsubscribe_url": unsubscribe})
    return compose(
        user.email,
        subject,
        body,
        language=language,
        footer=footer,
        headers=unsubscribe_headers(unsubscribe),
        **kwargs,
    )


def send_email_now(user, kind, subject, body, language, attachments=()):
    """Send one notification email to the member, with the unsubscribe footer and headers."""
    footer_context = {"kind": kind, "kind_label": NotificationKind(kind).label}
    member_message(
        user,
        kind,
        subject,
        body,
        language,
        "portal/emails/footer.txt",
        footer_context,
        attachments=attachments,
    ).send(fail_silently=False)


def digest_groups(items):
    """The queued ``items`` of one digest by kind, in the kinds' order: ``[{"label",
    "items"}]``."""
    order = {kind: number for number, kind in enumerate(NotificationKind.values)}
    groups = {}
    for item in sorted(items, key=lambda item: (order.get(item.kind, len(order)), item.created_at)):
        groups.setdefault(item.kind, []).append(item)
    return [
        {"label": NotificationKind(kind).label if kind in order else kind, "items": queued}
        for kind, queued in groups.items()
    ]


def send_digests(digest):
    """Send each member one email with everything queued for their ``digest``
    (``Frequency.DAILY`` or ``Frequency.WEEKLY``), grouped by kind; return the count."""
    token_kind = next(kind for kind, frequency in DIGESTS.items() if frequency == digest)
    pending = (
        PendingNotification.objects.filter(sent_at__isnull=True, digest=digest)
        .select_related("user", "user__profile")
        .order_by("user_id", "created_at")
    )
    by_user = {}
    for item in pending:
        by_user.setdefault(item.user, []).append(item)
    sent = 0
    for user, items in by_user.items():
        language = preferred_language(user)
        with translation.override(language):
            context = {
                "count": len(items),
                "groups": digest_groups(items),
                "user": user,
                "weekly": digest == Frequency.WEEKLY,
            }
            subject = render_subject("portal/emails/digest_subject.txt", context)
            body = render_text("portal/emails/digest.txt", context)
            settings_url = absolute_url(reverse("portal:notification_settings"))
        message = member_message(
            user,
            token_kind,
            subject,
            body,
            language,
            "portal/emails/digest_footer.txt",
            {"settings_url": settings_url, "weekly": digest == Frequency.WEEKLY},
        )
        try:
            message.send(fail_silently=False)
        except Exception:  # a bad address must not stop everyone else's digest
            logger.exception("Could not send the %s digest to user %s", digest, user.pk)
            continue
        PendingNotification.objects.filter(pk__in=[i.pk for i in items]).update(
            sent_at=timezone.now()
        )
        sent += 1
    return sent


@task()
def send_daily_digests():
    """Send each member one email with everything queued for their daily digest."""
    return send_digests(Frequency.DAILY)


@task()
def send_weekly_digests():
    """Send each member one email with everything queued for their weekly digest."""
    return send_digests(Frequency.WEEKLY)
