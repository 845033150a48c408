"""An embed finder that builds YouTube and Vimeo players without asking the internet.

Wagtail's default oEmbed finder calls the provider when a page is saved or rendered. The
portal must render offline (and in tests), so well-known video hosts get their player
iframe built from the URL alone; other URLs still go to oEmbed and degrade to a link.
"""

import re

from django.utils.html import escape
from wagtail.embeds.finders.base import EmbedFinder

YOUTUBE = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|live/)|youtu\.be/)"
    r"(?P<id>[\w-]{6,20})"
)
VIMEO = re.compile(r"^https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(?P<id>\d{5,12})")


def player_url(url):
    """The embeddable player URL for a YouTube or Vimeo address, or None."""
    if match := YOUTUBE.match(url or ""):
        return f"https://www.youtube-nocookie.com/embed/{match['id']}"
    if match := VIMEO.match(url or ""):
        return f"https://player.vimeo.com/video/{match['id']}"
    return None


class OfflineVideoFinder(EmbedFinder):
    """Builds YouTube and Vimeo players from their address alone (no request)."""

    def __init__(self, **options):
        super().__init__(**options)

    def accept(self, url):
        """Is ``url`` a YouTube or Vimeo address?"""
        return player_url(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        """The embed of the player: a lazily loaded 640×360 iframe."""
        src = player_url(url)
        provider = "YouTube" if "youtube" in src else "Vimeo"
        html = (
            f'<iframe src="{escape(src)}" width="640" height="360" loading="lazy" '
            f'title="{provider}" allow="fullscreen; picture-in-picture" '
            'referrerpolicy="strict-origin-when-cross-origin"></iframe>'
        )
        return {
            "title": "",
            "author_name": "",
            "provider_name": provider,
            "type": "video",
            "thumbnail_url": None,
            "width": 640,
            "height": 360,
            "html": html,
        }


embed_finder_class = OfflineVideoFinder
