"""Wagtail hooks of the exports: the admin URLs, the "Exports" menu item (for those who may
run one), the one-click members export on the community health page, and the Wagtail users
listing's export."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from community_pages.models import Membership
from insights import export_views
from insights.exports import MEMBERSHIPS, can_run, exports_for


@hooks.register("register_admin_urls")
def export_admin_urls():
    """The exports page, the export log and each export's download."""
    return [
        path("exports/", export_views.index, name="insights_exports"),
        path("exports/log/", export_views.log, name="insights_export_log"),
        path("exports/<slug:name>/", export_views.download, name="insights_export"),
    ]


class ExportsMenuItem(MenuItem):
    """Shown to those who may run at least one export."""

    def is_shown(self, request):
        """Shown to users who may run an export."""
        return bool(exports_for(request.user))


@hooks.register("register_admin_menu_item")
def exports_menu_item():
    """The admin menu item of the exports page."""
    return ExportsMenuItem(
        _("Exports"), reverse("insights_exports"), icon_name="download", order=460
    )


def export_url(export, **filters):
    """The download URL of ``export`` with ``filters`` (and ``format``) in its query string."""
    return reverse("insights_export", args=[export.name]) + "?" + urlencode(filters)


@hooks.register("community_health_row_links")
def community_members_export(request, community):
    """The community's active members as a spreadsheet, for those who may export members."""
    if not can_run(request.user, MEMBERSHIPS):
        return []
    url = export_url(
        MEMBERSHIPS,
        community=community.canonical_pk,
        status=Membership.Status.ACTIVE,
        format="xlsx",
    )
    return [(_("Export members"), url)]
