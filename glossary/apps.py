"""The glossary app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    """The glossary app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "glossary"
    label = "glossary"
    verbose_name = _("Glossary")
