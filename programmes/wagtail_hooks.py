"""What the programmes app hands to the layers below: its taxonomy snippets in the admin,
its profiles in the site search, the programmes linking to a page (backlinks) and its demo
content."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.backlinks import BACKLINKS_HOOK
from programmes import demo as programmes_demo

from .listing import backlinks
from .models import ProgrammePage, ProgrammeType, TargetGroup


class ProgrammeTypeViewSet(SnippetViewSet):
    """Programme types as snippets."""

    model = ProgrammeType
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class TargetGroupViewSet(SnippetViewSet):
    """Target groups as snippets."""

    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class ProgrammeTaxonomyGroup(SnippetViewSetGroup):
    """The "Programme taxonomy" menu of the two snippets."""

    menu_label = _("Programme taxonomy")
    menu_icon = "list-ul"
    menu_order = 252
    items = (ProgrammeTypeViewSet, TargetGroupViewSet)


register_snippet(ProgrammeTaxonomyGroup)


@hooks.register("register_search_model")
def search_programmes():
    """Registers programme profiles with the site search (type ``programmes``)."""
    return {"model": ProgrammePage, "label": _("Programmes"), "type": "programmes"}


@hooks.register(BACKLINKS_HOOK)
def programme_backlinks(request, page):
    """On a publication, webinar series or community: the programmes that link to it."""
    return backlinks(request, page)


@hooks.register("register_demo_content", order=45)
def load_programmes_demo(command):
    """The demo programme profiles (after the library, webinars and communities they link to)."""
    return programmes_demo.load(command)
