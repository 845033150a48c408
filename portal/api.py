"""Wagtail's read-only API v2, filtered by the access policy.

Documents have no endpoint: files are reached through the pages that attach them, whose
download views ask the access policy. Query parameters are checked before Wagtail reads
them: a control character anywhere, or an offset past any listing, is a 400 with a message.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from community_pages.access import can_view_page, visible_pages
from portal.params import clean_text, has_control_characters, parse_int

# Further than any listing of the portal reaches (and than a database's offset can count).
MAX_OFFSET = 1_000_000


class PortalPagination(WagtailPagination):
    """Wagtail's ``offset``/``limit`` paging, with the offset capped."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = parse_int(request.GET.get("offset"), 0, maximum=MAX_OFFSET + 1)
        if offset > MAX_OFFSET:
            raise BadRequestError(
                _("offset cannot be higher than %(maximum)d") % {"maximum": MAX_OFFSET}
            )
        return super().paginate_queryset(queryset, request, view)


class CheckedParametersMixin:
    """Refuse query parameters no client sends (control characters: PostgreSQL refuses a
    NUL in a text parameter) before any filter reads them."""

    pagination_class = PortalPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if any(has_control_characters(text) for text in (name, *values)):
                raise BadRequestError(
                    _("%(name)s: control characters are not allowed")
                    % {"name": clean_text(name, max_length=40)}
                )


class PortalPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint: only the pages the reader may see, parameters checked."""

    def get_base_queryset(self):
        return visible_pages(super().get_base_queryset(), self.request.user)

    def get_object(self):
        page = super().get_object()
        if not can_view_page(self.request.user, page):
            raise Http404
        return page


class PortalImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint with the parameters checked."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
