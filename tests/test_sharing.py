"""What crawlers and link previews read: robots.txt, canonical links, descriptions, Open
Graph and Twitter cards, icons, the manifest, hreflang in the sitemap, clean titles; and the
pages' HTML passes the Nu HTML checker in every language."""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from wagtail_factories import ImageFactory

from library.factories import LibraryIndexPageFactory, PublicationPageFactory
from portal.factories import StandardPageFactory
from tests.nu_checker import nu_errors

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1:8000"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def meta(html, key):
    tag = html.find("meta", attrs={"property": key}) or html.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


@pytest.fixture
def about(home, locales):
    page = StandardPageFactory(
        parent=home,
        slug="about",
        title="About the portal",
        introduction="Who runs the portal, and why: a place to learn from each other.",
    )
    spanish = page.copy_for_translation(locales["es"])
    spanish.title = "Acerca del portal"
    spanish.slug = "acerca"
    spanish.introduction = "Quién gestiona el portal y por qué: un lugar para aprender juntos."
    spanish.save_revision().publish()
    return page


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/api/", "/en/accounts/", "/es/search/", "/fr/profile/"):
        assert f"Disallow: {path}" in lines
    assert not any(line.startswith("Disallow: /documents") for line in lines)
    assert f"Sitemap: {BASE}/sitemap.xml" in lines


def test_a_page_shares_its_title_description_and_own_address(client, about):
    html = soup(client.get("/es/acerca/"))
    assert html.find("link", rel="canonical")["href"] == f"{BASE}/es/acerca/"
    assert meta(html, "description").startswith("Quién gestiona el portal")
    assert meta(html, "og:title") == "Acerca del portal"
    assert meta(html, "og:description") == meta(html, "description")
    assert meta(html, "og:url") == f"{BASE}/es/acerca/"
    assert meta(html, "og:locale") == "es_LA"
    assert {tag["content"] for tag in html.find_all("meta", property="og:locale:alternate")} == {
        "en_US",
        "fr_FR",
    }
    assert meta(html, "og:site_name") == "Portal de conocimiento sobre protección social"
    assert meta(html, "og:image") == f"{BASE}/static/portal/img/social-card.png"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:image") == meta(html, "og:image")
    # One line, no stray white space.
    title = html.title.string
    assert title.startswith("Acerca del portal · ") and title == " ".join(title.split())


def test_a_fallback_points_at_its_source_and_is_not_indexed(client, about):
    html = soup(client.get("/fr/about/"))
    assert html.find("link", rel="canonical")["href"] == f"{BASE}/en/about/"
    assert meta(html, "robots") == "noindex, follow"
    assert meta(html, "og:url") == f"{BASE}/en/about/"


def test_a_page_with_a_picture_shares_it(client, home, locales):
    library = LibraryIndexPageFactory(parent=home, locale=locales["en"])
    cover = ImageFactory(title="Cover of the report", file__width=1600, file__height=1000)
    publication = PublicationPageFactory(parent=library, cover_image=cover)
    html = soup(client.get(publication.url))
    image = meta(html, "og:image")
    assert image.startswith(f"{BASE}/media/images/") and "fill-1200x630" in image
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "og:image:alt") == "Cover of the report"
    assert meta(html, "og:type") == "article"
    assert meta(html, "description")  # from the abstract
    # The web server serves media; the rendition it names exists.
    assert default_storage.exists(image.removeprefix(f"{BASE}/media/"))


def test_icons_and_manifest_are_served(client, home):
    html = soup(client.get("/en/"))
    icons = {link["href"] for link in html.find_all("link", rel=["icon", "apple-touch-icon"])}
    assert icons
    for href in icons:
        assert finders.find(href.removeprefix("/static/")), href
    assert client.get("/favicon.ico").status_code == 301
    manifest = client.get(html.find("link", rel="manifest")["href"])
    data = json.loads(manifest.content)
    assert data["name"] == "Social Protection Knowledge Portal"
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon


def test_the_sitemap_names_each_pages_translations(client, about):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    assert all(loc.startswith(f"{BASE}/") for loc in entries)
    expected = {
        "en": f"{BASE}/en/about/",
        "es": f"{BASE}/es/acerca/",
        "x-default": f"{BASE}/en/about/",
    }
    assert entries[f"{BASE}/en/about/"] == expected
    assert entries[f"{BASE}/es/acerca/"] == expected
    # The home page is translated into all three languages.
    assert set(entries[f"{BASE}/fr/"]) == {"en", "es", "fr", "x-default"}


@pytest.mark.parametrize("path", ["/en/", "/es/acerca/", "/fr/about/"])
def test_pages_pass_the_nu_html_checker(client, about, path):
    assert nu_errors(client.get(path).content.decode()) == []
