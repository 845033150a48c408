"""Demo content of the programmes app: the programme taxonomy, the organisations the
library's demo lacks, the programmes section in English, Spanish and French and ten programme
profiles (``programmes.demo_programmes``), written in English and translated into Spanish and
French through wagtail-localize, as a translator would.

Profiles point at the source-language taxonomy rows and organisations the portal's and the
library's demos made (terms it does not find are left out), and link to the demo
publications, webinar series and communities about them where those exist. Running it twice
changes nothing: terms, the index and each profile are looked up by slug first, and existing
translations are left as they are.
"""

import html

from wagtail.models import Page

from community_pages.models import CommunityPage
from library.models import Organisation, PublicationPage
from portal.demo_utils import (
    demo_follow,
    demo_index_pages,
    ensure_locales,
    segment,
    translate_instance,
)
from portal.models import Country, HomePage, Theme
from portal.slugs import slug_for
from webinars.models import WebinarSeriesPage

from .demo_programmes import INDEX, ORGANISATIONS, PROGRAMME_TYPES, PROGRAMMES, TARGET_GROUPS
from .models import (
    ProgrammeCoverage,
    ProgrammeIndexPage,
    ProgrammeLink,
    ProgrammePage,
    ProgrammeRelatedPage,
    ProgrammeType,
    TargetGroup,
)


def load(command):
    """Load the programme taxonomy, section and profiles in the three languages; no demo
    accounts."""
    locales = ensure_locales()
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        return []
    load_taxonomy(locales)
    indexes = load_index_pages(home, locales)
    made = sum(load_programme(data, indexes, locales) for data in PROGRAMMES)
    renta = ProgrammePage.objects.filter(locale=locales["en"], slug="renta-dignidad").first()
    demo_follow("programme", renta)  # the demo follower's timeline shows its updates
    if command is not None:
        command.stdout.write(
            f"  programmes: {len(PROGRAMMES)} programmes, {made} pages or translations made"
        )
    return []


def _term(model, locales, slug, names, **extra):
    """The English row of ``model`` with ``slug`` (made if missing) and its Spanish and
    French translations."""
    en_name, es_name, fr_name = names
    term = model.objects.filter(locale=locales["en"], slug=slug).first()
    if term is None:
        term = model.objects.create(locale=locales["en"], slug=slug, name=en_name, **extra)
    for code, name in (("es", es_name), ("fr", fr_name)):
        if not term.has_translation(locales[code]):
            translate_instance(term, code, {en_name: name})
    return term


def load_taxonomy(locales):
    """Programme types, target groups and the organisations programmes need, in English,
    Spanish and French."""
    for slug, *names in PROGRAMME_TYPES:
        _term(ProgrammeType, locales, slug, names)
    for slug, *names in TARGET_GROUPS:
        _term(TargetGroup, locales, slug, names)
    for slug, acronym, *names in ORGANISATIONS:
        _term(Organisation, locales, slug, names, acronym=acronym)


def load_index_pages(home, locales):
    """The programme index under the English home page and its Spanish and French
    translations: ``{language code: index page}``."""
    return demo_index_pages(home, locales, ProgrammeIndexPage, "programmes", INDEX)


def _paragraph(text):
    return f"<p>{html.escape(text, quote=False)}</p>"


def _related(data, en):
    """The demo pages a programme links to, found by title (those missing are left out)."""
    pages = []
    for prefix in data["publications"]:
        found = (
            PublicationPage.objects.live()
            .filter(title__startswith=prefix, members_only=False)
            .order_by("pk")
            .first()
        )
        pages.append(found)
    for model, titles in (
        (WebinarSeriesPage, data["webinars"]),
        (CommunityPage, data["communities"]),
    ):
        for title in titles:
            pages.append(model.objects.live().filter(locale=en, title=title).first())
    return [page for page in pages if page is not None]


def _new_programme(data, en):
    title, introduction, legal_basis, benefits, targeting = data["text"]["en"]
    start, end = data["years"]
    page = ProgrammePage(
        title=title,
        slug=slug_for(title, "programme"),
        acronym=data["acronym"],
        introduction=introduction,
        legal_basis=legal_basis,
        benefit_description=_paragraph(benefits),
        targeting_method=_paragraph(targeting),
        year_started=start,
        year_ended=end,
        programme_type=ProgrammeType.objects.filter(locale=en, slug=data["type"]).first(),
    )
    page.countries = list(Country.objects.filter(locale=en, iso_code__in=data["countries"]))
    page.themes = list(Theme.objects.filter(locale=en, slug__in=data["themes"]))
    page.target_groups = list(TargetGroup.objects.filter(locale=en, slug__in=data["targets"]))
    page.implementing_institutions = list(
        Organisation.objects.filter(locale=en, slug__in=data["implementing"])
    )
    page.funding_institutions = list(
        Organisation.objects.filter(locale=en, slug__in=data["funding"])
    )
    page.coverage_figures = [
        ProgrammeCoverage(figure=figure, unit=unit, year=year, source=source, source_url=url)
        for figure, unit, year, source, url in data["coverage"]
    ]
    page.links = [ProgrammeLink(label=label, url=url) for label, url in data["links"]]
    page.related_pages = [
        ProgrammeRelatedPage(related_page=Page.objects.get(pk=related.pk))
        for related in _related(data, en)
    ]
    return page


def load_programme(data, indexes, locales):
    """One programme in English, then its Spanish and French translations; returns how many
    pages it made (0 on a second run)."""
    en = locales["en"]
    source_text = data["text"]["en"]
    slug = slug_for(source_text[0], "programme")
    page = ProgrammePage.objects.child_of(indexes["en"]).filter(slug=slug).first()
    made = 0
    if page is None:
        page = _new_programme(data, en)
        indexes["en"].add_child(instance=page)
        page.save_revision().publish()
        made += 1
    for code in ("es", "fr"):
        if page.has_translation(locales[code]):
            continue
        strings = {
            segment(english): segment(translated)
            for english, translated in zip(source_text, data["text"][code], strict=True)
        }
        strings[segment(page.slug)] = slug_for(data["text"][code][0], page.slug)
        translate_instance(page, code, strings)
        made += 1
    return made
