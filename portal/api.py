"""Wagtail's read-only API v2, filtered by the access policy."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
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


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Documents of the public collection only; members-only files never appear here."""

    def get_queryset(self):
        from django.conf import settings

        qs = super().get_queryset()
        private = getattr(settings, "PRIVATE_COLLECTION_NAMES", ())
        if private:
            qs = qs.exclude(collection__name__in=private)
        return qs


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
