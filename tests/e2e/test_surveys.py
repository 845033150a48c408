"""In a real browser: a community administrator writes a survey (asking for more questions on
the way), a member answers it in Spanish after a refused first try, and the administrator
reads the results as a chart whose bars are as wide as their shares; no page breaks the
Content-Security-Policy (the bars are SVG, not inline styles)."""

from community_pages.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    MembershipFactory,
)
from portal.factories import UserFactory
from surveys.factories import SurveyIndexPageFactory
from surveys.models import SurveyPage, SurveyResponse
from tests.e2e.conftest import E2E, local_page

pytestmark = E2E


def test_an_administrator_runs_a_survey_and_reads_its_chart(live_server, home, browser):
    SurveyIndexPageFactory(parent=home)
    community = CommunityPageFactory(
        parent=CommunityIndexPageFactory(parent=home), title="Pensions", slug="pensions"
    )
    admin = UserFactory(username="martha", email="martha@example.org")
    member = UserFactory(username="tomas", email="tomas@example.org")
    MembershipFactory(community=community, user=admin, role="admin")
    MembershipFactory(community=community, user=member)
    violations = []

    page = local_page(browser, live_server, violations, admin)
    page.goto(f"{live_server.url}/en/surveys/new/?community={community.pk}")
    page.fill("#id_title", "Which pension works best?")
    page.fill("#id_questions-0-label", "Which pension do you know best?")
    page.select_option("#id_questions-0-field_type", "radio")
    page.fill("#id_questions-0-choices", "Renta Dignidad\nOld Age Grant\nBPC")
    page.check("#id_questions-0-required")
    page.fill("#id_questions-1-label", "How well is it run?")
    page.select_option("#id_questions-1-field_type", "rating")
    page.click("button[name=more]")
    page.locator("#id_questions-4-label").wait_for()
    assert page.locator("fieldset.survey-question-form").count() == 5
    assert page.input_value("#id_questions-0-choices") == "Renta Dignidad\nOld Age Grant\nBPC"
    page.fill("#id_questions-2-label", "What should change?")
    page.select_option("#id_questions-2-field_type", "multiline")
    page.click("text=Publish the survey")
    page.get_by_text("Your survey is open for answers.").wait_for()
    survey = SurveyPage.objects.get()
    assert page.url == f"{live_server.url}/en/surveys/{survey.slug}/"
    assert survey.community_id == community.pk and survey.owner == admin

    answering = local_page(browser, live_server, violations, member)
    answering.goto(f"{live_server.url}/es/surveys/{survey.slug}/")
    answering.click("text=Enviar mis respuestas")
    answering.locator(".errors").wait_for()
    assert answering.locator(".errors").count() == 1  # the required question
    answering.check("text=Old Age Grant")
    answering.check("text=4")
    answering.fill("textarea[name=q3]", "Pagos más puntuales")
    answering.click("text=Enviar mis respuestas")
    answering.get_by_text("Gracias: sus respuestas están guardadas.").wait_for()
    assert SurveyResponse.objects.get().form_data == {
        "q1": "Old Age Grant",
        "q2": 4,
        "q3": "Pagos más puntuales",
    }

    page.goto(f"{live_server.url}/en/surveys/{survey.slug}/results/")
    bars = page.locator("table.survey-chart").first.locator("svg.bar")
    widths = [bars.nth(n).locator("rect").bounding_box()["width"] for n in range(3)]
    full = bars.nth(1).bounding_box()["width"]
    assert widths[0] == widths[2] == 0 and abs(widths[1] - full) < 1  # Old Age Grant: 100%
    assert "Pagos más puntuales" in page.content()
    assert violations == []
