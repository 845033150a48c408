"""Members' surveys: creating one (with bad input refused and nothing lost), answering once,
anonymous and named answers, open and close dates, results as charts and a spreadsheet for
those who may read them, closing and deleting, invitations and the timeline."""

import csv
import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from portal.exports import spreadsheet_cell
from portal.factories import UserFactory
from portal.models import NotificationPreference
from surveys.factories import make_survey
from surveys.forms import closing_instant
from surveys.models import SurveyPage, SurveyRespondent, SurveyResponse
from surveys.tasks import send_survey_emails
from tests.nu_checker import nu_errors
from tests.surveys.conftest import log_in

pytestmark = pytest.mark.django_db


def creation_data(**overrides):
    """A valid creation form: two questions and a blank row."""
    data = {
        "title": "Pensions survey",
        "introduction": "What members think of social pensions.",
        "community": "",
        "opens_on": "",
        "closes_on": "",
        "anonymous": "on",
        "thank_you": "Thanks!",
        "questions-TOTAL_FORMS": "3",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "30",
        "questions-0-label": "Which pension?",
        "questions-0-field_type": "radio",
        "questions-0-choices": "Renta Dignidad\nOld Age Grant\n\nRenta Dignidad",
        "questions-0-required": "on",
        "questions-1-label": "How useful is it?",
        "questions-1-field_type": "rating",
        "questions-2-label": "",
        "questions-2-field_type": "singleline",
    }
    data.update(overrides)
    return data


def url(survey, suffix=""):
    return f"/en/surveys/{survey.slug}/{suffix}"


# -- creating -----------------------------------------------------------------------------------


def test_a_member_creates_a_survey_of_a_community_they_belong_to(client, index, community, people):
    log_in(client, people["creator"])
    form = client.get(f"/en/surveys/new/?community={community.pk}")
    assert form.status_code == 200
    assert f'<option value="{community.pk}" selected>Pensions</option>' in form.content.decode()
    response = client.post("/en/surveys/new/", creation_data(community=str(community.pk)))
    survey = SurveyPage.objects.get()
    assert response.status_code == 302 and response["Location"] == url(survey)
    assert survey.owner == people["creator"] and survey.live
    assert survey.community_id == community.pk and survey.audience == f"cm{community.pk}"
    assert survey.state() == "open" and survey.anonymous
    questions = list(survey.form_fields.all())
    assert [(q.clean_name, q.field_type, q.required) for q in questions] == [
        ("q1", "radio", True),
        ("q2", "rating", False),
    ]
    assert questions[0].choice_list() == ["Renta Dignidad", "Old Age Grant"]  # once each


def test_a_member_may_not_ask_a_community_they_do_not_belong_to(client, index, community, people):
    log_in(client, people["outsider"])
    response = client.post("/en/surveys/new/", creation_data(community=str(community.pk)))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not SurveyPage.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"questions-0-label": "", "questions-1-label": ""}, "Ask at least one question."),
        ({"questions-0-choices": "Only one"}, "Give at least two choices, one per line."),
        ({"questions-1-label": "which pension?"}, "Each question must be different"),
        ({"opens_on": "2026-12-20", "closes_on": "2026-12-10"}, "must close on or after"),
        ({"opens_on": "2020-01-01"}, "cannot open in the past"),
        ({"closes_on": "3026-01-01"}, "Enter a date between the years"),
        ({"title": ""}, "This field is required."),
        ({"questions-TOTAL_FORMS": "31"}, "Please submit at most 30 forms."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_kept(
    client, index, people, overrides, message, settings
):
    log_in(client, people["creator"])
    data = creation_data(**overrides)
    response = client.post("/en/surveys/new/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert not SurveyPage.objects.exists()
    if data["title"]:
        assert 'value="Pensions survey"' in html  # what was typed is shown again


def test_more_questions_keeps_everything_typed_and_saves_nothing(client, index, people):
    log_in(client, people["creator"])
    response = client.post("/en/surveys/new/", creation_data(more="1", title=""))
    html = response.content.decode()
    assert response.status_code == 200 and not SurveyPage.objects.exists()
    assert "This field is required." not in html  # no errors for a form still being written
    assert 'value="Which pension?"' in html and "Old Age Grant" in html
    assert 'name="questions-TOTAL_FORMS" value="5"' in html  # two questions, three blank rows


def test_a_survey_opens_and_closes_on_the_days_chosen(client, index, people):
    log_in(client, people["creator"])
    today = timezone.now().date()
    later = today + dt.timedelta(days=5)
    client.post(
        "/en/surveys/new/",
        creation_data(opens_on=later.isoformat(), closes_on=(later + dt.timedelta(days=7))),
    )
    survey = SurveyPage.objects.get()
    assert survey.state() == "scheduled"
    assert survey.opens_at == dt.datetime.combine(later, dt.time(0), tzinfo=dt.UTC)
    # Open until the closing day has ended everywhere on Earth (UTC-12).
    assert survey.closes_at == dt.datetime(
        *(later + dt.timedelta(days=8)).timetuple()[:3], 12, tzinfo=dt.UTC
    )
    assert survey.closing_day == later + dt.timedelta(days=7)
    page = log_in(client, people["member"]).get(url(survey))
    assert "This survey opens on" in page.content.decode()
    assert 'name="q1"' not in page.content.decode()


def test_creating_is_for_members_and_rate_limited(client, index, people, settings):
    response = client.get("/en/surveys/new/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "survey_create": "1/h/user"}
    log_in(client, people["creator"])
    assert client.post("/en/surveys/new/", creation_data()).status_code == 302
    refused = client.post("/en/surveys/new/", creation_data(title="Another one"))
    assert refused.status_code == 429 and 'value="Another one"' in refused.content.decode()
    assert SurveyPage.objects.count() == 1


# -- answering ----------------------------------------------------------------------------------

ANSWER = {
    "q1": "5",
    "q2": "Library",
    "q3": ["Pensions", "Public works"],
    "q4": "=cmd|' /C calc'!A0",
}


def test_a_member_answers_once(client, index, people):
    survey = make_survey(index, people["creator"])
    log_in(client, people["member"])
    page = client.get(url(survey)).content.decode()
    assert 'name="q1"' in page and 'type="radio"' in page and 'type="checkbox"' in page
    response = client.post(url(survey), ANSWER)
    assert response.status_code == 302
    answer = SurveyResponse.objects.get()
    assert answer.form_data == {
        "q1": 5,
        "q2": "Library",
        "q3": ["Pensions", "Public works"],
        "q4": ANSWER["q4"],
    }
    assert answer.respondent is None  # anonymous: no link to who answered
    assert SurveyRespondent.objects.filter(survey=survey, user=people["member"]).exists()
    again = client.post(url(survey), ANSWER)
    assert again.status_code == 409
    assert "You have answered this survey" in again.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_a_missing_required_answer_is_refused_and_what_was_given_kept(client, index, people):
    survey = make_survey(index, people["creator"])
    log_in(client, people["member"])
    response = client.post(url(survey), {"q2": "Library", "q4": "Some thoughts"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in html and "Some thoughts" in html
    bad_rating = client.post(url(survey), {**ANSWER, "q1": "9"})
    assert bad_rating.status_code == 400 and "Select a valid choice" in bad_rating.content.decode()
    assert not SurveyResponse.objects.exists() and not SurveyRespondent.objects.exists()


def test_a_closed_survey_takes_no_answers(client, index, people):
    now = timezone.now()
    survey = make_survey(
        index, people["creator"], opens_at=now - dt.timedelta(days=3), closes_at=now
    )
    log_in(client, people["member"])
    response = client.post(url(survey), ANSWER)
    assert response.status_code == 409
    assert "This survey is closed" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_named_answers_carry_their_respondent(client, index, people):
    survey = make_survey(index, people["creator"], anonymous=False)
    people["member"].first_name, people["member"].last_name = "Ana", "Quispe"
    people["member"].save()
    log_in(client, people["member"]).post(url(survey), ANSWER)
    assert SurveyResponse.objects.get().respondent == people["member"]
    log_in(client, people["creator"])
    header, *rows = read_csv(client.get(url(survey, "results/csv/")))
    assert header[:2] == ["Respondent", "Submitted (UTC)"]
    assert rows[0][0] == "Ana Quispe"
    assert "Ana Quispe" in client.get(url(survey, "results/")).content.decode()


# -- results --------------------------------------------------------------------------------------


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def answered_survey(index, people, client, **fields):
    survey = make_survey(index, people["creator"], **fields)
    answers = [
        {"q1": "5", "q2": "Library", "q3": ["Pensions"], "q4": "More on pensions"},
        {"q1": "4", "q2": "Library", "q3": ["Pensions", "Cash transfers"], "q4": ""},
        {"q1": "3", "q2": "Webinars", "q3": [], "q4": ANSWER["q4"]},
    ]
    for name, answer in zip(("member", "other", "admin"), answers, strict=True):
        assert log_in(client, people[name]).post(url(survey), answer).status_code == 302
    return survey


def test_results_are_charts_of_the_answers(client, index, people):
    survey = answered_survey(index, people, client)
    log_in(client, people["creator"])
    response = client.get(url(survey, "results/"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 members have answered." in html
    assert "average 4.0 out of 5" in html
    # Library: 2 of 3; Webinars: 1 of 3; Communities: none. Bars are as wide as the share.
    assert '<th scope="row">Library</th>' in html and 'width="67"' in html and "67%" in html
    assert 'width="33"' in html and "0%" in html
    # Several choices: shares of the two who answered (Pensions 2 of 2).
    assert 'width="100"' in html
    assert "More on pensions" in html
    assert nu_errors(html) == []


def test_the_results_list_so_many_text_answers_and_leave_the_rest_to_the_spreadsheet(
    client, index, people, monkeypatch
):
    monkeypatch.setattr("surveys.results.TEXTS_SHOWN", 1)
    survey = answered_survey(index, people, client)
    html = log_in(client, people["creator"]).get(url(survey, "results/")).content.decode()
    assert html.count("<li>", html.index('class="survey-texts"')) == 1
    assert "And 1 more answer, in the CSV file." in html


def test_the_spreadsheet_has_every_answer_and_runs_no_formula(client, index, people):
    survey = answered_survey(index, people, client)
    log_in(client, people["creator"])
    header, *rows = read_csv(client.get(url(survey, "results/csv/")))
    assert header == [
        "How useful is it?",
        "Which section do you use most?",
        "Which topics interest you?",
        "What is missing?",
    ]
    assert sorted(rows) == sorted(
        [
            ["5", "Library", "Pensions", "More on pensions"],
            ["4", "Library", "Pensions; Cash transfers", ""],
            ["3", "Webinars", "", "'" + ANSWER["q4"]],
        ]
    )
    assert spreadsheet_cell("@SUM(A1)") == "'@SUM(A1)" and spreadsheet_cell("-2") == "'-2"


ROLES = ["member", "other", "outsider", "creator", "staff"]


def test_who_reads_the_results(client, index, people):
    """The creator and staff always; respondents once it has closed, when the creator said
    so; nobody else."""
    now = timezone.now()
    survey = answered_survey(index, people, client, results_to_respondents=True)
    # "other" answered; "outsider" did not.
    seen = {}
    for when in ("open", "closed"):
        if when == "closed":
            SurveyPage.objects.filter(pk=survey.pk).update(closes_at=now)
        for role in ROLES:
            log_in(client, people[role])
            seen[(when, role)] = (
                client.get(url(survey, "results/")).status_code,
                client.get(url(survey, "results/csv/")).status_code,
            )
    assert seen == {
        ("open", "member"): (403, 403),
        ("open", "other"): (403, 403),
        ("open", "outsider"): (403, 403),
        ("open", "creator"): (200, 200),
        ("open", "staff"): (200, 200),
        ("closed", "member"): (200, 200),
        ("closed", "other"): (200, 200),
        ("closed", "outsider"): (403, 403),
        ("closed", "creator"): (200, 200),
        ("closed", "staff"): (200, 200),
    }


# -- closing, deleting --------------------------------------------------------------------------


def test_the_creator_the_community_s_administrators_and_staff_close_and_delete(
    client, index, community, people
):
    survey = make_survey(index, people["creator"], community=community)
    log_in(client, people["member"])
    assert client.post(url(survey, "close/")).status_code == 403
    assert client.get(url(survey, "delete/")).status_code == 403
    log_in(client, people["admin"])
    assert client.get(url(survey, "close/")).status_code == 405
    assert client.post(url(survey, "close/")).status_code == 302
    survey.refresh_from_db()
    assert survey.state() == "closed"
    assert (
        "Delete this survey and its 0 answers?"
        in client.get(url(survey, "delete/")).content.decode()
    )
    assert client.post(url(survey, "delete/")).status_code == 302
    assert not SurveyPage.objects.exists()


# -- editing ------------------------------------------------------------------------------------


def test_the_creator_edits_everything_until_the_first_answer(client, index, community, people):
    survey = make_survey(index, people["creator"])
    assert log_in(client, people["member"]).get(url(survey, "edit/")).status_code == 403
    log_in(client, people["creator"])
    form = client.get(url(survey, "edit/")).content.decode()
    assert 'value="How useful is it?"' in form and "Save the changes" in form
    data = creation_data(title="Pensions survey, second draft", community=str(community.pk))
    data["questions-INITIAL_FORMS"] = "0"
    assert client.post(url(survey, "edit/"), data).status_code == 302
    survey.refresh_from_db()
    assert survey.title == "Pensions survey, second draft"
    assert survey.community_id == community.pk and survey.audience == f"cm{community.pk}"
    assert [q.label for q in survey.form_fields.all()] == ["Which pension?", "How useful is it?"]


def test_once_answered_questions_who_is_asked_and_anonymity_stay(client, index, community, people):
    survey = make_survey(index, people["creator"], community=community)
    log_in(client, people["member"]).post(url(survey), ANSWER)
    log_in(client, people["creator"])
    form = client.get(url(survey, "edit/")).content.decode()
    assert "Members have answered this survey" in form
    assert 'name="questions-TOTAL_FORMS"' not in form and "How useful is it?" in form
    later = timezone.now().date() + dt.timedelta(days=9)
    data = creation_data(
        title="Pensions survey (extended)", community="", anonymous="", closes_on=later.isoformat()
    )
    data.pop("anonymous")
    assert client.post(url(survey, "edit/"), data).status_code == 302
    survey.refresh_from_db()
    assert survey.title == "Pensions survey (extended)" and survey.closing_day == later
    # What was posted for the locked fields and the questions changed nothing.
    assert survey.community_id == community.pk and survey.anonymous
    assert [q.clean_name for q in survey.form_fields.all()] == ["q1", "q2", "q3", "q4"]
    assert SurveyResponse.objects.get().form_data["q1"] == 5


# -- invitations, timeline, listing -------------------------------------------------------------


def test_a_community_s_members_are_invited_once_it_opens(
    client, index, community, people, django_capture_on_commit_callbacks
):
    people["member"].profile.preferred_language = "es"
    people["member"].profile.save()
    NotificationPreference.objects.create(user=people["other"], kind="surveys", frequency="never")
    log_in(client, people["creator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/surveys/new/", creation_data(community=str(community.pk)))
    invited = {message.to[0]: message for message in mail.outbox}
    # The administrator and the member; not the creator, nor a member who said never.
    assert set(invited) == {"admin@example.org", "member@example.org"}
    spanish = invited["member@example.org"]
    assert spanish.subject == "Una encuesta para usted: Pensions survey"
    assert "/es/surveys/pensions-survey/" in spanish.body
    mail.outbox.clear()
    assert send_survey_emails() == (0, 0) and not mail.outbox  # once


def test_a_survey_opening_later_is_sent_when_it_opens(index, community, people):
    now = timezone.now()
    make_survey(index, people["creator"], community=community, opens_at=now + dt.timedelta(days=1))
    assert send_survey_emails(now) == (0, 0) and not mail.outbox
    assert send_survey_emails(now + dt.timedelta(days=1, minutes=1)) == (1, 0)
    assert len(mail.outbox) == 3


def test_the_scheduler_s_command_sends_what_is_due_and_says_so(index, community, people):
    make_survey(index, people["creator"], community=community)
    out = io.StringIO()
    call_command("send_survey_emails", stdout=out)
    assert out.getvalue() == "1 survey(s) opened, 0 closed: their emails are sent.\n"
    assert len(mail.outbox) == 3  # the administrator and the two other members


def test_a_survey_of_every_member_is_emailed_to_nobody(index, people):
    make_survey(index, people["creator"])
    assert send_survey_emails() == (1, 0) and not mail.outbox


def test_its_closing_is_told_to_the_creator_and_to_respondents_who_may_read_the_results(
    client, index, community, people, django_capture_on_commit_callbacks
):
    survey = make_survey(index, people["creator"], community=community, results_to_respondents=True)
    for name in ("member", "other"):
        log_in(client, people[name]).post(url(survey), ANSWER)
    NotificationPreference.objects.create(user=people["other"], kind="surveys", frequency="never")
    log_in(client, people["admin"])  # a community administrator closes it
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url(survey, "close/")).status_code == 302
    told = {message.to[0]: message for message in mail.outbox}
    assert set(told) == {"creator@example.org", "member@example.org"}
    assert "has closed with 2 answers" in told["creator@example.org"].body
    assert f"/en/surveys/{survey.slug}/results/" in told["member@example.org"].body
    mail.outbox.clear()
    assert send_survey_emails() == (0, 0) and not mail.outbox  # once


def test_a_survey_that_closes_on_its_day_is_told_then_and_again_if_reopened(client, index, people):
    now = timezone.now()
    survey = make_survey(index, people["creator"], closes_at=now + dt.timedelta(days=2))
    assert send_survey_emails(now + dt.timedelta(minutes=1)) == (1, 0)
    assert send_survey_emails(now + dt.timedelta(days=3)) == (0, 1)
    assert [message.to[0] for message in mail.outbox] == ["creator@example.org"]
    assert "has closed with 0 answers" in mail.outbox[0].body
    later = (now + dt.timedelta(days=10)).date()
    log_in(client, people["creator"]).post(
        url(survey, "edit/"), creation_data(closes_on=later.isoformat())
    )
    assert send_survey_emails(now + dt.timedelta(days=12)) == (0, 1)
    assert len(mail.outbox) == 2


def test_the_timeline_and_the_listing_show_the_surveys_a_member_is_asked(
    client, index, community, people
):
    everyone = make_survey(index, people["creator"], title="Everyone's survey")
    ours = make_survey(index, people["creator"], title="Our survey", community=community)
    log_in(client, people["member"])
    timeline = client.get("/en/my-portal/").content.decode()
    assert "Everyone&#x27;s survey" in timeline and "Our survey" in timeline
    listing = client.get("/en/surveys/").content.decode()
    assert "Everyone&#x27;s survey" in listing and "Our survey" in listing
    assert nu_errors(listing) == []
    log_in(client, people["member"]).post(url(ours), ANSWER)
    listing = client.get(f"/en/surveys/?community={community.pk}").content.decode()
    assert "Surveys of Pensions" in listing and "You answered" in listing
    assert "Everyone&#x27;s survey" not in listing
    log_in(client, people["outsider"])
    listing = client.get("/en/surveys/").content.decode()
    assert "Everyone&#x27;s survey" in listing and "Our survey" not in listing
    assert everyone.audience == "members"


def test_the_listing_names_a_hidden_community_only_to_its_members(client, index, community, people):
    community.privacy = "hidden"
    community.save_revision().publish()
    make_survey(index, people["creator"], title="Our hidden survey", community=community)
    listing = f"/en/surveys/?community={community.pk}"
    html = log_in(client, people["outsider"]).get(listing).content.decode()
    assert "Pensions" not in html and "Our hidden survey" not in html
    html = log_in(client, people["member"]).get(listing).content.decode()
    assert "Surveys of Pensions" in html and "Our hidden survey" in html


def test_the_listing_costs_the_same_queries_however_many_surveys(client, index, community, people):
    log_in(client, people["member"])
    make_survey(index, people["creator"], community=community)
    client.get("/en/surveys/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/surveys/")
    for number in range(6):
        make_survey(index, people["creator"], title=f"Survey {number}", community=community)
    client.get("/en/surveys/")  # the menus, read again once pages were published
    with CaptureQueriesContext(connection) as many:
        client.get("/en/surveys/")
    assert len(many) == len(few)


# The checker's advice to test date fields in every browser: every browser the portal
# supports has a date picker.
DATE_ADVICE = "input type is not supported in all browsers"


def test_the_pages_are_valid_html_in_every_language(client, index, community, people):
    survey = make_survey(index, people["creator"], community=community)
    log_in(client, people["creator"])
    for path in ("/en/surveys/new/", "/fr/surveys/new/", url(survey), url(survey, "edit/")):
        response = client.get(path)
        assert response.status_code == 200, path
        errors = nu_errors(response.content.decode())
        assert [error for error in errors if DATE_ADVICE not in error] == [], path
    spanish = client.get(f"/es/surveys/{survey.slug}/").content.decode()
    assert "Enviar mis respuestas" in spanish


def test_a_closing_day_is_over_everywhere_before_the_survey_closes():
    day = dt.date(2026, 12, 31)
    assert closing_instant(day) == dt.datetime(2027, 1, 1, 12, tzinfo=dt.UTC)


def admin_questions(survey):
    """The survey's questions as the admin's inline panel sends them."""
    return [
        {
            "id": question.pk,
            "ORDER": str(number),
            "label": question.label,
            "help_text": question.help_text,
            "field_type": question.field_type,
            "choices": question.choices,
            **({"required": "on"} if question.required else {}),
        }
        for number, question in enumerate(survey.form_fields.all(), start=1)
    ]


def admin_data(survey, questions=None, **changes):
    """The admin's edit form of ``survey`` as an editor would send it, with ``changes``."""
    questions = admin_questions(survey) if questions is None else questions
    fields = {
        "title": survey.title,
        "slug": survey.slug,
        "introduction": survey.introduction,
        "shared_with": survey.shared_with,
        "community": survey.community_id or "",
        "opens_at": survey.opens_at.strftime("%Y-%m-%d %H:%M"),
        "closes_at": "",
        "anonymous": "on",
        "thank_you": survey.thank_you,
        "form_fields": inline_formset(questions, initial=len(questions)),
        "action-publish": "publish",
    }
    return nested_form_data({**fields, **changes})


def test_the_admin_keeps_an_answered_survey_s_questions(client, index, people):
    survey = make_survey(index, people["creator"])
    log_in(client, people["member"]).post(url(survey), ANSWER)
    log_in(client, UserFactory(username="root", is_staff=True, is_superuser=True))
    edit = f"/admin/pages/{survey.pk}/edit/"
    assert client.get(edit).status_code == 200
    questions = admin_questions(survey)
    questions[0]["label"] = "Changed"
    refused = client.post(edit, admin_data(survey, questions))
    assert refused.status_code == 200
    assert "its questions can no longer change" in refused.content.decode()
    anonymity = client.post(edit, admin_data(survey, anonymous=""))
    assert "this can no longer change" in anonymity.content.decode()
    survey.refresh_from_db()
    assert survey.form_fields.first().label == "How useful is it?" and survey.anonymous
    assert client.post(edit, admin_data(survey, title="Renamed by an editor")).status_code == 302
    survey.refresh_from_db()
    assert survey.title == "Renamed by an editor"
