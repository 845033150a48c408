"""Demo content of the glossary: the glossary index under each language's home page and the
terms of ``glossary.demo_terms``, written in English and translated into Spanish and French
through wagtail-localize, as the library's demo translates its publications.

Running it twice changes nothing: the English pages are looked up by slug, related terms are
set only when they differ, and existing translations are left alone.
"""

from wagtail_localize.strings import StringValue

from glossary.demo_terms import TERMS
from glossary.models import GlossaryIndexPage, GlossaryTermPage
from portal.demo_utils import ensure_locales, translate_instance
from portal.models import HomePage, Theme
from portal.slugs import slug_for

INDEX = {
    "title": "Glossary",
    "introduction": "The words of social protection, from means test to universal basic "
    "income: what each means, where the definition comes from and which terms are related.",
}
INDEX_ES = {
    "Glossary": "Glosario",
    INDEX["introduction"]: "Las palabras de la protección social, de la comprobación de medios "
    "a la renta básica universal: qué significa cada una, de dónde viene la definición y qué "
    "términos se relacionan.",
}
INDEX_FR = {
    "Glossary": "Glossaire",
    INDEX["introduction"]: "Les mots de la protection sociale, de l'examen des ressources au "
    "revenu de base universel : ce que chacun signifie, d'où vient la définition et quels "
    "termes s'y rattachent.",
}


def load(command):
    """Load the demo glossary: the index pages, the English terms and their translations."""
    locales = ensure_locales()
    index = load_index_pages(locales)
    pages, created = load_terms(index, locales)
    related = link_related_terms(pages)
    translated = load_translations(pages, locales)
    command.stdout.write(
        f"  glossary: {created} terms created, {related} cross-referenced, "
        f"{translated} translations made"
    )
    return []


def load_index_pages(locales):
    """The glossary index under the English home, with its Spanish and French translations."""
    home = HomePage.objects.get(locale=locales["en"])
    index = GlossaryIndexPage.objects.filter(locale=locales["en"]).first()
    if index is None:
        index = GlossaryIndexPage(slug="glossary", **INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
    for code, strings in (("es", INDEX_ES), ("fr", INDEX_FR)):
        if not index.has_translation(locales[code]):
            translate_instance(index, code, _segments(strings))
    return index


def _segment(text):
    """A plain-text field as wagtail-localize lists it among a page's segments."""
    return StringValue.from_plaintext(text).data


def _segments(strings):
    return {_segment(source): _segment(target) for source, target in strings.items()}


def _definition(text):
    return f"<p>{StringValue.from_plaintext(text).data}</p>"


def load_terms(index, locales):
    """The English term pages, created where missing; returns them by slug and how many
    were created."""
    existing = {page.slug: page for page in GlossaryTermPage.objects.child_of(index)}
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=locales["en"])}
    pages, created = {}, 0
    for slug, theme_slugs, _related, sources, texts in TERMS:
        page = existing.get(slug)
        if page is None:
            title, abbreviation, synonyms, definition = texts["en"]
            page = GlossaryTermPage(
                title=title,
                slug=slug,
                abbreviation=abbreviation,
                synonyms=synonyms,
                definition=_definition(definition),
                sources=[("source", {"title": name, "url": url}) for name, url in sources],
            )
            page.themes = [themes[s] for s in theme_slugs if s in themes]
            index.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        pages[slug] = page
    return pages, created


def link_related_terms(pages):
    """Give each English term its related terms where they differ from the demo's; the
    publication carries them to the translations (``portal.translation``). Returns how many
    terms changed."""
    changed = 0
    for slug, _themes, related, _sources, _texts in TERMS:
        page = pages[slug]
        wanted = {pages[other].pk for other in related}
        if set(page.related_terms.values_list("pk", flat=True)) == wanted:
            continue
        page.related_terms = [pages[other] for other in related]
        page.save_revision().publish()
        changed += 1
    return changed


def load_translations(pages, locales):
    """Translate each English term into Spanish and French as a translator would: title,
    slug, abbreviation, synonyms and definition (source titles keep their own language). A
    translation that exists already is left as it is."""
    made = 0
    for slug, _themes, _related, _sources, texts in TERMS:
        page = pages[slug]
        english = texts["en"]
        for code in ("es", "fr"):
            if page.has_translation(locales[code]):
                continue
            title, abbreviation, synonyms, definition = texts[code]
            strings = {
                _segment(english[0]): _segment(title),
                _segment(page.slug): slug_for(title, page.slug),
                _segment(english[3]): _segment(definition),
            }
            for source, target in ((english[1], abbreviation), (english[2], synonyms)):
                if source:
                    strings[_segment(source)] = _segment(target or source)
            translate_instance(page, code, strings)
            made += 1
    return made
