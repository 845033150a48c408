"""Admin registration and hooks of the library.

* library taxonomy snippets, grouped in a "Library taxonomy" menu;
* the library's publications are registered with the site search;
* the home page shows the latest publications;
* staff get a report of the most downloaded publications.
"""

from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from library import demo as library_demo
from library import following, popularity, saved_searches
from library.listing import (
    autocomplete_publications,
    base_queryset,
    entries_queryset,
    search_publications,
)
from library.models import (
    DocumentLanguage,
    DocumentType,
    LibraryIndexPage,
    Organisation,
    OrganisationPage,
    PublicationPage,
    library_url,
)
from library.views import MostDownloadedReportView
from portal.index_pages import index_page
from portal.models import Country, Theme
from search.service import TaxonomySource


class DocumentTypeViewSet(SnippetViewSet):
    """Document types as snippets."""

    model = DocumentType
    icon = "doc-full"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    """Organisations as snippets."""

    model = Organisation
    icon = "group"
    list_display = ["name", "acronym", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "acronym"]


class DocumentLanguageViewSet(SnippetViewSet):
    """Document languages as snippets."""

    model = DocumentLanguage
    icon = "globe"
    list_display = ["name", "code", "locale"]
    list_filter = ["locale"]


class LibraryTaxonomyGroup(SnippetViewSetGroup):
    """The "Library taxonomy" menu of the three snippets."""

    menu_label = _("Library taxonomy")
    menu_icon = "doc-full-inverse"
    menu_order = 251
    items = (DocumentTypeViewSet, OrganisationViewSet, DocumentLanguageViewSet)


register_snippet(LibraryTaxonomyGroup)


@hooks.register("register_search_taxonomy")
def register_library_taxonomy():
    """Themes, countries and organisations in the site search's suggestions, each linking
    to the library filtered by it."""
    return [
        TaxonomySource("theme", _("Theme"), Theme, "slug", library_url),
        TaxonomySource("country", _("Country"), Country, "iso_code", library_url),
        TaxonomySource("organisation", _("Organisation"), Organisation, "slug", library_url),
    ]


@hooks.register("register_search_model")
def register_publication_search():
    """Publications in the site search. On the database engine they are matched on the
    library's read model (``library.listing``), which analyses each translation in its own
    language and counts without a cap; Elasticsearch searches its own documents."""

    return {
        "model": PublicationPage,
        "label": _("Publications"),
        "type": "publication",
        "search": search_publications,
        "autocomplete": autocomplete_publications,
    }


@hooks.register("register_search_model")
def register_organisation_search():
    """Organisation profiles in the site search (type ``organisation``)."""
    return {"model": OrganisationPage, "label": _("Organisations"), "type": "organisation"}


@hooks.register("portal_home_sections")
def latest_publications(request, locale):
    """The four latest publications the reader may read, those written in or translated
    into the home page's language first (newest first), then the others; one query."""

    index = index_page(request, LibraryIndexPage, locale)
    if index is None:
        return None
    own = entries_queryset(request.user, locale).filter(
        publication=OuterRef("pk"), in_own_language=True
    )
    items = list(
        base_queryset(request.user, locale)
        .annotate(in_own_language=Exists(own))
        .order_by("-in_own_language", "-first_published_at", "pk")[:4]
    )
    return {
        "title": _("Latest publications"),
        "url": index.url,
        "items": items,
        "pillar": "discover",
    }


@hooks.register("portal_home_sections")
def most_read_publications(request, locale):
    """The home page's "Most read": the public publications downloaded most in the last 90
    days, with their downloads; none when nothing was downloaded."""
    index = index_page(request, LibraryIndexPage, locale)
    publications = popularity.most_read(locale, request.user, limit=4) if index else []
    if not publications:
        return None
    return {
        "title": _("Most read"),
        "url": f"{index.url}?sort=downloads",
        "more_label": _("Most downloaded in the library"),
        "items": [
            {
                "title": publication.title,
                "url": publication.url,
                "locale_id": publication.locale_id,
                "meta": popularity.recent_label(publication.recent_downloads),
            }
            for publication in publications
        ],
        "pillar": "discover",
    }


@hooks.register("register_follow_kinds")
def follow_kinds():
    """Themes and organisations to follow (``library.following``)."""
    return following.kinds()


@hooks.register("register_saved_search_scopes")
def saved_search_scopes():
    """The library listing as a saved search (``library.saved_searches``)."""
    return saved_searches.scopes()


@hooks.register("portal_timeline")
def timeline_publications(user, follows, locale, limit):
    """New publications under what the member follows."""
    return following.new_publications(user, follows, locale, limit)


@hooks.register("portal_home_sections")
def share_a_publication(request, locale):
    """The home page's invitation to propose a publication to the library's editors."""
    if index_page(request, LibraryIndexPage, locale) is None:
        return None
    return {
        "title": _("Share your work"),
        "items": [
            {
                "title": _("Propose a publication"),
                "url": reverse("library:submit"),
                "summary": _(
                    "Send a report, an evaluation or a policy brief: the library's editors "
                    "review it and publish it with its classification."
                ),
            }
        ],
        "pillar": "share",
    }


@hooks.register("register_admin_urls")
def register_report_urls():
    """The downloads report's admin URLs."""

    return [
        path(
            "reports/library-downloads/",
            MostDownloadedReportView.as_view(),
            name="library_downloads_report",
        ),
        path(
            "reports/library-downloads/results/",
            MostDownloadedReportView.as_view(results_only=True),
            name="library_downloads_report_results",
        ),
    ]


class DownloadsReportMenuItem(MenuItem):
    """The downloads report's menu item, shown to staff only."""

    def is_shown(self, request):
        """Shown to staff only."""
        return request.user.is_staff


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    """Adds the downloads report to the admin's Reports menu."""
    return DownloadsReportMenuItem(
        _("Most downloaded publications"),
        reverse("library_downloads_report"),
        icon_name="download",
        order=700,
    )


@hooks.register("register_demo_content", order=10)
def load_library_demo(command):
    """The library's demo publications, written in their own languages."""
    return library_demo.load(command)
