"""Security headers: a strict Content-Security-Policy on the site, the admin's own under /admin/,
and a Permissions-Policy that turns off the browser features the portal never uses."""

import pytest

from community_pages.factories import CommunityIndexPageFactory
from library.factories import LibraryIndexPageFactory
from portal.factories import UserFactory
from tests.crawl import crawl, inline_code
from webinars.factories import WebinarIndexPageFactory

pytestmark = pytest.mark.django_db


def directives(header):
    """{"script-src": ["'self'"], ...} of a Content-Security-Policy header."""
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.fixture
def sections(home):
    """The library, communities and webinars under the home page, in three languages."""
    for factory in (LibraryIndexPageFactory, CommunityIndexPageFactory, WebinarIndexPageFactory):
        page = factory(parent=home)
        for code in ("es", "fr"):
            page.copy_for_translation(
                locale_for(code), copy_parents=False
            ).save_revision().publish()
    return home


def locale_for(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/es/",
        "/fr/",
        "/en/library/",
        "/es/library/",
        "/fr/accounts/login/",
        "/es/search/?q=pension",
    ],
)
def test_public_pages_allow_only_the_portals_own_scripts_and_styles(client, sections, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    # Only the video players the portal builds may be framed.
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def test_only_pages_carry_the_policy_not_feeds_files_or_the_api(client, home):
    assert "Content-Security-Policy" in client.get("/en/")  # positive control
    for path in ("/sitemap.xml", "/api/v2/pages/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "Content-Security-Policy" not in response, path
        assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_public_pages_turn_off_camera_microphone_geolocation_and_the_like(client, home, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    features = {
        item.split("=")[0]: item.split("=")[1]
        for item in response["Permissions-Policy"].split(", ")
    }
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()"


def test_no_page_of_the_site_carries_inline_code_the_policy_would_block(client, sections):
    # Positive control: the checker sees what the policy would block.
    assert inline_code('<p style="color:red">x</p><script>alert(1)</script>') == [
        "style attribute on <p>",
        "<script> without src",
    ]
    assert inline_code('<script type="application/json">{}</script><script src="/a.js">') == []

    member = UserFactory(username="ines", email="ines@example.org")
    pages = crawl(client, ["/en/", "/es/", "/fr/", "/en/accounts/signup/"], limit=200)
    client.force_login(member)
    pages |= crawl(client, ["/en/profile/", "/es/profile/notifications/"], limit=100)
    html = {url: body for url, (status, body) in pages.items() if "<html" in body}
    assert len(html) > 20
    found = {url: inline for url, body in html.items() if (inline := inline_code(body))}
    assert found == {}


def test_admin_loads_for_a_superuser_under_its_own_policy(client, home):
    admin = UserFactory(username="root", email="root@example.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    for path in ("/admin/", f"/admin/pages/{home.pk}/", f"/admin/pages/{home.pk}/edit/"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = directives(response["Content-Security-Policy"])
        # Wagtail's widgets and panels write inline scripts and styles; nothing else changes.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert "'self'" in policy["frame-src"]  # the live preview of a page
        assert "camera=()" in response["Permissions-Policy"]
    # The admin needs it: its page editor carries inline scripts and style attributes.
    assert inline_code(response.content.decode())
