"""Page views, counted by the portal itself (``portal.usage``): no analytics service, no
script in the reader's browser, nothing personal kept."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DailyCount(models.Model):
    """How many times one item (named by the subclass's ``item_field``, a foreign key) was
    read or downloaded on one day by readers of one country: the ISO code of a member's
    country where a member who gave one did, else empty. Written by
    ``portal.usage.add_to_count``; nothing else about a reader is kept."""

    item_field = ""

    day = models.DateField(_("day"), default=timezone.localdate)
    country = models.CharField(_("country"), max_length=2, blank=True, default="")
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        abstract = True

    def __str__(self):
        item = getattr(self, f"{self.item_field}_id")
        return f"{item} {self.day} {self.country or '-'}: {self.count}"


class PageView(DailyCount):
    """How many times a page was read on one day by readers of one country.

    The language is the page's own (each translation is a page of its own). ``country`` is
    the ISO code of the member's country where a member who gave one read it, else empty:
    an anonymous reader's country is never guessed. Nothing else about a reader is kept.
    """

    item_field = "page"

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views")
        verbose_name_plural = _("page views")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "day", "country"], name="portal_page_view_per_day"
            )
        ]
        indexes = [models.Index(fields=["day", "page"], name="portal_page_view_day")]


class DocumentDownload(DailyCount):
    """How many times a document of the admin's document library (a session's slides, a
    hosted recording, a file linked from a page) was downloaded on one day, by readers of one
    country (a member's, where known; else empty). Publications' files are counted by the
    library (``library.DownloadCount``), through their own download view."""

    item_field = "document"

    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )

    class Meta:
        verbose_name = _("document downloads")
        verbose_name_plural = _("document downloads")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "day", "country"], name="portal_document_download_per_day"
            )
        ]
