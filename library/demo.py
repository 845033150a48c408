"""Demo content of the library: its taxonomy, the library index in each language and 72
publications loaded through the bulk importer (with small real PDF files).

Programmes, organisations, countries and the two data-management papers come from the
documents the product was conceived from (../shared/seeds); titles and abstracts are our
own sentences, and authors other than those two papers' are invented. Every members-only
publication carries ``members-only-canary`` in its abstract. Running it twice changes
nothing: terms are looked up first and the importer skips unchanged rows.
"""

import json
import tempfile
from pathlib import Path

from portal.demo_utils import ensure_locales, translate_instance
from portal.models import Country, HomePage, Theme
from portal.models.taxonomy import term_label

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

# programme, country ISO, themes, organisations, extra document language
PROGRAMMES = [
    ("Bolsa Família", "BR", ["conditional-cash-transfers"], ["ipc-ig", "world-bank"], "pt"),
    ("Cadastro Único", "BR", ["social-registries", "systems"], ["ipc-ig"], "pt"),
    (
        "Oportunidades/Prospera",
        "MX",
        ["conditional-cash-transfers", "gender"],
        ["world-bank", "idb"],
        "",
    ),
    ("Child Support Grant", "ZA", ["cash-transfers", "children"], ["unicef"], ""),
    (
        "Malawi Social Cash Transfer Programme",
        "MW",
        ["cash-transfers", "children"],
        ["transfer-project", "unicef"],
        "",
    ),
    ("Zambia Child Grant", "ZM", ["cash-transfers", "children"], ["transfer-project"], ""),
    (
        "LEAP (Livelihood Empowerment Against Poverty)",
        "GH",
        ["cash-transfers"],
        ["transfer-project", "unicef"],
        "",
    ),
    ("Lesotho Child Grants Programme", "LS", ["cash-transfers", "children"], ["fao", "unicef"], ""),
    (
        "Cash Transfer for Orphans and Vulnerable Children",
        "KE",
        ["cash-transfers", "children"],
        ["unicef", "world-bank"],
        "sw",
    ),
    (
        "Productive Safety Net Programme",
        "ET",
        ["public-works", "shock-responsive"],
        ["wfp", "world-bank"],
        "",
    ),
    ("Vision 2020 Umurenge Programme", "RW", ["public-works"], ["world-bank"], ""),
    ("Dimitra clubs", "NE", ["shock-responsive", "gender"], ["fao"], ""),
    ("Cajas Rurales", "NI", ["gender", "informal-economy"], ["fao"], ""),
    ("Familias en Acción", "CO", ["conditional-cash-transfers"], ["idb"], ""),
    (
        "Programa Keluarga Harapan",
        "ID",
        ["conditional-cash-transfers", "social-registries"],
        ["dfat", "world-bank"],
        "",
    ),
    ("Renta Dignidad", "BO", ["social-pensions"], ["ilo"], ""),
    (
        "Programme national de bourses de sécurité familiale",
        "SN",
        ["cash-transfers"],
        ["world-bank"],
        "",
    ),
    ("Tayssir", "MA", ["conditional-cash-transfers", "children"], ["world-bank"], "ar"),
    ("Jigisemejiri", "ML", ["cash-transfers", "shock-responsive"], ["world-bank"], ""),
    (
        "Mahatma Gandhi National Rural Employment Guarantee",
        "IN",
        ["public-works", "labour-market"],
        ["ilo"],
        "",
    ),
    ("National School Feeding Programme", "BR", ["school-feeding", "south-south"], ["wfp"], "pt"),
    ("Universal Coverage Scheme", "TH", ["health-insurance", "health"], ["ilo", "undp"], ""),
    (
        "Rural women's economic empowerment",
        "RW",
        ["gender", "informal-economy"],
        ["un-women", "fao", "ifpri"],
        "",
    ),
    (
        "South-South cooperation for children",
        "BR",
        ["south-south", "children"],
        ["unicef", "ipc-ig"],
        "",
    ),
]

KINDS = ["report", "policy-brief", "working-paper", "case-study", "evaluation", "journal-article"]
TITLES = {
    "report": {
        "en": "{programme}: lessons from its implementation in {country}",
        "es": "{programme}: aprendizajes de su implementación en {country}",
        "fr": "{programme} : enseignements de sa mise en œuvre ({country})",
    },
    "policy-brief": {
        "en": "What {programme} teaches about {theme}",
        "es": "Lo que {programme} enseña sobre {theme}",
        "fr": "Ce que {programme} nous apprend sur {theme}",
    },
    "working-paper": {
        "en": "Targeting and coverage of {programme} in {country}",
        "es": "Focalización y cobertura de {programme} en {country}",
        "fr": "Ciblage et couverture de {programme} ({country})",
    },
    "case-study": {
        "en": "Delivering {theme} at scale: the case of {programme}",
        "es": "{theme} a gran escala: el caso de {programme}",
        "fr": "{theme} à grande échelle : le cas de {programme}",
    },
    "evaluation": {
        "en": "Impact evaluation of {programme} ({country})",
        "es": "Evaluación de impacto de {programme} ({country})",
        "fr": "Évaluation d'impact de {programme} ({country})",
    },
    "journal-article": {
        "en": "Household outcomes of {programme}: evidence from {country}",
        "es": "Efectos de {programme} en los hogares: evidencia de {country}",
        "fr": "Effets de {programme} sur les ménages : données du pays ({country})",
    },
}
ABSTRACTS = {
    "en": "This {kind} looks at {programme} in {country}, a programme on {theme}. It describes "
    "how the programme reaches households, what it costs, how it is financed and what "
    "practitioners in other countries can take from it for their own systems.",
    "es": "Este documento ({kind}) analiza {programme} en {country}, un programa de {theme}. "
    "Describe cómo llega a los hogares, cuánto cuesta, cómo se financia y qué pueden "
    "aprender de él los profesionales de otros países para sus propios sistemas.",
    "fr": "Ce document ({kind}) examine {programme} ({country}), un programme de {theme}. Il "
    "décrit comment il atteint les ménages, ce qu'il coûte, comment il est financé et ce que "
    "les praticiens d'autres pays peuvent en retenir pour leurs propres systèmes.",
}
CANARY = {
    "en": " members-only-canary: an internal working draft shared with members for comments.",
    "es": " members-only-canary: borrador interno compartido con los miembros para comentarios.",
    "fr": " members-only-canary : version de travail interne partagée avec les membres.",
}
AUTHORS = [
    "Oliveira, Clara",
    "Mensah, Kwame",
    "Dupont, Amélie",
    "Rahman, Farida",
    "Torres, Julián",
    "Banda, Chikondi",
    "Nguyen, Thi Lan",
    "Haddad, Samir",
    "Kowalski, Anna",
    "Diallo, Aminata",
    "Moreno, Lucía",
    "Otieno, Brian",
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
    locales = ensure_locales()
    load_taxonomy(locales)
    load_index_pages(locales)
    report = load_publications(command)
    command.stdout.write(
        f"  library: {len(report.created)} created, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.rejected)} rejected"
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
    from library.models import DocumentLanguage, DocumentType, Organisation

    for slug, en, es, fr in DOCUMENT_TYPES:
        _term(DocumentType, locales, {"slug": slug}, en, es, fr)
    for code, en, es, fr in LANGUAGES:
        _term(DocumentLanguage, locales, {"code": code}, en, es, fr)
    for slug, acronym, en, es, fr in ORGANISATIONS:
        _term(Organisation, locales, {"slug": slug}, en, es, fr, acronym=acronym)


def load_index_pages(locales):
    from library.models import LibraryIndexPage

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


def demo_rows():
    """The demo publications as import rows, plus the PDF files they attach."""
    from library.pdfs import minimal_pdf

    themes = {t.slug: t for t in Theme.objects.filter(locale__language_code="en")}
    countries = {c.iso_code: c for c in Country.objects.filter(locale__language_code="en")}
    kind_labels = {slug: {"en": en, "es": es, "fr": fr} for slug, en, es, fr in DOCUMENT_TYPES}
    rows, files = list(SEED_PAPERS), {}
    for i, (programme, iso, theme_slugs, orgs, extra_language) in enumerate(PROGRAMMES):
        for j, code in enumerate(("en", "es", "fr")):
            n = i * 3 + j
            kind = KINDS[(i + j) % len(KINDS)]
            country = countries.get(iso)
            words = {
                "programme": programme,
                "country": term_label(country, code) if country else iso,
                "theme": term_label(themes[theme_slugs[0]], code).lower()
                if theme_slugs[0] in themes
                else theme_slugs[0],
                "kind": kind_labels[kind][code].lower(),
            }
            title = TITLES[kind][code].format(**words)
            title = title[0].upper() + title[1:]
            members_only = n % 8 == 5
            abstract = ABSTRACTS[code].format(**words) + (CANARY[code] if members_only else "")
            row = {
                "identifier": f"demo-{iso.lower()}-{i:02d}-{code}",
                "locale": code,
                "title": title,
                "abstract": abstract,
                "authors": [AUTHORS[n % len(AUTHORS)], AUTHORS[(n * 5 + 3) % len(AUTHORS)]],
                "year": 2008 + (i * 3 + j * 5) % 17,
                "type": kind,
                "themes": theme_slugs,
                "countries": [iso],
                "organisations": orgs,
                "languages": [code] + ([extra_language] if extra_language and j == 0 else []),
                "keywords": [programme.split(" (")[0], words["country"]],
                "members_only": members_only,
            }
            if n % 3 == 0:
                name = f"{row['identifier']}.pdf"
                files[name] = minimal_pdf(f"{title}. {abstract}", pages=2, title=title)
                row["files"] = [name]
            elif n % 3 == 1:
                row["external_url"] = "https://socialprotection.org/discover/publications"
            rows.append(row)
    return rows, files


def load_publications(command):
    from library.importer import Importer

    rows, files = demo_rows()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for name, content in files.items():
            (base / name).write_bytes(content)
        (base / "publications.json").write_text(json.dumps(rows), encoding="utf-8")
        return Importer(base).run(rows)
