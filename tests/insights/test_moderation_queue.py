"""The moderation queue: what waits, for whom, decided from one screen, told every day."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community_pages.factories import (
    CommentFactory,
    CommunityPageFactory,
    MembershipFactory,
    ThreadFactory,
)
from community_pages.models import Membership, Report
from insights import moderation
from library.factories import PublicationPageFactory
from library.models import PublicationPage
from library.submissions import submit_publication
from portal.factories import UserFactory
from portal.models.members import Frequency, NotificationKind, NotificationPreference
from tests.communities.conftest import directory  # noqa: F401 - fixture
from tests.library.conftest import library  # noqa: F401 - fixture

URL = "/admin/moderation/"


def speaking(user, language):
    user.profile.preferred_language = language
    user.profile.save()
    return user


@pytest.fixture
def people(db):
    names = ["admin", "applicant", "poster", "reporter", "outsider", "other_admin"]
    users = {name: UserFactory(username=name, email=f"{name}@example.org") for name in names}
    users["staff"] = UserFactory(username="staffer", email="staffer@example.org", is_staff=True)
    users["staff"].groups.add(Group.objects.get(name="Editors"))
    # An editor who is not staff and reviews nothing: admin access, nothing to moderate.
    users["editor"] = UserFactory(username="plain-editor", email="plain-editor@example.org")
    users["editor"].groups.add(Group.objects.get(name="Editors"))
    # A reviewer of the default workflow (Wagtail's "Moderators" group), not staff.
    users["moderator"] = UserFactory(username="moderator", email="moderator@example.org")
    users["moderator"].groups.add(Group.objects.get(name="Moderators"))
    return users


@pytest.fixture
def waiting(directory, library, people):  # noqa: F811 - fixtures
    """One of each kind waiting, and one of each kind decided or out of the queue."""
    semi = CommunityPageFactory(
        parent=directory, title="Cash transfers practitioners", slug="ct", privacy="semi-private"
    )
    other = CommunityPageFactory(
        parent=directory, title="Pensions", slug="pensions", privacy="semi-private"
    )
    old = timezone.now() - timedelta(days=9)
    MembershipFactory(community=semi, user=people["admin"], role="admin")
    MembershipFactory(community=other, user=people["other_admin"], role="admin")
    MembershipFactory(community=semi, user=people["poster"])
    MembershipFactory(community=semi, user=people["reporter"])
    request = MembershipFactory(
        community=semi,
        user=people["applicant"],
        status="pending",
        message="I run the cash programme in Ghana.",
        created_at=old,
    )
    MembershipFactory(community=semi, user=people["outsider"], status="rejected")
    thread = ThreadFactory(community_id=semi.pk, author=people["poster"], title="Targeting")
    comment = CommentFactory(thread=thread, author=people["poster"], body="<p>Rude</p>")
    report = Report.objects.create(
        community=semi,
        thread=thread,
        comment=comment,
        reporter=people["reporter"],
        reason="Insulting another member",
    )
    Report.objects.create(
        community=semi,
        thread=thread,
        reporter=people["admin"],
        reason="Already dealt with",
        status=Report.Status.CLOSED,
    )
    submission = submit_publication(
        {
            "title": "Cash plus in Ghana",
            "abstract": "How LEAP links cash with health insurance.",
            "year": 2022,
            "external_url": "https://example.org/leap",
        },
        people["poster"],
        library["en"],
    )
    PublicationPageFactory(parent=library["en"], title="An editor's draft", live=False)
    return {
        "semi": semi,
        "other": other,
        "request": request,
        "thread": thread,
        "report": report,
        "submission": submission,
    }


def titles(items):
    return sorted((item.kind, item.title) for item in items)


def test_staff_queue_lists_exactly_what_waits_oldest_first(waiting, people):
    items = moderation.waiting_for(people["staff"])
    assert titles(items) == [
        ("reports", "Targeting"),
        ("requests", "Cash transfers practitioners"),
        ("submissions", "Cash plus in Ghana"),
    ]
    assert items[0].kind == "requests"  # nine days old, the others from today
    assert moderation.counts(people["staff"]) == {"submissions": 1, "requests": 1, "reports": 1}


def test_decided_items_leave_the_queue(waiting, people):
    assert moderation.counts(people["staff"])["requests"] == 1
    Membership.objects.filter(pk=waiting["request"].pk).update(status="active")
    Report.objects.filter(pk=waiting["report"].pk).update(status="closed")
    task_state = waiting["submission"].current_workflow_task_state
    task_state.task.specific.on_action(task_state, people["moderator"], "reject")
    assert moderation.waiting_for(people["staff"]) == []
    assert moderation.counts(people["staff"]) == {"submissions": 0, "requests": 0, "reports": 0}


def test_each_moderator_sees_only_what_they_decide(waiting, people):
    assert titles(moderation.waiting_for(people["moderator"])) == [
        ("submissions", "Cash plus in Ghana")
    ]
    assert titles(moderation.waiting_for(people["admin"])) == [
        ("reports", "Targeting"),
        ("requests", "Cash transfers practitioners"),
    ]
    for name in ("other_admin", "editor", "outsider", "poster"):
        assert moderation.waiting_for(people[name]) == []
    assert moderation.may_moderate(people["other_admin"])
    assert not moderation.may_moderate(people["editor"])
    assert not moderation.may_moderate(people["outsider"])


def test_the_screen_lists_what_waits_and_filters_by_kind(client, waiting, people):
    client.force_login(people["staff"])
    page = client.get(URL).content.decode()
    for text in (
        "Cash plus in Ghana",
        "I run the cash programme in Ghana.",
        "Insulting another member",
        f"/admin/pages/{waiting['submission'].pk}/edit/",
    ):
        assert text in page
    assert "Already dealt with" not in page
    only_reports = client.get(URL, {"kind": "reports"}).content.decode()
    assert "Insulting another member" in only_reports
    assert "I run the cash programme in Ghana." not in only_reports


@pytest.mark.parametrize("name", ["staff", "moderator"])
def test_the_menu_counts_what_the_screen_lists(client, waiting, people, name):
    client.force_login(people[name])
    total = sum(moderation.counts(people[name]).values())
    assert total == len(moderation.waiting_for(people[name]))
    assert f"Moderation ({total})" in client.get("/admin/").content.decode()


def test_the_menu_shows_no_count_when_nothing_waits(client, db, home, people):
    client.force_login(people["staff"])
    page = client.get("/admin/").content.decode()
    assert "Moderation" in page and "Moderation (" not in page


def test_counting_takes_as_many_queries_however_much_waits(waiting, people, directory):  # noqa: F811
    def queries():
        with CaptureQueriesContext(connection) as captured:
            moderation.counts(people["admin"])
            moderation.waiting_for(people["admin"])
        return len(captured)

    queries()  # the content types' cache warmed
    before = queries()
    semi = waiting["semi"]
    for number in range(4):
        applicant = UserFactory(username=f"applicant{number}")
        MembershipFactory(community=semi, user=applicant, status="pending")
        Report.objects.create(
            community=semi, thread=waiting["thread"], reporter=applicant, reason="Spam"
        )
    assert moderation.counts(people["admin"]) == {"submissions": 0, "requests": 5, "reports": 5}
    assert queries() == before


def test_who_may_open_the_screen(client, waiting, people):
    assert client.get(URL).status_code == 302  # anonymous: the log-in page
    for name in ("outsider", "admin"):  # a member, a community admin without the admin
        client.force_login(people[name])
        assert client.get(URL).status_code == 302
        client.logout()
    client.force_login(people["editor"])
    assert client.get(URL).status_code in (302, 403)
    assert "Moderation" not in client.get("/admin/").content.decode()
    client.force_login(people["moderator"])
    page = client.get(URL).content.decode()
    assert "Cash plus in Ghana" in page and "Insulting another member" not in page
    client.force_login(people["staff"])
    assert client.get(URL).status_code == 200


def test_rejecting_a_request_records_it_and_tells_the_applicant_in_their_language(
    client, waiting, people, django_capture_on_commit_callbacks
):
    speaking(people["applicant"], "es")
    client.force_login(people["staff"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL,
            {
                "action": "reject",
                "item": waiting["request"].pk,
                "comment": "Solo para ministerios.",
            },
            follow=True,
        )
    assert "rejected and the member told" in response.content.decode()
    request = Membership.objects.get(pk=waiting["request"].pk)
    assert request.status == Membership.Status.REJECTED
    assert request.decided_by == people["staff"] and request.decided_at is not None
    assert request.reason == "Solo para ministerios."
    [email] = [m for m in mail.outbox if m.to == ["applicant@example.org"]]
    assert "Solo para ministerios." in email.body
    assert "Motivo indicado por los administradores" in email.body


def test_a_community_admin_with_admin_access_approves_from_the_screen(
    client, waiting, people, django_capture_on_commit_callbacks
):
    people["admin"].groups.add(Group.objects.get(name="Editors"))
    client.force_login(people["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            URL, {"action": "approve", "item": waiting["request"].pk, "comment": "Welcome!"}
        )
    request = Membership.objects.get(pk=waiting["request"].pk)
    assert request.status == Membership.Status.ACTIVE and request.reason == "Welcome!"
    assert any("Welcome!" in m.body for m in mail.outbox if m.to == ["applicant@example.org"])


def test_keeping_a_reported_post_records_who_when_and_the_comment(client, waiting, people):
    client.force_login(people["staff"])
    client.post(
        URL,
        {"action": "keep", "item": waiting["report"].pk, "comment": "Heated,\r\nnot rude."},
    )
    report = Report.objects.get(pk=waiting["report"].pk)
    assert report.status == Report.Status.CLOSED and report.decision == "kept"
    assert report.closed_by == people["staff"] and report.closed_at is not None
    assert report.closing_comment == "Heated,\nnot rude."  # its line break kept
    assert not report.item.removed


def test_removing_a_reported_post_from_the_queue_tells_the_poster(
    client, waiting, people, django_capture_on_commit_callbacks
):
    report = waiting["report"]
    client.force_login(people["staff"])
    page = client.get(URL).content.decode()
    assert "Remove the post" in page and "<summary>The reported post</summary>Rude" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, {"action": "remove", "item": report.pk, "comment": "Off topic."}, follow=True
        )
    assert "The post has been removed" in response.content.decode()
    report.refresh_from_db()
    assert report.decision == "removed" and report.item.removed
    recipients = {m.to[0] for m in mail.outbox}
    assert report.reporter.email in recipients and report.item.author.email in recipients
    assert all("Off topic." in m.body for m in mail.outbox)


@pytest.mark.parametrize(
    "data",
    [
        {"action": "approve", "item": "999999"},
        {"action": "keep", "item": "999999"},
        {"action": "approve", "item": "not-a-number"},
        {"action": "approve", "item": "9" * 40},
        {"action": "explode", "item": "1"},
        {"action": "reject"},
    ],
)
def test_bad_input_is_a_message_not_an_error(client, waiting, people, data):
    client.force_login(people["staff"])
    response = client.post(URL, data, follow=True)
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode() or "error" in str(
        [m.tags for m in response.context["messages"]]
    )
    assert Membership.objects.get(pk=waiting["request"].pk).status == "pending"


def test_a_decided_request_cannot_be_decided_again(client, waiting, people):
    client.force_login(people["staff"])
    client.post(URL, {"action": "approve", "item": waiting["request"].pk})
    response = client.post(URL, {"action": "reject", "item": waiting["request"].pk}, follow=True)
    assert "already been decided" in response.content.decode()
    assert Membership.objects.get(pk=waiting["request"].pk).status == "active"


def test_nobody_decides_what_another_community_waits_for(client, waiting, people):
    people["other_admin"].groups.add(Group.objects.get(name="Editors"))
    client.force_login(people["other_admin"])
    response = client.post(URL, {"action": "reject", "item": waiting["request"].pk}, follow=True)
    assert response.status_code == 200
    assert Membership.objects.get(pk=waiting["request"].pk).status == "pending"
    client.post(URL, {"action": "keep", "item": waiting["report"].pk})
    assert Report.objects.get(pk=waiting["report"].pk).status == "open"


def test_the_daily_email_reaches_each_moderator_with_what_waits_for_them(waiting, people, settings):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    speaking(people["admin"], "es")
    mail.outbox.clear()
    out = StringIO()
    call_command("send_moderation_digest", stdout=out)
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {
        "staffer@example.org",
        "moderator@example.org",
        "admin@example.org",
    }
    assert "Moderation emails sent: 3" in out.getvalue()
    staff = by_recipient["staffer@example.org"].body
    assert "3 items wait for your decision" in staff
    assert "Cash plus in Ghana" in staff and "Targeting" in staff
    assert f"{base}/admin/pages/{waiting['submission'].pk}/edit/" in staff
    assert f"{base}/admin/moderation/" in staff
    admin = by_recipient["admin@example.org"]
    assert admin.extra_headers.get("Content-Language", "es") == "es"
    assert f"{base}/es/" in admin.body and "/manage/" in admin.body
    assert "Cash plus in Ghana" not in admin.body
    assert "/admin/moderation/" not in admin.body  # no admin access: the Manage page only
    moderator = by_recipient["moderator@example.org"].body
    assert "Cash plus in Ghana" in moderator and "Targeting" not in moderator


def test_the_daily_email_is_never_empty(db, home, people):
    mail.outbox.clear()
    call_command("send_moderation_digest", stdout=StringIO())
    assert mail.outbox == []


def test_a_moderator_who_said_never_gets_no_daily_email(waiting, people):
    NotificationPreference.objects.create(
        user=people["admin"], kind=NotificationKind.MODERATION, frequency=Frequency.NEVER
    )
    mail.outbox.clear()
    call_command("send_moderation_digest", stdout=StringIO())
    assert "admin@example.org" not in [m.to[0] for m in mail.outbox]
    assert "staffer@example.org" in [m.to[0] for m in mail.outbox]


def test_the_rejected_submitter_reads_the_editors_comment(waiting, people):
    speaking(people["poster"], "fr")
    mail.outbox.clear()
    task_state = waiting["submission"].current_workflow_task_state
    task_state.task.specific.on_action(
        task_state, people["moderator"], "reject", comment="Le lien ne fonctionne pas."
    )
    [email] = [m for m in mail.outbox if m.to == ["poster@example.org"]]
    assert "Le lien ne fonctionne pas." in email.body
    assert not PublicationPage.objects.get(pk=waiting["submission"].pk).live
    assert moderation.counts(people["staff"])["submissions"] == 0
