"""Nothing half-saved: each front-end write of several steps either completes, with the
permissions it needs checked before anything is written, or saves nothing.

Each test forces a failure in a later step of one write path (``mock.patch`` on the call
that comes after the first row is written) and checks that no row of the write remains.
"""

from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, transaction
from wagtail.models import Page, Revision

from community_pages.models import CommunityResourcePage

# The fixtures of each area's conftest, imported by name so that pytest finds them here (the
# test arguments of the same names are what ruff's F811 counts as redefinitions).
# ruff: noqa: F401, F811
from tests.communities.conftest import community, directory, people, semi
from tests.library.conftest import library, make_pdf
from tests.webinars.conftest import series, upcoming, webinar_index

pytestmark = pytest.mark.django_db

PAGE = {"action": "add_page", "title": "Work plan", "topic": "Plans", "text": "Our plan"}


def _counts(*models):
    return {model.__name__: model.objects.count() for model in models}


# -- a community administrator adds a community page ------------------------------------------


def test_a_community_administrator_adds_a_page_once_and_is_not_refused(client, community, people):
    """The reported bug: the page was created and live, then the publish refused the
    community administrator (no Wagtail permission), a 403; each retry added a copy."""
    client.force_login(people["admin"])
    response = client.post(community.url + "manage/", PAGE)
    page = CommunityResourcePage.objects.get(title="Work plan")
    assert response.status_code == 302 and response.url == page.url
    assert page.live and page.live_revision is not None and page.slug == "work-plan"
    assert CommunityResourcePage.objects.child_of(community).filter(title="Work plan").count() == 1


def test_a_page_refused_by_its_publish_step_leaves_no_page_and_no_copy_on_retry(
    client, community, people
):
    client.force_login(people["admin"])
    before = _counts(Page, Revision)
    with mock.patch.object(
        Revision, "publish", side_effect=PermissionDenied("refused after the page was made")
    ):
        for _attempt in range(2):
            assert client.post(community.url + "manage/", PAGE).status_code == 403
    assert _counts(Page, Revision) == before
    assert not CommunityResourcePage.objects.filter(title="Work plan").exists()
    client.post(community.url + "manage/", PAGE)  # the retry once the failure is gone
    assert list(CommunityResourcePage.objects.values_list("slug", flat=True)) == ["work-plan"]


def test_a_page_whose_last_step_fails_in_the_database_leaves_nothing(community, people):
    from community_pages import services

    before = _counts(Page, Revision)
    with (
        mock.patch("community_pages.services.touch", side_effect=DatabaseError("gone")),
        pytest.raises(DatabaseError),
    ):
        services.add_resource_page(people["admin"], community, "Work plan", "Plans", "Our plan")
    assert _counts(Page, Revision) == before


def test_a_member_is_refused_a_page_before_anything_is_written(client, community, people):
    client.force_login(people["member"])
    before = _counts(Page, Revision)
    with mock.patch.object(Page, "add_child") as add_child:
        assert client.post(community.url + "manage/", PAGE).status_code == 403
    add_child.assert_not_called()
    assert _counts(Page, Revision) == before


# -- announcements and reports: saved, then emailed once committed ------------------------------


def test_an_announcement_whose_save_fails_is_neither_kept_nor_emailed(client, community, people):
    from community_pages.models import Announcement, CommunityPage

    client.force_login(people["admin"])
    mail.outbox.clear()
    # The last write of a new announcement: its community's activity date.
    with (
        mock.patch.object(CommunityPage, "record_activity", side_effect=DatabaseError("gone")),
        pytest.raises(DatabaseError),
    ):
        client.post(community.url + "announcements/", {"title": "Meeting", "body": "Tuesday"})
    assert not Announcement.objects.filter(title="Meeting").exists()
    assert mail.outbox == []


def test_an_announcement_is_emailed_only_after_it_is_committed(
    community, people, django_capture_on_commit_callbacks
):
    from community_pages import services
    from community_pages.models import Announcement

    mail.outbox.clear()
    with pytest.raises(DatabaseError), transaction.atomic():
        services.announce(people["admin"], community, "Meeting", "<p>Tuesday</p>")
        raise DatabaseError("the enclosing write fails")
    assert not Announcement.objects.filter(title="Meeting").exists() and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.announce(people["admin"], community, "Meeting", "<p>Tuesday</p>")
    assert Announcement.objects.filter(title="Meeting").count() == 1 and mail.outbox


def test_a_report_rolled_back_emails_no_administrator(
    community, people, django_capture_on_commit_callbacks
):
    from community_pages import services
    from community_pages.factories import ThreadFactory
    from community_pages.models import Report

    thread = ThreadFactory(community_id=community.pk, author=people["wg_member"])
    mail.outbox.clear()
    with pytest.raises(DatabaseError), transaction.atomic():
        services.report(people["member"], community, thread, "Spam")
        raise DatabaseError("the enclosing write fails")
    assert not Report.objects.exists() and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.report(people["member"], community, thread, "Spam")
    assert Report.objects.count() == 1 and [m.to for m in mail.outbox] == [[people["admin"].email]]


# -- discussions: a thread with its attachments, a comment with its counts --------------------


def test_a_thread_whose_attachment_fails_is_not_saved(client, community, people):
    from community_pages.models import Attachment, Thread

    client.force_login(people["member"])
    before = _counts(Thread, Attachment)
    upload = SimpleUploadedFile("notes.txt", b"some notes", content_type="text/plain")
    with (
        mock.patch(
            "community_pages.services._store_attachments", side_effect=DatabaseError("gone")
        ),
        pytest.raises(DatabaseError),
    ):
        client.post(
            community.url + "discussions/",
            {"title": "Half thread", "body": "Text", "attachments": upload},
        )
    assert _counts(Thread, Attachment) == before
    assert not Thread.objects.filter(title="Half thread").exists()


def test_a_comment_whose_count_update_fails_is_not_saved_nor_announced(client, community, people):
    from community_pages.factories import ThreadFactory
    from community_pages.models import Comment, Thread

    thread = ThreadFactory(community_id=community.pk, author=people["wg_member"])
    client.force_login(people["member"])
    mail.outbox.clear()
    with (
        mock.patch("community_pages.services.touch", side_effect=DatabaseError("gone")),
        pytest.raises(DatabaseError),
    ):
        client.post(community.url + f"discussions/{thread.pk}/", {"body": "A reply"})
    assert not Comment.objects.filter(thread=thread).exists()
    assert Thread.objects.get(pk=thread.pk).comment_count == thread.comment_count
    assert mail.outbox == []


# -- a member's library submission: page, document and revision --------------------------------


def test_a_submission_whose_workflow_fails_leaves_no_page_document_or_file(
    member_client, member, library, settings
):
    from pathlib import Path

    from wagtail.documents import get_document_model
    from wagtail.models import Workflow

    from library.models import PublicationPage

    Document = get_document_model()
    before = _counts(Page, Revision, Document)
    upload = SimpleUploadedFile("leap.pdf", make_pdf("LEAP"), "application/pdf")
    data = {
        "title": "Cash plus in Ghana",
        "abstract": "How LEAP links cash with health insurance.",
        "authors": "Mensah, Kwame",
        "year": "2022",
        "file": upload,
    }
    with (
        mock.patch.object(Workflow, "start", side_effect=DatabaseError("gone")),
        pytest.raises(DatabaseError),
    ):
        member_client.post("/en/library/submit/", data)
    assert _counts(Page, Revision, Document) == before
    assert not PublicationPage.objects.filter(title="Cash plus in Ghana").exists()
    stored = [p for p in Path(settings.MEDIA_ROOT).rglob("*.pdf")]
    assert stored == []  # the uploaded file is deleted with the rows


# -- a member's profile: the account's name and the profile ------------------------------------


def test_a_profile_whose_second_form_fails_keeps_the_old_name(member_client, member, home):
    from portal.forms import ProfileForm

    member.first_name = "Maria"
    member.save()
    with (
        mock.patch.object(ProfileForm, "save", side_effect=DatabaseError("gone")),
        pytest.raises(DatabaseError),
    ):
        member_client.post(
            "/en/profile/",
            {"first_name": "Changed", "last_name": "Lopez", "preferred_language": "en"},
        )
    member.refresh_from_db()
    assert member.first_name == "Maria"


# -- membership: a join request, a decision, an invitation --------------------------------------


def test_a_join_request_that_fails_is_not_kept_and_tells_no_administrator(
    client, semi, people, django_capture_on_commit_callbacks
):
    from community_pages.factories import MembershipFactory
    from community_pages.models import Membership

    MembershipFactory(community=semi, user=people["admin"], role="admin")
    client.force_login(people["outsider"])
    mail.outbox.clear()
    with pytest.raises(DatabaseError), transaction.atomic():
        client.post(semi.url + "membership/", {"action": "request", "message": "Hello"})
        raise DatabaseError("the enclosing write fails")
    assert not Membership.objects.filter(community=semi, user=people["outsider"]).exists()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(semi.url + "membership/", {"action": "request", "message": "Hello"})
    assert Membership.objects.get(community=semi, user=people["outsider"]).status == "pending"
    assert [m.to for m in mail.outbox] == [[people["admin"].email]]


def test_an_approval_that_fails_after_its_save_leaves_the_request_pending_and_unmailed(
    client, semi, people
):
    from community_pages.factories import MembershipFactory
    from community_pages.models import Membership

    MembershipFactory(community=semi, user=people["admin"], role="admin")
    pending = MembershipFactory(community=semi, user=people["outsider"], status="pending")
    client.force_login(people["admin"])
    mail.outbox.clear()
    with (
        mock.patch("community_pages.services.invalidate", side_effect=DatabaseError("gone")),
        pytest.raises(DatabaseError),
    ):
        client.post(semi.url + "manage/", {"action": "approve", "membership": pending.pk})
    assert Membership.objects.get(pk=pending.pk).status == "pending"
    assert mail.outbox == []


def test_an_invitation_that_fails_to_save_leaves_no_invited_membership_nor_email(
    client, directory, people
):
    from community_pages.factories import CommunityPageFactory, MembershipFactory
    from community_pages.models import Invitation, Membership

    private = CommunityPageFactory(parent=directory, privacy="private", slug="inv")
    MembershipFactory(community=private, user=people["admin"], role="admin")
    client.force_login(people["admin"])
    before = _counts(Invitation, Membership)
    mail.outbox.clear()
    with (
        mock.patch.object(Invitation.objects, "create", side_effect=DatabaseError("gone")),
        pytest.raises(DatabaseError),
    ):
        client.post(private.url + "manage/", {"action": "invite", "email": people["member"].email})
    assert _counts(Invitation, Membership) == before  # the "invited" membership went with it
    assert mail.outbox == []


# -- a member's webinar registration: one seat, then the confirmation -------------------------


def test_a_registration_whose_confirmation_fails_keeps_one_seat_and_a_retry_adds_none(
    member_client, member, upcoming
):
    from webinars.models import Registration

    with (
        mock.patch("webinars.views.send_confirmation", side_effect=OSError("mail server down")),
        pytest.raises(OSError),
    ):
        member_client.post(upcoming.url + "register/")
    assert Registration.objects.filter(email=member.email).count() == 1  # the seat, committed
    response = member_client.post(upcoming.url + "register/", follow=True)
    assert response.status_code == 200 and "already registered" in response.content.decode()
    assert Registration.objects.filter(email=member.email).count() == 1
