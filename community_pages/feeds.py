"""RSS of one community: announcements, discussions, events and community pages, newest first.

Two URLs serve it:

* ``<community>/feed/``, the public feed. Feed readers share and cache what they fetch, so it
  is always what an *anonymous* reader may read, whoever asks: only communities whose content
  the policy lets anonymous readers read (open communities) have one; others answer 404.
* ``/<lang>/community/<pk>/feed/<token>.rss``, a member's own feed, signed with the same
  per-user token as the subscribable calendar (``calendar.feed_token``), which the member can
  renew from their profile page (the old token then answers 404). It carries what that
  person may read, asked of the policy when the feed is fetched, so a member who leaves or a
  change of privacy setting takes effect at once.

Every item list is filtered by ``visible_queryset`` in the query itself, so no item
the feed's reader may not read can appear, whatever the gate in front of it says.
"""

from datetime import UTC, datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import F
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Locale

from community_pages import access
from community_pages.calendar import feed_token, feed_user
from community_pages.models import (
    Announcement,
    CommunityEvent,
    CommunityPage,
    CommunityResourcePage,
    Thread,
)
from portal.access import visible_queryset
from portal.feeds import FeedEntry, PortalFeed
from portal.locales import active_locale
from portal.params import parse_int
from portal.reader_urls import absolute_url, reader_path, reader_url

FEED_SIZE = 30
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
PAGE_FIELDS = (
    "id",
    "title",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "introduction",
    "first_published_at",
    "latest_revision_created_at",
)


def public_feed_available(community):
    """Does the community have a public feed (may anonymous readers read its content)?"""
    return access.can_read(AnonymousUser(), community)


def public_feed_url(community):
    """The absolute URL of ``community``'s public feed for a reader of the active language."""
    return reader_url(community, translate=False, suffix=community.reverse_subpage("feed"))


def personal_feed_url(community, user):
    """The absolute URL of ``user``'s own feed of ``community`` (active language)."""
    return absolute_url(
        reverse("community_pages:community_feed", args=[community.pk, feed_token(user)])
    )


def feed_url_for(request, community, rights):
    """The feed to offer this reader on the community page, or None.

    Logged-in readers who may read the content get their own signed feed (it includes what
    only they may read, e.g. their working groups' discussions); anonymous readers get the
    public feed where there is one.
    """
    user = request.user
    if user.is_authenticated and rights.read:
        return personal_feed_url(community, user)
    if public_feed_available(community):
        return public_feed_url(community)
    return None


def feed_items(community, user, language=None):
    """The newest items of ``community`` ``user`` may read, as :class:`FeedEntry` items
    linking to their pages for a reader of ``language`` (the active one by default).

    An item dates from when it was posted (an event from when it was announced, not from
    when it takes place)."""
    language = language or translation.get_language()
    pk = community.canonical_pk

    def link(route, pk):
        suffix = community.reverse_subpage(route, args=[pk])
        return reader_url(community, language, translate=False, suffix=suffix)

    items = []
    announcements = visible_queryset(Announcement.objects.filter(community_id=pk), user)
    for item in announcements.order_by("-created_at")[:FEED_SIZE]:
        items.append(_entry(item.title, link("announcement", item.pk), item.body, item.created_at))
    threads = visible_queryset(Thread.objects.filter(community_id=pk, removed=False), user).only(
        "id", "title", "body", "created_at"
    )
    for item in threads.order_by("-created_at")[:FEED_SIZE]:
        items.append(_entry(item.title, link("thread", item.pk), item.body, item.created_at))
    events = visible_queryset(CommunityEvent.objects.filter(community_id=pk), user)
    for item in events.order_by("-created_at")[:FEED_SIZE]:
        items.append(_entry(item.title, link("event", item.pk), item.description, item.created_at))
    pages = visible_queryset(CommunityResourcePage.objects.child_of(community).live(), user).only(
        *PAGE_FIELDS
    )
    newest = F("first_published_at").desc(nulls_last=True)
    for page in pages.order_by(newest, "-pk")[:FEED_SIZE]:
        when = page.first_published_at or page.latest_revision_created_at or EPOCH
        url = absolute_url(reader_path(page, language, translate=False))
        items.append(_entry(page.title, url, page.introduction, when))
    items.sort(key=lambda item: item.published, reverse=True)
    return items[:FEED_SIZE]


def _entry(title, link, text, published):
    return FeedEntry(title, link, strip_tags(text or "")[:1000], published)


class CommunityFeed(PortalFeed):
    """The RSS of one community for one reader (``user``): see the module's docstring."""

    def source(self, request, community, user):
        """The feed's object: the community and the reader the feed is for."""
        return {"community": community, "user": user}

    def title(self, obj):
        """The community's title."""
        return obj["community"].title

    def link(self, obj):
        """The community's address for a reader of the feed's language."""
        return reader_url(obj["community"], obj["language"], translate=False)

    def description(self, obj):
        """The community's introduction, else its title."""
        return obj["community"].introduction or obj["community"].title

    def items(self, obj):
        """The community's newest content the reader may read (``feed_items``)."""
        return feed_items(obj["community"], obj["user"], obj["language"])

    def item_description(self, item):
        """The entry's text."""
        return item.description


def public_feed(request, community):
    """``<community>/feed/``: what anonymous readers may read, or 404."""
    if not public_feed_available(community):
        raise Http404
    response = CommunityFeed()(request, community=community, user=AnonymousUser())
    response["Cache-Control"] = "public, max-age=600"
    return response


def personal_feed(request, community_pk, token):
    """A member's own feed of one community; 404 for a bad token or a reader without rights."""
    user = feed_user(token)
    if user is None or parse_int(community_pk) is None:  # a bad token, or no id at all
        raise Http404
    community = CommunityPage.objects.live().filter(pk=community_pk).first()
    if community is None or not access.rights(user, community).read:
        raise Http404
    locale = _active_locale()
    if locale is not None and community.locale_id != locale.pk:
        community = community.get_translation_or_none(locale) or community
    response = CommunityFeed()(request, community=community, user=user)
    response["Cache-Control"] = "private, no-store"
    return response


def _active_locale():
    try:
        return active_locale()
    except Locale.DoesNotExist:
        return None
