"""The staff dashboard in the Wagtail admin (``insights.dashboard`` computes its figures)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from insights import dashboard
from portal.access import is_staff
from webinars.stats import can_see_audience_data


def usage_dashboard(request):
    """Views, downloads, members, communities, webinars and the library, for the range and
    filters chosen; staff only (webinar audiences for those who may see them)."""
    if not is_staff(request.user):
        raise PermissionDenied
    form = dashboard.DashboardForm(request.GET or None)
    filters = form.filters()
    context = {
        "form": form,
        "filters": filters,
        "usage": dashboard.usage_over_time(filters),
        "top_pages": dashboard.top_pages(filters),
        "top_downloads": dashboard.top_downloads(filters),
        "top_files": dashboard.top_files(filters),
        "members": dashboard.members_by_month(filters.end),
        "communities": dashboard.communities(filters),
        "wait_days": settings.COMMUNITY_REQUEST_WAIT_DAYS,
        "publications": dashboard.publications_by_month(filters.end),
        "publication_types": dashboard.publications_by_type(filters),
        "submissions_waiting": dashboard.submissions_waiting(),
        "show_webinars": can_see_audience_data(request.user),
        "page_title": _("Usage and activity"),
    }
    if context["show_webinars"]:
        context["webinars"] = dashboard.webinars(filters)
    return TemplateResponse(request, "insights/dashboard.html", context)
