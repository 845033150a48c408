"""The search app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search app (label ``portal_search``)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    label = "portal_search"
    verbose_name = _("Search")

    def ready(self):
        """Connects the receivers that index a page again once it is published and keep the
        search's locales in step (the taxonomies' apps connect ``forget_taxonomy``)."""
        # Deferred: app modules import models, which the app registry loads first.
        from wagtail.signals import page_published

        from search import locales  # noqa: F401 (connects its receivers)
        from search.signals import reindex_published_page

        page_published.connect(reindex_published_page, dispatch_uid="search-reindex-published")
