"""In a real browser, the Content-Security-Policy blocks nothing the portal or its admin uses.

Chromium reports each violation in the console ("Refused to ... because it violates the
following Content Security Policy directive"); the pages are opened as a reader, as an editor
whose public pages carry Wagtail's userbar, and in the admin's dashboard and page editor.
Requests leaving the live server are aborted, so nothing here reaches the internet.
"""

import os
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.test import Client

from portal.factories import UserFactory

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.e2e,
    # The live server reads committed data; the pages Wagtail's migrations made come back
    # after each test (the next one builds its home page under the root page again).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def browser(monkeypatch, settings):
    # Playwright's sync API runs an event loop in this thread; the live server's database
    # access happens in its own thread, so Django's async-safety check does not apply here.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Nothing from outside: no release check, no Gravatar.
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def open_pages(browser, live_server, paths, user=None):
    """Open ``paths`` (as ``user``, if given); return the CSP violations Chromium reported."""
    context = browser.new_context(locale="en-GB")
    server = urlsplit(live_server.url).netloc
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if urlsplit(route.request.url).netloc == server else route.abort()
        ),
    )
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    statuses = {}
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        statuses[path] = response.status
    context.close()
    return statuses, violations


def test_public_pages_run_under_the_policy_without_violations(live_server, home, browser):
    # Positive control: the site's own policy, on a page with an inline script, is reported.
    policy = Client().get("/en/")["Content-Security-Policy"]
    context = browser.new_context()
    context.route(
        f"{live_server.url}/csp-probe/",
        lambda route: route.fulfill(
            body="<!DOCTYPE html><p>probe</p><script>document.title = 'ran'</script>",
            content_type="text/html",
            headers={"Content-Security-Policy": policy},
        ),
    )
    page = context.new_page()
    reported = []
    page.on("console", lambda message: reported.append(message.text))
    page.goto(f"{live_server.url}/csp-probe/")
    assert page.title() != "ran"
    assert any("Content Security Policy" in text for text in reported)
    context.close()

    statuses, violations = open_pages(
        browser, live_server, ["/en/", "/es/", "/fr/accounts/login/", "/en/search/?q=x"]
    )
    assert set(statuses.values()) == {200}
    assert violations == []


def test_an_editors_userbar_and_the_admin_run_without_violations(live_server, home, browser):
    editor = UserFactory(
        username="root", email="root@example.org", is_staff=True, is_superuser=True
    )
    paths = ["/en/", "/admin/", f"/admin/pages/{home.pk}/", f"/admin/pages/{home.pk}/edit/"]
    statuses, violations = open_pages(browser, live_server, paths, user=editor)
    assert set(statuses.values()) == {200}
    assert violations == []
