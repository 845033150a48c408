"""The browser the end-to-end tests drive: Debian's Chromium through Playwright, headless,
nothing from outside; and a way to log a browser in as a member."""

import os
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.test import Client

CHROMIUM = "/usr/bin/chromium"

# Every browser test's marks: browser tests run last and apart (``make e2e``); the live
# server reads committed data, and the pages Wagtail's migrations made come back after each
# test (the next one builds its home page under the root page again).
E2E = [
    pytest.mark.e2e,
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
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only browser tests need it

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def log_in(context, live_server, user):
    """Give the browser ``context`` the session of ``user`` (as a log-in would)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def local_page(browser, live_server, violations, user=None):
    """A page of a new browser context that reaches only the live server (every other
    request is aborted), logged in as ``user`` if given; each Content-Security-Policy
    violation Chromium reports is appended to ``violations`` with the page's address."""
    context = browser.new_context(locale="en-GB")
    server = urlsplit(live_server.url).netloc
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if urlsplit(route.request.url).netloc == server else route.abort()
        ),
    )
    if user is not None:
        log_in(context, live_server, user)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page
