"""Whether a request counts as a use of an item (a download, a view), as COUNTER counts them.

Robots and crawlers are not counted: a request without a User-Agent, or whose User-Agent the
CrawlerDetect patterns (the ``crawlerdetect`` package, a port of the maintained JayBizzle
list) recognise. Repeated hits by one visitor on one item within ``DOUBLE_CLICK_SECONDS``
(COUNTER's double-click window, 30 seconds) count once. A visitor is known only by a keyed
digest of its address (``portal.clients.client_ip``, behind the trusted proxies) and User-Agent, kept in the cache for that window and nowhere else:
no address, User-Agent or other personal data is stored.

**Page views** (``PageView``: per page, day and member's country) are counted for every page
Wagtail serves, from the cache or not, as long as the answer is a 200 to a GET.
:func:`note_page` (Wagtail's ``before_serve_page`` hook) names the page on the request;
:class:`PageViewMiddleware`, below the page cache in ``MIDDLEWARE``, puts that name on the
response (so a kept page carries it) and counts it; the page cache counts the pages it
answers itself (:func:`count_view`). Counting never writes in the request: views are added
up in each worker's memory and written in one batch (:func:`flush`) after a response is
sent, at most every ``USAGE_FLUSH_SECONDS`` (10 by default; 0 writes after every response),
and when the worker stops. A worker killed outright loses the views of its last seconds.
"""

import atexit
import hashlib
import hmac
import logging
import threading
import time
from collections import Counter

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from portal.clients import client_ip
from portal.models import MemberProfile, PageView

logger = logging.getLogger(__name__)

DOUBLE_CLICK_SECONDS = 30
COUNTRY_SECONDS = 600
_detector = CrawlerDetect()


def is_robot(request):
    """Is ``request`` from a robot or crawler (or from a client that does not say)?"""
    agent = request.headers.get("User-Agent", "").strip()
    return not agent or _detector.is_crawler(agent)


def visitor(request):
    """A digest naming the visitor of ``request`` for the double-click window only."""
    address = client_ip(request) or ""
    agent = request.headers.get("User-Agent", "")
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{address}|{agent}".encode(), hashlib.sha256).hexdigest()[:32]


def counts(request, item):
    """Does this request count as a use of ``item`` (a short string, e.g. ``document:12``)?
    Not for a robot, nor for the same visitor's repeat within the double-click window."""
    if is_robot(request):
        return False
    return cache.add(f"usage:{visitor(request)}:{item}", 1, DOUBLE_CLICK_SECONDS)


# Views counted in this worker and not yet written: (page id, day, country) -> views.
_pending = Counter()
_lock = threading.Lock()
_last_flush = time.monotonic()


def note_page(page, request, serve_args, serve_kwargs):
    """Wagtail's ``before_serve_page`` hook: names the page being served on the request."""
    request.usage_page = page.pk


def reader_country(request):
    """The ISO code of the country a logged-in member gave, else ``""``; kept in the cache
    for ``COUNTRY_SECONDS`` (a changed country counts from then on), so that counting costs
    a member's page no query."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    return cache.get_or_set(
        f"usage:country:{user.pk}", lambda: profile_country(user), COUNTRY_SECONDS
    )


def profile_country(user):
    """The ISO code of the country in ``user``'s profile, else ``""``."""
    code = (
        MemberProfile.objects.filter(user=user, country__isnull=False)
        .values_list("country__iso_code", flat=True)
        .first()
    )
    return (code or "").upper()


def count_view(request, response):
    """Counts ``response`` as a view of the page it carries, when it is one: a 200 to a
    GET, not a preview, from a reader who is not a robot and not repeating within the
    double-click window."""
    page = getattr(response, "usage_page", None)
    if (
        page is None
        or request.method != "GET"
        or response.status_code != 200
        or getattr(request, "is_preview", False)
        or not counts(request, f"page:{page}")
    ):
        return
    add_pending(page, timezone.localdate(), reader_country(request))


def add_pending(page, day, country, views=1):
    """Counts ``views`` of page id ``page`` in this worker, written by the next
    :func:`flush`."""
    with _lock:
        _pending[(page, day, country)] += views


class PageViewMiddleware:
    """Puts the served page on its response (a kept page carries it into the cache) and
    counts the view; below the page cache and the authentication middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        page = getattr(request, "usage_page", None)
        if page is not None:
            response.usage_page = page
            count_view(request, response)
        return response


def flush(force=True):
    """Writes the views counted so far in one transaction (when ``force``, or when
    ``USAGE_FLUSH_SECONDS`` have passed since the last write)."""
    global _last_flush
    every = getattr(settings, "USAGE_FLUSH_SECONDS", 10)
    with _lock:
        if not _pending or (not force and time.monotonic() - _last_flush < every):
            return 0
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    # A page deleted since it was read is left out (its views went with it).
    pages = set(Page.objects.filter(pk__in={key[0] for key in batch}).values_list("pk", flat=True))
    with transaction.atomic():
        for (page, day, country), views in batch.items():
            if page in pages:
                add_views(page, day, country, views)
    return len(batch)


def add_views(page, day, country, views):
    """Adds ``views`` to the row of (page, day, country)."""
    add_to_count(PageView, views, page_id=page, day=day, country=country)


def add_to_count(model, number=1, **lookup):
    """Adds ``number`` to the ``count`` of ``model``'s row matching ``lookup`` (creating it),
    safe beside other workers doing the same: every counter of uses is kept this way."""
    rows = model.objects.filter(**lookup)
    if rows.update(count=F("count") + number):
        return
    try:
        with transaction.atomic():
            model.objects.create(count=number, **lookup)
    except IntegrityError:
        rows.update(count=F("count") + number)


def count_download(request, model, item, **lookup):
    """Counts one download of ``item`` (a short key such as ``document:12``) into ``model``'s
    row for today, ``lookup`` and the reader's country, unless the request does not count
    (a robot, a repeat: :func:`counts`). Returns whether it counted."""
    if not counts(request, item):
        return False
    add_to_count(model, 1, day=timezone.localdate(), country=reader_country(request), **lookup)
    return True


def flush_when_due(**kwargs):
    """``request_finished``: write the counted views once they are due (after the answer
    has gone to the reader)."""
    if _pending:
        flush(force=False)


def flush_at_exit():
    """The worker stops: write what it counted, if the database still answers."""
    try:
        flush()
    except Exception:  # noqa: BLE001 - a worker stopping cannot do more than say so
        logger.warning("Page views not written when the worker stopped", exc_info=True)


request_finished.connect(flush_when_due, dispatch_uid="portal_usage_flush")
atexit.register(flush_at_exit)
