"""What the programmes app hands to the layers below: its taxonomy snippets in the admin,
its profiles in the site search, the programmes linking to a page (backlinks) and its demo
content."""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.backlinks import BACKLINKS_HOOK
from portal.index_pages import index_page
from portal.reader_urls import reader_path
from programmes import demo as programmes_demo

from . import following
from .listing import backlinks, visible_programmes
from .models import ProgrammeIndexPage, ProgrammePage, ProgrammeType, TargetGroup


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


@hooks.register("portal_home_sections")
def latest_programmes(request, locale):
    """The home page's section of the three programme profiles of its language last
    published that the reader may read (none without a programmes index)."""
    index = index_page(request, ProgrammeIndexPage, locale)
    if index is None:
        return None
    code = locale.language_code
    programmes = visible_programmes(request.user, locale).order_by("-last_published_at", "-pk")
    return {
        "title": _("Programme profiles"),
        "url": reader_path(index, code, translate=False),
        "more_label": _("All programmes"),
        "items": [
            {
                "title": programme.title,
                "url": reader_path(programme, code, translate=False),
                "summary": programme.listing_summary,
            }
            for programme in programmes[:3]
        ],
        "pillar": "discover",
    }


@hooks.register("register_follow_kinds")
def follow_kinds():
    """Countries and programmes to follow (``programmes.following``)."""
    return following.kinds()


@hooks.register("portal_timeline")
def timeline_programmes(user, follows, locale, limit):
    """New and updated programme profiles the member follows."""
    return following.programme_updates(user, follows, locale, limit)


@hooks.register("library_organisation_sections")
def organisation_programmes(request, profile):
    """An organisation profile's section of the programmes it implements or funds, as the
    reader may see them, by name."""
    organisation = profile.organisation_id
    implementers = ProgrammePage.implementing_institutions.through.objects.filter(
        programmepage_id=OuterRef("pk"), organisation_id=organisation
    )
    programmes = (
        visible_programmes(request.user, profile.locale)
        .filter(Q(implementing_institutions=organisation) | Q(funding_institutions=organisation))
        .distinct()
        .annotate(implements_it=Exists(implementers))
        .order_by("title")
    )
    code = profile.locale.language_code
    return {
        "title": _("Programmes"),
        "items": [
            {
                "title": programme.title,
                "url": reader_path(programme, code, translate=False),
                "meta": _("Implements it") if programme.implements_it else _("Funds it"),
            }
            for programme in programmes
        ],
    }
