from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from allauth.account.signals import password_reset
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from portal import accounts, moderation, translation

        moderation.register()
        page_published.connect(translation.on_page_published, dispatch_uid="portal_sync_pages")
        post_save.connect(translation.on_snippet_saved, dispatch_uid="portal_sync_snippets")
        password_reset.connect(
            accounts.trust_browser_after_password_reset, dispatch_uid="portal_trust_after_reset"
        )
