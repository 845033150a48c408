"""Whether a request counts as a use of an item (a download, a view), as COUNTER counts them.

Robots and crawlers are not counted: a request without a User-Agent, or whose User-Agent the
CrawlerDetect patterns (the ``crawlerdetect`` package, a port of the maintained JayBizzle
list) recognise. Repeated hits by one visitor on one item within ``DOUBLE_CLICK_SECONDS``
(COUNTER's double-click window, 30 seconds) count once. A visitor is known only by a keyed
digest of its address (``portal.clients.client_ip``, behind the trusted proxies) and User-Agent, kept in the cache for that window and nowhere else:
no address, User-Agent or other personal data is stored.
"""

import hashlib
import hmac

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.core.cache import cache

from portal.clients import client_ip

DOUBLE_CLICK_SECONDS = 30
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
