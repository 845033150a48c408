"""The portal app's configuration: signal receivers and the site's name."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def name_the_site(**kwargs):
    """Django's ``Site`` (what allauth's emails call the portal) carries the portal's name
    and public host, from ``SITE_NAME`` and ``BASE_URL``, after every migrate."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc or "localhost"
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.WAGTAIL_SITE_NAME}
    )


class PortalConfig(AppConfig):
    """The portal app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        """Puts in the portal's moderation emails and connects translation syncing, the site's
        naming after ``migrate``, the answers kept per request and the trust of a browser after a password reset."""
        from allauth.account.signals import password_reset
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published

        from portal import (
            access,
            accounts,
            locales,
            moderation,
            page_cache,
            request_memo,
            translation,
        )

        moderation.register()
        page_cache.connect()
        request_memo.connect()
        locales.connect()
        for signal in (post_save, post_delete):
            signal.connect(
                access.forget_view_restrictions,
                sender=PageViewRestriction,
                dispatch_uid=f"portal_view_restrictions_{signal is post_save}",
            )
        page_published.connect(translation.on_page_published, dispatch_uid="portal_sync_pages")
        post_save.connect(translation.on_snippet_saved, dispatch_uid="portal_sync_snippets")
        post_migrate.connect(name_the_site, sender=self, dispatch_uid="portal_name_the_site")
        password_reset.connect(
            accounts.trust_browser_after_password_reset, dispatch_uid="portal_trust_after_reset"
        )
