"""Wagtail's document URLs (``/documents/<id>/<name>``) under the access policy.

:func:`check_document_access` is the portal's one ``before_serve_document`` hook
(registered in ``portal.wagtail_hooks``): a document is served to staff and to
readers who may read a live page that uses it (``document_audiences``). Anonymous
readers are sent to log in; anyone else gets the 403 page, saying why in their language.

:func:`serve` is Wagtail's own view with a cache header. A document that public content
uses keeps Wagtail's headers; every other answer (a members-only or community file, a
refusal) is ``private, no-store``, so no shared cache hands it to the next reader. A
community's content is never public for caches, even in an open community: its setting
may change at any moment, and the change takes effect at once.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.documents.views.serve import serve as wagtail_serve

from portal import usage
from portal.access import PUBLIC, can_read_document, document_audiences
from portal.models import DocumentDownload
from portal.params import parse_int

# Set on the request by the hook when public content uses the document being served.
_PUBLIC = "_portal_public_document"


def check_document_access(document, request):
    """None to serve ``document`` to ``request.user``; else a log-in redirect or a 403."""
    audiences = document_audiences(document)
    if PUBLIC in audiences:
        setattr(request, _PUBLIC, True)
        return None
    if can_read_document(request.user, document, audiences):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if audiences:
        # Logged-in readers read members-only content: what is left is a community's.
        reason = _(
            "This document belongs to the content of a community: only its members can open it."
        )
    else:
        reason = _(
            "This document is not part of any published content: only the portal's editors "
            "can open it."
        )
    return render(request, "403.html", {"reason": reason}, status=403)


def serve(request, document_id, document_filename):
    """Wagtail's document view; private for caches unless public content uses the file. An
    id no database column can hold is a 404 (Wagtail would hand thousands of digits to the
    database, and they fail there)."""
    if parse_int(document_id) is None:
        raise Http404
    response = wagtail_serve(request, document_id, document_filename)
    if response.status_code == 200 or (
        response.status_code == 206 and response.get("Content-Range", "").startswith("bytes 0-")
    ):
        # A download counts once per visitor in COUNTER's window; later ranges are the same.
        usage.count_download(
            request, DocumentDownload, f"document:{document_id}", document_id=int(document_id)
        )
    public = getattr(request, _PUBLIC, False) and response.status_code in (200, 206, 304)
    if not public:
        patch_cache_control(response, private=True, no_store=True)
    return response
