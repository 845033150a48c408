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

Every item list is filtered by ``access.visible_queryset`` in the query itself, so no item
the feed's reader may not read can appear, whatever the gate in front of it says.
"""

from datetime import UTC, datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import F
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags

from community_pages import access
from community_pages.calendar import feed_token, feed_user
from portal.params import parse_int

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


def public_feed_url(request, community):
    return request.build_absolute_uri(f"{community.get_url(request)}feed/")


def personal_feed_url(request, community, user):
    return request.build_absolute_uri(
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
        return personal_feed_url(request, community, user)
    if public_feed_available(community):
        return public_feed_url(request, community)
    return None


def feed_items(community, user):
    """The newest items of ``community`` ``user`` may read: (date, title, path, text) tuples."""
    from community_pages.models import (
        Announcement,
        CommunityEvent,
        CommunityResourcePage,
        Thread,
    )

    pk = community.canonical_pk
    base = community.url or ""
    items = []
    announcements = access.visible_queryset(Announcement.objects.filter(community_id=pk), user)
    for item in announcements.order_by("-created_at")[:FEED_SIZE]:
        items.append((item.created_at, item.title, f"{base}announcements/{item.pk}/", item.body))
    threads = access.visible_queryset(
        Thread.objects.filter(community_id=pk, removed=False), user
    ).only("id", "title", "body", "created_at")
    for item in threads.order_by("-created_at")[:FEED_SIZE]:
        items.append((item.created_at, item.title, f"{base}discussions/{item.pk}/", item.body))
    events = access.visible_queryset(CommunityEvent.objects.filter(community_id=pk), user)
    for item in events.order_by("-created_at")[:FEED_SIZE]:
        items.append((item.created_at, item.title, f"{base}calendar/{item.pk}/", item.description))
    pages = access.visible_queryset(
        CommunityResourcePage.objects.child_of(community).live(), user
    ).only(*PAGE_FIELDS)
    newest = F("first_published_at").desc(nulls_last=True)
    for page in pages.order_by(newest, "-pk")[:FEED_SIZE]:
        when = page.first_published_at or page.latest_revision_created_at or EPOCH
        items.append((when, page.title, page.url or "", page.introduction))
    items.sort(key=lambda item: item[0], reverse=True)
    return items[:FEED_SIZE]


def rss_response(request, community, user, link):
    feed = Rss201rev2Feed(
        title=community.title,
        link=request.build_absolute_uri(community.get_url(request) or "/"),
        description=community.introduction or community.title,
        language=translation.get_language(),
        feed_url=link,
    )
    for created, title, path, text in feed_items(community, user):
        url = request.build_absolute_uri(path)
        feed.add_item(
            title=title,
            link=url,
            unique_id=url,
            description=strip_tags(text or "")[:1000],
            pubdate=created,
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def public_feed(request, community):
    """``<community>/feed/``: what anonymous readers may read, or 404."""
    if not public_feed_available(community):
        raise Http404
    response = rss_response(
        request, community, AnonymousUser(), public_feed_url(request, community)
    )
    response["Cache-Control"] = "public, max-age=600"
    return response


def personal_feed(request, community_pk, token):
    """A member's own feed of one community; 404 for a bad token or a reader without rights."""
    from community_pages.models import CommunityPage

    user = feed_user(token)
    if user is None or parse_int(community_pk) is None:  # a bad token, or no id at all
        raise Http404
    community = CommunityPage.objects.live().filter(pk=community_pk).first()
    if community is None or not access.rights(user, community).read:
        raise Http404
    locale = _active_locale()
    if locale is not None and community.locale_id != locale.pk:
        community = community.get_translation_or_none(locale) or community
    response = rss_response(
        request, community, user, request.build_absolute_uri(request.get_full_path())
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _active_locale():
    from wagtail.models import Locale

    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None
