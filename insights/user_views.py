"""The admin's users listing with the fields its CSV and XLSX exports hold.

Wagtail's own ``UserViewSet`` declares no ``list_export``, so ``/admin/users/?export=csv``
wrote one empty line per user: its spreadsheet mixin writes the fields of ``list_export``,
and there were none. The account fields below are what staff managing accounts see on the
listing and the edit form; profile details are in the members export (``insights.exports``),
under its own permission."""

from django.utils.translation import gettext_lazy as _
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class UserViewSet(WagtailUserViewSet):
    """Wagtail's users viewset, its listing exporting the accounts' fields."""

    list_export = [
        "username",
        "first_name",
        "last_name",
        "email",
        "is_active",
        "is_staff",
        "is_superuser",
        "date_joined",
        "last_login",
    ]
    export_headings = {
        "username": _("Username"),
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "email": _("Email"),
        "is_active": _("Active"),
        "is_staff": _("Staff"),
        "is_superuser": _("Administrator"),
        "date_joined": _("Joined"),
        "last_login": _("Last login"),
    }
    export_filename = "users"
