"""The communities app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityPagesConfig(AppConfig):
    """The online communities app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community_pages"
    label = "community_pages"
    verbose_name = _("Online communities")

    def ready(self):
        """Connects the app's signal handlers."""
        from community_pages import signals  # noqa: F401
