"""StreamField blocks of online communities: concept-note timeline, partners, resource lists."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import BodyBlock


class TypedPageChooserBlock(blocks.PageChooserBlock):
    """A page chooser limited to a page type named by string.

    Wagtail resolves ``page_type`` while making migrations; the webinar and library page
    models live in other apps that may be migrated later, so the migration keeps the
    strings and the models are resolved only when the chooser is used.
    """

    def deconstruct(self):
        path, args, kwargs = super(blocks.PageChooserBlock, self).deconstruct()
        return "wagtail.blocks.PageChooserBlock", args, kwargs


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


class PartnerBlock(blocks.StructBlock):
    """An organisation that sponsors or partners with the community."""

    name = blocks.CharBlock(max_length=200, help_text=_("The organisation's name."))
    role = blocks.ChoiceBlock(
        choices=[("sponsor", _("Sponsor")), ("partner", _("Partner"))],
        default="partner",
        help_text=_("Sponsors found and fund the community; partners contribute to it."),
    )
    url = blocks.URLBlock(required=False, help_text=_("The organisation's website."))

    class Meta:
        icon = "group"
        label = _("Sponsor or partner")


class WebinarListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, help_text=_("For example 'Webinars'."))
    webinars = blocks.ListBlock(
        TypedPageChooserBlock(page_type="webinars.WebinarPage"),
        help_text=_("Webinars to list, in this order."),
    )

    class Meta:
        icon = "media"
        label = _("Webinars")
        template = "community_pages/blocks/page_list_block.html"


class PublicationListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, help_text=_("For example 'Key readings'."))
    publications = blocks.ListBlock(
        TypedPageChooserBlock(page_type="library.PublicationPage"),
        help_text=_("Library publications to list, in this order."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Library publications")
        template = "community_pages/blocks/page_list_block.html"


class ResourceBodyBlock(BodyBlock):
    """The portal's body blocks plus lists of webinars and library publications."""

    webinar_list = WebinarListBlock()
    publication_list = PublicationListBlock()
