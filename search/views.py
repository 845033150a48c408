"""The site search page and the autocomplete endpoint of the header box."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from portal.params import int_param, text_list_param
from search import service


def _language(request):
    return service.content_language(request.GET.get("lang", ""), (get_language() or "en")[:2])


def _cache_headers(request, response, max_age):
    # Results depend on who asks: shared caches may keep only what anonymous readers get.
    # The language is in the address, so the answer does not vary on Accept-Language.
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, max_age=max_age)
    else:
        patch_cache_control(response, public=True, max_age=max_age)
    patch_vary_headers(response, ["Cookie"])
    return response


def search_view(request):
    """The search page: the query's results in the chosen language(s) and types, one page at
    a time; not indexed by robots, and cached by shared caches for anonymous readers only."""
    query = service.clean_query(request.GET.get("q", ""))
    language = _language(request)
    types = text_list_param(request.GET, "type", max_items=10, max_length=40)
    page = int_param(request.GET, "page", 1, 1, service.MAX_PAGES)
    result = service.search(query, request.user, language, types=types, page=page)
    current = (get_language() or "en")[:2]
    context = {
        "query": query,
        "result": result,
        "language": language,
        "current_language": current,
        "all_languages": service.ALL_LANGUAGES,
        "type_filter": types,
    }
    response = render(request, "search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return _cache_headers(request, response, 0 if request.user.is_authenticated else 60)


def autocomplete_view(request):
    """The header box's suggestions for ``q`` in the reader's language, as JSON."""
    query = request.GET.get("q", "")
    language = (get_language() or "en")[:2]
    items = service.autocomplete(query, request.user, language)
    response = JsonResponse({"query": service.clean_query(query)[:100], "results": items})
    return _cache_headers(request, response, 60)
