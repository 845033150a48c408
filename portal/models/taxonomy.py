"""Taxonomy shared by every app: themes (hierarchical), regions and countries.

Each term is a translatable snippet: one row per locale sharing a ``translation_key``, so
wagtail-localize translates labels and a reader browsing in Spanish sees Spanish labels.
Relations from content point at the source-locale row; ``localized`` gives the label.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from portal.labels import term_label, track_labels
from portal.terms import SourceTermsModelForm
from portal.translation import synchronized, translated


class Region(TranslatableMixin, index.Indexed, models.Model):
    """A world region that groups countries (for example Sub-Saharan Africa)."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The region's name."))
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in filter URLs; the same in every language.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    translatable_fields = translated("name") + synchronized("slug")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Country(TranslatableMixin, index.Indexed, models.Model):
    """A country identified by its ISO 3166-1 alpha-2 code."""

    name = models.CharField(_("name"), max_length=120, help_text=_("The country's name."))
    iso_code = models.CharField(
        _("ISO code"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code, for example BR.")
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="countries",
        help_text=_("The world region this country belongs to."),
    )

    panels = [FieldPanel("name"), FieldPanel("iso_code"), FieldPanel("region")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    translatable_fields = translated("name") + synchronized("iso_code", "region")
    base_form_class = SourceTermsModelForm

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("iso_code", "locale")]

    def __str__(self):
        return self.name


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A theme of the taxonomy; themes nest (Social assistance > Cash transfers)."""

    name = models.CharField(_("name"), max_length=160, help_text=_("The theme's label."))
    slug = models.SlugField(
        _("slug"), max_length=160, help_text=_("Used in filter URLs; the same in every language.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a top-level theme."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences shown on theme pages.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    translatable_fields = translated("name", "description") + synchronized("slug", "parent")
    base_form_class = SourceTermsModelForm

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        if self.parent_id:  # the parent is a source-language row: label it in this row's
            return f"{term_label(self.parent, self.locale.language_code)} › {self.name}"
        return self.name

    def descendant_keys(self):
        """Translation keys of this theme and every theme below it (for hierarchical filters)."""
        keys = {self.translation_key}
        frontier = [self.pk]
        while frontier:
            children = list(
                Theme.objects.filter(parent_id__in=frontier).values_list("pk", "translation_key")
            )
            frontier = [pk for pk, _key in children]
            keys.update(key for _pk, key in children)
        return keys


for _model in (Region, Country, Theme):
    track_labels(_model)
