"""Wagtail hooks: page and document serving ask the access policy; search, admin health
view, snippets."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community_pages import demo as community_pages_demo
from community_pages import following
from community_pages.access import AUDIENCES
from community_pages.admin_views import community_health
from community_pages.calendar import feed_url
from community_pages.directory import (
    directory_queryset,
    latest_discussions,
    organisation_communities,
)
from community_pages.models import (
    Announcement,
    CommunityIndexPage,
    CommunityPage,
    CommunityResourcePage,
    Membership,
    Privacy,
    Thread,
    WorkingGroup,
)
from portal.access import can_view_page
from portal.i18n import localized_pages
from portal.index_pages import index_page
from portal.locales import active_locale
from portal.models.members import NotificationKind
from portal.reader_urls import reader_path


@hooks.register("before_serve_page")
def check_access_policy(page, request, serve_args, serve_kwargs):
    """Page serving asks the access policy: a reader who may not see the page gets a 404 for
    a hidden community (or inside one), the log-in page if anonymous, else a 403."""
    if can_view_page(request.user, page):
        return None
    if is_secret(page):
        # A hidden community exists only for its members: no log-in page, no 403, that
        # would tell anyone else it is there.
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


@hooks.register("register_audiences")
def community_audiences():
    """Communities' and working groups' audiences join the portal's access policy."""
    return AUDIENCES


def is_secret(page):
    """Is ``page`` a hidden community or inside one (its existence is for members only)?

    Inside one: a community resource page, or any page another app asks a community's members
    only (``members_only_community_id`` of the audience rules, a community's survey)."""
    page = page.specific if hasattr(page, "specific") else page
    if isinstance(page, CommunityResourcePage):
        page = page.community
    elif community_id := getattr(page, "members_only_community_id", None):
        return CommunityPage.objects.filter(pk=community_id, privacy=Privacy.HIDDEN).exists()
    return isinstance(page, CommunityPage) and page.privacy == Privacy.HIDDEN


@hooks.register("register_search_model")
def register_communities():
    """Registers communities, community pages, discussions and announcements with the site
    search."""
    return [
        {"model": CommunityPage, "label": _("Communities"), "type": "community"},
        {"model": CommunityResourcePage, "label": _("Community pages"), "type": "community_page"},
        {"model": Thread, "label": _("Discussions"), "type": "discussion"},
        {"model": Announcement, "label": _("Announcements"), "type": "announcement"},
    ]


class WorkingGroupViewSet(SnippetViewSet):
    """Working groups as snippets."""

    model = WorkingGroup
    icon = "group"
    menu_label = _("Working groups")
    list_display = ["name", "community", "locale"]
    add_to_admin_menu = False


register_snippet(WorkingGroupViewSet)


@hooks.register("register_admin_urls")
def community_admin_urls():
    """The admin's community health view."""
    return [path("communities/health/", community_health, name="community_health")]


@hooks.register("register_admin_menu_item")
def community_health_menu_item():
    """The admin menu item of the community health view."""
    return MenuItem(
        _("Community health"),
        reverse("community_health"),
        icon_name="group",
        order=450,
    )


@hooks.register("portal_profile_sections")
def feed_links_on_profile(request):
    """The member's personal feed links on their profile page, with the button that
    revokes them and issues new ones."""
    return render_to_string(
        "community_pages/includes/profile_feed_links.html",
        {"calendar_feed_url": feed_url(request.user)},
        request=request,
    )


@hooks.register("register_follow_kinds")
def follow_kinds():
    """Communities and discussions to follow (``community_pages.following``)."""
    return following.kinds()


@hooks.register("portal_timeline")
def timeline_community_activity(user, follows, locale, limit):
    """Discussions, replies and new members in the member's communities and follows."""
    return following.community_activity(user, follows, locale, limit)


@hooks.register("portal_member_sections")
def member_discussions_section(request, profile):
    """A member's profile: the discussions they started that the reader may read."""
    found = following.member_discussions(profile.user, request.user, active_locale())
    if not found:
        return None
    return render_to_string(
        "community_pages/includes/member_discussions.html", {"discussions": found}, request=request
    )


@hooks.register("portal_home_sections")
def communities_on_home(request, locale):
    """The most recently active communities the reader may see."""
    index = index_page(request, CommunityIndexPage, locale)
    if index is None:
        return None
    items = list(directory_queryset(request.user, locale, {"status": "active"})[:3])
    return {
        "title": _("Online communities"),
        "url": index.get_url(request),
        "items": items,
        "pillar": "connect",
    }


@hooks.register("portal_home_sections")
def discussions_on_home(request, locale):
    """The three discussions with the latest activity the reader may read, in any community
    (members share their questions and experience there)."""
    index = index_page(request, CommunityIndexPage, locale)
    if index is None:
        return None
    code = locale.language_code
    threads = latest_discussions(request.user)
    # Each thread's community in the reader's language, all in one query.
    communities = localized_pages([thread.community for thread in threads], locale)
    items = [
        {
            "title": thread.title,
            "url": reader_path(community, code, translate=False)
            + community.reverse_subpage("thread", args=[thread.pk]),
            "summary": strip_tags(thread.body),
            "meta": community.title,
        }
        for thread, community in zip(threads, communities, strict=True)
    ]
    return {
        "title": _("Latest discussions"),
        "url": index.get_url(request),
        "more_label": _("All communities"),
        "items": items,
        "pillar": "share",
    }


@hooks.register("library_organisation_sections")
def organisation_communities_section(request, profile):
    """An organisation profile's section of the communities it sponsors or partners, as the
    reader may see them."""
    rows = organisation_communities(profile.organisation, request.user, profile.locale)
    roles = {"sponsor": _("Sponsor"), "partner": _("Partner")}
    code = profile.locale.language_code
    return {
        "title": _("Online communities"),
        "items": [
            {
                "title": community.title,
                "url": reader_path(community, code, translate=False),
                "meta": roles[role],
            }
            for community, role in rows
        ],
    }


@hooks.register("register_demo_content", order=20)
def load_community_pages_demo(command):
    """The demo communities: members, announcements, discussions, files (after the
    library: they cite its publications)."""
    return community_pages_demo.load(command)


@hooks.register("register_demo_content", order=55)
def link_announcements_to_public_versions(command):
    """Link the demo announcements to their public versions (after the news)."""
    community_pages_demo.link_public_versions(command)


@hooks.register("portal_notification_kinds")
def reports_notification_kind(user, kinds):
    """Reports of posts go to communities' administrators: only they are offered the kind."""
    administers = Membership.objects.filter(
        user=user, role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
    ).exists()
    return kinds if administers else [kind for kind in kinds if kind != NotificationKind.REPORTS]
