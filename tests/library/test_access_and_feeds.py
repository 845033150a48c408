"""Members-only publications on every surface, feeds, the home section and the report."""

import xml.etree.ElementTree as ET

import pytest

from library.models import DownloadCount, PublicationFile
from portal.reader_urls import absolute_url

CANARY = "members-only-canary"


@pytest.fixture
def mixed(taxonomy, publish, pdf_document):
    public = publish(
        "Public review of Bolsa Familia",
        themes=[taxonomy["cct"]],
        countries=[taxonomy["brazil"]],
        document_type=taxonomy["report"],
    )
    secret = publish(
        "Secret draft",
        abstract=f"A draft {CANARY}",
        members_only=True,
        themes=[taxonomy["cct"]],
        countries=[taxonomy["brazil"]],
    )
    PublicationFile.objects.create(
        page=secret, document=pdf_document("Secret file", filename="secret.pdf")
    )
    secret.save_revision().publish()
    return public, secret


def test_rss_feed_lists_public_publications_only(client, mixed, member):
    client.force_login(member)  # feeds are shared: always what anonymous readers see
    response = client.get("/en/library/feed/rss/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Public review of Bolsa Familia" in body
    assert CANARY not in body and "Secret draft" not in body
    items = ET.fromstring(response.content).findall("./channel/item")
    assert len(items) == 1
    assert [c.text for c in items[0].findall("category")] == [
        "Conditional cash transfers",
        "Report",
    ]


def test_atom_feed_follows_the_filters(client, mixed, publish, taxonomy):
    publish("Health insurance in Kenya", themes=[taxonomy["health"]])
    body = client.get("/en/library/feed/atom/?theme=health").content.decode()
    assert "Health insurance in Kenya" in body and "Bolsa Familia" not in body
    assert 'xmlns="http://www.w3.org/2005/Atom"' in body
    assert "/en/library/?theme=health" in body


def test_feed_labels_follow_the_language(client, mixed):
    body = client.get("/es/library/feed/rss/").content.decode()
    assert "<category>Informe</category>" in body
    link = absolute_url("/es/library/public-review-of-bolsa-familia/")
    assert f"<link>{link}</link>" in body


def test_sitemap_leaves_out_members_only_publications(client, mixed):
    body = client.get("/sitemap.xml").content.decode()
    assert "public-review-of-bolsa-familia" in body
    assert "secret-draft" not in body


def test_api_leaves_out_members_only_publications(client, mixed):
    public, secret = mixed
    body = client.get(
        "/api/v2/pages/?type=library.PublicationPage&fields=abstract"
    ).content.decode()
    assert "Public review of Bolsa Familia" in body
    assert "Secret draft" not in body and CANARY not in body
    detail = client.get(f"/api/v2/pages/{secret.pk}/", follow=True)
    assert detail.status_code == 404
    assert CANARY not in detail.content.decode()


def test_site_search_leaves_out_members_only_publications(client, mixed):
    from django.contrib.auth.models import AnonymousUser

    from library.models import PublicationPage
    from portal.access import search_filters
    from search.service import search_ids

    qs = PublicationPage.objects.live().filter(**search_filters(AnonymousUser()))
    assert search_ids(qs, "draft") == []
    body = client.get("/en/library/?q=draft").content.decode()
    assert "Secret draft" not in body


def test_home_page_lists_latest_public_publications(client, mixed):
    body = client.get("/en/").content.decode()
    assert "Public review of Bolsa Familia" in body
    assert "Secret draft" not in body


def test_members_see_members_only_publications_in_the_listing(member_client, mixed):
    body = member_client.get("/en/library/").content.decode()
    assert "Secret draft" in body and "Members only" in body


def test_staff_report_ranks_publications_by_downloads(client, mixed, django_user_model):
    public, secret = mixed
    item = secret.files.get()
    DownloadCount.objects.create(publication=secret, document=item.document, count=7)
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/reports/library-downloads/")
    assert response.status_code == 200
    assert "Secret draft" in response.content.decode()
    csv = client.get("/admin/reports/library-downloads/?export=csv")
    assert b"Secret draft" in b"".join(csv.streaming_content) if csv.streaming else csv.content


def test_report_is_for_staff_only(member_client, mixed):
    response = member_client.get("/admin/reports/library-downloads/")
    assert response.status_code in (302, 403)


def test_home_page_leads_with_publications_in_its_own_language(
    client, library, publish, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """The home page's latest publications: those written in or translated into its language
    first, newest first, then the others, newest first; read in one query."""
    from datetime import timedelta

    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from django.utils import timezone
    from wagtail.models import Locale

    from library.models import PublicationPage
    from library.wagtail_hooks import latest_publications
    from portal.demo_utils import translate_instance

    spanish = publish("Pensiones sociales en Bolivia", parent=library["es"])
    english = [publish(f"English review number {n}") for n in range(5)]
    with django_capture_on_commit_callbacks(execute=True):  # the translation is listed
        translated = translate_instance(
            english[0],
            "es",
            {english[0].title: "Revisión en inglés traducida", english[0].slug: "revision"},
        )
    start = timezone.now() - timedelta(days=30)
    for days, page in enumerate([spanish, *english, translated]):
        PublicationPage.objects.filter(pk=page.pk).update(
            first_published_at=start + timedelta(days=days)
        )

    def titles(code):
        return [
            item.title
            for section in client.get(f"/{code}/").context["home_sections"]
            if section["title"] in ("Latest publications", "Últimas publicaciones")
            for item in section["items"]
        ]

    assert titles("es") == [
        "Revisión en inglés traducida",
        "Pensiones sociales en Bolivia",
        "English review number 4",
        "English review number 3",
    ]
    assert titles("en") == [f"English review number {n}" for n in (4, 3, 2, 1)]

    request = RequestFactory().get("/es/")
    request.user = AnonymousUser()
    spanish_locale = Locale.objects.get(language_code="es")
    # The four publications: the library index and the open communities (the reader's
    # audiences) were read by the requests above and are kept under the content generation.
    with django_assert_num_queries(1):
        section = latest_publications(request, spanish_locale)
    assert [p.title for p in section["items"]][:2] == [
        "Revisión en inglés traducida",
        "Pensiones sociales en Bolivia",
    ]


def test_oai_harvests_leave_out_members_only_publications(client, mixed, member):
    client.force_login(member)  # harvesters share what they gather: anonymous rights only
    public, secret = mixed
    oai = "{http://www.openarchives.org/OAI/2.0/}"
    for params in (
        "verb=ListRecords&metadataPrefix=oai_dc",
        "verb=ListIdentifiers&metadataPrefix=oai_dc&set=theme:cct",
        "verb=ListIdentifiers&metadataPrefix=oai_dc&set=type",
    ):
        body = client.get(f"/oai/?{params}").content
        assert CANARY.encode() not in body and b"Secret draft" not in body
        identifiers = [e.text for e in ET.fromstring(body).iter(f"{oai}identifier")]
        assert identifiers == [f"oai:127.0.0.1:publication/{public.translation_key}"]
    answer = client.post(
        "/oai/",
        {
            "verb": "GetRecord",
            "metadataPrefix": "oai_dc",
            "identifier": f"oai:127.0.0.1:publication/{secret.translation_key}",
        },
    )
    assert ET.fromstring(answer.content).find(f"{oai}error").get("code") == "idDoesNotExist"
    assert CANARY.encode() not in answer.content
