"""StreamField blocks of online communities: concept-note timeline, resource lists."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import BodyBlock


class TimelineActivityBlock(blocks.StructBlock):
    """One line of the engagement strategy's timeline: when, and what happens."""

    period = blocks.CharBlock(
        max_length=80, help_text=_("When, for example 'May 2018' or 'June–July'.")
    )
    activity = blocks.TextBlock(help_text=_("What the community does in this period."))
    kind = blocks.ChoiceBlock(
        required=False,
        choices=[
            ("webinar", _("Webinar")),
            ("meeting", _("Online meeting")),
            ("discussion", _("Discussion")),
            ("publication", _("Joint publication")),
            ("recruitment", _("Inviting new members")),
            ("other", _("Other")),
        ],
        help_text=_("The kind of activity, used to label it."),
    )

    class Meta:
        icon = "date"
        label = _("Activity")


class WebinarListBlock(blocks.StructBlock):
    """Webinars listed on a community page (each shown only to readers who may see it)."""

    heading = blocks.CharBlock(required=False, help_text=_("For example 'Webinars'."))
    webinars = blocks.ListBlock(
        blocks.PageChooserBlock(),
        help_text=_("Webinar pages to list, in this order."),
    )

    class Meta:
        icon = "media"
        label = _("Webinars")
        template = "community_pages/blocks/page_list_block.html"


class PublicationListBlock(blocks.StructBlock):
    """Library publications listed on a community page (filtered by the access policy)."""

    heading = blocks.CharBlock(required=False, help_text=_("For example 'Key readings'."))
    publications = blocks.ListBlock(
        blocks.PageChooserBlock(),
        help_text=_("Library publication pages to list, in this order."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Library publications")
        template = "community_pages/blocks/page_list_block.html"


class ResourceBodyBlock(BodyBlock):
    """The portal's body blocks plus lists of webinars and library publications."""

    webinar_list = WebinarListBlock()
    publication_list = PublicationListBlock()
