"""The export log: one row for every export run from the admin, for accountability."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportRecord(models.Model):
    """Who exported what, when, with which filters, in which format and how many rows.

    Written when the export starts (the row count is filled in once the last row is sent), so
    an export that is interrupted is on record too. The user is kept by reference and by
    name: deleting an account must not erase what it exported. Its ``Meta.permissions`` are
    the permissions each export asks for (``insights.exports``)."""

    class Format(models.TextChoices):
        """The file formats an export is sent in."""

        CSV = "csv", _("CSV")
        XLSX = "xlsx", _("Spreadsheet (XLSX)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("username"), max_length=150)
    created_at = models.DateTimeField(_("exported at"), auto_now_add=True, db_index=True)
    export = models.CharField(_("export"), max_length=60)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    format = models.CharField(_("format"), max_length=8, choices=Format.choices)
    row_count = models.PositiveIntegerField(_("rows"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("export record")
        verbose_name_plural = _("export records")
        default_permissions = ("view",)
        permissions = [
            ("export_members", _("Can export members and community memberships")),
            ("export_webinars", _("Can export webinar registrations and attendance")),
            ("export_publications", _("Can export publications")),
            ("export_usage", _("Can export usage statistics")),
        ]

    def __str__(self):
        return f"{self.export} ({self.format}) · {self.username} · {self.created_at:%Y-%m-%d %H:%M}"
