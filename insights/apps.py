"""The insights app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """The platform team's instruments in the Wagtail admin: the usage dashboard, exports and
    the moderation queue. It reads every app below it and nothing imports it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insights"
    label = "insights"
    verbose_name = _("Insights")
