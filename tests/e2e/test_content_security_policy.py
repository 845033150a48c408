"""In a real browser, the Content-Security-Policy blocks nothing the portal or its admin uses.

Chromium reports each violation in the console ("Refused to ... because it violates the
following Content Security Policy directive"); the pages are opened as a reader, as an editor
whose public pages carry Wagtail's userbar, and in the admin's dashboard and page editor.
Requests leaving the live server are aborted, so nothing here reaches the internet.
"""

from django.test import Client

from portal.factories import UserFactory
from tests.e2e.conftest import E2E, local_page

pytestmark = E2E


def open_pages(browser, live_server, paths, user=None):
    """Open ``paths`` (as ``user``, if given); return the CSP violations Chromium reported."""
    violations = []
    page = local_page(browser, live_server, violations, user)
    statuses = {}
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        statuses[path] = response.status
    page.context.close()
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
