"""The membership life cycle, its emails, and refusals of forged requests."""

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.core import mail
from django.test import Client, TestCase

from community_pages import access
from community_pages.factories import CommunityPageFactory, MembershipFactory
from community_pages.models import Invitation, Membership, WorkingGroup, WorkingGroupMembership
from portal.factories import UserFactory
from portal.models.members import Frequency, NotificationPreference, PendingNotification

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(people, semi):
    MembershipFactory(community=semi, user=people["admin"], role="admin")
    return people["admin"]


def committed():
    """Run the emails a write sends once it commits (the test's transaction never does)."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def post(client, user, url, data):
    client.force_login(user)
    with committed():
        return client.post(url, data)


def status_of(community, user):
    row = Membership.objects.filter(community=community, user=user).first()
    return row.status if row else None


def test_semi_private_request_then_approval_emails_both_sides(client, semi, admin, people):
    applicant = people["outsider"]
    mail.outbox.clear()
    response = post(
        client,
        applicant,
        semi.url + "membership/",
        {"action": "request", "message": "I run a programme in Jordan."},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(community=semi, user=applicant)
    assert membership.status == "pending" and membership.message == "I run a programme in Jordan."
    assert [m.to for m in mail.outbox] == [[admin.email]]
    assert not access.can_read(applicant, semi)

    mail.outbox.clear()
    client.force_login(admin)
    assert "I run a programme in Jordan." in client.get(semi.url + "manage/").content.decode()
    with committed():
        client.post(
            semi.url + "manage/",
            {"action": "approve", "membership": membership.pk, "reason": "Welcome aboard"},
        )
    assert status_of(semi, applicant) == "active"
    assert mail.outbox[0].to == [applicant.email]
    assert "approved" in mail.outbox[0].body and "Welcome aboard" in mail.outbox[0].body
    assert "List-Unsubscribe" in mail.outbox[0].extra_headers
    assert access.can_read(applicant, semi)


def test_rejection_is_emailed_with_its_reason_and_a_new_request_is_possible(
    client, semi, admin, people
):
    applicant = people["outsider"]
    post(client, applicant, semi.url + "membership/", {"action": "request"})
    membership = Membership.objects.get(community=semi, user=applicant)
    mail.outbox.clear()
    post(
        client,
        admin,
        semi.url + "manage/",
        {"action": "reject", "membership": membership.pk, "reason": "Practitioners only"},
    )
    assert status_of(semi, applicant) == "rejected"
    assert "Practitioners only" in mail.outbox[0].body
    assert access.can_request(applicant, semi)


def test_decision_email_follows_the_applicant_s_preference(client, semi, admin, people):
    applicant = people["outsider"]
    NotificationPreference.objects.create(
        user=applicant, kind="membership", frequency=Frequency.DAILY
    )
    post(client, applicant, semi.url + "membership/", {"action": "request"})
    membership = Membership.objects.get(community=semi, user=applicant)
    mail.outbox.clear()
    post(client, admin, semi.url + "manage/", {"action": "approve", "membership": membership.pk})
    assert mail.outbox == []
    assert PendingNotification.objects.filter(user=applicant, kind="membership").count() == 1


@pytest.mark.parametrize("privacy", ["private", "semi-private", "hidden"])
def test_forged_join_is_refused(client, directory, people, privacy):
    community = CommunityPageFactory(parent=directory, privacy=privacy, slug=f"c-{privacy}")
    response = post(client, people["outsider"], community.url + "membership/", {"action": "join"})
    # A hidden community does not exist for non-members.
    assert response.status_code in ((404,) if privacy == "hidden" else (302, 403))
    assert status_of(community, people["outsider"]) is None


def test_forged_approval_by_a_member_or_outsider_is_refused(client, semi, admin, people):
    post(client, people["pending"], semi.url + "membership/", {"action": "request"})
    pending = Membership.objects.get(community=semi, user=people["pending"])
    MembershipFactory(community=semi, user=people["member"])
    for user in (people["member"], people["outsider"]):
        response = post(
            client, user, semi.url + "manage/", {"action": "approve", "membership": pending.pk}
        )
        assert response.status_code == 403
    assert status_of(semi, people["pending"]) == "pending"


def test_membership_of_another_community_cannot_be_decided_from_mine(
    client, semi, admin, directory, people
):
    other = CommunityPageFactory(parent=directory, privacy="semi-private", slug="other")
    foreign = MembershipFactory(community=other, user=people["pending"], status="pending")
    response = post(
        client, admin, semi.url + "manage/", {"action": "approve", "membership": foreign.pk}
    )
    assert response.status_code == 403
    assert status_of(other, people["pending"]) == "pending"


def test_csrf_token_is_required(semi, people):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(people["outsider"])
    response = csrf_client.post(semi.url + "membership/", {"action": "request"})
    assert response.status_code == 403
    assert status_of(semi, people["outsider"]) is None


def test_public_join_and_leave_removes_working_groups(client, directory, people):
    community = CommunityPageFactory(parent=directory, privacy="public", slug="pub")
    MembershipFactory(community=community, user=people["admin"], role="admin")
    post(client, people["outsider"], community.url + "membership/", {"action": "join"})
    assert status_of(community, people["outsider"]) == "active"
    group = WorkingGroup.objects.create(community=community, locale=community.locale, name="G")
    client.post(community.url + f"working-groups/{group.pk}/join/")
    assert WorkingGroupMembership.objects.filter(group=group, user=people["outsider"]).exists()
    client.post(community.url + "membership/", {"action": "leave"})
    assert status_of(community, people["outsider"]) is None
    assert not WorkingGroupMembership.objects.filter(user=people["outsider"]).exists()


def test_non_members_cannot_join_a_working_group(client, directory, people):
    community = CommunityPageFactory(parent=directory, privacy="open", slug="open-wg")
    group = WorkingGroup.objects.create(community=community, locale=community.locale, name="G")
    response = post(
        client, people["outsider"], community.url + f"working-groups/{group.pk}/join/", {}
    )
    assert response.status_code == 403
    assert not WorkingGroupMembership.objects.exists()


def test_a_community_keeps_at_least_one_administrator(client, semi, admin, people):
    own = Membership.objects.get(community=semi, user=admin)
    post(client, admin, semi.url + "manage/", {"action": "demote", "membership": own.pk})
    assert Membership.objects.get(pk=own.pk).role == "admin"
    client.post(semi.url + "membership/", {"action": "leave"})
    assert status_of(semi, admin) == "active"
    second = MembershipFactory(community=semi, user=people["member"])
    client.post(semi.url + "manage/", {"action": "promote", "membership": second.pk})
    assert Membership.objects.get(pk=second.pk).role == "admin"
    client.post(semi.url + "manage/", {"action": "demote", "membership": own.pk})
    assert Membership.objects.get(pk=own.pk).role == "member"


def test_admin_removes_a_member(client, semi, admin, people):
    member = MembershipFactory(community=semi, user=people["member"])
    post(client, admin, semi.url + "manage/", {"action": "remove", "membership": member.pk})
    assert status_of(semi, people["member"]) is None


def test_invitation_leads_a_new_person_through_sign_up_into_the_community(
    client, directory, people
):
    private = CommunityPageFactory(parent=directory, privacy="private", slug="priv")
    MembershipFactory(community=private, user=people["admin"], role="admin")
    mail.outbox.clear()
    post(
        client,
        people["admin"],
        private.url + "manage/",
        {"action": "invite", "email": "newcomer@example.org"},
    )
    invitation = Invitation.objects.get(email="newcomer@example.org")
    assert invitation.token in mail.outbox[0].body
    client.logout()
    page = client.get(f"/en/community/invitation/{invitation.token}/")
    assert page.status_code == 200 and "/accounts/signup/" in page.content.decode()
    newcomer = UserFactory(username="newcomer", email="newcomer@example.org", verified=False)
    address = EmailAddress.objects.create(user=newcomer, email=newcomer.email, verified=True)
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    assert status_of(private, newcomer) == "active"


def test_invited_account_accepts_through_the_link(client, directory, people):
    hidden = CommunityPageFactory(parent=directory, privacy="hidden", slug="hid")
    MembershipFactory(community=hidden, user=people["admin"], role="admin")
    post(
        client,
        people["admin"],
        hidden.url + "manage/",
        {"action": "invite", "email": people["outsider"].email},
    )
    assert status_of(hidden, people["outsider"]) == "invited"
    assert not access.can_see_in_directory(people["outsider"], hidden)
    token = Invitation.objects.get(community=hidden).token
    client.force_login(people["member"])  # someone else cannot use the link
    assert client.get(f"/en/community/invitation/{token}/").status_code == 403
    client.force_login(people["outsider"])
    client.get(f"/en/community/invitation/{token}/")
    assert status_of(hidden, people["outsider"]) == "active"
    assert access.can_see_in_directory(people["outsider"], hidden)


def test_archived_community_accepts_no_new_members(client, directory, people):
    archived = CommunityPageFactory(parent=directory, privacy="public", archived=True, slug="arch")
    page = client.get(archived.url).content.decode()
    assert "no longer active" in page
    response = post(client, people["outsider"], archived.url + "membership/", {"action": "join"})
    assert response.status_code == 403
    assert 'value="join"' not in client.get(archived.url).content.decode()
    assert status_of(archived, people["outsider"]) is None


def test_private_community_shows_no_join_button(client, directory, people):
    private = CommunityPageFactory(parent=directory, privacy="private", slug="nojoin")
    client.force_login(people["outsider"])
    html = client.get(private.url).content.decode()
    assert 'value="join"' not in html and 'value="request"' not in html


def test_pending_requester_withdraws_their_own_request(client, semi, admin, people):
    from django.test import Client

    applicant = people["outsider"]
    post(client, applicant, semi.url + "membership/", {"action": "request", "message": "Hi"})
    assert status_of(semi, applicant) == "pending"
    page = client.get(semi.url).content.decode()
    assert 'value="cancel"' in page
    # Without the CSRF token the browser-forged POST is refused.
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(applicant)
    assert strict.post(semi.url + "membership/", {"action": "cancel"}).status_code == 403
    assert status_of(semi, applicant) == "pending"
    # Nobody else can withdraw it: others have no pending request of their own.
    for user in (people["member"], admin, people["staff"]):
        assert post(client, user, semi.url + "membership/", {"action": "cancel"}).status_code == 403
    assert status_of(semi, applicant) == "pending"
    response = post(client, applicant, semi.url + "membership/", {"action": "cancel"})
    assert response.status_code == 302
    assert status_of(semi, applicant) is None
    assert 'value="cancel"' not in client.get(semi.url).content.decode()
    assert 'value="request"' in client.get(semi.url).content.decode()
    # A second cancel (or a replay) is refused; the queue of the administrators is empty.
    assert (
        post(client, applicant, semi.url + "membership/", {"action": "cancel"}).status_code == 403
    )
    client.force_login(admin)
    assert applicant.email not in client.get(semi.url + "manage/").content.decode()


def test_invitation_emails_go_through_the_notification_helper(directory, people, monkeypatch):
    """Accounts: ``notify`` (their language, their preference, unsubscribe link); addresses
    without an account: ``notify_address`` with the same templates."""
    from community_pages import services
    from portal import notifications

    calls = []
    for name in ("notify", "notify_address"):
        original = getattr(notifications, name)
        monkeypatch.setattr(
            notifications,
            name,
            lambda *a, _name=name, _original=original, **k: (
                calls.append(_name) or _original(*a, **k)
            ),
        )
    monkeypatch.setattr(services, "notify", notifications.notify)
    monkeypatch.setattr(services, "notify_address", notifications.notify_address)
    private = CommunityPageFactory(parent=directory, privacy="private", slug="inv")
    MembershipFactory(community=private, user=people["admin"], role="admin")
    people["outsider"].profile.preferred_language = "fr"
    people["outsider"].profile.save()
    mail.outbox.clear()
    with committed():
        services.invite(people["admin"], private, people["outsider"].email)
        services.invite(people["admin"], private, "newcomer@example.org")
    assert calls == ["notify", "notify_address"]
    member_email, newcomer_email = mail.outbox
    assert member_email.to == [people["outsider"].email]
    assert "List-Unsubscribe" in member_email.extra_headers
    assert "/fr/community/invitation/" in member_email.body
    assert newcomer_email.to == ["newcomer@example.org"]
    token = Invitation.objects.get(email="newcomer@example.org").token
    assert f"/community/invitation/{token}/" in newcomer_email.body
    # A member who asked for a daily digest of membership emails gets it there.
    NotificationPreference.objects.create(
        user=people["member"], kind="membership", frequency=Frequency.DAILY
    )
    mail.outbox.clear()
    with committed():
        services.invite(people["admin"], private, people["member"].email)
    assert mail.outbox == []
    assert PendingNotification.objects.filter(user=people["member"], kind="membership").exists()
