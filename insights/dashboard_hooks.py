"""The staff dashboard's admin URL and menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from insights import demo
from insights.dashboard_views import usage_dashboard
from portal.access import is_staff


class StaffMenuItem(MenuItem):
    """A menu item shown to platform staff only."""

    def is_shown(self, request):
        return is_staff(request.user)


@hooks.register("register_admin_urls")
def dashboard_urls():
    """The dashboard's address in the admin."""
    return [path("insights/usage/", usage_dashboard, name="insights_dashboard")]


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    """The dashboard in the admin menu, for staff."""
    return StaffMenuItem(
        _("Usage and activity"), reverse("insights_dashboard"), icon_name="table", order=440
    )


@hooks.register("register_demo_content", order=90)
def load_usage_demo(command):
    """A year of page views and downloads for the dashboard (after every app's content)."""
    return demo.load(command)
