"""Registrants' personal data and audience figures are for staff only."""

import pytest

from portal.factories import UserFactory
from webinars import stats
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


@pytest.fixture
def figures_staff(editor):
    """An editor granted the registration permission: the one that opens audience figures."""
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="webinars", codename="view_registration")
    )
    return editor


def _figures_everywhere(client, user, webinar, series):
    """Whether the audience figures show on the admin screen, the webinar page and the
    series page, for this user."""
    client.force_login(user)
    admin = client.get("/admin/webinars/figures/")
    return {
        "admin": admin.status_code == 200 and webinar.title in admin.content.decode(),
        "webinar page": "Audience figures (staff only)" in client.get(webinar.url).content.decode(),
        "series page": "Audience figures (staff only)" in client.get(series.url).content.decode(),
    }


def test_staff_without_the_permission_see_figures_nowhere(client, editor, upcoming, series):
    register(upcoming, email="ana@example.org", name="Ana Souza")
    assert editor.is_staff and not editor.has_perm(stats.AUDIENCE_DATA_PERMISSION)
    assert not stats.can_see_audience_data(editor)
    assert _figures_everywhere(client, editor, upcoming, series) == {
        "admin": False,
        "webinar page": False,
        "series page": False,
    }


def test_staff_with_the_permission_see_figures_on_both_surfaces(
    client, figures_staff, upcoming, series
):
    register(upcoming, email="ana@example.org", name="Ana Souza")
    assert figures_staff.is_staff and not figures_staff.is_superuser
    assert stats.can_see_audience_data(figures_staff)
    assert _figures_everywhere(client, figures_staff, upcoming, series) == {
        "admin": True,
        "webinar page": True,
        "series page": True,
    }


def test_the_permission_without_staff_status_opens_no_figures(client, member, upcoming, series):
    """The permission alone (a non-staff account) does not open them either."""
    from django.contrib.auth.models import Permission

    member.user_permissions.add(
        Permission.objects.get(content_type__app_label="webinars", codename="view_registration")
    )
    assert not stats.can_see_audience_data(member)
    client.force_login(member)
    assert "Audience figures" not in client.get(upcoming.url).content.decode()
    assert "Audience figures" not in client.get(series.url).content.decode()
