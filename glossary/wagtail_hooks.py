"""What the glossary hands to the layers below: its terms in the site search, the
definitions of the terms rich text links to, and its demo content."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from glossary import demo as glossary_demo
from glossary.models import GlossaryTermPage
from glossary.rich_text import TermAwarePageLinkHandler


@hooks.register("register_search_model")
def search_glossary_terms():
    """Registers glossary terms with the site search (type ``glossary_term``): found by their
    name, abbreviation, synonyms and definition, and offered by the header's autocomplete."""
    return {"model": GlossaryTermPage, "label": _("Glossary terms"), "type": "glossary_term"}


@hooks.register("register_rich_text_features", order=100)
def link_terms_with_their_definition(features):
    """Page links in rich text show a glossary term's definition on hover and focus
    (:mod:`glossary.rich_text`). Registered after Wagtail's own features (order 0), whose
    page link handler this one extends, so that it is the one the link type uses."""
    features.register_link_type(TermAwarePageLinkHandler)


@hooks.register("register_demo_content", order=40)
def load_glossary_demo(command):
    """The demo glossary in English, Spanish and French (after the portal's themes)."""
    return glossary_demo.load(command)
