"""What members follow: a theme, a country, an organisation, a programme, a community, a
discussion or another member (``portal.following`` names the kinds the apps register)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """A member following one thing, named by its kind and a key that stays the same across
    its translations (a translation key, or a row's id for what is not translated)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    kind = models.CharField(_("kind"), max_length=30)
    key = models.CharField(_("key"), max_length=64)
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="portal_follow_once")
        ]
        indexes = [models.Index(fields=["kind", "key"], name="portal_follow_target")]

    def __str__(self):
        return f"{self.user_id} follows {self.kind}:{self.key}"
