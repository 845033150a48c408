"""The community health page: activity charts, inactivity and waiting flags, bulk decisions,
reminders to administrators, the row-links hook, who may open it."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail import hooks

from community_pages import health
from community_pages.factories import (
    CommentFactory,
    CommunityPageFactory,
    MembershipFactory,
    ThreadFactory,
)
from community_pages.models import AdministratorReminder, CommunityPage, Membership, Thread
from portal.factories import UserFactory, locale
from portal.models import MemberProfile, PageView
from tests.nu_checker import nu_errors

pytestmark = pytest.mark.django_db
URL = "/admin/communities/health/"


@pytest.fixture
def staff_client(client, editor):
    """Staff with access to the Wagtail admin (an editor)."""
    client.force_login(editor)
    return client


def _waiting(community, name, days):
    user = UserFactory(username=name, email=f"{name}@example.org", first_name=name.title())
    return MembershipFactory(
        community=community,
        user=user,
        status=Membership.Status.PENDING,
        created_at=timezone.now() - timedelta(days=days),
    )


def _months_ago(months):
    return health.month_starts()[-1 - months] + timedelta(days=3)


# -- charts -------------------------------------------------------------------------------


def test_activity_chart_counts_equal_the_raw_rows(community, people):
    two_months_ago = _months_ago(2)
    thread = ThreadFactory(community=community, author=people["member"], created_at=two_months_ago)
    ThreadFactory(community=community, author=people["member"])
    ThreadFactory(community=community, author=people["member"], removed=True)
    CommentFactory(thread=thread, author=people["admin"], created_at=two_months_ago)
    CommentFactory(thread=thread, author=people["admin"])
    Membership.objects.filter(community=community, user=people["member"]).update(
        decided_at=two_months_ago
    )
    spanish = community.copy_for_translation(locale("es"), copy_parents=True)
    spanish.save_revision().publish()
    PageView.objects.create(page=community, day=two_months_ago.date(), count=7)
    PageView.objects.create(page=spanish, day=timezone.localdate(), count=4)
    older = (health.month_starts()[0] - timedelta(days=2)).date()
    PageView.objects.create(page=community, day=older, count=99)
    chart = health.activity_charts([community])[community.pk]
    posts, members, views = chart.series
    assert [series.name for series in chart.series] == ["Posts", "New members", "Page views"]
    assert views.values[-3] == 7 and views.values[-1] == 4 and sum(views.values) == 11
    assert len(chart.labels) == 12 and len(posts.values) == 12
    # The raw rows, counted by hand: this month and two months ago.
    start = health.month_starts()[0]
    threads = Thread.objects.filter(community=community, removed=False, created_at__gte=start)
    assert sum(posts.values) == threads.count() + 2
    assert posts.values[-1] == 2 and posts.values[-3] == 2 and posts.values[-2] == 0
    active = Membership.objects.filter(community=community, status="active")
    assert sum(members.values) == active.count() == 3
    assert members.values[-3] == 1 and members.values[-1] == 2


def test_activity_older_than_twelve_months_is_left_out(community, people):
    ThreadFactory(
        community=community,
        author=people["member"],
        created_at=health.month_starts()[0] - timedelta(days=2),
    )
    chart = health.activity_charts([community])[community.pk]
    assert sum(chart.series[0].values) == 0


def test_health_page_queries_do_not_grow_with_the_number_of_communities(
    staff_client, directory, people
):
    def build(count):
        for number in range(count):
            page = CommunityPageFactory(parent=directory, slug=f"c{number}-{count}")
            MembershipFactory(community=page, user=people["admin"], role="admin")
            thread = ThreadFactory(community=page, author=people["admin"])
            CommentFactory(thread=thread, author=people["admin"])
            _waiting(page, f"p{number}x{count}", 30)

    build(1)
    staff_client.get(URL)  # what the admin reads once per process (menus, locales)
    with CaptureQueriesContext(connection) as few:
        assert staff_client.get(URL).status_code == 200
    build(4)
    with CaptureQueriesContext(connection) as many:
        response = staff_client.get(URL)
    assert response.content.decode().count('class="chart chart--compact"') == 5
    assert len(many) == len(few)


def test_the_page_draws_a_chart_per_community_with_its_stylesheet(staff_client, community, people):
    ThreadFactory(community=community, author=people["member"])
    html = staff_client.get(URL).content.decode()
    assert "portal/css/charts.css" in html
    assert f"Numbers: Activity per month: {community.title}" in html


# -- flags and filters ----------------------------------------------------------------------


def test_inactive_means_no_discussion_comment_file_or_event_for_a_year(community, people):
    old = timezone.now() - timedelta(days=400)
    CommunityPage.objects.filter(pk=community.pk).update(first_published_at=old)
    thread = ThreadFactory(community=community, author=people["member"], created_at=old)
    # Positive control: only year-old content, so inactive.
    [row] = health.community_rows()
    assert row.inactive
    # A comment today makes it active again, though its discussion is old.
    CommentFactory(thread=thread, author=people["admin"])
    [row] = health.community_rows()
    assert not row.inactive and row.last_content_at > old


def test_a_removed_discussion_does_not_count_as_new_content(community, people):
    old = timezone.now() - timedelta(days=400)
    CommunityPage.objects.filter(pk=community.pk).update(first_published_at=old)
    ThreadFactory(community=community, author=people["member"])
    assert not health.community_rows()[0].inactive
    Thread.objects.update(removed=True)
    assert health.community_rows()[0].inactive


def test_requests_waiting_over_n_days_are_flagged_with_their_age(staff_client, community, settings):
    settings.COMMUNITY_REQUEST_WAIT_DAYS = 10
    _waiting(community, "early", 11)
    _waiting(community, "recent", 3)
    [row] = health.community_rows()
    assert (row.pending, row.waiting) == (2, 1)
    ages = {
        item.membership.user.username: (item.age_days, item.waiting)
        for item in health.pending_requests()
    }
    assert ages == {"early": (11, True), "recent": (3, False)}
    html = staff_client.get(URL).content.decode()
    assert "1 waiting over 10 days" in html and "11 days" in html and "Waiting too long" in html


def test_filters_show_inactive_communities_or_those_with_requests_waiting(
    staff_client, directory, community
):
    quiet = CommunityPageFactory(parent=directory, title="Quiet corner", slug="quiet")
    CommunityPage.objects.filter(pk=quiet.pk).update(
        first_published_at=timezone.now() - timedelta(days=500)
    )
    _waiting(community, "early", 30)

    def communities_table(query=""):
        return staff_client.get(URL + query).content.decode().split("Requests to join")[0]

    everything = communities_table()
    assert "Quiet corner" in everything and community.title in everything
    inactive = communities_table("?show=inactive")
    assert "Quiet corner" in inactive and community.title not in inactive
    waiting = communities_table("?show=waiting")
    assert "Quiet corner" not in waiting and community.title in waiting
    assert staff_client.get(URL + "?show=<script>").status_code == 200


# -- decisions in bulk ----------------------------------------------------------------------


def test_bulk_approve_decides_each_request_emails_each_applicant_and_says_how_many(
    staff_client, community, directory, django_capture_on_commit_callbacks
):
    other = CommunityPageFactory(parent=directory, slug="other", privacy="semi-private")
    first, second = _waiting(community, "first", 2), _waiting(other, "second", 20)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            URL, {"action": "approve", "membership": [first.pk, second.pk]}, follow=True
        )
    assert set(
        Membership.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)
    ) == {"active"}
    assert sorted(message.to[0] for message in mail.outbox) == [
        "first@example.org",
        "second@example.org",
    ]
    assert "2 requests approved." in [str(m) for m in response.context["messages"]]


def test_one_bad_id_does_not_lose_the_other_decisions(
    staff_client, community, django_capture_on_commit_callbacks
):
    good = _waiting(community, "good", 2)
    decided = _waiting(community, "decided", 2)
    Membership.objects.filter(pk=decided.pk).update(status=Membership.Status.REJECTED)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            URL,
            {"action": "reject", "membership": [good.pk, decided.pk, 999999, "x"]},
            follow=True,
        )
    assert Membership.objects.get(pk=good.pk).status == Membership.Status.REJECTED
    assert Membership.objects.get(pk=decided.pk).decided_at is None  # not touched again
    texts = [str(m) for m in response.context["messages"]]
    assert "1 request rejected." in texts
    assert any(text.startswith("3 requests could not be decided:") for text in texts)
    assert [message.to[0] for message in mail.outbox] == ["good@example.org"]


def test_an_archived_community_refuses_approval_but_the_rest_are_approved(
    staff_client, community, directory
):
    archived = CommunityPageFactory(parent=directory, slug="gone", archived=True)
    refused, accepted = _waiting(archived, "refused", 5), _waiting(community, "accepted", 5)
    response = staff_client.post(
        URL, {"action": "approve", "membership": [refused.pk, accepted.pk]}, follow=True
    )
    assert Membership.objects.get(pk=refused.pk).status == Membership.Status.PENDING
    assert Membership.objects.get(pk=accepted.pk).status == Membership.Status.ACTIVE
    texts = " ".join(str(m) for m in response.context["messages"])
    assert "accepts no new members" in texts and "1 request approved." in texts


# -- reminders ------------------------------------------------------------------------------


def test_reminders_go_to_each_administrator_in_their_language_listing_only_waiting_requests(
    community, people, settings
):
    settings.COMMUNITY_REQUEST_WAIT_DAYS = 14
    MemberProfile.objects.update_or_create(
        user=people["admin"], defaults={"preferred_language": "es"}
    )
    second_admin = UserFactory(username="second", email="second@example.org")
    MembershipFactory(community=community, user=second_admin, role="admin")
    _waiting(community, "early", 20)
    _waiting(community, "recent", 2)
    out = StringIO()
    call_command("send_community_reminders", stdout=out)
    assert "1 community(ies)" in out.getvalue() and "2 administrator(s)" in out.getvalue()
    by_address = {message.to[0]: message for message in mail.outbox}
    # Members and the applicants are not told; only the administrators.
    assert set(by_address) == {"admin@example.org", "second@example.org"}
    spanish, english = by_address["admin@example.org"], by_address["second@example.org"]
    assert "Early" in english.body and "20 days" in english.body
    assert "Recent" not in english.body
    assert "http://" in english.body and "/en/" in english.body and "manage/" in english.body
    # Written in the administrator's language: their link, and the language of the HTML part.
    assert "/es/" in spanish.body and "Early" in spanish.body
    assert 'lang="es"' in spanish.alternatives[0][0]
    assert 'lang="en"' in english.alternatives[0][0]


def test_reminders_are_not_sent_twice_within_n_days_nor_empty(community, people, settings):
    settings.COMMUNITY_REQUEST_WAIT_DAYS = 14
    # Positive control first: a waiting request is reminded of.
    _waiting(community, "early", 20)
    assert health.send_reminders() == (1, 1)
    assert len(mail.outbox) == 1
    assert health.send_reminders() == (0, 0)
    assert len(mail.outbox) == 1
    later = timezone.now() + timedelta(days=15)
    assert health.send_reminders(later) == (1, 1)
    # Nothing waiting: no email.
    Membership.objects.filter(status="pending").update(status="active")
    AdministratorReminder.objects.all().delete()
    assert health.send_reminders(later) == (0, 0) and len(mail.outbox) == 2


def test_remind_administrators_from_the_page_sends_at_once(staff_client, community, editor):
    _waiting(community, "early", 20)
    # Even if reminded yesterday by the scheduler.
    AdministratorReminder.objects.create(
        community=community, sent_at=timezone.now() - timedelta(days=1)
    )
    response = staff_client.post(URL, {"action": "remind", "community": community.pk}, follow=True)
    assert [message.to[0] for message in mail.outbox] == ["admin@example.org"]
    assert "1 administrator reminded of the requests waiting." in [
        str(m) for m in response.context["messages"]
    ]
    reminder = AdministratorReminder.objects.first()
    assert reminder.sent_by == editor and reminder.requests == 1


def test_remind_with_nothing_waiting_sends_nothing(staff_client, community):
    _waiting(community, "recent", 1)
    response = staff_client.post(URL, {"action": "remind", "community": community.pk}, follow=True)
    assert mail.outbox == []
    assert "no reminder was sent" in " ".join(str(m) for m in response.context["messages"])


# -- the row-links hook ---------------------------------------------------------------------


def test_other_apps_add_links_to_a_row_through_the_hook(staff_client, community):
    def export_link(request, page):
        return [("Export members", f"/admin/export/?community={page.pk}")]

    with hooks.register_temporarily("community_health_row_links", export_link):
        html = staff_client.get(URL).content.decode()
    assert f'href="/admin/export/?community={community.pk}">Export members</a>' in html
    assert "Export members" not in staff_client.get(URL).content.decode()


# -- who may open it --------------------------------------------------------------------------


def test_only_staff_open_the_page(client, community, people, editor):
    client.force_login(editor)
    assert client.get(URL).status_code == 200
    client.force_login(people["admin"])
    assert client.get(URL).status_code in (302, 403)
    response = client.post(URL, {"action": "remind", "community": community.pk})
    assert response.status_code in (302, 403) and mail.outbox == []
    client.logout()
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_health_page_passes_the_nu_html_checker(staff_client, community, people):
    ThreadFactory(community=community, author=people["member"])
    _waiting(community, "early", 20)
    html = staff_client.get(URL).content.decode()
    assert "Remind administrators" in html and "chart--compact" in html
    # The page's own part, in a document of its own: Wagtail's frame (its keyboard-shortcuts
    # table) is Wagtail's to check.
    own = html.split('<div class="nice-padding">', 1)[1].rsplit("</form>", 1)[0] + "</form>"
    document = (
        '<!doctype html><html lang="en"><head><title>Health</title></head>'
        f"<body><main><div>{own}</div></main></body></html>"
    )
    assert nu_errors(document) == []
