"""Exports from the admin: members, community memberships, webinar registrations and
publications as CSV and XLSX, filtered as chosen, streamed in a fixed number of queries, for
staff holding each export's permission only, every export recorded in the log; the one-click
members export of a community; the Wagtail users listing's export."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail import hooks

from community_pages.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    MembershipFactory,
)
from community_pages.models import Membership
from insights.exports import MEMBERS, exports_for
from insights.models import ExportRecord
from library.factories import DocumentTypeFactory, LibraryIndexPageFactory, PublicationPageFactory
from portal.factories import CountryFactory, ThemeFactory, UserFactory
from portal.models import MemberProfile
from webinars.factories import (
    WebinarIndexPageFactory,
    WebinarPageFactory,
    WebinarSeriesPageFactory,
)
from webinars.models import Attendance, Registration

pytestmark = pytest.mark.django_db

URL = "/admin/exports/"


def grant(user, *codenames):
    """Give ``user`` admin access (the Editors group) and the insights permissions named."""
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="insights", codename__in=codenames)
    )
    return get_user_model().objects.get(pk=user.pk)  # a fresh permission cache


@pytest.fixture
def staff(db):
    user = UserFactory(username="staffer", email="staffer@example.org", is_staff=True)
    return grant(
        user, "export_members", "export_webinars", "export_publications", "view_exportrecord"
    )


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def community(home):
    return CommunityPageFactory(
        parent=CommunityIndexPageFactory(parent=home), title="Pensions", slug="pensions"
    )


@pytest.fixture
def people(community):
    """Ana (Brazil, in the community), Bruno (Kenya, a pending request), Carla (no community)."""
    brazil, kenya = CountryFactory(), CountryFactory(name="Kenya", iso_code="KE")
    theme = ThemeFactory(name="Pensions")
    users = {}
    for name, country, joined in (
        ("ana", brazil, dt.datetime(2025, 1, 10, tzinfo=dt.UTC)),
        ("bruno", kenya, dt.datetime(2025, 6, 10, tzinfo=dt.UTC)),
        ("carla", None, dt.datetime(2026, 2, 1, tzinfo=dt.UTC)),
    ):
        user = UserFactory(username=name, first_name=name.title(), last_name="Silva")
        get_user_model().objects.filter(pk=user.pk).update(date_joined=joined)
        MemberProfile.objects.filter(user=user).update(
            organisation=f"{name.title()} Institute", country=country
        )
        users[name] = user
    users["ana"].profile.expertise.add(theme)
    MembershipFactory(community=community, user=users["ana"], role=Membership.Role.ADMIN)
    MembershipFactory(community=community, user=users["bruno"], status=Membership.Status.PENDING)
    return users


def csv_rows(response):
    """The rows of a streamed CSV response (header first)."""
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_rows(response):
    """The rows of an XLSX response (header first), and the workbook's first sheet."""
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()], sheet


def by_username(rows, column=1):
    return {row[column]: row for row in rows[1:]}


def test_members_csv_has_the_header_and_each_members_profile(staff_client, people):
    response = staff_client.get(URL + "members/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"].startswith("private, no-store")
    assert 'attachment; filename="members-' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == [str(heading) for heading in MEMBERS.header]
    ana = by_username(rows)["ana"]
    assert ana[2:5] == ["Ana", "Silva", "ana@example.org"]
    assert ana[8:11] == ["Ana Institute", "Brazil", "Pensions"]
    assert ana[13] == "Pensions"
    assert by_username(rows)["bruno"][13] == ""  # a pending request is not a membership
    assert "staffer" in by_username(rows)


def test_members_xlsx_has_the_same_columns_and_typed_values(staff_client, people):
    response = staff_client.get(URL + "members/?format=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Cache-Control"].startswith("private, no-store")
    rows, _sheet = xlsx_rows(response)
    assert rows[0] == [str(heading) for heading in MEMBERS.header]
    ana = by_username(rows)["ana"]
    assert ana[4] == "ana@example.org" and ana[5] is True
    assert ana[6] == dt.datetime(2025, 1, 10)
    assert ana[9] == "Brazil" and ana[13] == "Pensions"


def test_xlsx_keeps_a_formula_as_text(staff_client, people):
    get_user_model().objects.filter(username="ana").update(first_name='=HYPERLINK("x")')
    rows, sheet = xlsx_rows(staff_client.get(URL + "members/?format=xlsx"))
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "ana")
    assert row[2].value == '\'=HYPERLINK("x")' and row[2].data_type == "s"


def test_members_filters_by_join_date_country_and_community(staff_client, people, community):
    def usernames(query):
        return set(by_username(csv_rows(staff_client.get(URL + "members/?" + query))))

    assert {"ana", "bruno", "carla", "staffer"} <= usernames("")
    assert usernames("joined_from=2025-01-01&joined_to=2025-12-31") == {"ana", "bruno"}
    assert usernames(f"country={CountryFactory(name='Kenya', iso_code='KE').pk}") == {"bruno"}
    assert usernames(f"community={community.pk}") == {"ana"}


def test_memberships_filter_by_community_status_and_role(staff_client, people, community):
    other = CommunityPageFactory(parent=community.get_parent(), title="Cash transfers")
    MembershipFactory(community=other, user=people["carla"])

    def rows(query):
        return csv_rows(staff_client.get(URL + "memberships/?" + query))[1:]

    assert {(r[0], r[2]) for r in rows("")} == {
        ("Pensions", "ana"),
        ("Pensions", "bruno"),
        ("Cash transfers", "carla"),
    }
    assert [r[2] for r in rows(f"community={community.pk}&status=pending")] == ["bruno"]
    ana = rows(f"community={community.pk}&role=admin")
    assert [(r[1], r[2], r[3], r[4], r[5]) for r in ana] == [
        ("Ana Silva", "ana", "ana@example.org", "Administrator", "Member")
    ]


def test_registrations_say_who_attended_and_filter_by_series_and_attendance(staff_client, home):
    series = WebinarSeriesPageFactory(parent=WebinarIndexPageFactory(parent=home))
    session = WebinarPageFactory(parent=series, title="Pensions 101")
    loose = WebinarPageFactory(parent=series.get_parent(), title="Loose session")
    for webinar, email in ((session, "ana@example.org"), (session, "jo@example.org")):
        Registration.objects.create(webinar=webinar, name=email[:2], email=email)
    Registration.objects.create(webinar=loose, name="Lu", email="lu@example.org")
    Attendance.objects.create(
        webinar=session, webinar_key=session.translation_key, email="ana@example.org", minutes=55
    )
    Attendance.objects.create(  # a walk-in: attended without registering
        webinar=session,
        webinar_key=session.translation_key,
        email="walk@example.org",
        name="Walk In",
        minutes=20,
    )

    def rows(query):
        return csv_rows(staff_client.get(URL + "registrations/?" + query))[1:]

    everyone = rows("")
    assert {r[3]: (r[0], r[2], r[8], r[9], r[10]) for r in everyone} == {
        "ana@example.org": ("Pensions 101", "an", "True", "55", "False"),
        "jo@example.org": ("Pensions 101", "jo", "False", "", "False"),
        "lu@example.org": ("Loose session", "Lu", "False", "", "False"),
        "walk@example.org": ("Pensions 101", "Walk In", "True", "20", "True"),
    }
    # Only the walk-in has no registration date.
    assert [r[3] for r in everyone if not r[7]] == ["walk@example.org"]
    assert {r[3] for r in rows(f"series={series.pk}")} == {
        "ana@example.org",
        "jo@example.org",
        "walk@example.org",
    }
    assert [r[3] for r in rows(f"webinar={loose.pk}")] == ["lu@example.org"]
    assert [r[3] for r in rows("attended=yes")] == ["ana@example.org", "walk@example.org"]
    assert {r[3] for r in rows("attended=no")} == {"jo@example.org", "lu@example.org"}


@pytest.fixture
def publications(home, locales):
    library = LibraryIndexPageFactory(parent=home)
    library.copy_for_translation(locales["es"]).save_revision().publish()
    report, brief = DocumentTypeFactory(name="Report"), DocumentTypeFactory(name="Brief")
    pensions, cash = ThemeFactory(name="Pensions"), ThemeFactory(name="Cash transfers")
    brazil = CountryFactory()
    study = PublicationPageFactory(
        parent=library,
        title="Pension study",
        year=2021,
        terms={"document_type": report, "themes": [pensions], "countries": [brazil]},
    )
    study.save_revision().publish()
    spanish = study.copy_for_translation(locales["es"])
    spanish.title = "Estudio de pensiones"
    spanish.save_revision().publish()
    old = PublicationPageFactory(
        parent=library, title="Old brief", year=2010, terms={"document_type": brief}
    )
    old.themes.set([cash])
    old.save()
    PublicationPageFactory(parent=library, title="Draft", year=2022, live=False)
    return {"report": report, "pensions": pensions, "study": study}


def test_publications_come_once_per_translation_with_their_classification(
    staff_client, publications
):
    rows = csv_rows(staff_client.get(URL + "publications/"))
    by_title = {row[3]: row for row in rows[1:]}
    assert set(by_title) == {"Pension study", "Estudio de pensiones", "Old brief", "Draft"}
    english, spanish = by_title["Pension study"], by_title["Estudio de pensiones"]
    assert english[1] == spanish[1] == str(publications["study"].translation_key)
    assert (english[2], spanish[2]) == ("en", "es")
    assert english[6:12] == ["2021", "", "Report", "", "Pensions", "Brazil"]
    assert spanish[8] == "Report" and spanish[10] == "Pensions"
    assert english[15] == "Silva, Ana; Martin, Paul"


def test_publications_filter_by_language_type_theme_years_and_live(staff_client, publications):
    def titles(query):
        return {row[3] for row in csv_rows(staff_client.get(URL + "publications/?" + query))[1:]}

    assert titles("language=es") == {"Estudio de pensiones"}
    assert titles(f"document_type={publications['report'].pk}") == {
        "Pension study",
        "Estudio de pensiones",
    }
    assert titles(f"theme={publications['pensions'].pk}&language=en") == {"Pension study"}
    assert titles("year_from=2015&year_to=2021") == {"Pension study", "Estudio de pensiones"}
    assert "Draft" in titles("") and "Draft" not in titles("live_only=on")


def test_an_export_is_recorded_with_its_filters_format_and_row_count(
    staff_client, staff, people, community
):
    response = staff_client.get(URL + f"memberships/?community={community.pk}&format=csv")
    record = ExportRecord.objects.get()
    assert (record.user, record.username, record.export, record.format) == (
        staff,
        "staffer",
        "memberships",
        "csv",
    )
    assert record.filters == {"community": str(community.pk)}
    assert record.row_count is None  # not sent yet
    assert len(csv_rows(response)) == 3
    record.refresh_from_db()
    assert record.row_count == 2
    staff_client.get(URL + "members/?format=xlsx")
    newest = ExportRecord.objects.first()
    assert (newest.export, newest.format, newest.row_count) == ("members", "xlsx", 4)


def test_the_export_log_lists_exports_newest_first(staff_client, people):
    staff_client.get(URL + "members/?format=xlsx")
    staff_client.get(URL + "publications/?format=xlsx")
    response = staff_client.get(URL + "log/")
    assert response.status_code == 200
    text = response.content.decode()
    assert text.index("Publications") < text.index("Members</td>")


def test_anonymous_readers_are_sent_to_log_in(client, people):
    response = client.get(URL + "members/?format=csv")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not ExportRecord.objects.exists()


def test_members_without_admin_access_get_no_export(member_client, people):
    response = member_client.get(URL + "members/?format=csv")
    assert response.status_code == 302 and not getattr(response, "streaming", False)
    assert member_client.get(URL).status_code == 302
    assert not ExportRecord.objects.exists()


def test_an_editor_without_the_permission_gets_403_and_sees_no_export(
    client, staff_client, editor, people
):
    assert staff_client.get(URL + "members/").status_code == 200  # positive control
    assert "Exports" in staff_client.get("/admin/").content.decode()
    ExportRecord.objects.all().delete()
    client.force_login(editor)
    assert client.get(URL + "members/?format=csv").status_code == 403
    assert client.get(URL).status_code == 403
    assert f'href="{URL}"' not in client.get("/admin/").content.decode()
    assert not ExportRecord.objects.exists()


def test_a_permission_opens_its_exports_only(client, people):
    user = grant(UserFactory(username="librarian", is_staff=True), "export_publications")
    assert [export.name for export in exports_for(user)] == ["publications"]
    client.force_login(user)
    page = client.get(URL).content.decode()
    assert "Download spreadsheet (XLSX)" in page and f"{URL}publications/" in page
    assert f"{URL}members/" not in page
    assert client.get(URL + "members/").status_code == 403
    assert client.get(URL + "publications/").status_code == 200


def test_staff_without_the_is_staff_flag_get_no_export(client, people):
    user = grant(UserFactory(username="helper"), "export_members")
    client.force_login(user)
    assert client.get(URL + "members/").status_code == 403


@pytest.mark.parametrize(
    "query, message",
    [
        ("members/?joined_from=yesterday", "Enter a valid date."),
        ("members/?joined_from=2025-02-01&joined_to=2025-01-01", "comes before its start"),
        ("members/?country=999999", "Select a valid choice."),
        ("publications/?year_from=99999", "less than or equal to 2100"),
        ("members/?format=pdf", "Choose CSV or XLSX"),
    ],
)
def test_bad_filters_show_the_form_with_an_error(staff_client, people, query, message):
    response = staff_client.get(URL + query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ExportRecord.objects.exists()


def test_an_unknown_export_is_not_found(staff_client):
    # The 404 is answered by LocaleMiddleware's redirect to a language prefix, where the
    # admin is not.
    response = staff_client.get(URL + "secrets/", follow=True)
    assert response.status_code == 404 and not ExportRecord.objects.exists()


def bulk_members(count, community):
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"bulk{i}", email=f"bulk{i}@example.org") for i in range(count)]
    )
    users = list(User.objects.filter(username__startswith="bulk"))
    MemberProfile.objects.bulk_create([MemberProfile(user=user) for user in users])
    Membership.objects.bulk_create([Membership(community=community, user=u) for u in users])


@pytest.mark.parametrize("count", [50, 500])
@pytest.mark.parametrize("export", ["members", "memberships"])
def test_an_export_runs_a_fixed_number_of_queries(
    staff_client, community, django_assert_max_num_queries, count, export
):
    bulk_members(count, community)
    staff_client.get(URL + f"{export}/?format=csv")  # warm the session and permission caches
    with django_assert_max_num_queries(12):
        rows = csv_rows(staff_client.get(URL + f"{export}/?format=csv"))
    assert len(rows) >= count + 1


# Few publications: each copy is a page (tree, revisions, read model, index), slow to make on
# PostgreSQL; the query ceiling is the same for 3 and for 40.
@pytest.mark.parametrize("count", [3, 40])
def test_publications_export_runs_a_fixed_number_of_queries(
    staff_client, home, django_assert_max_num_queries, count
):
    library = LibraryIndexPageFactory(parent=home)
    theme = ThemeFactory()
    first = PublicationPageFactory(parent=library, terms={"themes": [theme]})
    for number in range(count - 1):
        first.copy(update_attrs={"title": f"Copy {number}", "slug": f"copy-{number}"})
    with django_assert_max_num_queries(16):
        rows = csv_rows(staff_client.get(URL + "publications/?format=csv"))
    assert len(rows) == count + 1 and rows[-1][10] == theme.name


def test_the_community_health_hook_offers_its_members_as_a_spreadsheet(
    rf, client, staff, editor, people, community
):
    request = rf.get("/admin/communities/health/")
    request.user = staff
    links = [
        link
        for hook in hooks.get_hooks("community_health_row_links")
        for link in hook(request, community)
    ]
    assert len(links) == 1
    label, url = links[0]
    assert str(label) == "Export members" and "format=xlsx" in url
    client.force_login(staff)
    rows, _sheet = xlsx_rows(client.get(url))
    assert [row[2] for row in rows[1:]] == ["ana"]  # active members only, not Bruno's request
    request.user = editor
    assert [
        link
        for hook in hooks.get_hooks("community_health_row_links")
        for link in hook(request, community)
    ] == []


def test_the_users_listing_exports_its_users(client, people):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/admin/users/?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, body = rows[0], [row for row in rows[1:] if row]
    assert header[:4] == ["Username", "First name", "Last name", "Email"]
    assert len(body) == get_user_model().objects.count()
    ana = next(row for row in body if "ana@example.org" in row)
    assert ana[:4] == ["ana", "Ana", "Silva", "ana@example.org"]
