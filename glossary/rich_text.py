"""Links to glossary terms in rich text: Wagtail's page links, and, where the page linked to
is a term, its definition as a tooltip.

Editors link a word of any rich text (a publication's abstract, a news article, another
term's definition) to its term with the editor's ordinary page link. Rendered, the link
carries ``class="term-link"`` and the start of the term's definition in ``data-definition``;
the portal's stylesheet shows it beside the word on hover and on keyboard focus, with no
JavaScript, and the link itself leads to the whole definition. Only terms anyone may read
lend their definition: the text is copied into pages whose readers are not known here.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from wagtail.rich_text.pages import PageLinkHandler

from glossary.models import GlossaryTermPage
from portal.access import can_view_page

# How much of a definition the tooltip shows (the term's page has the rest).
TOOLTIP_WORDS = 30


def tooltip_text(term):
    """The start of ``term``'s definition, as plain text."""
    return Truncator(strip_tags(term.definition or "")).words(TOOLTIP_WORDS, truncate="…")


class TermAwarePageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler (same URLs, same batched queries) that marks links to
    glossary terms with their definition."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        """One opening tag per link: Wagtail's for pages, with the tooltip for terms."""
        tags = []
        for page in cls.get_many(attrs_list):
            if page is None:
                tags.append("<a>")
                continue
            page = page.localized
            href = escape(page.url)
            # The rich text may be read by anyone: only a definition anyone may read is
            # copied into it (a restricted term keeps its plain link).
            if isinstance(page, GlossaryTermPage) and can_view_page(AnonymousUser(), page):
                tags.append(
                    f'<a href="{href}" class="term-link" '
                    f'data-definition="{escape(tooltip_text(page))}">'
                )
            else:
                tags.append(f'<a href="{href}">')
        return tags
