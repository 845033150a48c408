"""Following and the member's timeline: one primitive the apps plug into.

A member follows things of several kinds (a theme, a country, an organisation, a programme,
a webinar series, a community, a discussion, another member). Each kind is a
:class:`FollowKind` an app registers with the ``register_follow_kinds`` hook: it names
the things it follows (``resolve``: titles and addresses, only those the member may see)
and, by default, keeps follows in :class:`portal.models.Follow` (the webinars keep their
series follows in their own table and say so by overriding ``followed`` and ``set``).

The timeline ("My portal") gathers what happened in what a member follows and in their
communities: each app's ``portal_timeline`` hook returns its newest :class:`Entry` items
for the member (one or two queries each, whatever the member follows, and only what the
member may read, by the access policy), and :func:`timeline` merges them newest first.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.locales import default_locale, locale_for
from portal.models import Follow, MemberProfile
from portal.models.members import NotificationKind
from portal.notifications import notify, preferred_language
from portal.reader_urls import absolute_url
from portal.request_memo import forget, remember

KINDS_HOOK = "register_follow_kinds"
TIMELINE_HOOK = "portal_timeline"
PER_PAGE = 20
MAX_TIMELINE_PAGES = 25  # 500 entries: older activity is in each section's own listing


class FollowKind:
    """One kind of thing to follow. Subclasses set ``name`` and ``label`` and define
    :meth:`resolve`; ``key_of`` gives an object's key (its translation key by default)."""

    name = ""
    label = ""  # plural, for the Following page's heading

    def key_of(self, obj):
        """The key of ``obj``: the same in every language."""
        return str(getattr(obj, "translation_key", None) or obj.pk)

    def valid_key(self, key):
        """Is ``key`` shaped like this kind's keys (a translation key by default)? What a
        reader sends is checked before any query."""
        try:
            uuid.UUID(key)
        except ValueError:
            return False
        return True

    def resolve(self, keys, user, locale):
        """``{key: {"title", "url"}}`` of the ``keys`` ``user`` may see, in ``locale``'s
        language where translated; keys of things gone or hidden are left out."""
        raise NotImplementedError

    def followed(self, user):
        """The keys ``user`` follows."""
        return {key for kind, key in _follows(user) if kind == self.name}

    def set(self, user, key, following):
        """Follow (or stop following) ``key`` for ``user``."""
        if following:
            try:
                with transaction.atomic():
                    Follow.objects.get_or_create(user=user, kind=self.name, key=key)
            except IntegrityError:  # a double click: followed already
                pass
        else:
            Follow.objects.filter(user=user, kind=self.name, key=key).delete()
        forget(_memo_name(user))


def kinds():
    """{name: kind} of every registered kind, in hook order."""
    found = {}
    for fn in hooks.get_hooks(KINDS_HOOK):
        for kind in fn():
            found[kind.name] = kind
    return found


def _memo_name(user):
    return f"portal.following:{user.pk}"


def _follows(user):
    """{(kind, key)} that ``user`` follows in the Follow table, read once per request."""
    if not user.is_authenticated:
        return set()
    return remember(
        _memo_name(user),
        lambda: set(Follow.objects.filter(user=user).values_list("kind", "key")),
    )


def followed_keys(user):
    """{kind name: {keys}} of everything ``user`` follows (empty kinds left out)."""
    if not user.is_authenticated:
        return {}
    found = {}
    for name, kind in kinds().items():
        keys = kind.followed(user)
        if keys:
            found[name] = keys
    return found


def is_following(user, kind_name, key):
    """Does ``user`` follow the thing ``key`` of kind ``kind_name``?"""
    kind = kinds().get(kind_name)
    return bool(user.is_authenticated and kind and key in kind.followed(user))


def following_groups(user, locale):
    """The Following page: ``[{"kind", "label", "items": [{"key", "title", "url"}]}]``,
    each kind's items by title, kinds with nothing the member may see left out."""
    groups = []
    for name, keys in followed_keys(user).items():
        kind = kinds()[name]
        resolved = kind.resolve(keys, user, locale)
        items = [{"key": key, **item} for key, item in resolved.items()]
        if items:
            items.sort(key=lambda item: item["title"].casefold())
            groups.append({"kind": name, "label": kind.label, "items": items})
    return groups


@dataclass
class Entry:
    """One item of a timeline: something that happened, which the member may read."""

    at: datetime
    title: str
    url: str
    what: str  # "New publication", "Reply"…, in the reader's language
    why: str = ""  # what made it reach the member: "Cash transfers", a community's name
    summary: str = ""
    language: str = ""  # the language its text is written in, when not the reader's
    key: str = field(default="", compare=False)  # unique among the entries of its source


@dataclass
class TimelinePage:
    """One page of a timeline: its entries and whether older or newer pages exist."""

    entries: list
    number: int
    has_next: bool

    @property
    def has_previous(self):
        """Is there a newer page?"""
        return self.number > 1


def timeline(user, locale, page_number=1):
    """Page ``page_number`` of ``user``'s timeline (:class:`TimelinePage`), newest first.

    Every source is asked for as many of its newest entries as the pages up to this one
    hold, plus one (to know whether an older page exists): a page costs each source the
    same one or two queries, however long the timeline."""
    page_number = max(1, min(page_number, MAX_TIMELINE_PAGES))
    follows = followed_keys(user)
    wanted = page_number * PER_PAGE + 1
    entries = []
    for fn in hooks.get_hooks(TIMELINE_HOOK):
        entries.extend(fn(user, follows, locale, wanted))
    entries.sort(key=lambda entry: entry.at, reverse=True)
    start = (page_number - 1) * PER_PAGE
    return TimelinePage(
        entries=entries[start : start + PER_PAGE],
        number=page_number,
        has_next=len(entries) > start + PER_PAGE and page_number < MAX_TIMELINE_PAGES,
    )


class MemberKind(FollowKind):
    """Another member, listed in the directory (their posts reach the follower's timeline)."""

    name = "member"
    label = _("Members")

    def key_of(self, obj):
        """A member's key is their account's id (a profile or a user)."""
        return str(getattr(obj, "user_id", None) or obj.pk)

    def valid_key(self, key):
        """An account's id."""
        return key.isdigit() and len(key) < 19

    def resolve(self, keys, user, locale):
        """The listed, active members of ``keys`` (a member sees themselves too)."""
        ids = [int(key) for key in keys if key.isdigit()]
        profiles = MemberProfile.objects.filter(user_id__in=ids, user__is_active=True)
        profiles = profiles.filter(Q(show_in_directory=True) | Q(user=user)).select_related("user")
        return {
            str(profile.user_id): {
                "title": profile.display_name,
                "url": reverse("portal:member_detail", args=[profile.pk]),
            }
            for profile in profiles
        }


# Sessions of followed series have their own emails (the webinars' follow emails).
NOT_EMAILED = ("webinar:",)
MAX_EMAILED = 30  # entries in one email; the timeline holds the rest


def follow_updates(user, since, language):
    """The timeline entries newer than ``since`` for ``user``, in ``language`` (those the
    webinars email on their own left out), newest first."""
    locale = locale_for(language) or default_locale()
    with translation.override(language):
        page = timeline(user, locale)
        entries = list(page.entries)
        number = 1
        while page.has_next and (not entries or entries[-1].at > since) and number < 3:
            number += 1
            page = timeline(user, locale, number)
            entries += page.entries
    return [
        entry for entry in entries if entry.at > since and not entry.key.startswith(NOT_EMAILED)
    ][:MAX_EMAILED]


def send_follow_updates(now=None):
    """Tell every member who follows something what is new there since they were last
    told: at once, in their daily digest, or never, as they chose for "New in what I follow";
    never an empty email. Returns the number of members told (sent or queued)."""
    now = now or timezone.now()
    told = 0
    followers = Follow.objects.values("user_id").distinct()
    profiles = MemberProfile.objects.filter(user_id__in=followers, user__is_active=True)
    for profile in profiles.select_related("user").order_by("pk"):
        first_follow = profile.user.follows.order_by("created_at").values_list(
            "created_at", flat=True
        )
        since = profile.follow_updates_until or first_follow.first() or now
        language = preferred_language(profile.user)
        entries = follow_updates(profile.user, since, language)
        if entries:
            with translation.override(language):
                url = reverse("portal:my_portal")
            result = notify(
                profile.user,
                NotificationKind.FOLLOWING,
                "portal/emails/follow_updates",
                {
                    "entries": [{**vars(e), "url": absolute_url(e.url)} for e in entries],
                    "count": len(entries),
                },
                url=url,
            )
            told += result in ("sent", "queued")
        MemberProfile.objects.filter(pk=profile.pk).update(follow_updates_until=now)
    return told
