"""Editors' side: page types are creatable where they belong and their forms render."""

import datetime as dt

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.factories import UserFactory
from webinars.models import WebinarIndexPage, WebinarPage, WebinarSeriesPage


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_page_types_hang_where_they_belong(db):
    assert WebinarSeriesPage.can_create_at(WebinarIndexPage())
    assert WebinarPage.can_create_at(WebinarSeriesPage())
    assert not WebinarPage.can_create_at(Page())


def test_edit_and_add_forms_render(admin_client, series, upcoming):
    assert admin_client.get(f"/admin/pages/{upcoming.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/{series.pk}/edit/").status_code == 200
    url = f"/admin/pages/add/webinars/webinarpage/{series.pk}/"
    assert admin_client.get(url).status_code == 200


def test_editor_schedules_a_session_through_the_form(admin_client, series):

    data = nested_form_data(
        {
            "title": "Scheduled in Paris",
            "slug": "scheduled-in-paris",
            "introduction": "",
            "abstract": rich_text("<p>About.</p>"),
            "start_date": "2030-03-31",
            "start_time": "10:00",
            "time_zone": "Europe/Paris",
            "duration_minutes": "60",
            "registration_mode": "built_in",
            "summary": rich_text(""),
            "speaker_roles": inline_formset([]),
            "presentations": inline_formset([]),
            "questions": inline_formset([]),
            "related_links": inline_formset([]),
            "captions": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["languages"] = ["en", "fr"]  # a multiple choice: one key, several values
    response = admin_client.post(f"/admin/pages/add/webinars/webinarpage/{series.pk}/", data)
    assert response.status_code == 302
    page = WebinarPage.objects.get(slug="scheduled-in-paris")
    assert page.languages == "en,fr"
    assert page.starts_at == dt.datetime(2030, 3, 31, 8, 0, tzinfo=dt.UTC)


def test_the_form_refuses_an_unknown_time_zone(admin_client, series):
    data = nested_form_data(
        {
            "title": "Bad zone",
            "slug": "bad-zone",
            "abstract": rich_text(""),
            "summary": rich_text(""),
            "start_date": "2030-03-31",
            "start_time": "10:00",
            "time_zone": "Paris",
            "duration_minutes": "60",
            "registration_mode": "built_in",
            "speaker_roles": inline_formset([]),
            "presentations": inline_formset([]),
            "questions": inline_formset([]),
            "related_links": inline_formset([]),
            "captions": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["languages"] = ["en"]
    response = admin_client.post(f"/admin/pages/add/webinars/webinarpage/{series.pk}/", data)
    assert response.status_code == 200
    assert "is not a time zone name" in response.content.decode()
    assert not WebinarPage.objects.filter(slug="bad-zone").exists()
