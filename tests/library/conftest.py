"""Fixtures of the library tests: a small taxonomy, the library index in three languages."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from library.factories import (
    DocumentLanguageFactory,
    DocumentTypeFactory,
    LibraryIndexPageFactory,
    OrganisationFactory,
    PublicationPageFactory,
)
from portal.demo_utils import translate_instance
from portal.factories import CountryFactory, ThemeFactory
from portal.models import Region


def make_pdf(text="Cash transfers reduce poverty in Brazil", pages=1):
    """A small valid PDF with ``text`` on each page (hand-written, no dependency)."""
    from library.pdfs import minimal_pdf

    return minimal_pdf(text, pages=pages)


@pytest.fixture
def taxonomy(locales):
    en = locales["en"]
    social = ThemeFactory(name="Social assistance", slug="social-assistance")
    cash = ThemeFactory(name="Cash transfers", slug="cash-transfers", parent=social)
    cct = ThemeFactory(name="Conditional cash transfers", slug="cct", parent=cash)
    health = ThemeFactory(name="Health", slug="health")
    lac = Region.objects.create(name="Latin America and the Caribbean", slug="lac", locale=en)
    ssa = Region.objects.create(name="Sub-Saharan Africa", slug="ssa", locale=en)
    brazil = CountryFactory(name="Brazil", iso_code="BR", region=lac)
    mexico = CountryFactory(name="Mexico", iso_code="MX", region=lac)
    kenya = CountryFactory(name="Kenya", iso_code="KE", region=ssa)
    report = DocumentTypeFactory(name="Report", slug="report")
    brief = DocumentTypeFactory(name="Policy brief", slug="policy-brief")
    english = DocumentLanguageFactory(name="English", code="en")
    spanish = DocumentLanguageFactory(name="Spanish", code="es")
    ipc = OrganisationFactory(
        name="International Policy Centre for Inclusive Growth", slug="ipc-ig", acronym="IPC-IG"
    )
    ilo = OrganisationFactory(name="International Labour Organization", slug="ilo", acronym="ILO")
    translate_instance(cash, "es", {"Cash transfers": "Transferencias monetarias"})
    translate_instance(report, "es", {"Report": "Informe"})
    return {
        "social": social,
        "cash": cash,
        "cct": cct,
        "health": health,
        "lac": lac,
        "ssa": ssa,
        "brazil": brazil,
        "mexico": mexico,
        "kenya": kenya,
        "report": report,
        "brief": brief,
        "english": english,
        "spanish": spanish,
        "ipc": ipc,
        "ilo": ilo,
    }


@pytest.fixture
def library(home, locales):
    """The library index page under each language's home page."""
    from wagtail.models import Page

    pages = {"en": LibraryIndexPageFactory(parent=home, locale=locales["en"])}
    for code in ("es", "fr"):
        local_home = Page.objects.get(locale=locales[code], depth=home.depth)
        pages[code] = pages["en"].copy_for_translation(locales[code], copy_parents=False)
        pages[code].save_revision().publish()
        assert pages[code].get_parent().pk == local_home.pk
    return pages


@pytest.fixture
def publish(library):
    """Create a published publication in the English library with taxonomy terms."""

    def _publish(title=None, parent=None, **fields):
        terms = {
            k: fields.pop(k)
            for k in list(fields)
            if k in ("themes", "countries", "regions", "languages", "organisations")
        }
        if title:
            fields["title"] = title
        page = PublicationPageFactory(parent=parent or library["en"], **fields)
        if terms:
            for name, values in terms.items():
                setattr(page, name, values)
            page.save_revision().publish()
            page.refresh_from_db()
        return page

    return _publish


@pytest.fixture
def pdf_document(db):
    def _doc(title="Report", content=None, filename="report.pdf"):
        doc = Document(title=title)
        doc.file.save(
            filename, ContentFile(content if content is not None else make_pdf()), save=False
        )
        doc.save()
        return doc

    return _doc
