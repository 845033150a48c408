"""Members-only publications on every surface, feeds, the home section and the report."""

import xml.etree.ElementTree as ET

import pytest

from library.models import DownloadCount, PublicationFile

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
    assert "<link>http://testserver/es/library/public-review-of-bolsa-familia/</link>" in body


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

    from community_pages.access import search_filters
    from library.models import PublicationPage
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
