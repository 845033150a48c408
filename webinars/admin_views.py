"""Staff-only admin views: audience figures per series and webinar, attendance import."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.locales import default_locale

from .attendance import import_attendance
from .forms import AttendanceImportForm
from .models import WebinarPage, WebinarSeriesPage
from .stats import audience_figures, can_see_audience_data


def _require(request):
    if not can_see_audience_data(request.user):
        raise PermissionDenied


def audience_figures_view(request):
    """Audience figures per series and per session (registrations, attendance), for staff
    with the audience-data permission."""
    _require(request)
    locale = default_locale()
    rows = []
    for series in WebinarSeriesPage.objects.filter(locale=locale).order_by("title"):
        sessions = list(WebinarPage.objects.child_of(series).order_by("starts_at"))
        rows.append(
            {
                "series": series,
                "figures": audience_figures([s.translation_key for s in sessions]),
                "sessions": [(s, audience_figures([s.translation_key])) for s in sessions],
            }
        )
    loose = [
        (s, audience_figures([s.translation_key]))
        for s in WebinarPage.objects.filter(locale=locale).order_by("starts_at")
        if not isinstance(s.get_parent().specific, WebinarSeriesPage)
    ]
    return render(
        request,
        "webinars/admin/figures.html",
        {
            "rows": rows,
            "loose": loose,
            "total": audience_figures(
                WebinarPage.objects.values_list("translation_key", flat=True)
            ),
        },
    )


def import_attendance_view(request):
    """Import a conferencing tool's attendance CSV for a session; shows what was matched."""
    _require(request)
    report = None
    if request.method == "POST":
        form = AttendanceImportForm(request.POST, request.FILES)
        if form.is_valid():
            report = import_attendance(
                form.cleaned_data["webinar"], form.cleaned_data["file"].read()
            )
            messages.success(
                request,
                _("%(count)d attendees recorded.") % {"count": report.matched + report.already},
            )
    else:
        form = AttendanceImportForm(initial={"webinar": request.GET.get("webinar")})
    return render(
        request, "webinars/admin/import_attendance.html", {"form": form, "report": report}
    )
