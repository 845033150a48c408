"""Demo content of the news app: the news section in English, Spanish and French and nine
articles (``news.demo_articles``), three first written in each language and translated into
the other two through wagtail-localize, as a translator would.

Articles point at the source-language taxonomy rows the portal's demo made (terms it does
not find are left out). Running it twice changes nothing: the index and each article are
looked up by slug first, and existing translations are left as they are.
"""

from django.utils.html import escape
from wagtail.models import Page

from portal.demo_utils import demo_index_pages, ensure_locales, segment, translate_instance
from portal.models import Country, HomePage, Region, Theme
from portal.slugs import slug_for

from .demo_articles import ARTICLES, INDEX
from .models import NewsArticlePage, NewsIndexPage


def load(command):
    """Load the news section and its articles in the three languages; no demo accounts."""
    locales = ensure_locales()
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        return []
    indexes = load_index_pages(home, locales)
    made = sum(load_article(data, indexes, locales) for data in ARTICLES)
    made += link_glossary_terms(locales)
    if command is not None:
        command.stdout.write(f"  news: {len(ARTICLES)} articles, {made} pages or translations made")
    return []


# Words of the articles an editor links to the glossary, in each language: (words, slug of
# the English term). The link names the English term page; each reader gets the term in their
# language, with its definition on hover and focus (glossary.rich_text).
TERM_LINKS = {
    "en": ("means test", "means-test"),
    "es": ("comprobación de ingresos", "means-test"),
    "fr": ("condition de ressources", "means-test"),
}


def link_glossary_terms(locales):
    """Link the first use of each of ``TERM_LINKS``'s words in the articles to its glossary
    term (loaded before the news), as an editor would with a page link; returns how many
    articles changed (0 on a second run, or without a glossary)."""
    changed = 0
    for code, (words, slug) in TERM_LINKS.items():
        term = Page.objects.live().filter(locale=locales["en"], slug=slug).first()
        if term is None:
            continue
        for page in NewsArticlePage.objects.filter(locale=locales[code]):
            blocks = list(page.body.raw_data)
            for block in blocks:
                html = block["value"] if block["type"] == "paragraph" else ""
                if words in html and f'id="{term.pk}"' not in html:
                    link = f'<a linktype="page" id="{term.pk}">{words}</a>'
                    block["value"] = html.replace(words, link, 1)
                    page.body = [(b["type"], b["value"]) for b in blocks]
                    page.save_revision().publish()
                    changed += 1
                    break
    return changed


def load_index_pages(home, locales):
    """The news index under the English home page and its Spanish and French translations:
    ``{language code: index page}``."""
    return demo_index_pages(home, locales, NewsIndexPage, "news", INDEX)


def _paragraph(text):
    return [("paragraph", f"<p>{escape(text)}</p>")]


def _terms(data, en):
    return {
        "themes": list(Theme.objects.filter(locale=en, slug__in=data["themes"])),
        "regions": list(Region.objects.filter(locale=en, slug__in=data["regions"])),
        "countries": list(Country.objects.filter(locale=en, iso_code__in=data["countries"])),
    }


def load_article(data, indexes, locales):
    """One article in the language it was written in, then its translations; returns how
    many pages it made (0 on a second run)."""
    code = data["locale"]
    title, summary, body = data["text"][code]
    slug = slug_for(title, "article")
    index = indexes[code]
    page = NewsArticlePage.objects.child_of(index).filter(slug=slug).first()
    made = 0
    if page is None:
        page = NewsArticlePage(
            title=title,
            slug=slug,
            summary=summary,
            body=_paragraph(body),
            date=data["date"],
            author=data["author"],
        )
        for name, terms in _terms(data, locales["en"]).items():
            setattr(page, name, terms)
        index.add_child(instance=page)
        page.save_revision().publish()
        made += 1
    for other, (other_title, other_summary, other_body) in data["text"].items():
        if other == code or page.has_translation(locales[other]):
            continue
        strings = {
            segment(title): segment(other_title),
            segment(page.slug): slug_for(other_title, page.slug),
            segment(summary): segment(other_summary),
            segment(body): segment(other_body),
        }
        translate_instance(page, other, strings)
        made += 1
    return made
