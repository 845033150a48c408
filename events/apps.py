"""The events app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The events app: the portal-wide calendar of events, webinars and community events."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    label = "events"
    verbose_name = _("Events")
