"""Main navigation and footer, edited by editors and translated with wagtail-localize."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin

from portal.blocks import MenuStreamBlock
from portal.locales import active_locale, default_locale
from portal.translation import synchronized, translated


class NavigationMenu(TranslatableMixin, models.Model):
    """A list of links for one place of the layout (main navigation or footer).

    A snippet rather than the page tree so that editors choose exactly what appears and
    translators translate the labels; page links follow the reader's language.
    """

    class Slot(models.TextChoices):
        """The places of the layout a menu fills."""

        MAIN = "main", _("Main navigation")
        FOOTER = "footer", _("Footer")

    slot = models.CharField(
        _("place"),
        max_length=20,
        choices=Slot.choices,
        help_text=_("Where on every page these links appear."),
    )
    items = StreamField(
        MenuStreamBlock(),
        verbose_name=_("links"),
        blank=True,
        help_text=_("The links, in the order they appear."),
    )
    footer_text = RichTextField(
        _("footer text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Only for the footer: a short text such as who runs the portal."),
    )

    panels = [FieldPanel("slot"), FieldPanel("items"), FieldPanel("footer_text")]

    translatable_fields = translated("items", "footer_text") + synchronized("slot")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        unique_together = [("translation_key", "locale"), ("slot", "locale")]

    def __str__(self):
        return f"{self.get_slot_display()} ({self.locale})"

    @classmethod
    def for_slot(cls, slot):
        """The menu of ``slot`` in the active language, else in the default language."""
        menus = {m.locale_id: m for m in cls.objects.filter(slot=slot)}
        if not menus:
            return None
        current = active_locale()
        if current.pk in menus:
            return menus[current.pk]
        default = default_locale()
        return menus.get(default.pk) or next(iter(menus.values()))
