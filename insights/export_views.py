"""Admin views of the exports: the page listing those the user may run with their filters,
the download (one GET URL other pages can link to with filters in its query string) and the
export log."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.defaults import permission_denied

from insights.exports import can_run, exports_for, get_export, registered_exports
from insights.models import ExportRecord
from portal.access import is_staff
from portal.exports import streaming_csv_response, xlsx_response
from portal.params import int_param

LOG_PAGE_SIZE = 50
LOG_PERMISSION = "insights.view_exportrecord"


def can_read_log(user):
    """The export log is for active staff holding its view permission."""
    return is_staff(user) and user.has_perm(LOG_PERMISSION)


def forbidden(request):
    """A 403 page. Raising ``PermissionDenied`` in an admin view would send the user to the
    dashboard with a message and a 302, which tells a script or a link checker nothing."""
    return permission_denied(request, PermissionDenied())


def export_form(export, data=None):
    """The filter form of ``export``, its field ids prefixed by its name (the page shows
    several forms with fields of the same name)."""
    return export.form_class(data, auto_id=f"id_{export.name}_%s")


def exports_page(request, refused=None, status=200):
    """The exports ``request.user`` may run, each with its filter form; ``refused`` is an
    ``(export, bound form)`` pair whose filters were refused, shown with its errors."""
    available = exports_for(request.user)
    if not available:
        return forbidden(request)
    refused_export, refused_form = refused or (None, None)
    entries = [
        (export, refused_form if export is refused_export else export_form(export))
        for export in available
    ]
    return TemplateResponse(
        request,
        "insights/exports/index.html",
        {"entries": entries, "can_read_log": can_read_log(request.user)},
        status=status,
    )


def index(request):
    """The exports page."""
    return exports_page(request)


def submitted_filters(form):
    """The filters as chosen (the query string's values of the form's fields), for the log."""
    return {
        name: form.data.getlist(name) if len(form.data.getlist(name)) > 1 else form.data[name]
        for name in form.fields
        if form.data.get(name) not in (None, "")
    }


def counted(rows, record):
    """``rows`` passed on one by one; once the last has gone, the record gets their count."""
    count = 0
    for row in rows:
        count += 1
        yield row
    ExportRecord.objects.filter(pk=record.pk).update(row_count=count)


def download(request, name):
    """The file of export ``name``, filtered by the query string (``format=csv`` or
    ``xlsx``); recorded in the export log. Bad filters give the exports page with the form's
    errors (status 400)."""
    export = get_export(name)
    if export is None:
        raise Http404
    if not can_run(request.user, export):
        return forbidden(request)
    form = export_form(export, request.GET)
    file_format = request.GET.get("format") or ExportRecord.Format.CSV
    valid = form.is_valid()
    if file_format not in ExportRecord.Format.values:
        form.add_error(None, _("Choose CSV or XLSX as the file format."))
        valid = False
    if not valid:
        return exports_page(request, refused=(export, form), status=400)
    record = ExportRecord.objects.create(
        user=request.user,
        username=request.user.get_username(),
        export=export.name,
        filters=submitted_filters(form),
        format=file_format,
    )
    rows = counted(export.rows(form.cleaned_data), record)
    header = [str(heading) for heading in export.header]
    if file_format == ExportRecord.Format.XLSX:
        return xlsx_response(export.filename("xlsx"), header, rows, title=str(export.label))
    return streaming_csv_response(export.filename("csv"), header, rows)


def log(request):
    """Every export run, newest first, 50 a page."""
    if not can_read_log(request.user):
        return forbidden(request)
    records = ExportRecord.objects.all()
    paginator = Paginator(records, LOG_PAGE_SIZE)
    page = paginator.get_page(int_param(request.GET, "p", 1, 1, paginator.num_pages))
    labels = {export.name: export.label for export in registered_exports()}
    return TemplateResponse(
        request,
        "insights/exports/log.html",
        {"page": page, "rows": [(r, labels.get(r.export, r.export)) for r in page]},
    )
