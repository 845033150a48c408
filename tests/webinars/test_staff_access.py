"""Registrants' personal data and audience figures are for staff only."""

import pytest

from portal.factories import UserFactory
from webinars.registration import register


@pytest.fixture
def admin_user(db):
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


def test_admin_registrant_listing_and_csv_export_for_superuser(client, admin_user, upcoming):
    register(upcoming, email="ana@example.org", name="Ana Souza", organisation="MDS")
    client.force_login(admin_user)
    response = client.get("/admin/webinar_registrations/")
    assert response.status_code == 200
    assert "ana@example.org" in response.content.decode()
    export = client.get("/admin/webinar_registrations/?export=csv")
    assert export.status_code == 200
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Ana Souza" in body and "MDS" in body


def test_editor_without_permission_gets_no_registrant_data(client, editor, upcoming):
    register(upcoming, email="ana@example.org", name="Ana Souza")
    client.force_login(editor)
    for url in (
        "/admin/webinar_registrations/",
        "/admin/webinars/figures/",
        "/admin/webinars/attendance/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "ana@example.org" not in response.content.decode()


def test_member_and_anonymous_cannot_reach_admin_data(client, member, upcoming):
    register(upcoming, email="ana@example.org", name="Ana Souza")
    assert client.get("/admin/webinars/figures/").status_code == 302
    client.force_login(member)
    response = client.get("/admin/webinar_registrations/")
    assert response.status_code in (302, 403)


def test_figures_page_and_staff_box(client, admin_user, upcoming, series):
    register(upcoming, email="ana@example.org", name="Ana Souza")
    client.force_login(admin_user)
    html = client.get("/admin/webinars/figures/").content.decode()
    assert series.title in html and upcoming.title in html
    assert "Audience figures (staff only)" in client.get(series.url).content.decode()


def test_attendance_import_form_in_admin(client, admin_user, upcoming):
    from django.core.files.uploadedfile import SimpleUploadedFile

    register(upcoming, email="ana@example.org", name="Ana Souza")
    client.force_login(admin_user)
    upload = SimpleUploadedFile("report.csv", b"Email\nana@example.org\nwho@example.org\n")
    response = client.post("/admin/webinars/attendance/", {"webinar": upcoming.pk, "file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "who@example.org" in html
