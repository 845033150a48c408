"""The sitemap: every language's pages, only those the access policy shows to anyone, each
with its translations as hreflang alternates, at the portal's address (``BASE_URL``)."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from portal.access import public_pages, visible_pages
from portal.reader_urls import reader_url


class PortalSitemap(Sitemap):
    """Every language's live pages an anonymous reader may read, with their translations."""

    def items(self):
        """The pages of every language's tree (the root's translations), in tree order."""
        # Wagtail's sitemap walks the site root only; with one home page per language the
        # other languages' trees are its siblings, so take every translation of the root.
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return self.readable(pages).order_by("path").defer_streamfields().specific()

    @staticmethod
    def readable(pages):
        """``pages`` cut down to the live, public ones the access policy shows to anyone."""
        return visible_pages(public_pages(pages.live()), AnonymousUser())

    def get_urls(self, page=1, site=None, protocol=None):
        """One entry per page: its location, last change and its live, readable
        translations (``<xhtml:link rel="alternate" hreflang=…>``, with ``x-default`` on the
        default language's). Two queries for the whole sitemap page, whatever its length."""
        pages = list(self.paginator.page(page).object_list)
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        keys = {item.translation_key for item in pages}
        translations = {}
        for other in self.readable(Page.objects.filter(translation_key__in=keys)).only(
            "translation_key", "locale_id", "url_path"
        ):
            translations.setdefault(other.translation_key, []).append(other)
        urls = []
        for item in pages:
            alternates = [
                {"lang_code": codes[other.locale_id], "location": self.url_of(other, codes)}
                for other in sorted(
                    translations.get(item.translation_key, []),
                    key=lambda other: codes[other.locale_id],
                )
            ]
            default = next(
                (alt for alt in alternates if alt["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if len(alternates) > 1 and default:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            urls.append(
                {
                    "item": item,
                    "location": self.url_of(item, codes),
                    "lastmod": self.lastmod(item),
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    @staticmethod
    def url_of(page, codes):
        """``page``'s address at ``BASE_URL`` in its own language (``codes``: locale id to code)."""
        return reader_url(page, codes[page.locale_id], translate=False)
