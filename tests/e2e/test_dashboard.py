"""In a real browser: a staff member opens the usage dashboard, sees its charts drawn (bars
as tall as their numbers), filters it to Spanish and opens a chart's numbers; nothing breaks
the Content-Security-Policy."""

import datetime

from django.utils import timezone

from portal.factories import StandardPageFactory, UserFactory
from portal.models import PageView
from tests.e2e.conftest import E2E, local_page

pytestmark = E2E


def test_staff_read_the_dashboard_s_charts(live_server, home, browser):
    staff = UserFactory(username="ana", email="ana@example.org", is_staff=True, is_superuser=True)
    about = StandardPageFactory(parent=home, title="About the portal", slug="about")
    today = timezone.localdate()
    for age, count in ((1, 40), (2, 10), (3, 20)):
        PageView.objects.create(page=about, day=today - datetime.timedelta(days=age), count=count)
    violations = []
    page = local_page(browser, live_server, violations, staff)
    page.goto(f"{live_server.url}/admin/insights/usage/")
    views = page.locator("figure.chart").first
    assert views.locator("figcaption").inner_text() == "Page views per day"
    heights = {
        float(bar.get_attribute("height"))
        for bar in views.locator("rect.chart__bar").all()
        if float(bar.get_attribute("height")) > 0
    }
    assert len(heights) == 3 and max(heights) == 4 * min(heights), "40 is four times 10"
    assert views.locator("svg").bounding_box()["width"] > 300
    views.locator("summary").click()
    assert views.locator("tfoot td").inner_text() == "70"
    assert "About the portal" in page.locator("#top-pages").inner_text()
    page.select_option("#id_language", "es")
    page.click("button[type=submit]:has-text('Show')")
    page.wait_for_url("**language=es**")
    assert "No page was viewed in this range." in page.content()
    assert violations == []
