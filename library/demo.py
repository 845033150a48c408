"""Demo content of the library: its taxonomy, the library index in each language, about
fifty publications loaded through the bulk importer (with small real PDF files) and the
Spanish and French translations of a few of them, made through wagtail-localize.

Each publication is written for itself in its own language (``library.demo_publications``):
about half in English, a quarter each in Spanish and French, about real programmes,
countries and organisations named in the documents the product was conceived from
(../shared/seeds). Titles and abstracts are our own sentences; authors other than those of
the works the seeds cite are invented. Members-only publications are drafts circulated to
members and carry no marker of their own. Running it twice changes nothing: terms are looked
up first, the importer skips unchanged rows and existing translations are left alone.
"""

import datetime
import hashlib
import json
import tempfile
from pathlib import Path

from django.utils import timezone
from wagtail_localize.strings import StringValue

from library import demo_organisations
from library.demo_publications import PUBLICATIONS, TRANSLATIONS
from library.importer import Importer
from library.models import (
    DocumentLanguage,
    DocumentType,
    DownloadCount,
    LibraryIndexPage,
    Organisation,
    PublicationPage,
)
from library.pdfs import minimal_pdf
from portal.demo_utils import ensure_locales, translate_instance
from portal.models import HomePage
from portal.slugs import slug_for

DOCUMENT_TYPES = [
    ("report", "Report", "Informe", "Rapport"),
    ("policy-brief", "Policy brief", "Nota de política", "Note d'orientation"),
    ("working-paper", "Working paper", "Documento de trabajo", "Document de travail"),
    ("case-study", "Case study", "Estudio de caso", "Étude de cas"),
    ("evaluation", "Impact evaluation", "Evaluación de impacto", "Évaluation d'impact"),
    ("journal-article", "Journal article", "Artículo de revista", "Article de revue"),
    ("toolkit", "Toolkit", "Caja de herramientas", "Boîte à outils"),
]
LANGUAGES = [
    ("en", "English", "Inglés", "Anglais"),
    ("es", "Spanish", "Español", "Espagnol"),
    ("fr", "French", "Francés", "Français"),
    ("pt", "Portuguese", "Portugués", "Portugais"),
    ("ar", "Arabic", "Árabe", "Arabe"),
    ("sw", "Swahili", "Suajili", "Swahili"),
]
ORGANISATIONS = [
    (
        "giz",
        "GIZ",
        "Deutsche Gesellschaft für Internationale Zusammenarbeit",
        "Deutsche Gesellschaft für Internationale Zusammenarbeit",
        "Deutsche Gesellschaft für Internationale Zusammenarbeit",
    ),
    (
        "ipc-ig",
        "IPC-IG",
        "International Policy Centre for Inclusive Growth",
        "Centro Internacional de Políticas para el Crecimiento Inclusivo",
        "Centre international de politiques pour la croissance inclusive",
    ),
    (
        "dfat",
        "DFAT",
        "Australian Department of Foreign Affairs and Trade",
        "Departamento de Asuntos Exteriores y Comercio de Australia",
        "Ministère australien des Affaires étrangères et du Commerce",
    ),
    (
        "unicef",
        "UNICEF",
        "United Nations Children's Fund",
        "Fondo de las Naciones Unidas para la Infancia",
        "Fonds des Nations unies pour l'enfance",
    ),
    ("un-women", "UN Women", "UN Women", "ONU Mujeres", "ONU Femmes"),
    (
        "unossc",
        "UNOSSC",
        "United Nations Office for South-South Cooperation",
        "Oficina de las Naciones Unidas para la Cooperación Sur-Sur",
        "Bureau des Nations Unies pour la coopération Sud-Sud",
    ),
    ("world-bank", "", "World Bank", "Banco Mundial", "Banque mondiale"),
    (
        "fao",
        "FAO",
        "Food and Agriculture Organization of the United Nations",
        "Organización de las Naciones Unidas para la Alimentación y la Agricultura",
        "Organisation des Nations unies pour l'alimentation et l'agriculture",
    ),
    (
        "ilo",
        "ILO",
        "International Labour Organization",
        "Organización Internacional del Trabajo",
        "Organisation internationale du Travail",
    ),
    (
        "undp",
        "UNDP",
        "United Nations Development Programme",
        "Programa de las Naciones Unidas para el Desarrollo",
        "Programme des Nations unies pour le développement",
    ),
    (
        "wfp",
        "WFP",
        "World Food Programme",
        "Programa Mundial de Alimentos",
        "Programme alimentaire mondial",
    ),
    (
        "ifpri",
        "IFPRI",
        "International Food Policy Research Institute",
        "Instituto Internacional de Investigación sobre Políticas Alimentarias",
        "Institut international de recherche sur les politiques alimentaires",
    ),
    (
        "transfer-project",
        "",
        "The Transfer Project (UNC Carolina Population Center)",
        "The Transfer Project (UNC Carolina Population Center)",
        "The Transfer Project (UNC Carolina Population Center)",
    ),
    (
        "idb",
        "IDB",
        "Inter-American Development Bank",
        "Banco Interamericano de Desarrollo",
        "Banque interaméricaine de développement",
    ),
]

# Two real papers named in the seeds (000), kept with their authors.
SEED_PAPERS = [
    {
        "identifier": "demo-barca-chirchir-2014",
        "locale": "en",
        "title": "Single registries and integrated MISs: de-mystifying data and information "
        "management concepts",
        "abstract": "A paper for practitioners on how social protection programmes share "
        "data: what a single registry is, what an integrated management information system "
        "does, and how the two relate. It started the online community on social protection "
        "data and information management.",
        "authors": ["Barca, Valentina", "Chirchir, Richard"],
        "year": 2014,
        "type": "working-paper",
        "themes": ["social-registries", "systems"],
        "countries": ["ID"],
        "organisations": ["dfat"],
        "languages": ["en"],
        "keywords": ["MIS", "single registry", "data management"],
    },
    {
        "identifier": "demo-barca-chirchir-2016",
        "locale": "en",
        "title": "Integrating data and information management for social protection: "
        "definitions, trends and best practice",
        "abstract": "The revised and extended version of the single registries paper: "
        "definitions, trends across countries and good practice in integrating data and "
        "information management for social protection.",
        "authors": ["Barca, Valentina", "Chirchir, Richard"],
        "year": 2016,
        "type": "report",
        "themes": ["social-registries", "systems"],
        "organisations": ["dfat"],
        "languages": ["en"],
        "keywords": ["MIS", "single registry", "data management"],
    },
]
INDEX = {
    "title": "Library",
    "introduction": "Publications on social protection reviewed by our editors: reports, "
    "policy briefs, evaluations and case studies from many countries, in many languages.",
    "submission_text": "Do you know a publication others should read?",
}
INDEX_ES = {
    "Library": "Biblioteca",
    INDEX["introduction"]: "Publicaciones sobre protección social revisadas por nuestro equipo "
    "editorial: informes, notas de política, evaluaciones y estudios de caso de muchos países, "
    "en muchos idiomas.",
    INDEX["submission_text"]: "¿Conoce una publicación que otros deberían leer?",
}
INDEX_FR = {
    "Library": "Bibliothèque",
    INDEX["introduction"]: "Des publications sur la protection sociale revues par nos "
    "éditeurs : rapports, notes d'orientation, évaluations et études de cas de nombreux pays, "
    "dans de nombreuses langues.",
    INDEX["submission_text"]: "Vous connaissez une publication que d'autres devraient lire ?",
}


def load(command):
    """Load the library's demo content: taxonomy, index pages, publications (through the
    importer) and their translations; reports the import and lists no demo accounts."""
    locales = ensure_locales()
    load_taxonomy(locales)
    load_index_pages(locales)
    report = load_publications(command)
    translated = load_translations(locales)
    profiles = demo_organisations.load(locales)
    downloads = load_download_counts(locales["en"])
    command.stdout.write(
        f"  library: {len(report.created)} created, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.rejected)} rejected; "
        f"{translated} translations made; organisations directory: {profiles} pages made; "
        f"{downloads} days of downloads"
    )
    for number, identifier, reason in report.rejected:
        command.stderr.write(f"  rejected row {number} ({identifier}): {reason}")
    return []


def _term(model, locales, lookup, en_name, es_name, fr_name, **extra):
    term = model.objects.filter(locale=locales["en"], **lookup).first()
    if term is None:
        term = model.objects.create(locale=locales["en"], name=en_name, **lookup, **extra)
    for code, name in (("es", es_name), ("fr", fr_name)):
        if not term.has_translation(locales[code]):
            translate_instance(term, code, {en_name: name})
    return term


def load_taxonomy(locales):
    """The document types, document languages and organisations, in English, Spanish and French."""

    for slug, en, es, fr in DOCUMENT_TYPES:
        _term(DocumentType, locales, {"slug": slug}, en, es, fr)
    for code, en, es, fr in LANGUAGES:
        _term(DocumentLanguage, locales, {"code": code}, en, es, fr)
    for slug, acronym, en, es, fr in ORGANISATIONS:
        _term(Organisation, locales, {"slug": slug}, en, es, fr, acronym=acronym)


def load_index_pages(locales):
    """The library index page under the English home, with its Spanish and French translations."""

    home = HomePage.objects.get(locale=locales["en"])
    index = LibraryIndexPage.objects.filter(locale=locales["en"]).first()
    if index is None:
        index = LibraryIndexPage(slug="library", **INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
    for code, strings in (("es", INDEX_ES), ("fr", INDEX_FR)):
        if not index.has_translation(locales[code]):
            translate_instance(index, code, strings)
    return index


def row_identifier(number, publication):
    """The stable import identifier of the ``number``-th demo publication."""
    countries = publication["countries"]
    place = countries[0].lower() if countries else "gl"
    return f"demo-{place}-{number:02d}-{publication['locale']}"


def _pdf_text(text):
    """``text`` in the characters the demo's small PDFs can show (Latin-1)."""
    for char, plain in (("œ", "oe"), ("Œ", "OE"), ("’", "'"), ("–", "-"), ("\u202f", " ")):
        text = text.replace(char, plain)
    return text


def demo_rows():
    """The demo publications as import rows, plus the PDF files they attach: one in three
    has a PDF, one in three a link to where it lives elsewhere."""

    rows, files = list(SEED_PAPERS), {}
    for number, publication in enumerate(PUBLICATIONS):
        row = {"identifier": row_identifier(number, publication), **publication}
        if number % 3 == 0:
            name = f"{row['identifier']}.pdf"
            text = _pdf_text(f"{row['title']}. {row['abstract']}")
            files[name] = minimal_pdf(text, pages=2, title=_pdf_text(row["title"]))
            row["files"] = [name]
        elif number % 3 == 1:
            row["external_url"] = "https://socialprotection.org/discover/publications"
        rows.append(row)
    return rows, files


def _segment(text):
    """A plain-text field as wagtail-localize lists it among a page's segments."""

    return StringValue.from_plaintext(text).data


def load_translations(locales):
    """Translate the publications of ``TRANSLATIONS`` (English sources) into Spanish and
    French as a translator would: title, slug and abstract; every other field is the
    source's. A translation that exists already is left as it is."""

    by_title = {
        p["title"]: row_identifier(n, p)
        for n, p in enumerate(PUBLICATIONS)
        if p["title"] in TRANSLATIONS
    }
    sources = PublicationPage.objects.filter(
        locale=locales["en"], import_identifier__in=by_title.values()
    )
    sources = {page.import_identifier: page for page in sources}
    made = 0
    for title, versions in TRANSLATIONS.items():
        page = sources.get(by_title[title])
        if page is None:
            continue
        for code, (translated_title, abstract) in versions.items():
            if page.has_translation(locales[code]):
                continue
            strings = {
                _segment(page.title): _segment(translated_title),
                _segment(page.slug): slug_for(translated_title, page.slug),
                _segment(page.abstract): _segment(abstract),
            }
            translate_instance(page, code, strings)
            made += 1
    return made


def load_publications(command):
    """Import the demo publications and their PDFs with :class:`library.importer.Importer`;
    returns its report."""

    rows, files = demo_rows()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for name, content in files.items():
            (base / name).write_bytes(content)
        (base / "publications.json").write_text(json.dumps(rows), encoding="utf-8")
        return Importer(base).run(rows)


def load_download_counts(locale, days=DownloadCount.RECENT_DAYS):
    """Give the English demo publications with a file a few days of downloads in the last
    ``days`` days (a steady figure from each title, so a reload changes nothing), for the home
    page's "Most read" and the library's "Most downloaded" order; returns the days written."""
    today = timezone.localdate()
    written = 0
    publications = PublicationPage.objects.live().filter(locale=locale).order_by("pk")
    for publication in publications.prefetch_related("files"):
        first = publication.files.all()[:1]
        if not first or not first[0].document_id:
            continue
        seed = hashlib.sha256(publication.title.encode()).digest()
        for n in range(seed[0] % 6 + 1):
            day = today - datetime.timedelta(days=seed[n + 1] % days)
            DownloadCount.objects.update_or_create(
                publication=publication,
                document_id=first[0].document_id,
                day=day,
                country="",
                defaults={"count": seed[n + 8] % 40 + 1},
            )
            written += 1
    return written
