"""The news app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """The news app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    label = "news"
    verbose_name = _("News")
