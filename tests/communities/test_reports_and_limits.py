"""Members report posts to the administrators; join requests, discussions and comments are
rate limited with the reader's text kept."""

import pytest
from django.core import mail

from community_pages import services
from community_pages.factories import CommentFactory, CommunityPageFactory, ThreadFactory
from community_pages.models import Comment, Membership, Report, Thread
from portal.models.members import NotificationPreference

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(community, people):
    return ThreadFactory(community_id=community.pk, author=people["wg_member"], title="Targeting")


@pytest.fixture
def comment(thread, people):
    return CommentFactory(thread=thread, author=people["wg_member"], body="<p>Rude words</p>")


# -- reports ---------------------------------------------------------------------------------


def test_members_see_a_report_button_on_others_posts_only(
    client, community, people, thread, comment
):
    client.force_login(people["member"])
    html = client.get(community.url + f"discussions/{thread.pk}/").content.decode()
    assert f"discussions/{thread.pk}/report/" in html and f"comments/{comment.pk}/report/" in html
    client.force_login(people["wg_member"])  # the author
    html = client.get(community.url + f"discussions/{thread.pk}/").content.decode()
    assert "/report/" not in html


def test_a_report_of_a_comment_reaches_the_admins_and_is_on_record(
    client, community, people, thread, comment, django_capture_on_commit_callbacks
):
    client.force_login(people["member"])
    form = client.get(community.url + f"comments/{comment.pk}/report/")
    assert form.status_code == 200 and "Rude words" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the admins are told after commit
        response = client.post(
            community.url + f"comments/{comment.pk}/report/", {"reason": "Insults a member"}
        )
    assert response.status_code == 302 and response.url.endswith(f"#comment-{comment.pk}")
    report = Report.objects.get()
    assert (report.comment, report.thread, report.reporter) == (comment, thread, people["member"])
    [email] = mail.outbox
    assert email.to == [people["admin"].email]
    assert "Insults a member" in email.body and f"#comment-{comment.pk}" in email.body
    # The administrators see it on the Manage page and close it; it stays on record.
    client.force_login(people["admin"])
    manage = client.get(community.url + "manage/").content.decode()
    assert "Insults a member" in manage and "Keep the post" in manage
    client.post(community.url + "manage/", {"action": "keep_reported", "report": report.pk})
    report.refresh_from_db()
    assert report.status == Report.Status.CLOSED and report.closed_by == people["admin"]
    assert report.decision == Report.Decision.KEPT
    manage = client.get(community.url + "manage/").content.decode()
    assert "No open reports." in manage and "Reports dealt with" in manage


def test_a_report_of_a_discussion_in_french_and_admins_prefs_apply(
    client, community, people, thread
):
    NotificationPreference.objects.create(user=people["admin"], kind="reports", frequency="never")
    client.force_login(people["member"])
    response = client.post(
        community.url.replace("/en/", "/fr/", 1) + f"discussions/{thread.pk}/report/",
        {"reason": "Spam"},
    )
    assert response.status_code == 302
    assert Report.objects.get().comment is None
    assert mail.outbox == []  # the admin chose no emails; the report is on the Manage page


def test_reporting_twice_adds_nothing(
    client, community, people, thread, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.report(people["member"], community, thread, "Spam")
        report, created = services.report(people["member"], community, thread, "Spam again")
    assert not created and Report.objects.count() == 1
    assert len(mail.outbox) == 1


def test_only_members_report(client, directory, people):
    open_community = CommunityPageFactory(parent=directory, privacy="open", slug="open")
    thread = ThreadFactory(community_id=open_community.pk, author=people["admin"])
    url = open_community.url + f"discussions/{thread.pk}/"
    assert client.get(url + "report/").status_code == 302  # log in first
    client.force_login(people["outsider"])  # reads the open community, is not a member
    assert client.get(url).status_code == 200
    assert "/report/" not in client.get(url).content.decode()
    assert client.post(url + "report/", {"reason": "x"}).status_code == 403
    assert not Report.objects.exists()


def test_an_empty_reason_is_a_form_error(client, community, people, thread):
    client.force_login(people["member"])
    response = client.post(community.url + f"discussions/{thread.pk}/report/", {"reason": ""})
    assert response.status_code == 400 and response.context["form"].errors["reason"]
    assert not Report.objects.exists()


def test_only_administrators_close_reports(client, community, people, thread):
    report, _created = services.report(people["member"], community, thread, "Spam")
    client.force_login(people["wg_member"])
    assert (
        client.post(
            community.url + "manage/", {"action": "remove_reported", "report": report.pk}
        ).status_code
        == 403
    )
    report.refresh_from_db()
    thread.refresh_from_db()
    assert report.status == Report.Status.OPEN and not thread.removed


def test_removing_a_reported_comment_closes_its_reports_and_tells_reporters_and_poster(
    client, community, people, thread, comment, django_capture_on_commit_callbacks
):
    other = CommentFactory(thread=thread, author=people["wg_member"], body="Fine words")
    people["wg_member"].profile.preferred_language = "fr"
    people["wg_member"].profile.save()
    first, _created = services.report(people["member"], community, thread, "Insults", comment)
    second, _created = services.report(people["admin"], community, thread, "Rude", comment)
    untouched, _created = services.report(people["member"], community, thread, "Hm", other)
    mail.outbox.clear()
    client.force_login(people["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            community.url + "manage/",
            {
                "action": "remove_reported",
                "report": first.pk,
                "comment": "No insults here.\nThanks.",
            },
        )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.removed
    for report in (first, second):
        report.refresh_from_db()
        assert report.status == Report.Status.CLOSED and report.closed_by == people["admin"]
        assert (report.decision, report.closing_comment) == ("removed", "No insults here.\nThanks.")
    untouched.refresh_from_db()
    assert untouched.status == Report.Status.OPEN
    by_address = {email.to[0]: email for email in mail.outbox}
    assert set(by_address) == {
        people["member"].email,
        people["admin"].email,
        people["wg_member"].email,
    }
    told = by_address[people["member"].email]
    assert "removed the post" in told.body and "No insults here.\nThanks." in told.body
    assert f"discussions/{thread.pk}/" in told.body
    poster = by_address[people["wg_member"].email]  # in the poster's language
    assert "/fr/" in poster.body and "No insults here." in poster.body
    assert "Ce que vous avez écrit" in poster.body and "a été retiré" in poster.subject
    assert "Rude words" in poster.body
    manage = client.get(community.url + "manage/").content.decode()
    assert "Post removed" in manage and "No insults here." in manage


def test_keeping_a_reported_discussion_tells_the_reporter_only(
    client, community, people, thread, django_capture_on_commit_callbacks
):
    report, _created = services.report(people["member"], community, thread, "Off topic")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        [closed] = services.close_report(people["admin"], community, report.pk, "It is on topic.")
    thread.refresh_from_db()
    assert not thread.removed and closed.decision == Report.Decision.KEPT
    [email] = mail.outbox
    assert email.to == [people["member"].email]
    assert "decided to keep the post" in email.body and "It is on topic." in email.body


def test_removing_a_reported_discussion_sends_its_readers_to_the_discussions(
    client, community, people, thread, django_capture_on_commit_callbacks
):
    report, _created = services.report(people["member"], community, thread, "Spam")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.close_report(people["admin"], community, report.pk, remove=True)
    thread.refresh_from_db()
    assert thread.removed
    assert len(mail.outbox) == 2
    for email in mail.outbox:
        assert community.url + "discussions/" in email.body
        assert f"discussions/{thread.pk}/" not in email.body
    with pytest.raises(Exception, match="already been dealt with"):
        services.close_report(people["admin"], community, report.pk, remove=True)


def test_members_who_chose_never_are_not_told_decisions(
    community, people, thread, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(
        user=people["member"], kind="decisions", frequency="never"
    )
    report, _created = services.report(people["member"], community, thread, "Spam")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.close_report(people["admin"], community, report.pk)
    assert mail.outbox == []


def test_reports_are_rate_limited_with_the_reason_kept(client, community, people, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "community_report": "2/h/user"}
    threads = [ThreadFactory(community_id=community.pk, author=people["admin"]) for _n in range(3)]
    client.force_login(people["member"])
    for thread in threads[:2]:
        client.post(community.url + f"discussions/{thread.pk}/report/", {"reason": "Spam"})
    refused = client.post(
        community.url + f"discussions/{threads[2].pk}/report/", {"reason": "My careful reason"}
    )
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "too many times in a short while" in body and "My careful reason" in body
    assert Report.objects.count() == 2


# -- rate limits on posting ---------------------------------------------------------------


def test_a_burst_of_comments_is_refused_with_the_text_kept(client, community, people, thread):
    client.force_login(people["member"])
    url = community.url + f"discussions/{thread.pk}/"
    statuses = [client.post(url, {"body": f"Comment {n}"}).status_code for n in range(25)]
    assert statuses[:5] == [302] * 5 and set(statuses[5:]) == {429}
    assert Comment.objects.filter(thread=thread).count() == 5
    refused = client.post(url.replace("/en/", "/es/", 1), {"body": "Lo que escribí"})
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "Lo que escribí" in body
    assert "Lo ha hecho demasiadas veces" in body


def test_new_discussions_share_the_posting_limit(client, community, people, thread):
    client.force_login(people["member"])
    for n in range(5):
        client.post(community.url + f"discussions/{thread.pk}/", {"body": f"Comment {n}"})
    refused = client.post(community.url + "discussions/", {"title": "Kept title", "body": "Kept"})
    assert refused.status_code == 429
    assert "Kept title" in refused.content.decode()
    assert not Thread.objects.filter(title="Kept title").exists()
    # Someone else is not affected.
    client.force_login(people["admin"])
    assert (
        client.post(community.url + "discussions/", {"title": "T2", "body": "B"}).status_code == 302
    )


def test_join_requests_are_rate_limited_with_the_message_kept(client, directory, people, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "community_join": "2/h/user"}
    pages = [
        CommunityPageFactory(parent=directory, privacy="semi-private", slug=f"semi{n}")
        for n in range(3)
    ]
    client.force_login(people["outsider"])
    for page in pages[:2]:
        assert client.post(page.url + "membership/", {"action": "request"}).status_code == 302
    refused = client.post(
        pages[2].url + "membership/", {"action": "request", "message": "Please let me in"}
    )
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "too many times in a short while" in body and "Please let me in" in body
    assert not Membership.objects.filter(community=pages[2], user=people["outsider"]).exists()
    # Leaving or withdrawing is never limited.
    assert client.post(pages[0].url + "membership/", {"action": "cancel"}).status_code == 302
