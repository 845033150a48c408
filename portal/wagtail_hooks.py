"""Admin registration: taxonomy and navigation snippets, grouped for editors."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.models import Country, NavigationMenu, Region, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "parent", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "locale"]
    list_filter = ["locale"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    list_display = ["name", "iso_code", "region", "locale"]
    list_filter = ["locale", "region"]
    search_fields = ["name", "iso_code"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 250
    items = (ThemeViewSet, RegionViewSet, CountryViewSet)


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Navigation")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["__str__", "slot", "locale"]


register_snippet(TaxonomyGroup)
register_snippet(NavigationMenuViewSet)
