"""URLs: admin and documents outside the language prefix, everything readers see inside it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import i18n
from portal import views as portal_views
from portal.api import api_router
from portal.api import not_found as api_not_found
from portal.documents import serve as serve_document
from portal.sitemaps import PortalSitemap

handler500 = "portal.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view with the access policy's cache header (its hook decides who
    # reads), for an id a database column can hold; the rest of Wagtail's document URLs as
    # they are.
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    re_path(r"^api/(?P<path>.*)$", api_not_found),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    # The library's OAI-PMH interface (oai/), outside the language prefix.
    path("", include("library.urls_root")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
    path("favicon.ico", portal_views.favicon, name="favicon"),
    path("manifest.webmanifest", portal_views.web_manifest, name="web_manifest"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("portal.urls_portal")),
    path("", include("community_pages.urls")),
    path("", include("library.urls")),
    path("", include("search.urls")),
    # Every other path is a page, except the API's (a JSON 404, never a redirect to HTML).
    re_path(r"^(?!api/)((?:[\w\-]+/)*)$", i18n.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

if settings.DEBUG:
    # Local runs serve uploaded images and photos. Documents are never served from the media
    # folder: Wagtail's document view and the library's download view ask the access policy.
    from django.views.static import serve as serve_media

    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns = [
        re_path(
            rf"^{media_prefix}(?P<path>(?!documents/).*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        ),
        *urlpatterns,
    ]
