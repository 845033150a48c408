"""The library's OAI-PMH 2.0 data provider (``/oai/``): harvesters of repositories and
aggregators read the public library's metadata as Dublin Core.

What a harvester sees is what an anonymous reader may read (``portal.access``):
live publications of the public audience. One record per publication, not per translation:
its identifier is built from the ``translation_key`` its translations share
(``oai:<host>:publication/<key>``), so it survives edits, moves and retranslation, and its
metadata comes from the publication's earliest live public page (its source page, unless
that one is gone), in that page's language. Readers of another language reach their
translation from the page URL (``portal.reader_urls``).

A record's datestamp is the time its page was last published. A publication that
harvesters received and may no longer read (unpublished, deleted, made members-only) is
answered as a deleted record from an ``OaiTombstone`` (``deletedRecord=persistent``) until it
is public again; ``library.signals`` writes them.

Sets are the taxonomy: ``theme:<slug>`` (a publication filed under a theme is in the sets
of the themes above it too), ``region:<slug>``, ``type:<slug>``, and the three families
``theme``, ``region`` and ``type`` themselves (OAI set hierarchy: ``theme:x`` is inside
``theme``).

Lists come in pages of ``settings.OAI_PAGE_SIZE`` records; a resumption token is the
request's arguments and the position reached (the last record's id, so records added or
removed meanwhile never shift the rest), signed and timestamped with Django's signing (``TOKEN_MAX_AGE``).

The XML is written with ``xml.etree``: the provider packages on PyPI (pyoai, unreleased
since 2022; django-oai-pmh, which serves records from its own tables) do not fit a provider
whose records and rights come from the portal's models and access policy.
"""

import re
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.db.models import Min, Prefetch
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from library.citations import dublin_core
from library.facets import theme_parents, with_ancestors
from library.models import DocumentType, OaiTombstone, PublicationFile, PublicationPage
from portal.access import PUBLIC, visible_pages
from portal.locales import default_locale
from portal.models import Region, Theme
from portal.reader_urls import absolute_url, reader_url

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_ID_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
OAI_ID_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"

for _prefix, _uri in (
    ("oai_dc", OAI_DC_NS),
    ("dc", DC_NS),
    ("xsi", XSI_NS),
    ("oai_id", OAI_ID_NS),
):
    ET.register_namespace(_prefix, _uri)

TOKEN_MAX_AGE = timedelta(hours=24)
TOKEN_SALT = "library.oai.resumption-token"
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
# Characters XML 1.0 cannot carry, whatever the escaping (a pasted abstract may hold some).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_OAI_ID_HOST = re.compile(r"[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+")
SET_FAMILIES = ("theme", "region", "type")

# Which arguments each verb takes: (required, optional); a resumption token stands alone.
VERBS = {
    "Identify": ((), ()),
    "ListMetadataFormats": ((), ("identifier",)),
    "ListSets": ((), ()),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set")),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set")),
    "GetRecord": (("identifier", "metadataPrefix"), ()),
}
RESUMABLE = ("ListSets", "ListIdentifiers", "ListRecords")


class OaiError(Exception):
    """An OAI-PMH error condition: answered as an ``<error code=...>`` with HTTP 200."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


# -- identifiers, datestamps, sets ------------------------------------------------------


def repository_host():
    """The host of the portal's public address, the namespace of OAI identifiers."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def base_url():
    """The base URL of the OAI-PMH interface (absolute, from ``BASE_URL``)."""
    return absolute_url("/oai/")


def oai_identifier(translation_key):
    """The OAI identifier of the publication whose translations share ``translation_key``."""
    return f"oai:{repository_host()}:publication/{translation_key}"


def parse_identifier(identifier):
    """The ``translation_key`` an OAI identifier names; ``idDoesNotExist`` otherwise."""
    prefix = f"oai:{repository_host()}:publication/"
    if identifier.startswith(prefix):
        try:
            return uuid.UUID(identifier[len(prefix) :])
        except ValueError:
            pass
    raise OaiError("idDoesNotExist", _("No item has the identifier %s.") % identifier)


def format_datestamp(moment):
    """A UTC datestamp at the repository's granularity (seconds)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _datestamp_field():
    return Coalesce("last_published_at", "first_published_at", "latest_revision_created_at")


def public_records():
    """The pages that are the library's records: per publication, the earliest live page an
    anonymous reader may read, annotated with its ``oai_datestamp``."""
    readable = visible_pages(
        PublicationPage.objects.live().filter(alias_of__isnull=True), AnonymousUser()
    ).order_by()
    firsts = readable.values("translation_key").annotate(first=Min("pk")).values("first")
    # A page made live in the database without Wagtail's publishing (no publication time at
    # all) has no datestamp: harvesters could never ask for it by date, so it waits for its
    # first publication.
    return (
        PublicationPage.objects.filter(pk__in=firsts)
        .annotate(oai_datestamp=_datestamp_field())
        .filter(oai_datestamp__isnull=False)
    )


def _source_terms(model):
    return model.objects.filter(locale=default_locale())


class SetMap:
    """The repository's sets and which of them a page is in (one query per taxonomy)."""

    def __init__(self):
        self.parents = theme_parents()
        self.theme_slugs = dict(Theme.objects.values_list("pk", "slug"))

    def specs(self, page):
        """The setSpecs of ``page`` from its relations (prefetched or in memory)."""
        themes = with_ancestors([t.pk for t in page.themes.all()], self.parents)
        specs = [f"theme:{self.theme_slugs[pk]}" for pk in themes if pk in self.theme_slugs]
        specs += [f"region:{r.slug}" for r in page.regions.all()]
        if page.document_type_id:
            specs.append(f"type:{page.document_type.slug}")
        return sorted(set(specs))

    def theme_ids_under(self, slug):
        """The ids of the theme ``slug`` (in the source language) and of the themes below."""
        roots = {pk for pk, value in self.theme_slugs.items() if value == slug}
        return [pk for pk in self.parents if with_ancestors([pk], self.parents) & roots]


def set_specs(page):
    """The setSpecs of one page (what its tombstone keeps when it stops being public)."""
    return SetMap().specs(page)


def all_sets():
    """(setSpec, setName) of every set, families first, then terms by name."""
    sets = [("theme", _("Themes")), ("region", _("Regions")), ("type", _("Document types"))]
    for family, model in (("theme", Theme), ("region", Region), ("type", DocumentType)):
        terms = _source_terms(model).order_by("name").values_list("slug", "name")
        sets += [(f"{family}:{slug}", name) for slug, name in terms]
    return sets


# -- tombstones --------------------------------------------------------------------------


def update_tombstone(translation_key, exposed_specs=None):
    """Keep the deleted record of a publication true after a change to one of its pages.

    A publication with a public record loses its tombstone (republished, public again).
    One without gets a tombstone dated now when ``exposed_specs`` is given: a callable
    returning the sets of the page that harvesters could read until this change (``None``
    when the changed page was not public: nothing harvested needs deleting).
    """
    if public_records().filter(translation_key=translation_key).exists():
        OaiTombstone.objects.filter(translation_key=translation_key).delete()
        return
    if exposed_specs is None:
        return
    specs = exposed_specs() if callable(exposed_specs) else exposed_specs
    OaiTombstone.objects.update_or_create(
        translation_key=translation_key,
        defaults={
            "datestamp": timezone.now(),
            "set_specs": f" {' '.join(specs)} " if specs else "",
        },
    )


def was_public(page):
    """Could harvesters read this page as it is stored (live, public, not an alias)?"""
    return bool(page.live and page.audience == PUBLIC and not page.alias_of_id)


# -- requests ----------------------------------------------------------------------------


def _parse_date(value, name):
    if _DAY.fullmatch(value):
        fmt, granularity = "%Y-%m-%d", "day"
    elif _SECOND.fullmatch(value):
        fmt, granularity = "%Y-%m-%dT%H:%M:%SZ", "second"
    else:
        raise OaiError("badArgument", _("%s is not a date of the form YYYY-MM-DD.") % name)
    try:
        moment = datetime.strptime(value, fmt).replace(tzinfo=UTC)
    except ValueError:
        raise OaiError("badArgument", _("%s is not a valid date.") % name)
    return moment, granularity


def date_range(arguments):
    """The (from, before) bounds of ``from`` and ``until``: datestamps ``>= from`` and
    ``< before`` (the day or second after ``until``), either possibly ``None``."""
    start = end = None
    granularities = set()
    if arguments.get("from"):
        start, granularity = _parse_date(arguments["from"], "from")
        granularities.add(granularity)
    if arguments.get("until"):
        until, granularity = _parse_date(arguments["until"], "until")
        granularities.add(granularity)
        try:
            end = until + (timedelta(days=1) if granularity == "day" else timedelta(seconds=1))
        except OverflowError:  # until 9999-12-31: nothing is later
            end = None
        if start is not None and start > until:
            raise OaiError("badArgument", _("from is later than until."))
    if len(granularities) > 1:
        raise OaiError("badArgument", _("from and until must have the same granularity."))
    return start, end


def _check_prefix(prefix):
    if prefix != "oai_dc":
        raise OaiError(
            "cannotDisseminateFormat",
            _("The metadata format %s is not offered: use oai_dc.") % prefix,
        )


def _filter_set(records, tombstones, spec, sets):
    family, _sep, slug = spec.partition(":")
    if family not in SET_FAMILIES or (_sep and not slug):
        raise OaiError("noRecordsMatch", _("There is no set %s.") % spec)
    if not slug:
        lookups = {"theme": "themes", "region": "regions", "type": "document_type"}
        matching = PublicationPage.objects.filter(**{f"{lookups[family]}__isnull": False})
        tombstones = tombstones.filter(set_specs__contains=f" {family}:")
    else:
        if family == "theme":
            matching = PublicationPage.objects.filter(themes__in=sets.theme_ids_under(slug))
        elif family == "region":
            matching = PublicationPage.objects.filter(regions__slug=slug)
        else:
            matching = PublicationPage.objects.filter(document_type__slug=slug)
        tombstones = tombstones.filter(set_specs__contains=f" {spec} ")
    return records.filter(pk__in=matching.values("pk")), tombstones


def selection(query, sets):
    """The records and tombstones a list request asks for, each ordered by id."""
    start, end = date_range(query)
    records = public_records()
    tombstones = OaiTombstone.objects.exclude(translation_key__in=records.values("translation_key"))
    if start is not None:
        records = records.filter(oai_datestamp__gte=start)
        tombstones = tombstones.filter(datestamp__gte=start)
    if end is not None:
        records = records.filter(oai_datestamp__lt=end)
        tombstones = tombstones.filter(datestamp__lt=end)
    if query.get("set"):
        records, tombstones = _filter_set(records, tombstones, query["set"], sets)
    return records.order_by("pk"), tombstones.order_by("pk")


def _with_metadata(records):
    themes = Prefetch("themes", queryset=Theme.objects.only("pk", "name", "translation_key"))
    return records.select_related("document_type", "locale").prefetch_related(
        themes,
        "regions",
        "countries",
        "organisations",
        "languages",
        "keywords",
        Prefetch("files", queryset=PublicationFile.objects.select_related("document")),
    )


def make_token(query, phase, after, cursor):
    """A signed, timestamped resumption token: the request, and where the next page starts."""
    return signing.dumps(
        {"q": query, "p": phase, "a": after, "c": cursor}, salt=TOKEN_SALT, compress=True
    )


def read_token(token, verb):
    """The request and position a token carries; ``badResumptionToken`` when it is
    garbled, expired, or was issued for another verb."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too
        data = None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("q"), dict)
        or data["q"].get("verb") != verb
        or data.get("p") not in ("r", "t")
        or not isinstance(data.get("a"), int)
        or not isinstance(data.get("c"), int)
    ):
        raise OaiError("badResumptionToken", _("The resumption token is invalid or expired."))
    return data


def parse_arguments(params):
    """(verb, arguments) from a GET or POST ``QueryDict``, checked against the protocol."""
    verbs = params.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OaiError("badVerb", _("The verb is missing, repeated or not an OAI-PMH verb."))
    verb = verbs[0]
    arguments = {}
    for name in params:
        if name == "verb":
            continue
        values = params.getlist(name)
        if len(values) != 1:
            raise OaiError("badArgument", _("The argument %s is repeated.") % name)
        if _NOT_XML.search(name + values[0]):
            raise OaiError("badArgument", _("The arguments hold characters XML cannot carry."))
        arguments[name] = values[0]
    required, optional = VERBS[verb]
    if "resumptionToken" in arguments and verb in RESUMABLE:
        if len(arguments) != 1:
            raise OaiError("badArgument", _("resumptionToken is an exclusive argument."))
        return verb, arguments
    unknown = set(arguments) - set(required) - set(optional)
    if unknown:
        raise OaiError(
            "badArgument", _("Arguments not allowed here: %s.") % ", ".join(sorted(unknown))
        )
    missing = [name for name in required if not arguments.get(name)]
    if missing:
        raise OaiError("badArgument", _("Missing arguments: %s.") % ", ".join(missing))
    return verb, arguments


# -- XML ---------------------------------------------------------------------------------


def _q(name, namespace=OAI_NS):
    # OAI-PMH elements are written unqualified under the root's default namespace
    # declaration (``xml.etree`` has no per-document default prefix); the others qualified.
    return name if namespace == OAI_NS else f"{{{namespace}}}{name}"


def _add(parent, name, text=None, namespace=OAI_NS, **attributes):
    element = ET.SubElement(parent, _q(name, namespace), attributes)
    if text is not None:
        element.text = _NOT_XML.sub("", str(text))
    return element


def _header(parent, translation_key, datestamp, specs, deleted=False):
    header = _add(parent, "header", status="deleted") if deleted else _add(parent, "header")
    _add(header, "identifier", oai_identifier(translation_key))
    _add(header, "datestamp", format_datestamp(datestamp))
    for spec in specs:
        _add(header, "setSpec", spec)
    return header


def _dc(parent, page):
    container = _add(parent, "metadata")
    dc = _add(
        container,
        "dc",
        namespace=OAI_DC_NS,
        **{_q("schemaLocation", XSI_NS): f"{OAI_DC_NS} {OAI_DC_SCHEMA}"},
    )
    language = page.locale.language_code
    url = reader_url(page, language, translate=False)
    for element, value in dublin_core(page, url, language):
        _add(dc, element, value, namespace=DC_NS)


def _record(parent, page, sets, with_metadata):
    if with_metadata:
        record = _add(parent, "record")
        _header(record, page.translation_key, page.oai_datestamp, sets.specs(page))
        _dc(record, page)
    else:
        _header(parent, page.translation_key, page.oai_datestamp, sets.specs(page))


def _deleted(parent, tombstone, with_metadata):
    target = _add(parent, "record") if with_metadata else parent
    specs = tombstone.set_specs.split()
    _header(target, tombstone.translation_key, tombstone.datestamp, specs, deleted=True)


def earliest_datestamp():
    """The earliest datestamp of any record or deleted record (now, when there is none)."""
    moments = [
        public_records().aggregate(first=Min("oai_datestamp"))["first"],
        OaiTombstone.objects.aggregate(first=Min("datestamp"))["first"],
    ]
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else timezone.now()


def identify(root, arguments):
    """The Identify verb: the repository, its rules and how its identifiers are built."""
    element = _add(root, "Identify")
    _add(element, "repositoryName", settings.WAGTAIL_SITE_NAME)
    _add(element, "baseURL", base_url())
    _add(element, "protocolVersion", "2.0")
    _add(element, "adminEmail", settings.OAI_ADMIN_EMAIL)
    _add(element, "earliestDatestamp", format_datestamp(earliest_datestamp()))
    _add(element, "deletedRecord", "persistent")
    _add(element, "granularity", GRANULARITY)
    host = repository_host()
    if _OAI_ID_HOST.fullmatch(host):
        description = _add(element, "description")
        scheme = _add(
            description,
            "oai-identifier",
            namespace=OAI_ID_NS,
            **{_q("schemaLocation", XSI_NS): f"{OAI_ID_NS} {OAI_ID_SCHEMA}"},
        )
        _add(scheme, "scheme", "oai", namespace=OAI_ID_NS)
        _add(scheme, "repositoryIdentifier", host, namespace=OAI_ID_NS)
        _add(scheme, "delimiter", ":", namespace=OAI_ID_NS)
        sample = oai_identifier("00000000-0000-0000-0000-000000000000")
        _add(scheme, "sampleIdentifier", sample, namespace=OAI_ID_NS)
    description = _add(element, "description")
    dc = _add(
        description,
        "dc",
        namespace=OAI_DC_NS,
        **{_q("schemaLocation", XSI_NS): f"{OAI_DC_NS} {OAI_DC_SCHEMA}"},
    )
    text = _(
        "The public library of the %(site)s over OAI-PMH 2.0 at %(url)s: one Dublin Core "
        "(oai_dc) record per publication, in sets by theme, region and document type. "
        "Members-only publications are not harvested."
    ) % {"site": settings.WAGTAIL_SITE_NAME, "url": base_url()}
    _add(dc, "description", text, namespace=DC_NS)


def list_metadata_formats(root, arguments):
    """The ListMetadataFormats verb: ``oai_dc``, for the repository or one of its items."""
    if "identifier" in arguments:
        key = parse_identifier(arguments["identifier"])
        exists = public_records().filter(translation_key=key).exists()
        if not exists and not OaiTombstone.objects.filter(translation_key=key).exists():
            raise OaiError(
                "idDoesNotExist", _("No item has the identifier %s.") % arguments["identifier"]
            )
    element = _add(root, "ListMetadataFormats")
    metadata_format = _add(element, "metadataFormat")
    _add(metadata_format, "metadataPrefix", "oai_dc")
    _add(metadata_format, "schema", OAI_DC_SCHEMA)
    _add(metadata_format, "metadataNamespace", OAI_DC_NS)


def list_sets(root, arguments):
    """The ListSets verb: every set in one answer (a taxonomy is small)."""
    if "resumptionToken" in arguments:
        raise OaiError("badResumptionToken", _("The resumption token is invalid or expired."))
    element = _add(root, "ListSets")
    for spec, name in all_sets():
        item = _add(element, "set")
        _add(item, "setSpec", spec)
        _add(item, "setName", name)


def get_record(root, arguments):
    """The GetRecord verb: one record, or its deleted header."""
    _check_prefix(arguments["metadataPrefix"])
    key = parse_identifier(arguments["identifier"])
    page = _with_metadata(public_records().filter(translation_key=key)).first()
    tombstone = None if page else OaiTombstone.objects.filter(translation_key=key).first()
    if page is None and tombstone is None:
        raise OaiError(
            "idDoesNotExist", _("No item has the identifier %s.") % arguments["identifier"]
        )
    element = _add(root, "GetRecord")
    if page is not None:
        _record(element, page, SetMap(), with_metadata=True)
    else:
        _deleted(element, tombstone, with_metadata=True)


def list_items(root, arguments, verb):
    """ListIdentifiers and ListRecords: a page of headers or records, with its token."""
    if "resumptionToken" in arguments:
        token = read_token(arguments["resumptionToken"], verb)
        query, phase, after, cursor = token["q"], token["p"], token["a"], token["c"]
    else:
        query = {"verb": verb, **arguments}
        phase, after, cursor = "r", 0, 0
    _check_prefix(query.get("metadataPrefix"))
    sets = SetMap()
    records, tombstones = selection(query, sets)
    with_metadata = verb == "ListRecords"
    size = settings.OAI_PAGE_SIZE
    batch = []
    if phase == "r":
        page_records = _with_metadata(records) if with_metadata else records
        if not with_metadata:
            page_records = page_records.select_related("document_type").prefetch_related(
                "themes", "regions"
            )
        batch = [("r", page) for page in page_records.filter(pk__gt=after)[: size + 1]]
        if len(batch) <= size:
            after = 0
    if len(batch) <= size:
        rest = tombstones.filter(pk__gt=after if phase == "t" else 0)
        batch += [("t", item) for item in rest[: size + 1 - len(batch)]]
    more = len(batch) > size
    batch = batch[:size]
    if not batch:
        raise OaiError("noRecordsMatch", _("No record matches the request."))
    element = _add(root, verb)
    for kind, item in batch:
        if kind == "r":
            _record(element, item, sets, with_metadata)
        else:
            _deleted(element, item, with_metadata)
    if more or "resumptionToken" in arguments:
        total = records.count() + tombstones.count()
        attributes = {"completeListSize": str(total), "cursor": str(cursor)}
        if more:
            last_kind, last = batch[-1]
            expires = timezone.now() + TOKEN_MAX_AGE
            attributes["expirationDate"] = format_datestamp(expires)
            text = make_token(query, last_kind, last.pk, cursor + len(batch))
        else:
            text = None
        _add(element, "resumptionToken", text, **attributes)


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": lambda root, arguments: list_items(root, arguments, "ListIdentifiers"),
    "ListRecords": lambda root, arguments: list_items(root, arguments, "ListRecords"),
}


def respond(params):
    """The OAI-PMH answer (XML bytes) to the request arguments in ``params``, in the portal's
    default language whatever the reader's: harvesters share and cache what they gather."""
    with translation.override(settings.LANGUAGE_CODE):
        return _respond(params)


def _respond(params):
    root = ET.Element(
        "OAI-PMH", {"xmlns": OAI_NS, _q("schemaLocation", XSI_NS): f"{OAI_NS} {OAI_SCHEMA}"}
    )
    _add(root, "responseDate", format_datestamp(timezone.now()))
    request_element = _add(root, "request", base_url())
    try:
        verb, arguments = parse_arguments(params)
        # The request is echoed with its arguments only when they were legal.
        request_element.set("verb", verb)
        for name, value in arguments.items():
            request_element.set(name, value)
        HANDLERS[verb](root, arguments)
    except OaiError as error:
        if error.code in ("badVerb", "badArgument"):
            request_element.attrib.clear()  # the protocol: echo the base URL alone
        _add(root, "error", error.message, code=error.code)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@csrf_exempt  # harvesters POST without a session: the interface changes nothing
def oai_view(request):
    """``/oai/``: the OAI-PMH interface, by GET or by form-encoded POST."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    params = request.POST if request.method == "POST" else request.GET
    return HttpResponse(respond(params), content_type="text/xml; charset=utf-8")
