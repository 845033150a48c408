"""The programmes app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    """The programmes app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "programmes"
    label = "programmes"
    verbose_name = _("Programmes")
