"""Calendar files: one event, or a member's subscribable feed (per-user signed token).

The token of a member's personal feeds (this calendar and the community RSS feeds) is signed
and names the member and the generation of their links (``PersonalFeedKey``): renewing the
links from the profile page moves the generation on, and the old token stops working at once.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community_pages.models import PersonalFeedKey
from portal import calendars
from portal.i18n import localized_pages
from portal.locales import locale_for
from portal.reader_urls import absolute_url, reader_url

FEED_SALT = "community_pages.calendar_feed"


def events_calendar(events, language=None):
    """An icalendar.Calendar of community ``events``, each on its organiser's clock
    (``time_zone``) and linking to its page in the community's version for ``language``
    (the active language by default). The events are what the caller's reader may see."""
    events = list(events)
    language = language or translation.get_language()
    locale = locale_for(language)
    communities = {item.community_id: item.community for item in events}
    if locale is not None:
        localized = localized_pages(list(communities.values()), locale)
        communities = dict(zip(communities, localized, strict=True))
    components = []
    for item in events:
        url = reader_url(
            communities[item.community_id],
            language,
            translate=False,
            suffix=communities[item.community_id].reverse_subpage("event", args=[item.pk]),
        )
        description = f"{item.description}\n\n{url}" if item.description else url
        components.append(
            calendars.event(
                uid=calendars.uid("community-event", item.pk),
                start=item.start,
                end=item.end,
                time_zone=item.time_zone,
                summary=item.title,
                description=description,
                url=url,
                location=(item.online_url if item.online else item.location) or "",
            )
        )
    return calendars.calendar(components, name=_("Community events"))


def feed_generation(user):
    """The generation of ``user``'s feed links that works (0 until they first renew them)."""
    try:
        return user.feed_key.generation
    except PersonalFeedKey.DoesNotExist:
        return 0


def feed_token(user):
    """The token of ``user``'s personal feeds. Generation 0 keeps the format links had before
    they could be renewed (the user's id alone), so those addresses still work."""
    generation = feed_generation(user)
    return signing.dumps(user.pk if generation == 0 else [user.pk, generation], salt=FEED_SALT)


def feed_user(token):
    """The active user whose current feed token ``token`` is; None for a token that is not
    ours, one of links since renewed, or one of an inactive account."""
    try:
        payload = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        return None
    if isinstance(payload, int) and not isinstance(payload, bool):
        pk, generation = payload, 0
    elif (
        isinstance(payload, list)
        and len(payload) == 2
        and all(isinstance(part, int) and not isinstance(part, bool) for part in payload)
    ):
        pk, generation = payload
    else:
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True).select_related("feed_key").first()
    if user is None or feed_generation(user) != generation:
        return None
    return user


def renew_feed_token(user):
    """Revoke ``user``'s personal feed links and issue new ones; returns the new token.

    Every link carrying the previous token (the calendar feed, each community's RSS feed)
    answers 404 from now on."""
    key, _created = PersonalFeedKey.objects.get_or_create(user=user)
    PersonalFeedKey.objects.filter(pk=key.pk).update(
        generation=F("generation") + 1, renewed_at=timezone.now()
    )
    key.refresh_from_db()
    user.feed_key = key
    return feed_token(user)


def feed_url(user):
    """The absolute URL of ``user``'s subscribable calendar (active language)."""
    return absolute_url(reverse("community_pages:calendar_feed", args=[feed_token(user)]))
