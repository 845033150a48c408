"""Citation formats of a publication: BibTeX and RIS, and the meta tags for scholars."""

import mimetypes
import re
import unicodedata

from portal.models.taxonomy import term_label

BIBTEX_TYPES = {
    "book": "book",
    "journal-article": "article",
    "working-paper": "techreport",
    "report": "techreport",
    "policy-brief": "techreport",
    "thesis": "phdthesis",
}
RIS_TYPES = {
    "book": "BOOK",
    "journal-article": "JOUR",
    "working-paper": "RPRT",
    "report": "RPRT",
    "policy-brief": "RPRT",
    "thesis": "THES",
    "case-study": "RPRT",
    "presentation": "SLIDE",
    "toolkit": "GEN",
}


def _ascii(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _bibtex_escape(text):
    text = text.replace("\\", "\\textbackslash{}")
    for char in "{}&%$#_":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def citation_key(publication):
    authors = publication.author_list()
    family = authors[0].split(",")[0] if authors else "anon"
    first_word = next((w for w in re.findall(r"\w+", _ascii(publication.title)) if len(w) > 3), "")
    key = re.sub(r"[^a-z0-9]", "", _ascii(family).lower()) or "anon"
    return f"{key}{publication.year}{first_word.lower()}"


def publishers(publication):
    return [o.name for o in publication.organisations.all()]


def bibtex(publication, url):
    """A BibTeX entry for ``publication``; ``url`` is its absolute page URL."""
    slug = publication.document_type.slug if publication.document_type_id else ""
    kind = BIBTEX_TYPES.get(slug, "misc")
    fields = [("title", publication.title)]
    if publication.author_list():
        fields.append(("author", " and ".join(publication.author_list())))
    fields.append(("year", str(publication.year)))
    orgs = publishers(publication)
    if orgs:
        fields.append(("institution" if kind == "techreport" else "publisher", ", ".join(orgs)))
    if publication.doi:
        fields.append(("doi", publication.doi))
    if publication.isbn:
        fields.append(("isbn", publication.isbn))
    fields.append(("url", url))
    languages = [la.code for la in publication.languages.all()]
    if languages:
        fields.append(("language", ", ".join(languages)))
    keywords = [t.name for t in publication.keywords.all()]
    if keywords:
        fields.append(("keywords", ", ".join(keywords)))
    fields.append(("abstract", publication.abstract))
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value)}}}" for name, value in fields)
    return f"@{kind}{{{citation_key(publication)},\n{body}\n}}\n"


def ris(publication, url):
    """An RIS record for ``publication`` (CRLF line ends, as the format asks)."""
    slug = publication.document_type.slug if publication.document_type_id else ""
    lines = [("TY", RIS_TYPES.get(slug, "GEN")), ("TI", publication.title)]
    lines += [("AU", author) for author in publication.author_list()]
    lines.append(("PY", str(publication.year)))
    if publication.publication_date:
        lines.append(("DA", publication.publication_date.strftime("%Y/%m/%d")))
    lines += [("PB", name) for name in publishers(publication)]
    if publication.abstract:
        lines.append(("AB", " ".join(publication.abstract.split())))
    lines += [("KW", t.name) for t in publication.keywords.all()]
    lines += [("LA", la.code) for la in publication.languages.all()]
    if publication.doi:
        lines.append(("DO", publication.doi))
    if publication.isbn:
        lines.append(("SN", publication.isbn))
    lines.append(("UR", url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


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
    if orgs:
        tags.append(("citation_publisher", orgs[0]))
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
