"""The database down: a translated 503 maintenance page instead of a traceback per request.

When PostgreSQL cannot be reached (or drops the connection), every request that touches the
database fails with ``OperationalError`` or ``InterfaceError``: Django's, or psycopg's own
where code talks to psycopg directly. ``DatabaseUnavailableMiddleware`` turns such an error,
raised by a view or while its template response renders, into ``maintenance_response``;
``portal.views.server_error`` (handler500) does the same for one raised by a middleware.

The maintenance page is rendered without the database: a static template with no request
context (so no context processors, menus or settings that query), in the language of the
URL's prefix or of the browser (``Accept-Language``, the language cookie). It says when to
come back (``Retry-After``, ``DATABASE_RETRY_AFTER`` seconds) and is never cached. The failure
is logged through ``portal.outages``, whose filter lets one record through per
``FAILURE_LOG_INTERVAL``; so are Django's own records of those 503 responses
(``django.request``).
"""

import logging

import psycopg
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)


def is_database_unavailable(error):
    """Is ``error`` the database failing to answer: the connection refused or lost, or a
    transient failure such as a timeout (rather than a bug in a query, ProgrammingError or
    IntegrityError)? With DEBUG on, Django's debug page shows every error as it is."""
    return isinstance(error, DATABASE_ERRORS) and not settings.DEBUG


def maintenance_language(request):
    """The language of the maintenance page: the URL's prefix, else the browser's."""
    return translation.get_language_from_request(request, check_path=True)


def maintenance_response(request, error):
    """The 503 maintenance page for ``request``, after logging ``error`` (once per interval)."""
    logger.error(
        "Database unavailable; answering %s with the maintenance page.",
        request.path,
        exc_info=error,
    )
    language = maintenance_language(request)
    with translation.override(language):
        html = render_to_string("portal/maintenance.html", {"language_code": language})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER)
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Answer the maintenance page when a view or its template fails to reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        """The maintenance page for an error reaching the database; other errors pass on."""
        if is_database_unavailable(exception):
            return maintenance_response(request, exception)
        return None
