"""Crawl the portal with the test client as a reader would, following every internal link."""

import re
from collections import deque
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"'#]+)""", re.IGNORECASE)
LOC = re.compile(r"<(?:loc|link|id)>([^<]+)</(?:loc|link|id)>")
JSON_URL = re.compile(r'"(?:detail_url|html_url|url)"\s*:\s*"([^"]+)"')
QUERY_VARIANTS_PER_PATH = 6
SKIP = ("/admin", "/static/", "/accounts/logout", "/django-admin", "/notifications/unsubscribe")


def _internal(url):
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc and parts.netloc not in ("testserver", "127.0.0.1:8000", "localhost"):
        return None
    path = parts.path or "/"
    if any(path.startswith(prefix) for prefix in SKIP):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def crawl(client, start, *, limit=1500, follow_queries=True):
    """Fetch ``start`` URLs and everything they link to; return {url: (status, body)}."""
    seen = {}
    variants = {}
    queue = deque(start)
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        text = (
            body.decode("utf-8", "replace")
            if "text" in content_type
            or "json" in content_type
            or "xml" in content_type
            or "calendar" in content_type
            else ""
        )
        seen[url] = (response.status_code, text)
        if response.status_code in (301, 302) and response.get("Location"):
            target = _internal(urljoin(url, response["Location"]))
            if target and target not in seen:
                queue.append(target)
        found = LINK.findall(text) + LOC.findall(text) + JSON_URL.findall(text)
        for match in found:
            target = _internal(urljoin(url, unescape(match.strip())))
            if not target or target in seen:
                continue
            path, _sep, query = target.partition("?")
            if query:
                # One filter or page at a time, a few per page: facet combinations are
                # endless, and log-in links only differ by where they lead back to.
                if not follow_queries or query.count("=") > 1 or "next=" in query:
                    continue
                if variants.get(path, 0) >= QUERY_VARIANTS_PER_PATH:
                    continue
                variants[path] = variants.get(path, 0) + 1
            queue.append(target)
    return seen


# Scripts that are data, not code: the Content-Security-Policy does not run them.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class _InlineCodeFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes:
            if (attributes.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
                self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs:
            if name == "style":
                self.found.append(f"style attribute on <{tag}>")
            elif name.startswith("on"):
                self.found.append(f"{name} attribute on <{tag}>")
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"javascript: URL on <{tag}>")


def inline_code(html):
    """What in ``html`` a policy of the site's own scripts and styles only would block: inline
    scripts, <style> elements, style and event-handler attributes, javascript: URLs."""
    finder = _InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.found
