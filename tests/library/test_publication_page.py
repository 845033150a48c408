"""The publication page, counted downloads, citation exports and Wagtail document URLs."""

import datetime

import pytest

from library.models import DownloadCount, PublicationFile


@pytest.fixture
def bolsa(taxonomy, publish, pdf_document):
    t = taxonomy
    page = publish(
        "Bolsa Familia: a {special} evaluation & more",
        year=2019,
        publication_date=datetime.date(2019, 5, 2),
        authors="Silva, Ana\nMartin, Paul",
        doi="10.1234/bf.2019",
        document_type=t["report"],
        themes=[t["cct"]],
        countries=[t["brazil"]],
        languages=[t["english"]],
        organisations=[t["ipc"]],
    )
    page.keywords.add("poverty")
    PublicationFile.objects.create(
        page=page, document=pdf_document("Full report"), label="Full report"
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def secret(taxonomy, publish, pdf_document):
    page = publish("Internal review", abstract="members-only-canary", members_only=True)
    PublicationFile.objects.create(
        page=page, document=pdf_document("Internal", filename="internal.pdf")
    )
    page.save_revision().publish()
    return page


def test_publication_page_shows_metadata_linked_to_the_filtered_listing(client, bolsa):
    html = client.get(bolsa.url).content.decode()
    assert "/en/library/?theme=cct" in html
    assert "/en/library/?country=br" in html
    assert "/en/library/?type=report" in html
    assert "/en/library/?organisation=ipc-ig" in html
    assert "/en/library/?year_from=2019&amp;year_to=2019" in html
    assert "(PDF," in html  # type and size beside the download link


def test_publication_page_has_scholar_and_dublin_core_meta_tags(client, bolsa):
    html = client.get(bolsa.url).content.decode()
    assert (
        '<meta name="citation_title" content="Bolsa Familia: a {special} evaluation &amp; more">'
        in html
    )
    assert '<meta name="citation_author" content="Silva, Ana">' in html
    assert '<meta name="citation_publication_date" content="2019/05/02">' in html
    assert '<meta name="citation_doi" content="10.1234/bf.2019">' in html
    assert 'name="citation_pdf_url" content="http://127.0.0.1:8000/en/library/download/' in html
    assert '<meta name="DC.creator" content="Martin, Paul">' in html
    assert '<meta name="DC.subject" content="Conditional cash transfers">' in html


def test_related_publications_share_themes_or_countries(client, bolsa, publish, taxonomy):
    publish("Cadastro Unico", countries=[taxonomy["brazil"]])
    publish("Unrelated", themes=[taxonomy["health"]])
    html = client.get(bolsa.url).content.decode()
    assert "Cadastro Unico" in html and "Unrelated" not in html


BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"


def test_download_is_counted_per_publication_file_and_day(client, bolsa):
    item = bolsa.files.get()
    url = f"/en/library/download/{item.pk}/"
    response = client.get(url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Accept-Ranges"] == "bytes" and response["ETag"]
    assert response["Cache-Control"].startswith("public")
    client.get(url, HTTP_USER_AGENT=BROWSER)  # a double click: counted once (COUNTER)
    client.get(url, HTTP_USER_AGENT=PHONE)  # another reader
    row = DownloadCount.objects.get()
    assert (row.publication_id, row.document_id, row.count) == (bolsa.pk, item.document_id, 2)


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "python-requests/2.32.3",
        "curl/8.5.0",
        "Wget/1.21.3",
    ],
)
def test_robots_and_crawlers_are_not_counted(client, bolsa, agent):
    item = bolsa.files.get()
    response = client.get(f"/en/library/download/{item.pk}/", HTTP_USER_AGENT=agent)
    assert response.status_code == 200  # served, not counted
    assert not DownloadCount.objects.exists()


def test_download_supports_ranges_and_conditional_requests(client, bolsa):
    item = bolsa.files.get()
    url = f"/en/library/download/{item.pk}/"
    first = client.get(url, HTTP_USER_AGENT=BROWSER)
    size = int(first["Content-Length"])
    partial = client.get(url, HTTP_RANGE="bytes=5-14")
    assert partial.status_code == 206
    assert partial["Content-Range"] == f"bytes 5-14/{size}"
    assert len(b"".join(partial.streaming_content)) == 10
    assert client.get(url, HTTP_RANGE=f"bytes={size + 10}-").status_code == 416
    cached = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert cached.status_code == 304
    # Only full downloads count, not ranges or revalidations.
    assert DownloadCount.objects.get().count == 1


def test_members_only_page_and_files_ask_anonymous_readers_to_log_in(client, secret):
    item = secret.files.get()
    for url in (
        secret.url,
        f"/en/library/download/{item.pk}/",
        item.document.url,
        f"/en/library/cite/{secret.pk}.bib",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]
    assert not DownloadCount.objects.exists()


def test_members_read_members_only_pages_and_files(member_client, secret):
    item = secret.files.get()
    assert b"members-only-canary" in member_client.get(secret.url).content
    response = member_client.get(f"/en/library/download/{item.pk}/")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private")
    assert member_client.get(item.document.url).status_code == 200


def test_public_documents_stay_reachable_through_wagtail_urls(client, bolsa):
    assert client.get(bolsa.files.get().document.url).status_code == 200


def test_bibtex_export(client, bolsa):
    response = client.get(f"/en/library/cite/{bolsa.pk}.bib")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-bibtex")
    body = response.content.decode()
    assert body.startswith("@techreport{silva2019bolsa,\n")
    assert "  title = {Bolsa Familia: a \\{special\\} evaluation \\& more}," in body
    assert "  author = {Silva, Ana and Martin, Paul}," in body
    assert "  institution = {{International Policy Centre for Inclusive Growth}}," in body
    assert "  doi = {10.1234/bf.2019}," in body
    assert body.rstrip().endswith("}")


def test_ris_export(client, bolsa):
    response = client.get(f"/en/library/cite/{bolsa.pk}.ris")
    body = response.content.decode()
    lines = body.split("\r\n")
    assert lines[0] == "TY  - RPRT"
    assert "AU  - Silva, Ana" in lines and "AU  - Martin, Paul" in lines
    assert "PY  - 2019" in lines and "DA  - 2019/05/02" in lines
    assert "DO  - 10.1234/bf.2019" in lines and "KW  - poverty" in lines
    assert lines[-2] == "ER  - "


def test_unknown_citation_format_is_not_found(client, bolsa):
    assert client.get(f"/en/library/cite/{bolsa.pk}.xml").status_code == 404
