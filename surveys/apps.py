"""The surveys app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    """The surveys app: members' surveys of a community or of the whole membership."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "surveys"
    label = "surveys"
    verbose_name = _("Surveys")
