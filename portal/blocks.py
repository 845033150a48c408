"""StreamField blocks shared by every page type of the portal."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    """An image with an optional caption; the alt text comes from the image's own field."""

    image = ImageChooserBlock(help_text=_("The image's description is used as its alt text."))
    caption = blocks.CharBlock(required=False, help_text=_("Shown under the image."))

    class Meta:
        icon = "image"
        template = "portal/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation with an optional attribution."""

    text = blocks.TextBlock(help_text=_("The quotation, without quotation marks."))
    attribution = blocks.CharBlock(required=False, help_text=_("Who said or wrote it."))

    class Meta:
        icon = "openquote"
        template = "portal/blocks/quote_block.html"


# Parts of the portal that are views, not pages: a link to one follows the reader's
# language and the portal's address, wherever it runs (no host in the content).
PORTAL_VIEWS = [
    ("account_signup", _("Sign up")),
    ("account_login", _("Log in")),
    ("search:search", _("Search")),
    ("portal:profile", _("Your profile")),
    ("portal:notification_settings", _("Notification settings")),
    ("library:submit", _("Propose a publication")),
]


class LinkBlock(blocks.StructBlock):
    """A link to a page of the portal or to another site, with its own label."""

    label = blocks.CharBlock(help_text=_("The text readers see and click."))
    page = blocks.PageChooserBlock(
        required=False, help_text=_("A page of this portal. Leave empty to use a web address.")
    )
    view = blocks.ChoiceBlock(
        choices=PORTAL_VIEWS,
        required=False,
        help_text=_("A part of the portal that is not a page (signing up, searching)."),
    )
    url = blocks.URLBlock(
        required=False, help_text=_("A web address, used when no page or part is chosen.")
    )

    class Meta:
        icon = "link"

    def clean(self, value):
        """Requires a page, a part of the portal or a web address."""
        value = super().clean(value)
        if not value.get("page") and not value.get("view") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(
                        _("Choose a page or a part of the portal, or give a web address.")
                    )
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    """A heading, a sentence or two and a button link."""

    heading = blocks.CharBlock(help_text=_("A short line that invites the reader to act."))
    text = blocks.TextBlock(required=False, help_text=_("One or two sentences of context."))
    link = LinkBlock(help_text=_("Where the button leads."))

    class Meta:
        icon = "pick"
        template = "portal/blocks/call_to_action_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document of the library of documents, with an optional label."""

    document = DocumentChooserBlock(help_text=_("A document from the document library."))
    label = blocks.CharBlock(
        required=False, help_text=_("Link text. Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        template = "portal/blocks/document_link_block.html"


class VideoEmbedBlock(EmbedBlock):
    """An embedded video; when no embed can be built offline it shows a plain link."""

    class Meta:
        icon = "media"
        template = "portal/blocks/embed_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of standard pages and of the apps' pages."""

    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        template="portal/blocks/heading_block.html",
        help_text=_("A section heading (shown as a level-2 heading)."),
    )
    paragraph = blocks.RichTextBlock(
        features=["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"],
        help_text=_("Text with headings, lists and links."),
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = VideoEmbedBlock(help_text=_("A YouTube or Vimeo address, or another embeddable page."))
    table = TableBlock(template="portal/blocks/table_block.html")
    document = DocumentLinkBlock()


class MenuGroupBlock(blocks.StructBlock):
    """A labelled group of links (a pillar of the portal: Discover, Connect…), which the
    main navigation opens as a list under its label."""

    label = blocks.CharBlock(help_text=_("The group's name, for example Discover."))
    links = blocks.ListBlock(LinkBlock(), min_num=1, help_text=_("The group's links."))

    class Meta:
        icon = "folder-open-inverse"


class MenuStreamBlock(blocks.StreamBlock):
    """The links of a navigation menu, alone or in groups."""

    link = LinkBlock()
    group = MenuGroupBlock()
