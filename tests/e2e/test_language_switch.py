"""A reader opens the home page in a real browser, switches to Español, lands in Spanish."""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def browser_page(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the live server's database
    # access happens in its own thread, so Django's async-safety check does not apply here.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
        yield context.new_page()
        browser.close()


def test_home_page_switches_to_spanish(live_server, home, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/")
    assert page.url.endswith("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").first.inner_text() == "Inicio hero"
