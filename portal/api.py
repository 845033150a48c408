"""Wagtail's read-only API v2, filtered by the access policy.

Documents have no endpoint: files are reached through the pages that attach them, whose
download views ask the access policy. Query parameters are checked before Wagtail reads
them: a control character anywhere, or an offset past any listing, is a 400 with a message.
"""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site

from portal.access import can_view_page, visible_pages
from portal.locales import locale_for
from portal.models import Country, Region, Theme
from portal.params import clean_text, has_control_characters, parse_int

# Further than any listing of the portal reaches (and than a database's offset can count).
MAX_OFFSET = 1_000_000


class PortalPagination(WagtailPagination):
    """Wagtail's ``offset``/``limit`` paging, with the offset capped."""

    def paginate_queryset(self, queryset, request, view=None):
        """Refuses an offset above ``MAX_OFFSET`` (400), then pages as Wagtail does."""
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
        """Refuses control characters in any parameter's name or value (400)."""
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if any(has_control_characters(text) for text in (name, *values)):
                raise BadRequestError(
                    _("%(name)s: control characters are not allowed")
                    % {"name": clean_text(name, max_length=40)}
                )


# ?theme=, ?country=, ?region=: (relation on the page type, term model, the term's key).
TERM_FILTERS = {
    "theme": ("themes", Theme, "slug"),
    "country": ("countries", Country, "iso_code"),
    "region": ("regions", Region, "slug"),
}


def language_codes():
    """The portal's language codes: the prefixes of its URLs and the API's ``locale``."""
    return {code for code, _name in settings.LANGUAGES}


class PortalPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint: only the pages the reader may see, parameters checked,
    listings filtered by taxonomy term, pages found by their public URL."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(TERM_FILTERS)

    def initial(self, request, *args, **kwargs):
        """Activates the language asked for (``?locale=``), so term labels come in it."""
        super().initial(request, *args, **kwargs)
        # Term labels in the language asked for (``?locale=es``); the API has no prefix.
        if request.GET.get("locale") in language_codes():
            translation.activate(request.GET["locale"])

    def get_base_queryset(self):
        """Wagtail's pages, filtered by the access policy for the requesting reader."""
        return visible_pages(super().get_base_queryset(), self.request.user)

    def get_queryset(self):
        """The listing's pages with their locale and their type's ``api_related`` prefetched."""
        queryset = super().get_queryset()
        if self.action != "listing_view":
            return queryset
        # Each item's locale (its meta), and the relations its page type's api_fields read
        # (``api_related``): read once per listing, not once per item.
        queryset = queryset.prefetch_related("locale", *getattr(queryset.model, "api_related", ()))
        for param, (relation, model, key) in TERM_FILTERS.items():
            value = self.request.GET.get(param)
            if value is None:
                continue
            if not any(field.name == relation for field in queryset.model._meta.get_fields()):
                raise BadRequestError(
                    _(
                        "%(param)s: filtering by %(param)s needs a page type that has it, such as type=library.PublicationPage"
                    )
                    % {"param": param}
                )
            # Relations point at the source-language term; any language's key finds it.
            keys = model.objects.filter(**{f"{key}__iexact": value}).values("translation_key")
            if not keys.exists():
                raise BadRequestError(
                    _("%(param)s: there is no %(param)s “%(value)s”")
                    % {"param": param, "value": clean_text(value, max_length=60)}
                )
            queryset = queryset.filter(**{f"{relation}__translation_key__in": keys}).distinct()
        return queryset

    def find_object(self, queryset, request):
        """``?html_path=`` with the public URL, language prefix included (``/es/biblioteca/``):
        the page is routed from that language's home page."""
        path = request.GET.get("html_path")
        site = Site.find_for_request(request)
        if path is None or site is None:
            return super().find_object(queryset, request)
        components = [component for component in path.split("/") if component]
        root = site.root_page
        if components and components[0] in language_codes():
            locale = locale_for(components.pop(0))
            root = root.get_translation_or_none(locale) if locale else None
        if root is None:
            return None
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None

    def get_object(self):
        """The page asked for, or a 404 when the reader may not read it."""
        page = super().get_object()
        if not can_view_page(self.request.user, page):
            raise Http404
        return page


class PortalImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint with the parameters checked."""


def not_found(request, path=""):
    """Any other address under the API: a JSON 404, never the site's HTML pages."""
    return JsonResponse({"message": _("There is no such endpoint.")}, status=404)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
