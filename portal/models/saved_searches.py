"""Searches members save, each with its own alert frequency (``portal.saved_searches``
names the scopes the apps register: the library's listing, the site search)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AlertFrequency(models.TextChoices):
    """How often a member hears of new results of one saved search."""

    IMMEDIATELY = "immediately", _("As soon as there are new results")
    DAILY = "daily", _("In my daily digest")
    WEEKLY = "weekly", _("Once a week")
    NEVER = "never", _("Never: I will look myself")


class SavedSearch(models.Model):
    """One search a member saved: its scope (a registered search: the library, the site
    search), the reader's language and the search's normalised query string."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    scope = models.CharField(_("search"), max_length=30)
    name = models.CharField(_("name"), max_length=120)
    language = models.CharField(_("language"), max_length=10)
    params = models.CharField(_("query"), max_length=2000, blank=True)
    frequency = models.CharField(
        _("alerts"), max_length=12, choices=AlertFrequency.choices, default=AlertFrequency.WEEKLY
    )
    created_at = models.DateTimeField(_("saved on"), auto_now_add=True)
    # Results published after this are new: moved on by each alert and when the member
    # opens the search from their list.
    new_since = models.DateTimeField(_("new since"), default=timezone.now)
    alerted_at = models.DateTimeField(_("last alert checked"), null=True, blank=True)
    # What a scope without publication dates remembers of the results already seen (keys).
    seen = models.JSONField(_("results seen"), default=list, blank=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "scope", "language", "params"], name="portal_savedsearch_once"
            )
        ]
        indexes = [models.Index(fields=["frequency"], name="portal_savedsearch_frequency")]

    def __str__(self):
        return self.name
