"""Wagtail's users app with the portal's user viewset (``insights.user_views``), the public way
Wagtail offers to change its users listing: INSTALLED_APPS names this config instead of
``wagtail.users``. It lives apart from ``insights.apps`` because Django picks an app's
default config from the AppConfig classes of its ``apps`` module."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    """``wagtail.users`` whose users listing exports its columns (``UserViewSet``)."""

    user_viewset = "insights.user_views.UserViewSet"
