"""The sitemap: every language's pages, only those the access policy shows to anyone."""

from django.contrib.auth.models import AnonymousUser
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from community_pages.access import visible_pages


class PortalSitemap(Sitemap):
    def items(self):
        # Wagtail's sitemap walks the site root only; with one home page per language the
        # other languages' trees are its siblings, so take every translation of the root.
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        pages = pages.live().public().order_by("path").defer_streamfields().specific()
        return visible_pages(pages, AnonymousUser())
