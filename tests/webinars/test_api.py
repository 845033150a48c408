"""Webinars and series in the public API: when, where, who, how to register, what is left
after the session; members-only series and their sessions stay out of anonymous answers."""

import pytest

from library.factories import OrganisationFactory
from webinars.factories import WebinarPageFactory, WebinarSeriesPageFactory
from webinars.models import WebinarQuestion

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1:8000"


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_a_session_gives_its_schedule_speakers_and_registration(client, upcoming, series):
    data = detail(client, upcoming)
    assert data["meta"]["type"] == "webinars.WebinarPage"
    assert data["starts_at"] == upcoming.starts_at.isoformat().replace("+00:00", "Z")
    assert data["time_zone"] == "America/New_York"
    assert data["duration_minutes"] == upcoming.duration_minutes
    assert data["ends_at"] > data["starts_at"]
    [speaker] = data["speakers"]
    assert speaker["name"] == "Rana Jawad" and speaker["role"] == "Moderator"
    registration = data["registration"]
    assert registration["mode"] == "built_in" and registration["state"] == "open"
    assert registration["capacity"] == 3
    assert registration["url"] == f"{BASE}{upcoming.url}register/"
    assert data["series"] == {"id": series.pk, "title": series.title}
    assert data["recording"] is None and data["slides"] == []
    # Nothing about who registered or how to join.
    assert "join_url" not in data and "registrations" not in str(data)


def test_a_past_session_gives_its_recording_summary_and_questions(client, past):
    WebinarQuestion.objects.create(
        page=past, locale=past.locale, question="How are transfers paid?", answer="By card."
    )
    data = detail(client, past)
    assert data["recording"] == {"url": "https://www.youtube.com/watch?v=abcdefghijk", "file": None}
    assert data["summary"] == "<p>What was said.</p>"
    assert data["questions_and_answers"] == [
        {"question": "How are transfers paid?", "answer": "By card."}
    ]


def test_a_series_gives_its_concept_note(client, series):
    series.overview = "<p>Why this series.</p>"
    series.organisations = [
        OrganisationFactory(name="International Policy Centre", slug="ipc-ig", acronym="IPC-IG")
    ]
    series.reference_zones = "America/Sao_Paulo, Africa/Nairobi"
    series.save_revision().publish()
    data = detail(client, series)
    assert data["overview"] == "<p>Why this series.</p>"
    assert [o["name"] for o in data["organisations"]] == ["International Policy Centre"]
    assert data["reference_zone_list"] == ["America/Sao_Paulo", "Africa/Nairobi"]


def test_members_only_series_and_their_sessions_are_not_given_to_anonymous_callers(
    client_factory, member, webinar_index
):
    client, member_client = client_factory(), client_factory()
    member_client.force_login(member)
    hidden = WebinarSeriesPageFactory(parent=webinar_index, slug="hidden", members_only=True)
    session = WebinarPageFactory(parent=hidden, slug="inside")
    for page in (hidden, session):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert member_client.get(f"/api/v2/pages/{page.pk}/").status_code == 200
    listed = client.get("/api/v2/pages/?type=webinars.WebinarPage").json()["items"]
    assert session.pk not in {item["id"] for item in listed}
