"""Bulk import of publications from CSV or JSON, idempotent on a stable identifier.

Each row is one publication in one language. Columns (CSV) or keys (JSON):

``identifier`` (required, stable across runs), ``locale`` (en, es or fr; default en),
``title``, ``abstract``, ``year`` (required), ``date`` (YYYY-MM-DD), ``authors``, ``type``
(document type slug), ``languages`` (ISO 639-1 codes), ``themes`` (slugs), ``countries``
(ISO 3166-1 alpha-2), ``regions`` (slugs), ``organisations`` (slugs), ``keywords``,
``files`` (paths relative to the import file), ``external_url``, ``doi``, ``isbn``,
``members_only`` (true/false).

In CSV, list values are separated by ``;``; in JSON they may also be lists. A row whose
content and files are unchanged since the last import is left alone; a row that cannot be
imported is rejected with its reason and nothing of it is saved.
"""

import csv
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from wagtail.documents import get_document_model

from library.models import (
    DocumentLanguage,
    DocumentType,
    LibraryIndexPage,
    Organisation,
    PublicationFile,
    PublicationPage,
)
from portal.locales import default_locale
from portal.models import Country, Region, Theme

LIST_FIELDS = (
    "authors",
    "languages",
    "themes",
    "countries",
    "regions",
    "organisations",
    "keywords",
    "files",
)
TERMS = {
    # row key: (model, lookup field, page field)
    "themes": (Theme, "slug", "themes"),
    "countries": (Country, "iso_code", "countries"),
    "regions": (Region, "slug", "regions"),
    "organisations": (Organisation, "slug", "organisations"),
    "languages": (DocumentLanguage, "code", "languages"),
}


class RowError(Exception):
    """A row that cannot be imported; the message is the reason shown to the operator."""


@dataclass
class ImportReport:
    """What an import did: the rows created, updated, left unchanged and rejected (with why)."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (row number, identifier, reason)

    @property
    def total(self):
        """How many rows were read."""
        return len(self.created) + len(self.updated) + len(self.unchanged) + len(self.rejected)


def read_rows(path):
    """Rows of a CSV or JSON file as dicts (JSON: a list of objects, or {"publications": [...]})."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            data = data.get("publications", [])
        if not isinstance(data, list):
            raise ValueError("The JSON file must hold a list of publications.")
        return [row if isinstance(row, dict) else {} for row in data]
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    raise ValueError("The file must be .csv or .json.")


def _list(value):
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    separator = "\n" if "\n" in str(value) else ";"
    return [v.strip() for v in str(value).split(separator) if v.strip()]


def _bool(value):
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in ("1", "true", "yes", "y")


class Importer:
    """Imports rows into the library; one transaction per row."""

    def __init__(self, base_dir, user=None):
        self.base_dir = Path(base_dir)
        self.user = user
        self._terms = {}
        self._parents = {}

    def term(self, model, lookup, value):
        """The source-locale term of ``model`` whose ``lookup`` field is ``value`` (any case), or
        None; the terms of each lookup are read once per import."""
        key = (model, lookup)
        if key not in self._terms:
            en = default_locale()
            self._terms[key] = {
                str(getattr(t, lookup)).lower(): t for t in model.objects.filter(locale=en)
            }
        return self._terms[key].get(value.lower())

    def parent(self, code):
        """The library index page of language ``code`` (None if there is none), read once."""
        if code not in self._parents:
            self._parents[code] = LibraryIndexPage.objects.filter(
                locale__language_code=code
            ).first()
        return self._parents[code]

    def clean(self, row):
        """Check a row and resolve its terms; raises RowError with the reason."""
        data = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
        identifier = str(data.get("identifier") or "").strip()
        if not identifier:
            raise RowError("missing identifier")
        if len(identifier) > 120:
            raise RowError("identifier longer than 120 characters")
        for name in ("title", "abstract"):
            if not data.get(name):
                raise RowError(f"missing {name}")
        try:
            year = int(str(data.get("year") or "").strip())
        except ValueError as exc:
            raise RowError(f"year is not a number: {data.get('year')!r}") from exc
        if not 1900 <= year <= date.today().year + 1:
            raise RowError(f"year out of range: {year}")
        published = None
        if data.get("date"):
            try:
                published = date.fromisoformat(str(data["date"]))
            except ValueError as exc:
                raise RowError(f"date is not YYYY-MM-DD: {data['date']!r}") from exc
        code = str(data.get("locale") or "en").lower()
        parent = self.parent(code)
        if parent is None:
            raise RowError(f"no library index page in locale {code!r}")
        cleaned = {
            "identifier": identifier,
            "locale": code,
            "parent": parent,
            "title": str(data["title"])[:255],
            "abstract": str(data["abstract"]),
            "authors": "\n".join(_list(data.get("authors"))),
            "year": year,
            "publication_date": published,
            "external_url": str(data.get("external_url") or ""),
            "doi": str(data.get("doi") or "")[:200],
            "isbn": str(data.get("isbn") or "")[:20],
            "members_only": _bool(data.get("members_only")),
            "keywords": sorted(set(_list(data.get("keywords")))),
        }
        if cleaned["external_url"]:
            try:
                URLValidator()(cleaned["external_url"])
            except ValidationError as exc:
                raise RowError(
                    f"external_url is not a valid URL: {cleaned['external_url']!r}"
                ) from exc
        cleaned["document_type"] = None
        if data.get("type"):
            cleaned["document_type"] = self.term(DocumentType, "slug", str(data["type"]))
            if cleaned["document_type"] is None:
                raise RowError(f"unknown document type {data['type']!r}")
        for key, (model, lookup, _field) in TERMS.items():
            terms = []
            for value in _list(data.get(key)):
                term = self.term(model, lookup, value)
                if term is None:
                    raise RowError(
                        f"unknown {key[:-1] if key != 'countries' else 'country'} {value!r}"
                    )
                terms.append(term)
            cleaned[key] = terms
        files = []
        for name in _list(data.get("files")):
            path = (self.base_dir / name).resolve()
            if self.base_dir.resolve() not in path.parents or not path.is_file():
                raise RowError(f"file not found: {name!r}")
            files.append(path)
        cleaned["files"] = files
        cleaned["hash"] = self.fingerprint(cleaned)
        return cleaned

    def fingerprint(self, cleaned):
        """A hash of a cleaned row (its values and the files' names and contents): an unchanged
        row has the same one, so its publication is left alone."""
        digest = hashlib.sha256()
        for key in sorted(cleaned):
            value = cleaned[key]
            if key in ("parent", "files"):
                continue
            if isinstance(value, list):
                value = [getattr(v, "pk", v) for v in value]
            digest.update(f"{key}={getattr(value, 'pk', value)!r};".encode())
        for path in cleaned["files"]:
            digest.update(path.name.encode() + hashlib.sha1(path.read_bytes()).digest())
        return digest.hexdigest()

    def import_row(self, row):
        """Create or update the publication of ``row``; returns "created"/"updated"/"unchanged"."""
        cleaned = self.clean(row)
        page = PublicationPage.objects.filter(
            import_identifier=cleaned["identifier"], locale=cleaned["parent"].locale
        ).first()
        if page is not None and page.import_hash == cleaned["hash"]:
            return "unchanged", page
        with transaction.atomic():
            created = page is None
            if created:
                page = PublicationPage(import_identifier=cleaned["identifier"])
            for name in (
                "title",
                "abstract",
                "authors",
                "year",
                "publication_date",
                "external_url",
                "doi",
                "isbn",
                "members_only",
                "document_type",
            ):
                setattr(page, name, cleaned[name])
            page.import_hash = cleaned["hash"]
            for key, (_model, _lookup, field_name) in TERMS.items():
                setattr(page, field_name, cleaned[key])
            documents = [self.document(path, cleaned["title"]) for path in cleaned["files"]]
            page.files = [
                PublicationFile(document=doc, sort_order=i) for i, doc in enumerate(documents)
            ]
            if created:
                cleaned["parent"].add_child(instance=page)
            page.keywords.set(cleaned["keywords"])
            page.save_revision(user=self.user, log_action=True).publish(user=self.user)
        return ("created" if created else "updated"), page

    def document(self, path, title):
        """A Wagtail document for the file at ``path``, reused when the same file exists."""
        Document = get_document_model()
        content = path.read_bytes()
        file_hash = hashlib.sha1(content).hexdigest()
        existing = Document.objects.filter(file_hash=file_hash).first()
        if existing is not None:
            return existing
        doc = Document(title=title[:255])
        with path.open("rb") as handle:
            doc.file.save(path.name, File(handle), save=False)
        doc.file_size = len(content)
        doc.file_hash = file_hash
        doc.save()
        return doc

    def run(self, rows, progress=None):
        """Import every row; ``progress(done, total)`` is called after each."""
        report = ImportReport()
        seen = set()
        for number, row in enumerate(rows, start=1):
            identifier = str(row.get("identifier") or "").strip()
            try:
                key = (identifier, str(row.get("locale") or "en").lower())
                if identifier and key in seen:
                    raise RowError("duplicate identifier in this file")
                seen.add(key)
                outcome, page = self.import_row(row)
                getattr(report, outcome).append(identifier)
            except RowError as exc:
                report.rejected.append((number, identifier, str(exc)))
            except ValidationError as exc:
                report.rejected.append((number, identifier, "; ".join(exc.messages)))
            if progress:
                progress(number, len(rows))
        return report
