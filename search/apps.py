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
        """Connects the receivers that forget cached taxonomy terms when a theme, country or
        organisation changes, and index a page again once it is published."""
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from search import locales  # noqa: F401 (connects its receivers)
        from search.service import _taxonomy_models, forget_taxonomy
        from search.signals import reindex_published_page

        for _kind, _label, model, _key in _taxonomy_models():
            post_save.connect(forget_taxonomy, sender=model, dispatch_uid=f"search-{model}")
            post_delete.connect(forget_taxonomy, sender=model, dispatch_uid=f"search-d-{model}")
        page_published.connect(reindex_published_page, dispatch_uid="search-reindex-published")
