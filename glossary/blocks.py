"""The glossary's StreamField blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SourceBlock(blocks.StructBlock):
    """Where a definition comes from: a publication or glossary page, with its address."""

    title = blocks.CharBlock(
        help_text=_("The source as readers see it, e.g. “ILO, World Social Protection Report”.")
    )
    url = blocks.URLBlock(help_text=_("The source's public web address."))

    class Meta:
        icon = "link"
        label = _("Source")
