from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from allauth.account.signals import password_reset

        from portal import accounts, moderation

        moderation.register()
        password_reset.connect(
            accounts.trust_browser_after_password_reset, dispatch_uid="portal_trust_after_reset"
        )
