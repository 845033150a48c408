"""The community directory: one queryset, filters, counts and last activity without N+1."""

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from community_pages.models import CommunityPage, Membership, Privacy, Thread
from portal.access import visible_pages, visible_queryset
from portal.models import Region, Theme
from portal.params import text_param


def member_count_subquery():
    """Active members of the community's translation group (memberships are on the canonical page)."""
    counts = (
        Membership.objects.filter(
            community__translation_key=OuterRef("translation_key"),
            status=Membership.Status.ACTIVE,
        )
        .order_by()
        .values("community__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def directory_queryset(user, locale, filters=None):
    """Communities of ``locale`` that ``user`` may see, filtered, most recently active first."""
    filters = filters or {}
    pages = CommunityPage.objects.live().filter(locale=locale)
    pages = visible_pages(pages, user)
    if filters.get("theme"):
        theme = Theme.objects.filter(slug=filters["theme"], locale__language_code="en").first()
        keys = theme.descendant_keys() if theme else []
        pages = pages.filter(
            pk__in=CommunityPage.objects.filter(themes__translation_key__in=keys).values("pk")
        )
    if filters.get("region"):
        pages = pages.filter(
            pk__in=CommunityPage.objects.filter(regions__slug=filters["region"]).values("pk")
        )
    if filters.get("privacy") in Privacy.values:
        pages = pages.filter(privacy=filters["privacy"])
    if filters.get("status") == "active":
        pages = pages.filter(archived=False)
    elif filters.get("status") == "archived":
        pages = pages.filter(archived=True)
    return (
        pages.annotate(member_count=member_count_subquery())
        .select_related("banner")
        .defer_streamfields()
        .prefetch_related("themes")
        .order_by(F("last_activity_at").desc(nulls_last=True), "title")
    )


def directory_context(request, index_page):
    """The directory page's context: the communities the reader may see filtered by ``theme``,
    ``region``, ``privacy`` and ``status`` from the query string, and the filters' choices."""
    filters = {
        key: text_param(request.GET, key, max_length=100)
        for key in ("theme", "region", "privacy", "status")
    }
    communities = list(directory_queryset(request.user, index_page.locale, filters))
    return {
        "communities": communities,
        "filters": filters,
        "themes": Theme.objects.filter(locale__language_code="en").order_by("name"),
        "regions": Region.objects.filter(locale__language_code="en").order_by("name"),
        "privacy_choices": Privacy.choices,
    }


def latest_discussions(user, count=3):
    """The ``count`` discussions with the latest activity ``user`` may read (the access
    policy's audience filter, in the query), of live communities, with their community."""
    threads = Thread.objects.filter(removed=False, community__live=True).select_related("community")
    return list(visible_queryset(threads, user).order_by("-last_activity_at", "-pk")[:count])


def organisation_communities(organisation, user, locale):
    """Live communities of ``locale`` that ``organisation`` (a source-language taxonomy row)
    sponsors or partners, as ``user`` may see them: ``[(community, role)]`` by title, ``role``
    "sponsor" or "partner"."""
    pages = visible_pages(
        CommunityPage.objects.live()
        .filter(locale=locale)
        .filter(Q(sponsor_organisations=organisation) | Q(partner_organisations=organisation))
        .distinct(),
        user,
    )
    sponsors = CommunityPage.sponsor_organisations.through.objects.filter(
        communitypage_id=OuterRef("pk"), organisation=organisation
    )
    return [
        (community, "sponsor" if community.sponsors_it else "partner")
        for community in pages.annotate(sponsors_it=Exists(sponsors))
        .defer_streamfields()
        .order_by("title")
    ]
