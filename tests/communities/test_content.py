"""Discussions, files, announcements and events: sanitising, validation, ownership, emails."""

from datetime import UTC, timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from community_pages import services
from community_pages.factories import MembershipFactory
from community_pages.forms import MAX_UPLOAD_BYTES
from community_pages.models import (
    Comment,
    CommunityFile,
    CommunityFileDownload,
    CommunityPage,
    Thread,
)
from portal.models.members import Frequency, NotificationPreference, PendingNotification
from tests.nu_checker import nu_errors

pytestmark = pytest.mark.django_db


def test_script_in_discussion_text_is_removed(client, community, people):
    client.force_login(people["member"])
    client.post(
        community.url + "discussions/",
        {
            "title": "Cash transfers",
            "body": '<p onclick="x()">Hi <script>alert(1)</script><img src=x onerror=alert(2)>'
            '<a href="javascript:alert(3)">link</a> <strong>bold</strong></p>',
        },
    )
    thread = Thread.objects.get(title="Cash transfers")
    for bad in ("<script", "onerror", "onclick", "javascript:", "<img"):
        assert bad not in thread.body
    assert "<strong>bold</strong>" in thread.body
    page = client.get(community.url + f"discussions/{thread.pk}/").content.decode()
    assert "alert(1)" not in page.split('<div class="community-text">')[1].split("</div>")[0]


def test_comments_replies_edit_and_delete_own_only(client, community, people):
    thread = Thread.objects.create(
        community=community, author=people["member"], title="T", body="b"
    )
    client.force_login(people["wg_member"])
    client.post(community.url + f"discussions/{thread.pk}/", {"body": "First <b>point</b>"})
    comment = Comment.objects.get(thread=thread)
    client.post(
        community.url + f"discussions/{thread.pk}/", {"body": "A reply", "parent": comment.pk}
    )
    assert Comment.objects.get(parent=comment).body == "<p>A reply</p>"
    assert Thread.objects.get(pk=thread.pk).comment_count == 2
    # Someone else may neither edit nor delete it; the author and administrators may.
    client.force_login(people["member"])
    assert (
        client.post(community.url + f"comments/{comment.pk}/edit/", {"body": "x"}).status_code
        == 403
    )
    assert client.post(community.url + f"comments/{comment.pk}/delete/").status_code == 403
    client.force_login(people["wg_member"])
    client.post(community.url + f"comments/{comment.pk}/edit/", {"body": "Edited text"})
    assert "Edited text" in Comment.objects.get(pk=comment.pk).body
    client.force_login(people["admin"])
    client.post(community.url + f"comments/{comment.pk}/delete/")
    assert Comment.objects.get(pk=comment.pk).removed


def test_moderator_removes_a_thread_everywhere(client, community, people):
    thread = Thread.objects.create(
        community=community, author=people["member"], title="Spam", body="b"
    )
    client.force_login(people["wg_member"])
    assert client.post(community.url + f"discussions/{thread.pk}/delete/").status_code == 403
    client.force_login(people["admin"])
    client.post(community.url + f"discussions/{thread.pk}/delete/")
    client.force_login(people["member"])
    assert "Spam" not in client.get(community.url + "discussions/").content.decode()
    assert client.get(community.url + f"discussions/{thread.pk}/").status_code in (403, 404)


def test_reply_notifies_the_thread_author(client, community, people):
    thread = Thread.objects.create(
        community=community, author=people["member"], title="T", body="b"
    )
    mail.outbox.clear()
    client.force_login(people["wg_member"])
    client.post(community.url + f"discussions/{thread.pk}/", {"body": "Interesting"})
    assert [m.to for m in mail.outbox] == [[people["member"].email]]


def upload(client, community, name, content, content_type="application/pdf"):
    return client.post(
        community.url + "files/",
        {
            "title": "Doc",
            "category": "Reports",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def test_valid_upload_is_stored_privately_and_served_through_the_checked_view(
    client, community, people
):
    client.force_login(people["member"])
    assert upload(client, community, "report.pdf", b"%PDF-1.7 members only").status_code == 302
    item = CommunityFile.objects.get()
    path = item.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        item.file.url  # noqa: B018
    response = client.get(community.url + f"files/{item.pk}/download/")
    assert b"".join(response.streaming_content) == b"%PDF-1.7 members only"
    assert response["Content-Type"] == "application/pdf"
    client.force_login(people["outsider"])
    assert client.get(community.url + f"files/{item.pk}/download/").status_code == 403


def test_a_member_s_download_counts_once_and_a_refused_one_not_at_all(client, community, people):
    browser = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    client.force_login(people["member"])
    upload(client, community, "report.pdf", b"%PDF-1.7 members only")
    item = CommunityFile.objects.get()
    url = community.url + f"files/{item.pk}/download/"
    client.force_login(people["outsider"])
    assert client.get(url, HTTP_USER_AGENT=browser).status_code == 403
    assert not CommunityFileDownload.objects.exists()
    client.force_login(people["member"])
    for _ in range(2):
        assert client.get(url, HTTP_USER_AGENT=browser).status_code == 200
    assert list(CommunityFileDownload.objects.values_list("file", "count")) == [(item.pk, 1)]


def test_mislabelled_oversized_and_forbidden_uploads_are_refused(client, community, people):
    client.force_login(people["member"])
    assert upload(client, community, "report.pdf", b"MZ\x90\x00 not a pdf").status_code == 400
    assert upload(client, community, "tool.exe", b"MZ\x90\x00").status_code == 400
    assert (
        upload(client, community, "page.html", b"<script>x</script>", "text/html").status_code
        == 400
    )
    big = b"%PDF-" + b"0" * MAX_UPLOAD_BYTES
    assert upload(client, community, "big.pdf", big).status_code == 400
    assert not CommunityFile.objects.exists()


def test_non_members_cannot_upload(client, community, people):
    client.force_login(people["outsider"])
    response = upload(client, community, "report.pdf", b"%PDF-1.7")
    assert response.status_code == 403
    assert not CommunityFile.objects.exists()


def test_announcements_follow_each_member_s_preference(
    community, people, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(
        user=people["member"], kind="announcements", frequency=Frequency.DAILY
    )
    NotificationPreference.objects.create(
        user=people["wg_member"], kind="announcements", frequency=Frequency.NEVER
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # sent once it is committed
        services.announce(people["admin"], community, "Meeting", "<p>Tuesday</p>")
    assert [m.to for m in mail.outbox] == [[people["admin"].email]]
    assert "Meeting" in mail.outbox[0].subject
    assert PendingNotification.objects.filter(user=people["member"]).count() == 1


def test_only_administrators_announce(client, community, people):
    client.force_login(people["member"])
    response = client.post(community.url + "announcements/", {"title": "x", "body": "y"})
    assert response.status_code == 403


def test_event_is_stored_in_its_time_zone_and_exported(client, community, people):
    client.force_login(people["member"])
    client.post(
        community.url + "calendar/",
        {
            "title": "Webinar",
            "description": "Agenda",
            "start": "2030-06-11T14:00",
            "end": "2030-06-11T15:00",
            "time_zone": "Asia/Jakarta",
            "online": "on",
            "online_url": "https://meet.example.org/x",
            "location": "",
        },
    )
    event = community.canonical.communityevent_set.get()
    assert event.start.astimezone(UTC).hour == 7
    ics = client.get(community.url + f"calendar/{event.pk}/ics/").content.decode()
    assert "BEGIN:VEVENT" in ics and "SUMMARY:Webinar" in ics and "DTSTART" in ics


def test_inactive_communities_are_reported_and_archived_in_one_action(
    client, community, people, editor
):
    old = timezone.now() - timedelta(days=400)
    # No content at all: inactivity counts from the community's publication.
    CommunityPage.objects.filter(pk=community.pk).update(
        last_activity_at=old, first_published_at=old
    )
    MembershipFactory(community=community, user=people["pending"], status="pending", created_at=old)
    out = StringIO()
    call_command("report_inactive_communities", stdout=out)
    report = out.getvalue()
    assert community.title in report and "1 pending request(s)" in report
    assert "pending@example.org" in report
    with pytest.raises(SystemExit):
        call_command("report_inactive_communities", "--fail-on-findings", stdout=StringIO())
    client.force_login(editor)
    health = client.get("/admin/communities/health/")
    assert "Inactive for over a year" in health.content.decode()
    client.post("/admin/communities/health/", {"action": "archive", "community": community.pk})
    assert CommunityPage.objects.get(pk=community.pk).archived
    client.post("/admin/communities/health/", {"action": "revive", "community": community.pk})
    assert not CommunityPage.objects.get(pk=community.pk).archived


def test_health_view_is_for_staff_only(client, community, people):
    client.force_login(people["admin"])
    response = client.post(
        "/admin/communities/health/", {"action": "archive", "community": community.pk}
    )
    assert response.status_code in (302, 403)
    assert not CommunityPage.objects.get(pk=community.pk).archived


def test_new_content_updates_last_activity(community, people):
    before = CommunityPage.objects.get(pk=community.pk).last_activity_at
    Thread.objects.create(community=community, author=people["member"], title="T", body="b")
    after = CommunityPage.objects.get(pk=community.pk).last_activity_at
    assert after is not None and (before is None or after > before)


def test_community_administrators_publish_community_pages(client, community, people):
    from community_pages.models import CommunityResourcePage

    client.force_login(people["member"])
    data = {"action": "add_page", "title": "Work plan", "topic": "Plans", "text": "Our plan"}
    assert client.post(community.url + "manage/", data).status_code == 403
    client.force_login(people["admin"])
    client.post(community.url + "manage/", data)
    page = CommunityResourcePage.objects.get(title="Work plan")
    assert page.live and page.audience == f"c{community.pk}" and page.topic == "Plans"
    assert "Our plan" in client.get(page.url).content.decode()
    client.force_login(people["outsider"])
    assert client.get(page.url).status_code == 403


def test_community_pages_get_slugs_in_their_own_language(client, community, people):
    """The slug keeps the title's letters (Wagtail's Unicode slugs) and a second page of the
    same title gets the next free one."""
    from community_pages.models import CommunityResourcePage

    client.force_login(people["admin"])
    data = {"action": "add_page", "title": "Plan de acción", "topic": "Planes", "text": "x"}
    client.post(community.url + "manage/", data)
    client.post(community.url + "manage/", data)
    slugs = sorted(CommunityResourcePage.objects.values_list("slug", flat=True))
    assert slugs == ["plan-de-acción", "plan-de-acción-1"]
    assert client.get(community.url + "plan-de-acción-1/").status_code == 200


def test_working_group_members_start_threads_only_their_group_sees(client, community, people):
    from community_pages.models import WorkingGroup, WorkingGroupMembership

    group = WorkingGroup.objects.create(community=community, locale=community.locale, name="G")
    WorkingGroupMembership.objects.create(group=group, user=people["wg_member"])
    client.force_login(people["member"])
    assert 'name="working_group"' not in client.get(community.url + "discussions/").content.decode()
    response = client.post(
        community.url + "discussions/", {"title": "Sneaky", "body": "x", "working_group": group.pk}
    )
    assert response.status_code == 400 and not Thread.objects.filter(title="Sneaky").exists()
    assert "Choose one of your working groups, or none." in response.content.decode()
    client.force_login(people["wg_member"])
    client.post(
        community.url + "discussions/", {"title": "WG only", "body": "x", "working_group": group.pk}
    )
    thread = Thread.objects.get(title="WG only")
    assert thread.audience == f"g{group.pk}"
    client.force_login(people["member"])
    assert "WG only" not in client.get(community.url + "discussions/").content.decode()


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_query_counts_do_not_grow_with_length(client, community, people):
    client.force_login(people["member"])
    thread = Thread.objects.create(
        community=community, author=people["member"], title="T", body="b"
    )
    Thread.objects.bulk_create(
        [
            Thread(
                community=community,
                author=people["admin"],
                title=f"t{i}",
                body="b",
                audience=f"c{community.pk}",
            )
            for i in range(3)
        ]
    )
    Comment.objects.bulk_create([Comment(thread=thread, author=people["admin"], body="c")] * 3)
    urls = [
        community.url,
        community.url + "discussions/",
        community.url + f"discussions/{thread.pk}/",
    ]
    before = [_queries(client, url) for url in urls]
    Thread.objects.bulk_create(
        [
            Thread(
                community=community,
                author=people["wg_member"],
                title=f"u{i}",
                body="b",
                audience=f"c{community.pk}",
            )
            for i in range(40)
        ]
    )
    top = Comment.objects.filter(thread=thread).first()
    Comment.objects.bulk_create(
        [Comment(thread=thread, author=people["wg_member"], body="c") for _ in range(60)]
        + [Comment(thread=thread, parent=top, author=people["member"], body="r") for _ in range(20)]
    )
    assert [_queries(client, url) for url in urls] == before


def test_a_new_discussion_reaches_the_members_who_may_read_it_as_they_chose(
    client, community, people, django_capture_on_commit_callbacks
):
    from community_pages.models import WorkingGroup, WorkingGroupMembership

    NotificationPreference.objects.create(
        user=people["admin"], kind="discussions", frequency=Frequency.DAILY
    )
    group = WorkingGroup.objects.create(community=community, locale=community.locale, name="G")
    WorkingGroupMembership.objects.create(group=group, user=people["wg_member"])
    client.force_login(people["member"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            community.url + "discussions/",
            {"title": "Targeting in Kenya", "body": "<p>How do you verify <b>incomes</b>?</p>"},
        )
    # The other member at once, the administrator in the digest, never the author or
    # anyone outside the community.
    assert [m.to for m in mail.outbox] == [[people["wg_member"].email]]
    body = mail.outbox[0].body
    assert "Targeting in Kenya" in mail.outbox[0].subject
    assert "How do you verify incomes?" in body
    assert people["member"].email not in body  # the author is named, never by address
    assert PendingNotification.objects.filter(user=people["admin"]).count() == 1
    # A working group's discussion reaches its members only.
    client.force_login(people["wg_member"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            community.url + "discussions/",
            {"title": "Group only", "body": "x", "working_group": group.pk},
        )
    assert mail.outbox == []
    # The community's administrator may read it too (in the digest, as chosen).
    assert PendingNotification.objects.filter(user=people["admin"]).count() == 2


def test_a_discussion_s_author_chooses_how_to_hear_of_replies(client, community, people):
    thread = Thread.objects.create(
        community=community, author=people["member"], title="T", body="b"
    )
    url = community.url + f"discussions/{thread.pk}/"
    NotificationPreference.objects.create(
        user=people["member"], kind="discussions", frequency="immediately"
    )
    client.force_login(people["wg_member"])
    assert "Replies to this discussion" not in client.get(url).text  # the author's choice only
    assert client.post(url + "replies/", {"author_replies": "daily"}).status_code == 403

    client.force_login(people["member"])
    page = client.get(url)
    assert 'name="author_replies"' in page.text
    assert not nu_errors(page.content.decode())
    response = client.post(url + "replies/", {"author_replies": "daily"}, follow=True)
    assert "You will hear of replies as you chose." in response.text
    thread.refresh_from_db()
    assert thread.author_replies == "daily"
    response = client.post(url + "replies/", {"author_replies": "hourly"}, follow=True)
    assert "Choose one of the ways to hear of replies." in response.text
    thread.refresh_from_db()
    assert thread.author_replies == "daily"  # a bad choice changes nothing

    mail.outbox.clear()
    client.force_login(people["wg_member"])
    client.post(url, {"body": "Interesting"})
    assert mail.outbox == []  # into the author's daily digest, not one email per reply
    queued = PendingNotification.objects.get(user=people["member"])
    assert (queued.kind, queued.digest) == ("discussions", "daily")

    Thread.objects.filter(pk=thread.pk).update(author_replies="immediately")
    NotificationPreference.objects.filter(user=people["member"]).update(frequency="weekly")
    client.post(url, {"body": "Another thought"})
    assert [m.to for m in mail.outbox] == [[people["member"].email]]  # one email per reply
