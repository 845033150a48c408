"""Editors' side: event types are snippets, the forms render, and an editor types an event's
times on its organiser's clock, whatever their own zone; bad zones and dates are refused."""

import datetime as dt

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text

from events.models import EventPage
from portal.factories import UserFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def form(**changes):
    data = {
        "title": "Workshop in Nairobi",
        "slug": "workshop-in-nairobi",
        "introduction": "",
        "summary": "Three days on drought response.",
        "body": rich_text("<p>The programme.</p>"),
        "start": "2027-02-09 08:30",
        "end": "2027-02-11 17:00",
        "time_zone": "Africa/Nairobi",
        "attendance_mode": "in_person",
        "venue": "UN Gigiri",
        "city": "Nairobi",
        "registration_url": "",
        "action-publish": "publish",
    } | changes
    return nested_form_data(data)


def test_event_type_snippets_and_the_forms_render(admin_client, calendar_index, calendar):
    assert admin_client.get("/admin/snippets/events/eventtype/").status_code == 200
    assert admin_client.get(f"/admin/pages/{calendar['bogota'].pk}/edit/").status_code == 200
    url = f"/admin/pages/add/events/eventpage/{calendar_index.pk}/"
    assert admin_client.get(url).status_code == 200


def test_editor_types_times_on_the_organisers_clock(admin_client, calendar_index):
    url = f"/admin/pages/add/events/eventpage/{calendar_index.pk}/"
    response = admin_client.post(url, form())
    assert response.status_code == 302, response.content.decode()[-3000:]
    page = EventPage.objects.get(slug="workshop-in-nairobi")
    assert page.start == dt.datetime(2027, 2, 9, 5, 30, tzinfo=dt.UTC)  # 08:30 in Nairobi
    assert page.end == dt.datetime(2027, 2, 11, 14, 0, tzinfo=dt.UTC)
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "2027-02-09 08:30" in edit  # shown again on the organiser's clock


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"time_zone": "Nairobi"}, "is not a time zone name"),
        ({"end": "2027-02-08 08:00"}, "must end after it starts"),
        (
            {
                "start": "2027-03-14 02:30",
                "end": "2027-03-14 05:00",
                "time_zone": "America/New_York",
            },
            "does not exist",
        ),
    ],
)
def test_the_form_refuses_bad_zones_and_times(admin_client, calendar_index, changes, message):
    url = f"/admin/pages/add/events/eventpage/{calendar_index.pk}/"
    response = admin_client.post(url, form(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EventPage.objects.filter(slug="workshop-in-nairobi").exists()
