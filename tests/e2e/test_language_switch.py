"""A reader opens the home page in a real browser, switches to Español, lands in Spanish."""

import pytest

from tests.e2e.conftest import E2E

pytestmark = E2E


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    return context.new_page()


def test_home_page_switches_to_spanish(live_server, home, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/")
    assert page.url.endswith("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").first.inner_text() == "Inicio hero"
