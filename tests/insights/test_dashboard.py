"""The staff dashboard: its numbers against the raw rows, its filters, who may open it, bad
input, and a constant number of queries whatever the number of pages and communities."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from community_pages.factories import (
    CommentFactory,
    CommunityIndexPageFactory,
    CommunityPageFactory,
    MembershipFactory,
    ThreadFactory,
)
from community_pages.models import (
    Attachment,
    AttachmentDownload,
    CommunityFile,
    CommunityFileDownload,
    Membership,
)
from insights import dashboard
from library.models import DownloadCount, PublicationFile
from portal.charts import Chart, Series, nice_ceiling
from portal.factories import StandardPageFactory, UserFactory
from portal.models import DocumentDownload, PageView
from tests.nu_checker import nu_errors

URL = "/admin/insights/usage/"


def today():
    """Today, when the test runs (a run may cross midnight)."""
    return timezone.localdate()


def days_ago(n):
    return today() - datetime.timedelta(days=n)


@pytest.fixture
def staff(db):
    return UserFactory(
        username="staff", email="staff@example.org", is_staff=True, is_superuser=True
    )


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def used(home, library, publish, taxonomy, pdf_document):
    """Pages and publications with views and downloads on chosen days and countries."""
    about = StandardPageFactory(parent=home, title="About the portal", slug="about")
    cash = publish("Cash transfers in Kenya", themes=[taxonomy["cct"]])
    health = publish("Health insurance at scale", themes=[taxonomy["health"]])
    spanish = publish("Transferencias en México", parent=library["es"])
    secret = publish("Members-only working paper", members_only=True)
    for page, rows in (
        (about, [(1, "", 30), (2, "KE", 5), (200, "", 999)]),
        (cash, [(1, "", 10), (3, "KE", 7)]),
        (health, [(5, "BR", 4)]),
        (spanish, [(1, "MX", 12), (10, "", 8)]),
        (secret, [(2, "", 3)]),
    ):
        for age, country, count in rows:
            PageView.objects.create(page=page, day=days_ago(age), country=country, count=count)

    def downloads(page, rows):
        document = pdf_document(f"{page.title} file", filename=f"{page.slug}.pdf")
        PublicationFile.objects.create(page=page, document=document)
        for age, country, count in rows:
            DownloadCount.objects.create(
                publication=page, document=document, day=days_ago(age), country=country, count=count
            )

    downloads(cash, [(1, "", 6), (2, "KE", 2), (120, "", 50)])
    downloads(health, [(4, "", 9)])
    downloads(spanish, [(1, "MX", 11), (3, "", 4)])
    downloads(secret, [(1, "", 40)])
    return {"about": about, "cash": cash, "health": health, "spanish": spanish, "secret": secret}


def filters(**kwargs):
    kwargs.setdefault("start", days_ago(89))
    kwargs.setdefault("end", today())
    return dashboard.Filters(**kwargs)


def test_views_and_downloads_over_time_add_up_to_the_rows(used):
    views, files = dashboard.usage_over_time(filters())
    assert views.totals() == [30 + 5 + 10 + 7 + 4 + 12 + 8 + 3]
    assert files.totals() == [6 + 2 + 9 + 11 + 4 + 40]
    assert len(views.labels) == 90, "a 90-day range is drawn day by day"
    assert views.series[0].values[-2] == 30 + 10 + 12  # yesterday
    long = dashboard.usage_over_time(filters(start=days_ago(300)))
    assert long[0].totals() == [79 + 999] and len(long[0].labels) in (10, 11, 12)


def test_the_top_lists_rank_by_the_range_s_total(used):
    top = dashboard.top_pages(filters())
    assert [(page.pk, total) for page, total in top] == [
        (used["about"].pk, 35),
        (used["spanish"].pk, 20),
        (used["cash"].pk, 17),
        (used["health"].pk, 4),
        (used["secret"].pk, 3),
    ]
    assert [(page.pk, total) for page, total in dashboard.top_downloads(filters())] == [
        (used["secret"].pk, 40),
        (used["spanish"].pk, 15),
        (used["health"].pk, 9),
        (used["cash"].pk, 8),
    ]
    assert len(dashboard.top_pages(filters(), limit=2)) == 2


def test_filters_narrow_every_figure(used, taxonomy):
    spanish = filters(language="es")
    assert [total for _page, total in dashboard.top_downloads(spanish)] == [15]
    assert [page.pk for page, _total in dashboard.top_pages(spanish)] == [used["spanish"].pk]
    kenya = filters(country="KE")
    assert [(p.pk, t) for p, t in dashboard.top_pages(kenya)] == [
        (used["cash"].pk, 7),
        (used["about"].pk, 5),
    ]
    assert [(p.pk, t) for p, t in dashboard.top_downloads(kenya)] == [(used["cash"].pk, 2)]
    # A theme keeps the publications filed under it or below it.
    social = filters(theme=taxonomy["social"])
    assert [p.pk for p, _t in dashboard.top_pages(social)] == [used["cash"].pk]
    library_only = filters(section="library")
    assert used["about"].pk not in [p.pk for p, _t in dashboard.top_pages(library_only)]
    assert [p.pk for p, _t in dashboard.top_pages(filters(section="portal"))] == [used["about"].pk]
    assert dashboard.top_downloads(filters(section="news")) == []


def test_members_and_communities(home, staff):
    directory = CommunityIndexPageFactory(parent=home)
    busy = CommunityPageFactory(parent=directory, title="Cash transfer practitioners")
    quiet = CommunityPageFactory(parent=directory, title="Quiet corner", privacy="private")
    people = [UserFactory() for _i in range(4)]
    for person in people[:3]:
        MembershipFactory(community=busy, user=person)
    waiting = MembershipFactory(community=quiet, user=people[3], status=Membership.Status.PENDING)
    Membership.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=20)
    )
    thread = ThreadFactory(community=busy, author=people[0])
    CommentFactory(thread=thread, author=people[1])
    CommentFactory(thread=thread, author=people[1])
    rows = {row.community.pk: row for row in dashboard.communities(filters())}
    assert (rows[busy.pk].members, rows[busy.pk].new_posts, rows[busy.pk].pending) == (3, 3, 0)
    assert (rows[quiet.pk].pending, rows[quiet.pk].waiting_days) == (1, 20)
    assert list(rows)[0] == quiet.pk, "communities with requests waiting come first"
    chart = dashboard.members_by_month(today())
    new, active = chart.series
    this_month = timezone.make_aware(
        datetime.datetime.combine(today().replace(day=1), datetime.time())
    )
    joined = get_user_model().objects.filter(date_joined__gte=this_month).count()
    assert new.values[-1] == joined == 5, "the staff member and four people"
    assert active.values[-1] == 2, "two people posted this month"


def test_the_page_shows_the_figures_to_staff(staff_client, used):
    response = staff_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="chart__svg"') == 4
    assert "Cash transfers in Kenya" in html and "Members-only working paper" in html
    response = staff_client.get(URL, {"language": "es", "country": "MX"})
    assert response.status_code == 200
    assert [p.pk for p, _t in response.context["top_downloads"]] == [used["spanish"].pk]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"start": "2026-13-45"}, "Enter a valid date."),
        ({"start": "2026-06-01", "end": "2026-01-01"}, "must end on or after"),
        ({"start": "2020-01-01", "end": "2026-01-01"}, "at most three years"),
        ({"theme": "not-a-number"}, "Select a valid choice"),
        ({"theme": "9" * 40}, "Select a valid choice"),
        ({"country": "ZZ"}, "Select a valid choice"),
        ({"section": "wagtailcore"}, "Select a valid choice"),
    ],
)
def test_bad_filters_get_a_clear_message(staff_client, home, params, message):
    response = staff_client.get(URL, params)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["filters"].end == today(), "the default range is shown meanwhile"


def test_only_staff_open_the_dashboard(client, home, member, editor):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(member)
    assert client.get(URL).status_code in (302, 403)
    client.force_login(editor)
    assert client.get(URL).status_code == 200, "positive control: an editor is staff"


def test_queries_do_not_grow_with_pages_or_communities(
    staff_client, home, django_assert_max_num_queries
):
    directory = CommunityIndexPageFactory(parent=home)

    def grow(count):
        for _i in range(count):
            page = StandardPageFactory(parent=home)
            PageView.objects.create(page=page, day=days_ago(1), count=3)
            CommunityPageFactory(parent=directory)

    grow(2)
    with django_assert_max_num_queries(200) as few:
        staff_client.get(URL)
    grow(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        staff_client.get(URL)


def test_charts_draw_inside_their_box_and_round_their_axis():
    assert [nice_ceiling(v) for v in (0, 1, 4, 5, 42, 203, 1001)] == [0, 1, 4, 5, 50, 400, 2000]
    chart = Chart("Views", ["a", "b", "c"], [Series("Views", [0, 5, 42])])
    drawing = chart.drawing()
    assert [bar["height"] > 0 for bar in drawing["bars"]] == [False, True, True]
    for bar in drawing["bars"]:
        assert 0 <= bar["y"] <= chart.height and bar["x"] + bar["width"] <= chart.width
    assert [line["label"] for line in drawing["grid"]] == ["0", "25", "50"]
    assert chart.rows() == [("a", [0]), ("b", [5]), ("c", [42])]
    lines = Chart("Two", ["a", "b"], [Series("x", [1, 2]), Series("y", [3, 0])]).drawing()
    assert len(lines["lines"]) == 2 and not lines["bars"]
    assert Chart("Empty", ["a"], [Series("x", [0])]).empty


def test_the_dashboard_s_markup_is_valid(staff_client, used):
    html = staff_client.get(URL, {"start": days_ago(300).isoformat()}).content.decode()
    # Wagtail's own admin chrome is Wagtail's; the dashboard's part is ours.
    start = html.index('<div class="nice-padding insights">')
    end = html.rindex("</section>") + len("</section>")
    document = f'<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{html[start:end]}</div></body></html>'
    # The checker's advice about date inputs in old browsers is not an error: every browser
    # the admin supports has them.
    errors = [e for e in nu_errors(document) if "input type is not supported" not in e]
    assert errors == []


def test_other_files_rank_documents_community_files_and_attachments_together(home, staff_client):
    slides = Document.objects.create(title="Session slides", file=ContentFile(b"x", name="s.pdf"))
    community = CommunityPageFactory(parent=CommunityIndexPageFactory(parent=home))
    file = CommunityFile.objects.create(
        community=community, title="Minutes", file=ContentFile(b"x", name="m.pdf")
    )
    DocumentDownload.objects.create(document=slides, day=days_ago(1), count=4)
    DocumentDownload.objects.create(document=slides, day=days_ago(2), country="KE", count=3)
    CommunityFileDownload.objects.create(file=file, day=days_ago(1), count=5)
    CommunityFileDownload.objects.create(file=file, day=days_ago(400), count=50)
    thread = ThreadFactory(community_id=community.pk)
    attachment = Attachment.objects.create(
        thread=thread, original_name="budget.xlsx", file=ContentFile(b"x", name="b.xlsx")
    )
    AttachmentDownload.objects.create(attachment=attachment, day=days_ago(3), count=2)
    rows = dashboard.top_files(filters())
    assert [(row.title, row.downloads) for row in rows] == [
        ("Session slides", 7),
        ("Minutes", 5),
        ("budget.xlsx", 2),
    ]
    assert rows[2].kind == "Discussion attachment"
    assert [(r.title, r.downloads) for r in dashboard.top_files(filters(country="KE"))] == [
        ("Session slides", 3)
    ]
    assert dashboard.top_files(filters(language="es")) is None
    html = staff_client.get(URL).content.decode()
    assert "Session slides" in html and "Minutes" in html
    assert "Choose no language" in staff_client.get(URL, {"language": "es"}).content.decode()


def test_usage_statistics_export_as_the_dashboard_counts(client, used):
    exporter = UserFactory(username="exporter", email="exporter@example.org", is_staff=True)
    exporter.groups.add(Group.objects.get(name="Editors"))
    client.force_login(exporter)
    response = client.get("/admin/exports/usage/", {"format": "csv", "language": "es"})
    assert response.status_code == 403, "positive control below: the permission opens it"
    exporter.user_permissions.add(Permission.objects.get(codename="export_usage"))
    response = client.get("/admin/exports/usage/", {"format": "csv", "country": "mx"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")[1:]
    header, *rows = list(csv.reader(io.StringIO(text)))
    assert header[:2] == ["Day", "Use"] and header[-1] == "Count"
    assert sorted((row[1], row[3], row[-1]) for row in rows) == [
        ("Page view", "Transferencias en México", "12"),
        ("Publication download", "Transferencias en México", "11"),
    ]
    response = client.get("/admin/exports/usage/", {"format": "csv", "start": days_ago(400)})
    text = b"".join(response.streaming_content).decode("utf-8")[1:]
    views = [row for row in csv.reader(io.StringIO(text)) if row[1] == "Page view"]
    total = sum(PageView.objects.filter(day__gte=days_ago(400)).values_list("count", flat=True))
    assert sum(int(row[-1]) for row in views) == total
    assert client.get("/admin/exports/usage/", {"country": "Kenya"}).status_code == 400


def test_a_compact_chart_draws_each_line_on_its_own_scale():
    chart = Chart("Activity", ["a", "b"], [Series("Posts", [1, 2]), Series("Views", [100, 200])])
    chart.compact = True
    posts, views = (line["points"] for line in chart.drawing()["lines"])
    assert posts == views, "both double: the same shape, whatever their size"
    chart.compact = False
    posts, views = (line["points"] for line in chart.drawing()["lines"])
    assert posts != views
