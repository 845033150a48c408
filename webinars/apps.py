"""The webinars app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebinarsConfig(AppConfig):
    """The webinars app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "webinars"
    label = "webinars"
    verbose_name = _("Webinars")

    def ready(self):
        """Connects the announcement of a published session to its series' followers."""
        from wagtail.signals import page_published

        from .models import WebinarPage
        from .notifications import on_page_published

        page_published.connect(
            on_page_published, sender=WebinarPage, dispatch_uid="webinars_announce"
        )
