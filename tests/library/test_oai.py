"""The library's OAI-PMH provider (``/oai/``), harvested with Sickle, an independent client,
over a live server; the protocol's XML rules are checked on the raw answers with lxml."""

import time
from datetime import UTC, datetime

import pytest
from django.core import signing
from django.test import Client
from lxml import etree
from sickle import Sickle, oaiexceptions
from sickle.iterator import OAIResponseIterator

from library.models import OaiTombstone, PublicationFile
from library.oai import TOKEN_SALT
from portal.demo_utils import translate_instance

OAI = "{http://www.openarchives.org/OAI/2.0/}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
OAI_DC = "{http://www.openarchives.org/OAI/2.0/oai_dc/}"
SECRET = "members-only-oai-canary"

# Sickle harvests over HTTP: a live server, so committed data, and the pages that the
# migrations made (the root page, the locales) restored after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def harvester(live_server):
    return Sickle(f"{live_server.url}/oai/", max_retries=0)


@pytest.fixture
def shelf(locales, taxonomy, publish):
    """Five public publications (one translated into Spanish and French), one members-only."""
    public = [
        publish(
            "Bolsa Familia evaluation",
            themes=[taxonomy["cct"]],
            countries=[taxonomy["brazil"]],
            document_type=taxonomy["report"],
        ),
        publish(
            "Health insurance in Kenya", themes=[taxonomy["health"]], regions=[taxonomy["ssa"]]
        ),
        publish(
            "Prospera in Mexico", countries=[taxonomy["mexico"]], document_type=taxonomy["brief"]
        ),
        publish("Pensions overview"),
        publish("Child grants", themes=[taxonomy["cash"]]),
    ]
    secret = publish(
        "Secret members draft",
        abstract=f"Only for members {SECRET}",
        members_only=True,
        themes=[taxonomy["cct"]],
        document_type=taxonomy["report"],
    )
    for page in public + [secret]:
        page.save_revision().publish()  # harvested from the time of their publication
    for code in ("es", "fr"):
        translation = public[0].copy_for_translation(locales[code])
        translation.save_revision().publish()
    return {"public": public, "secret": secret}


def key_of(identifier):
    return identifier.rsplit("/", 1)[1]


def oai_get(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    return etree.fromstring(response.content)


def test_list_records_across_tokens_returns_every_public_publication_once(
    harvester, shelf, settings
):
    settings.OAI_PAGE_SIZE = 2
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    keys = [key_of(r.header.identifier) for r in records]
    expected = sorted(str(p.translation_key) for p in shelf["public"])
    assert sorted(keys) == expected  # every one, once: translations are not records
    assert str(shelf["secret"].translation_key) not in keys
    assert all(not r.header.deleted for r in records)
    titles = {r.metadata["title"][0] for r in records}
    assert "Secret members draft" not in titles
    identifiers = list(harvester.ListIdentifiers(metadataPrefix="oai_dc"))
    assert sorted(key_of(h.identifier) for h in identifiers) == expected


def test_resumption_token_reports_cursor_and_list_size(client, shelf, settings):
    settings.OAI_PAGE_SIZE = 2
    first = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.find(f".//{OAI}resumptionToken")
    assert token.get("completeListSize") == "5" and token.get("cursor") == "0"
    assert token.get("expirationDate").endswith("Z") and token.text
    second = oai_get(client, verb="ListIdentifiers", resumptionToken=token.text)
    assert second.find(f"{OAI}request").attrib == {
        "verb": "ListIdentifiers",
        "resumptionToken": token.text,
    }
    assert second.find(f".//{OAI}resumptionToken").get("cursor") == "2"
    third = oai_get(
        client,
        verb="ListIdentifiers",
        resumptionToken=second.find(f".//{OAI}resumptionToken").text,
    )
    last = third.find(f".//{OAI}resumptionToken")
    assert last.text is None and last.get("cursor") == "4"  # the last page: an empty token
    assert len(third.findall(f".//{OAI}header")) == 1


def test_get_record_maps_every_field(harvester, publish, taxonomy, pdf_document):
    page = publish(
        "Cash transfers in Brazil",
        abstract="An   evaluation\nof Bolsa Familia.",
        authors="Silva, Ana\nMartin, Paul",
        themes=[taxonomy["cct"]],
        countries=[taxonomy["brazil"]],
        organisations=[taxonomy["ipc"]],
        languages=[taxonomy["english"], taxonomy["spanish"]],
        document_type=taxonomy["report"],
        doi="10.1234/bf.2019",
        isbn="9789211234567",
        year=2019,
        publication_date=datetime(2019, 5, 2).date(),
        external_url="https://example.org/bolsa",
    )
    page.keywords.add("targeting")
    PublicationFile.objects.create(page=page, document=pdf_document("Full report"))
    page.save_revision().publish()
    record = harvester.GetRecord(
        identifier=f"oai:127.0.0.1:publication/{page.translation_key}", metadataPrefix="oai_dc"
    )
    dc = record.metadata
    assert dc["title"] == ["Cash transfers in Brazil"]
    assert dc["creator"] == ["Silva, Ana", "Martin, Paul"]
    assert dc["subject"] == ["Conditional cash transfers", "targeting"]
    assert dc["description"] == ["An evaluation of Bolsa Familia."]
    assert dc["publisher"] == ["International Policy Centre for Inclusive Growth"]
    assert dc["date"] == ["2019-05-02"]
    assert dc["type"] == ["Report", "Text"]
    assert dc["format"] == ["application/pdf"]
    assert dc["identifier"] == [
        "http://127.0.0.1:8000/en/library/cash-transfers-in-brazil/",
        "https://doi.org/10.1234/bf.2019",
        "urn:isbn:9789211234567",
    ]
    assert dc["language"] == ["en", "es"]
    assert dc["coverage"] == ["Brazil", "Latin America and the Caribbean"]
    assert dc["relation"] == ["https://example.org/bolsa"]
    assert record.header.setSpecs == [
        "region:lac",
        "theme:cash-transfers",
        "theme:cct",
        "theme:social-assistance",
        "type:report",
    ]


def test_record_of_a_spanish_publication_is_in_spanish(harvester, library, taxonomy, publish):
    page = publish(
        "Transferencias en Brasil",
        parent=library["es"],
        themes=[taxonomy["cash"]],
        document_type=taxonomy["report"],
    )
    record = harvester.GetRecord(
        identifier=f"oai:127.0.0.1:publication/{page.translation_key}", metadataPrefix="oai_dc"
    )
    assert record.metadata["subject"] == ["Transferencias monetarias"]
    assert record.metadata["type"] == ["Informe", "Text"]
    assert record.metadata["identifier"] == [
        "http://127.0.0.1:8000/es/library/transferencias-en-brasil/"
    ]


def test_answers_do_not_depend_on_the_readers_language(client, shelf):
    english = client.get("/oai/?verb=ListSets").content
    french = client.get("/oai/?verb=ListSets", HTTP_ACCEPT_LANGUAGE="fr").content
    assert english.split(b"</responseDate>")[1] == french.split(b"</responseDate>")[1]
    assert b"<setName>Themes</setName>" in french


def test_identifier_is_stable_across_edits(harvester, shelf):
    page = shelf["public"][3]
    page.title = "Pensions overview, second edition"
    page.slug = "pensions-second-edition"
    page.save_revision().publish()
    record = harvester.GetRecord(
        identifier=f"oai:127.0.0.1:publication/{page.translation_key}", metadataPrefix="oai_dc"
    )
    assert record.metadata["title"] == ["Pensions overview, second edition"]


def set_published(page, moment):
    type(page).objects.filter(pk=page.pk).update(last_published_at=moment)


def test_from_and_until_select_on_the_datestamp(harvester, shelf):
    old, middle, new = shelf["public"][:3]
    set_published(old, datetime(2020, 1, 10, 8, 0, tzinfo=UTC))
    set_published(middle, datetime(2021, 6, 15, 12, 30, 5, tzinfo=UTC))
    for page in shelf["public"][2:]:
        set_published(page, datetime(2022, 3, 1, tzinfo=UTC))

    def titles(**dates):
        return sorted(
            r.metadata["title"][0] for r in harvester.ListRecords(metadataPrefix="oai_dc", **dates)
        )

    assert titles(until="2020-01-10") == ["Bolsa Familia evaluation"]
    assert titles(**{"from": "2021-06-15", "until": "2021-06-15"}) == ["Health insurance in Kenya"]
    assert titles(**{"from": "2021-06-15T12:30:05Z", "until": "2021-06-15T12:30:05Z"}) == [
        "Health insurance in Kenya"
    ]
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        titles(**{"from": "2021-06-15T12:30:06Z", "until": "2021-12-31T00:00:00Z"})
    assert len(titles(**{"from": "2022-01-01"})) == 3
    identify = harvester.Identify()
    assert identify.earliestDatestamp == "2020-01-10T08:00:00Z"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"


def test_sets_are_listed_and_select_records(harvester, shelf):
    sets = {s.setSpec: s.setName for s in harvester.ListSets()}
    assert sets["theme"] == "Themes"
    assert sets["theme:social-assistance"] == "Social assistance"
    assert sets["region:ssa"] == "Sub-Saharan Africa"
    assert sets["type:policy-brief"] == "Policy brief"

    def titles(spec):
        return sorted(
            h.identifier for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", set=spec)
        )

    def ids(*indexes):
        return sorted(
            f"oai:127.0.0.1:publication/{shelf['public'][i].translation_key}" for i in indexes
        )

    # A theme's set holds the publications filed under the themes below it.
    assert titles("theme:social-assistance") == ids(0, 4)
    assert titles("theme:cct") == ids(0)
    assert titles("theme") == ids(0, 1, 4)
    assert titles("region:ssa") == ids(1)
    assert titles("region:lac") == ids(0, 2)
    assert titles("type:report") == ids(0)  # the members-only report is not in its set
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="region:nowhere"))


def headers_by_key(harvester, **params):
    return {
        key_of(h.identifier): h
        for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", **params)
    }


def test_unpublished_publication_is_a_deleted_record_until_republished(harvester, shelf):
    page = shelf["public"][1]
    key = str(page.translation_key)
    page.unpublish()
    header = headers_by_key(harvester)[key]
    assert header.deleted and header.setSpecs == ["region:ssa", "theme:health"]
    record = harvester.GetRecord(
        identifier=f"oai:127.0.0.1:publication/{key}", metadataPrefix="oai_dc"
    )
    assert record.deleted and "<metadata" not in record.raw
    assert key in headers_by_key(harvester, set="region:ssa")
    assert harvester.Identify().deletedRecord == "persistent"

    page.refresh_from_db()
    page.save_revision().publish()
    header = headers_by_key(harvester)[key]
    assert not header.deleted
    assert not OaiTombstone.objects.filter(translation_key=key).exists()


def test_publication_made_members_only_is_a_deleted_record(harvester, shelf):
    page = shelf["public"][0]
    page.members_only = True
    page.save_revision().publish()
    records = {
        key_of(r.header.identifier): r for r in harvester.ListRecords(metadataPrefix="oai_dc")
    }
    record = records[str(page.translation_key)]
    assert record.deleted and "<metadata" not in record.raw
    assert "type:report" in record.header.setSpecs
    # A publication members-only from the start was never harvested: no deleted record.
    assert str(shelf["secret"].translation_key) not in records


def test_deleted_publication_is_a_deleted_record(harvester, shelf):
    page = shelf["public"][2]
    key = str(page.translation_key)
    for translation in type(page).objects.filter(translation_key=page.translation_key):
        translation.delete()
    header = headers_by_key(harvester)[key]
    assert header.deleted and header.setSpecs == ["region:lac", "type:policy-brief"]


def test_unpublished_source_hands_the_record_to_its_translation(harvester, shelf):
    page = shelf["public"][0]
    page.unpublish()
    header = headers_by_key(harvester)[str(page.translation_key)]
    assert not header.deleted  # the Spanish and French pages are still public
    record = harvester.GetRecord(identifier=header.identifier, metadataPrefix="oai_dc")
    assert record.metadata["identifier"][0].startswith("http://127.0.0.1:8000/es/library/")


def test_list_metadata_formats(harvester, shelf):
    formats = list(harvester.ListMetadataFormats())
    assert [f.metadataPrefix for f in formats] == ["oai_dc"]
    assert formats[0].metadataNamespace == "http://www.openarchives.org/OAI/2.0/oai_dc/"
    identifier = f"oai:127.0.0.1:publication/{shelf['public'][0].translation_key}"
    assert len(list(harvester.ListMetadataFormats(identifier=identifier))) == 1
    hidden = f"oai:127.0.0.1:publication/{shelf['secret'].translation_key}"
    with pytest.raises(oaiexceptions.IdDoesNotExist):
        list(harvester.ListMetadataFormats(identifier=hidden))


def expired_token():
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    stale = signing.b62_encode(int(time.time()) - 3 * 86400)
    value = signing.dumps(
        {"q": {"verb": "ListRecords", "metadataPrefix": "oai_dc"}, "p": "r", "a": 0, "c": 0},
        salt=TOKEN_SALT,
    )
    payload = value.rsplit(":", 2)[0]  # the object, without its timestamp and signature
    return signing.Signer(salt=TOKEN_SALT, algorithm=signer.algorithm).sign(f"{payload}:{stale}")


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"verb": "Harvest"}, oaiexceptions.BadVerb),
        ({}, oaiexceptions.BadVerb),
        ({"verb": "ListRecords"}, oaiexceptions.BadArgument),
        ({"verb": "Identify", "set": "theme"}, oaiexceptions.BadArgument),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-13-45"},
            oaiexceptions.BadArgument,
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"},
            oaiexceptions.BadArgument,
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2020-01-01",
                "until": "2020-02-01T00:00:00Z",
            },
            oaiexceptions.BadArgument,
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"},
            oaiexceptions.BadArgument,
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "marc21"},
            oaiexceptions.CannotDisseminateFormat,
        ),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:elsewhere:1"},
            oaiexceptions.IdDoesNotExist,
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2999-01-01"},
            oaiexceptions.NoRecordsMatch,
        ),
        ({"verb": "ListRecords", "resumptionToken": "garbled"}, oaiexceptions.BadResumptionToken),
        ({"verb": "ListSets", "resumptionToken": "garbled"}, oaiexceptions.BadResumptionToken),
    ],
)
def test_every_error_code(harvester, shelf, params, error):
    with pytest.raises(error):
        OAIResponseIterator(harvester, dict(params))


def test_expired_and_foreign_tokens_are_bad_resumption_tokens(client, shelf, settings):
    settings.OAI_PAGE_SIZE = 2
    for token in (expired_token(), "garbled:token"):
        root = oai_get(client, verb="ListRecords", resumptionToken=token)
        assert root.find(f"{OAI}error").get("code") == "badResumptionToken"
    identifiers = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = identifiers.find(f".//{OAI}resumptionToken").text
    root = oai_get(client, verb="ListRecords", resumptionToken=token)
    assert root.find(f"{OAI}error").get("code") == "badResumptionToken"


def test_get_record_of_a_members_only_publication_does_not_exist(client, shelf):
    identifier = f"oai:127.0.0.1:publication/{shelf['secret'].translation_key}"
    root = oai_get(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)
    assert root.find(f"{OAI}error").get("code") == "idDoesNotExist"
    assert SECRET.encode() not in etree.tostring(root)


@pytest.mark.parametrize("method", ["get", "post"])
def test_answers_follow_the_protocol_rules(client, shelf, method):
    params = {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "theme:cct"}
    response = getattr(client, method)("/oai/", params)
    assert response.status_code == 200
    assert response.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = etree.fromstring(response.content)
    assert root.tag == f"{OAI}OAI-PMH"
    assert root.get(f"{XSI}schemaLocation") == (
        "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
    )
    children = [child.tag for child in root]
    assert children == [f"{OAI}responseDate", f"{OAI}request", f"{OAI}ListRecords"]
    response_date = root.find(f"{OAI}responseDate").text
    assert datetime.strptime(response_date, "%Y-%m-%dT%H:%M:%SZ")
    request = root.find(f"{OAI}request")
    assert request.text == "http://127.0.0.1:8000/oai/"
    assert dict(request.attrib) == params
    dc = root.find(f".//{OAI}metadata/{OAI_DC}dc")
    assert dc.get(f"{XSI}schemaLocation") == (
        "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    )
    assert dc.find("{http://purl.org/dc/elements/1.1/}title").text == "Bolsa Familia evaluation"


def test_bad_argument_echoes_the_base_url_alone(client, db):
    root = oai_get(client, verb="ListRecords", metadataPrefix="oai_dc", until="soon")
    request = root.find(f"{OAI}request")
    assert request.attrib == {} and request.text == "http://127.0.0.1:8000/oai/"
    assert root.find(f"{OAI}error").get("code") == "badArgument"
    repeated = client.get("/oai/?verb=Identify&verb=Identify")
    assert etree.fromstring(repeated.content).find(f"{OAI}error").get("code") == "badVerb"


def test_identify_describes_the_repository(client, db, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.org"
    root = oai_get(client, verb="Identify")
    identify = root.find(f"{OAI}Identify")
    assert identify.find(f"{OAI}baseURL").text == "https://portal.example.org/oai/"
    assert identify.find(f"{OAI}protocolVersion").text == "2.0"
    assert identify.find(f"{OAI}adminEmail").text == settings.OAI_ADMIN_EMAIL
    scheme = identify.find(".//{http://www.openarchives.org/OAI/2.0/oai-identifier}oai-identifier")
    id_ns = "{http://www.openarchives.org/OAI/2.0/oai-identifier}"
    assert scheme.find(f"{id_ns}repositoryIdentifier").text == "portal.example.org"
    assert scheme.find(f"{id_ns}sampleIdentifier").text.startswith(
        "oai:portal.example.org:publication/"
    )
    description = identify.find(".//{http://purl.org/dc/elements/1.1/}description").text
    assert "https://portal.example.org/oai/" in description


def test_translated_term_labels_do_not_leak_into_set_names(harvester, shelf, taxonomy):
    translate_instance(taxonomy["health"], "fr", {"Health": "Santé"})
    sets = {s.setSpec: s.setName for s in harvester.ListSets()}
    assert sets["theme:health"] == "Health"
    assert list(sets).count("theme:health") == 1


HOSTILE = [
    "\x00",
    "cash\x00",
    "\x01\x1f",
    "9" * 5000,
    "0001-01-01",
    "9999-12-31",
    "9999-12-31T23:59:59Z",
    "2020-02-30",
    "<x>&",
    "' OR 1=1--",
    "theme:",
    ":",
    "",
]


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers", "GetRecord", "ListSets"])
def test_hostile_arguments_are_protocol_errors_not_server_errors(shelf, verb):
    client = Client(raise_request_exception=False)
    names = ["identifier", "set", "from", "until", "resumptionToken", "metadataPrefix"]
    for name in names:
        for value in HOSTILE:
            params = {"verb": verb, "metadataPrefix": "oai_dc", name: value}
            if name == "resumptionToken":
                params = {"verb": verb, name: value}
            response = client.get("/oai/", params)
            assert response.status_code == 200, (name, value)
            root = etree.fromstring(response.content)  # well-formed, whatever came in
            assert root.find(f"{OAI}responseDate") is not None
            if "\x00" in value:
                assert root.find(f"{OAI}error").get("code") == "badArgument"
