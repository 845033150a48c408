"""Views of the library outside page serving: counted downloads, citation exports,
the member submission form and the staff report of downloads.

Each asks the access policy (``portal.access``) before showing anything.
"""

import datetime
import mimetypes
import os
import re
from email.utils import formatdate

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q, Sum
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.text import slugify
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from library import citations
from library.models import DownloadCount, LibraryIndexPage, PublicationFile, PublicationPage
from library.submissions import SubmissionForm, submit_publication
from portal import ratelimits, usage
from portal.access import can_view_page
from portal.params import parse_int

RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _check_access(request, publication):
    """None if ``request.user`` may read ``publication``; else a login redirect or 403."""
    if not publication.live:
        raise Http404
    if can_view_page(request.user, publication):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def download(request, file_id):
    """Serve a publication's file, counting the download (once per download, not per range).

    Keeps browser caching (ETag and Last-Modified, answered with 304) and range requests
    (206 with Content-Range) working; members-only files are marked private for caches.
    """
    item = get_object_or_404(PublicationFile.objects.select_related("document", "page"), pk=file_id)
    publication = item.page.specific
    denied = _check_access(request, publication)
    if denied:
        return denied
    document = item.document
    try:
        path = document.file.path
        stat = os.stat(path)
    except (NotImplementedError, OSError, ValueError) as exc:
        raise Http404 from exc

    etag = quote_etag(document.file_hash or f"{int(stat.st_mtime)}-{stat.st_size}")
    last_modified = http_date(stat.st_mtime)
    cache_control = "private, max-age=3600" if publication.members_only else "public, max-age=3600"
    if_none_match = request.headers.get("If-None-Match")
    if_modified_since = parse_http_date_safe(request.headers.get("If-Modified-Since") or "")
    if (if_none_match and etag in [t.strip() for t in if_none_match.split(",")]) or (
        not if_none_match and if_modified_since and int(stat.st_mtime) <= if_modified_since
    ):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        response["Cache-Control"] = cache_control
        return response

    size = stat.st_size
    content_type = (
        document.content_type or mimetypes.guess_type(path)[0] or "application/octet-stream"
    )
    start, end = 0, size - 1
    partial = False
    range_header = request.headers.get("Range", "")
    if_range = request.headers.get("If-Range")
    match = RANGE_RE.match(range_header.strip())
    if match and size and (not if_range or if_range in (etag, last_modified)):
        # Positions past the end are capped to it, however many digits they have.
        first, last = match.groups()
        if first == "" and last == "":
            match = None
        elif first == "":
            start, end = size - parse_int(last, 0, 0, size), size - 1
        else:
            start = parse_int(first, 0, 0, size)
            end = parse_int(last, size - 1, 0, size - 1)
        if match and start > end or start >= size:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        partial = match is not None

    # A download counts once per visitor and item in COUNTER's double-click window, never for
    # a robot (portal.usage); a later range of the same file is the same download.
    if (not partial or start == 0) and usage.counts(request, f"document:{document.pk}"):
        DownloadCount.record(publication, document, usage.reader_country(request))

    handle = open(path, "rb")  # noqa: SIM115 - FileResponse closes it
    if partial:
        handle.seek(start)
        response = FileResponse(_limited(handle, end - start + 1), content_type=content_type)
        response.status_code = 206
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    else:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
    response["Content-Disposition"] = document.content_disposition
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def _limited(handle, length, chunk=64 * 1024):
    try:
        while length > 0:
            data = handle.read(min(chunk, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        handle.close()


def citation(request, page_id, fmt):
    """The citation of a publication as a BibTeX (``bib``), RIS (``ris``) or CSL-JSON
    (``json``, for Zotero) file; its URL is the page's, in its language, at ``BASE_URL``."""
    page_id = parse_int(page_id)
    if page_id is None:  # more digits than any id
        raise Http404
    publication = get_object_or_404(PublicationPage.objects.live(), pk=page_id)
    denied = _check_access(request, publication)
    if denied:
        return denied
    url = citations.citation_url(publication)
    filename = slugify(publication.title)[:60] or "publication"
    if fmt == "bib":
        body = citations.bibtex(publication, url)
        response = HttpResponse(body, content_type="application/x-bibtex; charset=utf-8")
    elif fmt == "json":
        body = citations.csl_json(publication, url)
        response = HttpResponse(body, content_type="application/vnd.citationstyles.csl+json")
    else:
        body = citations.ris(publication, url)
        response = HttpResponse(
            body, content_type="application/x-research-info-systems; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    if publication.members_only:
        response["Cache-Control"] = "private"
    response["Last-Modified"] = (
        formatdate(
            (publication.last_published_at or publication.first_published_at).timestamp(),
            usegmt=True,
        )
        if (publication.last_published_at or publication.first_published_at)
        else ""
    )
    return response


@login_required
def submit(request):
    """The member submission form: a bad upload is a form error, nothing saved half-way."""
    index = (
        LibraryIndexPage.objects.filter(locale__language_code=translation.get_language()).first()
        or LibraryIndexPage.objects.first()
    )
    if index is None:
        raise Http404
    submitted = None
    status = 200
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES)
        if form.is_valid() and not ratelimits.allow(request, "library_submit"):
            # The text fields come back as typed; the file has to be chosen again.
            ratelimits.refuse_form(form)
            status = ratelimits.TOO_MANY_REQUESTS
        elif form.is_valid():
            submitted = submit_publication(form.cleaned_data, request.user, index)
            form = None
        else:
            status = 400
    else:
        form = SubmissionForm()
    return render(
        request,
        "library/submit.html",
        {"form": form, "submitted": submitted, "library_url": index.url},
        status=status,
    )


class MostDownloadedReportView(ReportView):
    """Staff report: publications ranked by downloads (all time and the last 30 days)."""

    page_title = gettext_lazy("Most downloaded publications")
    header_icon = "download"
    columns = [
        TitleColumn("title", label=gettext_lazy("Title"), url_name="wagtailadmin_pages:edit"),
        Column("language", label=gettext_lazy("Language"), accessor="locale.language_code"),
        Column("total_downloads", label=gettext_lazy("Downloads")),
        Column("recent_downloads", label=gettext_lazy("Downloads in the last 30 days")),
    ]
    index_url_name = "library_downloads_report"
    index_results_url_name = "library_downloads_report_results"
    list_export = ["title", "locale.language_code", "total_downloads", "recent_downloads"]
    export_headings = {
        "title": gettext_lazy("Title"),
        "locale.language_code": gettext_lazy("Language"),
        "total_downloads": gettext_lazy("Downloads"),
        "recent_downloads": gettext_lazy("Downloads in the last 30 days"),
    }
    paginate_by = 50

    def get_queryset(self):
        """Publications downloaded at least once, with their downloads in all and in the last 30
        days, most downloaded first."""
        since = timezone.localdate() - datetime.timedelta(days=30)
        return (
            PublicationPage.objects.annotate(
                total_downloads=Sum("download_counts__count"),
                recent_downloads=Sum(
                    "download_counts__count", filter=Q(download_counts__day__gte=since)
                ),
            )
            .filter(total_downloads__gt=0)
            .select_related("locale")
            .order_by("-total_downloads", "title")
        )
