"""Wagtail hooks: page serving asks the access policy."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from wagtail import hooks

from community_pages.access import can_view_page


@hooks.register("before_serve_page")
def check_access_policy(page, request, serve_args, serve_kwargs):
    if can_view_page(request.user, page):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied
