"""Admin registration: taxonomy and navigation snippets, grouped for editors, and the
translation dashboard (Reports → Translations)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal import admin_views, following, usage
from portal import demo as portal_demo
from portal.documents import check_document_access
from portal.models import Country, NavigationMenu, Region, Theme


class ThemeViewSet(SnippetViewSet):
    """Themes as snippets."""

    model = Theme
    icon = "tag"
    list_display = ["name", "parent", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["name"]


class RegionViewSet(SnippetViewSet):
    """Regions as snippets."""

    model = Region
    icon = "globe"
    list_display = ["name", "locale"]
    list_filter = ["locale"]


class CountryViewSet(SnippetViewSet):
    """Countries as snippets."""

    model = Country
    icon = "site"
    list_display = ["name", "iso_code", "region", "locale"]
    list_filter = ["locale", "region"]
    search_fields = ["name", "iso_code"]


class TaxonomyGroup(SnippetViewSetGroup):
    """The "Taxonomy" menu of themes, regions and countries."""

    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 250
    items = (ThemeViewSet, RegionViewSet, CountryViewSet)


class NavigationMenuViewSet(SnippetViewSet):
    """Navigation menus as snippets, in the admin menu."""

    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Navigation")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["__str__", "slot", "locale"]


register_snippet(TaxonomyGroup)
register_snippet(NavigationMenuViewSet)


# The one hook deciding who downloads a Wagtail document (portal.documents).
hooks.register("before_serve_document", check_document_access)


@hooks.register("register_admin_urls")
def register_translation_dashboard_url():
    """The translation dashboard's admin URL."""
    return [
        path(
            "reports/translations/",
            admin_views.translation_dashboard,
            name="portal_translation_dashboard",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_dashboard_menu_item():
    """Adds the translation dashboard to the admin's Reports menu."""
    return MenuItem(
        _("Translations"),
        reverse("portal_translation_dashboard"),
        icon_name="globe",
        order=650,
    )


@hooks.register(following.KINDS_HOOK)
def member_follow_kind():
    """The portal's own kind to follow: members (``portal.following``)."""
    return [following.MemberKind()]


@hooks.register("register_demo_content", order=0)
def load_portal_demo(command):
    """The portal's demo: taxonomy, pages in three languages, members."""
    return portal_demo.load(command)


# Every page Wagtail serves names itself on the request, for the page views (portal.usage).
hooks.register("before_serve_page", usage.note_page)
