"""Wagtail's read-only API v2, filtered by the access policy.

Documents have no endpoint: files are reached through the pages that attach them, whose
download views ask the access policy.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from community_pages.access import can_view_page, visible_pages


class PortalPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return visible_pages(super().get_base_queryset(), self.request.user)

    def get_object(self):
        page = super().get_object()
        if not can_view_page(self.request.user, page):
            from django.http import Http404

            raise Http404
        return page


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
