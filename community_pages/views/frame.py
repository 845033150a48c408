"""What every view of a community shares: the reader's rights, the frame, refusals, items.

Every view asks the reader's :class:`~community_pages.access.Rights` (worked out once per
request by :func:`reader_rights`) before showing anything; what a change needs is checked
again by the function of ``community_pages.services`` that makes it.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from wagtail import hooks

from community_pages import access
from community_pages.forms import RequestForm
from community_pages.models import CommunityResourcePage
from portal import ratelimits
from portal.access import can_read_audience, visible_queryset
from portal.params import MAX_PAGE, int_param

PAGE_SIZE = 25
# Other apps add sections to a community's navigation (surveys): each function takes the
# request, the community and the reader's rights and returns {"label", "url"} or None.
SECTION_LINKS_HOOK = "community_section_links"


def deny(request):
    """Refuse: anonymous readers are asked to log in, members are told no (403)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def post_only(request):
    """A 405 for anything but POST (``None`` for a POST)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def resource_pages(request, community):
    """The community's resource pages the reader may see, grouped by topic."""
    pages = (
        CommunityResourcePage.objects.child_of(community)
        .live()
        .only("id", "title", "url_path", "topic", "path", "depth", "locale_id", "audience")
        .order_by("topic", "path")
    )
    pages = visible_queryset(pages, request.user)
    groups = {}
    for page in pages:
        groups.setdefault(page.topic or "", []).append(page)
    return [{"topic": topic, "pages": items} for topic, items in groups.items()]


def reader_rights(request, community):
    """The reader's rights in ``community``, worked out once per request."""
    cache = request.__dict__.setdefault("_community_rights", {})
    if community.pk not in cache:
        cache[community.pk] = access.rights(request.user, community)
    return cache[community.pk]


def community_frame(request, community):
    """What every screen of a community shows: header, join buttons, navigation."""
    if community is None:
        return {}
    rights = reader_rights(request, community)
    return {
        "community": community,
        "rights": rights,
        "community_url": community.get_url(request),
        "topics": resource_pages(request, community) if rights.read else [],
        "request_form": RequestForm(),
        "section_links": [
            link
            for fn in hooks.get_hooks(SECTION_LINKS_HOOK)
            if (link := fn(request, community, rights))
        ],
    }


def render(request, community, template, context=None, status=200):
    """A section's page inside the community's frame."""
    ctx = {"page": community, **community_frame(request, community), **(context or {})}
    return TemplateResponse(request, template, ctx, status=status)


def section_url(request, community, route, *args):
    """The path of one of the community's routes (``community.reverse_subpage``)."""
    return community.get_url(request) + community.reverse_subpage(route, args=args)


def content(model, community):
    """``model``'s rows of the community (they belong to its canonical page)."""
    return model.objects.filter(community_id=community.canonical_pk)


def readable_item(request, queryset, item_id):
    """The item if it exists in this community and the reader may see it; ``None`` if it
    exists but the reader may not; 404 if it does not exist."""
    item = queryset.filter(pk=item_id).first()
    if item is None:
        raise Http404
    if not can_read_audience(request.user, item.audience):
        return None
    return item


def private_file_response(item):
    """A members' file from the private storage, as a download that is never cached."""
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def allowed_to_post(request, form):
    """Count a member's new discussion, comment, file or event (``community_post``); past
    the limit the form is shown again with what was typed and the refusal."""
    if ratelimits.allow(request, "community_post"):
        return True
    ratelimits.refuse_form(form)
    return False


def page_number(request):
    """The 1-based ``?page=`` of a list (at most ``MAX_PAGE``); anything else is the first."""
    return int_param(request.GET, "page", 1, 1, MAX_PAGE)


def posted_form(request, form, invalid_status=400):
    """Handle the POST of a member's new item: ``(saved, status)``.

    ``saved`` is True when ``form`` is valid and the member is within the posting limit; the
    status is what the page is shown with otherwise: 429 past the limit, ``invalid_status``
    for an invalid form, 200 for a GET.
    """
    if request.method != "POST":
        return False, 200
    if not form.is_valid():
        return False, invalid_status
    if not allowed_to_post(request, form):
        return False, ratelimits.TOO_MANY_REQUESTS
    return True, 200
