"""Business rules of communities: membership life cycle, posting, activity, privacy sync.

Views call these functions after asking the access policy; each function checks the rule it
enforces again (so a forged request cannot skip a step) and raises ``PermissionDenied`` or
``ValidationError`` when the rule says no, before it writes anything. A write of several rows
is one transaction, and its emails and tasks go out once it has committed
(``transaction.on_commit``): a failure part-way saves nothing and tells nobody.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community_pages import access, health
from community_pages.models import (
    Announcement,
    Attachment,
    Comment,
    CommunityPage,
    CommunityResourcePage,
    Invitation,
    Membership,
    Report,
    Thread,
    WorkingGroup,
    WorkingGroupMembership,
)
from community_pages.storage import private_storage
from community_pages.tasks import notify_discussion, notify_new_thread, send_announcement
from portal.access import can_read_audience, invalidate
from portal.models.members import NotificationKind
from portal.notifications import notify, notify_address, preferred_language
from portal.slugs import page_slug
from portal.text import plain


def touch(community_pk, when=None):
    """Record new content: the directory sorts by it and inactivity is measured from it."""
    CommunityPage.record_activity(community_pk, when)


def canonical(community):
    """The community's canonical page (the one that holds memberships)."""
    return community.canonical


def active_admins(community):
    """The active administrators' memberships of the community (on its canonical page)."""
    return Membership.objects.filter(
        community_id=community.canonical_pk,
        status=Membership.Status.ACTIVE,
        role=Membership.Role.ADMIN,
    )


def _notify_decision(membership, template, request=None):
    community = membership.community
    notify(
        membership.user,
        NotificationKind.MEMBERSHIP,
        template,
        {"community": community, "membership": membership},
        page=community,
    )


def _notify_admins(community, template, context):
    for admin in active_admins(community).select_related("user"):
        notify(
            admin.user,
            NotificationKind.MEMBERSHIP,
            template,
            {"community": community, **context},
            page=community,
            url=community.reverse_subpage("manage"),
        )


def refuse_membership(user, community, reason):
    """Say no to joining, asking to join or accepting an invitation.

    A second click (or a second tab) finds the reader already in: that is said in a
    ``ValidationError`` (code ``already_member`` or ``request_pending``) the page shows as
    a message. Anything else is refused with ``PermissionDenied`` and ``reason``.
    """
    status = (
        Membership.objects.filter(community_id=community.canonical_pk, user=user)
        .values_list("status", flat=True)
        .first()
    )
    if status == Membership.Status.ACTIVE:
        raise ValidationError(
            _("You are already a member of this community."), code="already_member"
        )
    if status == Membership.Status.PENDING:
        raise ValidationError(
            _(
                "You have already asked to join this community: its administrators will "
                "answer your request."
            ),
            code="request_pending",
        )
    raise PermissionDenied(reason)


@transaction.atomic
def join(user, community):
    """Join a public or open community at once."""
    if not access.can_join(user, community):
        refuse_membership(user, community, _("You cannot join this community."))
    membership, _created = Membership.objects.update_or_create(
        community_id=community.canonical_pk,
        user=user,
        defaults={"status": Membership.Status.ACTIVE, "decided_at": timezone.now()},
    )
    invalidate()
    return membership


@transaction.atomic
def request_membership(user, community, message=""):
    """Ask to join a semi-private community; the administrators are told."""
    if not access.can_request(user, community):
        refuse_membership(user, community, _("You cannot ask to join this community."))
    membership, _created = Membership.objects.update_or_create(
        community_id=community.canonical_pk,
        user=user,
        defaults={
            "status": Membership.Status.PENDING,
            "message": message[:1000],
            "reason": "",
            "created_at": timezone.now(),
            "decided_at": None,
        },
    )
    canonical_community = community.canonical
    transaction.on_commit(
        lambda: _notify_admins(
            canonical_community, "community_pages/emails/new_request", {"applicant": user}
        )
    )
    return membership


def _own_membership(user, community, status):
    """The reader's own membership row with ``status``, locked for the change (or None)."""
    return (
        Membership.objects.select_for_update()
        .filter(community_id=community.canonical_pk, user=user, status=status)
        .first()
    )


@transaction.atomic
def cancel_request(user, community):
    """The applicant withdraws their own pending request (nobody else's, nothing else)."""
    membership = _own_membership(user, community, Membership.Status.PENDING)
    if membership is None or not access.rights(user, community).cancel_request:
        raise PermissionDenied(_("You have no pending request to join this community."))
    membership.delete()
    invalidate()


def _managed_membership(actor, community, membership_id):
    if not access.can_manage(actor, community):
        raise PermissionDenied(_("Only the community's administrators can do this."))
    try:
        return Membership.objects.select_for_update().get(
            pk=membership_id, community_id=community.canonical_pk
        )
    except Membership.DoesNotExist as error:
        raise PermissionDenied(_("No such member in this community.")) from error


@transaction.atomic
def approve(actor, community, membership_id, reason=""):
    """An administrator accepts a pending request (not in an archived community); the applicant
    is told once committed."""
    membership = _managed_membership(actor, community, membership_id)
    if membership.status != Membership.Status.PENDING:
        raise ValidationError(_("This request has already been decided."))
    if community.archived:
        raise PermissionDenied(_("An archived community accepts no new members."))
    membership.status = Membership.Status.ACTIVE
    membership.reason = reason[:1000]
    membership.decided_at = timezone.now()
    membership.decided_by = actor
    membership.save()
    invalidate()
    transaction.on_commit(
        lambda: _notify_decision(membership, "community_pages/emails/request_approved")
    )
    return membership


@transaction.atomic
def reject(actor, community, membership_id, reason=""):
    """An administrator turns down a pending request; the applicant is told once committed."""
    membership = _managed_membership(actor, community, membership_id)
    if membership.status != Membership.Status.PENDING:
        raise ValidationError(_("This request has already been decided."))
    membership.status = Membership.Status.REJECTED
    membership.reason = reason[:1000]
    membership.decided_at = timezone.now()
    membership.decided_by = actor
    membership.save()
    transaction.on_commit(
        lambda: _notify_decision(membership, "community_pages/emails/request_rejected")
    )
    return membership


@transaction.atomic
def invite(actor, community, email):
    """Invite someone by email (private and hidden communities, or any for administrators).

    A person with an account gets an ``invited`` membership; anyone gets an email whose link
    leads through sign-up (or log-in) straight into the community.
    """
    if not access.can_manage(actor, community):
        raise PermissionDenied(_("Only the community's administrators can invite."))
    if community.archived:
        raise PermissionDenied(_("An archived community accepts no new members."))
    email = email.strip().lower()
    User = get_user_model()
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is not None:
        existing = Membership.objects.filter(community_id=community.canonical_pk, user=user).first()
        if existing is not None and existing.status == Membership.Status.ACTIVE:
            raise ValidationError(_("This person is already a member."))
        Membership.objects.update_or_create(
            community_id=community.canonical_pk,
            user=user,
            defaults={"status": Membership.Status.INVITED, "decided_by": actor},
        )
    invitation = Invitation.objects.create(
        community_id=community.canonical_pk, email=email, invited_by=actor
    )
    transaction.on_commit(lambda: send_invitation_email(invitation, community, user))
    return invitation


def send_invitation_email(invitation, community, user=None):
    """Through the portal's notification helper: ``notify`` for someone with an account (their
    language and preference), ``notify_address`` for an address without one."""
    template = "community_pages/emails/invitation"
    context = {"community": community, "invitation": invitation}
    language = preferred_language(user) if user is not None else translation.get_language()
    with translation.override(language):
        url = reverse("community_pages:invitation", args=[invitation.token])
    if user is not None:
        return notify(user, NotificationKind.MEMBERSHIP, template, context, url=url)
    return notify_address(invitation.email, template, context, url=url, language=language)


@transaction.atomic
def accept_invitation(user, invitation):
    """Make ``user`` a member through an invitation sent to one of their verified emails."""
    community = invitation.community
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."))
    if community.archived:
        raise PermissionDenied(_("An archived community accepts no new members."))
    membership, _created = Membership.objects.get_or_create(
        community=community, user=user, defaults={"status": Membership.Status.ACTIVE}
    )
    if membership.status != Membership.Status.ACTIVE:
        membership.status = Membership.Status.ACTIVE
        membership.decided_at = timezone.now()
        membership.save()
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    invalidate()
    return membership


def accept_invitations_for_email(user, email):
    """After sign-up and email confirmation: join every community the address was invited to."""
    joined = []
    for invitation in Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True
    ).select_related("community"):
        try:
            joined.append(accept_invitation(user, invitation))
        except (PermissionDenied, ValidationError):
            continue
    return joined


def _ensure_admin_left(community, leaving_membership):
    if leaving_membership.is_admin and active_admins(community).count() <= 1:
        raise ValidationError(_("A community must keep at least one administrator."))


@transaction.atomic
def leave(user, community):
    """A member leaves the community and its working groups; the last administrator cannot."""
    membership = _own_membership(user, community, Membership.Status.ACTIVE)
    if membership is None:
        raise PermissionDenied(_("You are not a member of this community."))
    _ensure_admin_left(community, membership)
    _remove(membership)


def _remove(membership):
    WorkingGroupMembership.objects.filter(
        user=membership.user, group__community_id=membership.community_id
    ).delete()
    membership.delete()
    invalidate()


@transaction.atomic
def remove(actor, community, membership_id):
    """An administrator removes a member from the community and its working groups; the last
    administrator cannot be removed."""
    membership = _managed_membership(actor, community, membership_id)
    _ensure_admin_left(community, membership)
    _remove(membership)


@transaction.atomic
def set_role(actor, community, membership_id, role):
    """An administrator makes an active member an administrator or a plain member; the last
    administrator stays one."""
    membership = _managed_membership(actor, community, membership_id)
    if membership.status != Membership.Status.ACTIVE:
        raise ValidationError(_("Only members can become administrators."))
    if role == Membership.Role.MEMBER:
        _ensure_admin_left(community, membership)
    membership.role = role
    membership.save(update_fields=["role"])
    invalidate()
    return membership


@transaction.atomic
def join_working_group(user, group):
    """A member who may post in the community joins one of its working groups."""
    community = group.community
    if not access.rights(user, community).post:
        raise PermissionDenied(_("Only members of the community can join its working groups."))
    WorkingGroupMembership.objects.get_or_create(group=group, user=user)
    invalidate()


def leave_working_group(user, group):
    """The user leaves the working group (nothing if they were not in it)."""
    WorkingGroupMembership.objects.filter(group=group, user=user).delete()
    invalidate()


@transaction.atomic
def announce(actor, community, title, body, public_page=None):
    """Post an announcement (with ``public_page``, its public counterpart, if any) and email
    every member as their preference says.

    The emails are sent once the announcement is committed: a failure before then sends
    nothing and saves nothing.
    """
    if not access.can_manage(actor, community) or community.archived:
        raise PermissionDenied(_("Only the community's administrators can announce."))
    announcement = Announcement.objects.create(
        community_id=community.canonical_pk,
        author=actor,
        title=title,
        body=body,
        public_page=public_page,
    )
    transaction.on_commit(lambda: send_announcement.enqueue(announcement.pk))
    return announcement


def set_archived(community, archived):
    """Archive (no new members, a notice) or revive a community in one step."""
    page = CommunityPage.objects.get(pk=community.canonical_pk)
    page.archived = archived
    # Through a revision, so that a later publish of the page keeps the new state.
    page.save_revision().publish()
    return CommunityPage.objects.get(pk=page.pk)


def inactive_communities(now=None):
    """Canonical communities, not archived, with no new discussion, comment, file or event
    for over a year (``community_pages.health``), each with its ``pending`` request count."""
    now = now or timezone.now()
    pages = list(
        health.canonical_communities()
        .filter(archived=False)
        .annotate(
            pending=Count("memberships", filter=Q(memberships__status=Membership.Status.PENDING))
        )
        .order_by("last_activity_at", "pk")
    )
    latest = health.last_content([page.pk for page in pages])
    return [page for page in pages if health.is_inactive(page, latest.get(page.pk), now)]


def old_pending_requests(now=None):
    """Requests to join waiting for more than ``COMMUNITY_REQUEST_WAIT_DAYS``."""
    return health.waiting_requests(now)


@transaction.atomic
def add_resource_page(actor, community, title, topic="", text=""):
    """A community administrator publishes a community page (editors use the admin), all or
    nothing.

    The community's rule (an administrator of a community that is not archived) is checked
    before anything is written, and it is the whole permission: community administrators have
    no Wagtail page permissions, so the publish skips Wagtail's own check (which refused them
    after the page had been created and made live, and each retry added a copy).
    """
    if not access.can_manage(actor, community) or community.archived:
        raise PermissionDenied(_("Only the community's administrators can add pages."))
    page = CommunityResourcePage(
        title=title,
        slug=page_slug(community, title, "page"),
        topic=topic,
        body=[("paragraph", text)],
        owner=actor,
    )
    community.add_child(instance=page)
    page.save_revision(user=actor).publish(user=actor, skip_permission_checks=True)
    touch(community.canonical_pk)
    return page


# -- discussions and their attachments --------------------------------------------------


def _store_attachments(thread, user, files, stored, comment=None):
    """Save validated ``(upload, content_type)`` pairs; ``stored`` collects the file names."""
    for upload, content_type in files:
        item = Attachment(
            thread=thread,
            comment=comment,
            uploaded_by=user,
            original_name=upload.name[:255],
            content_type=content_type,
            size=upload.size,
        )
        item.file.save(upload.name, upload, save=False)
        stored.append(item.file.name)
        item.save()


def _delete_stored(names):
    for name in names:
        private_storage.delete(name)


def start_thread(user, community, thread, files=()):
    """Save a new discussion (an unsaved ``Thread``) with its attachments, all or nothing;
    tell the members who may read it."""
    if not access.can_post(user, community):
        raise PermissionDenied(_("Only members can start discussions."))
    stored = []
    try:
        with transaction.atomic():
            thread.community_id = community.canonical_pk
            thread.author = user
            thread.save()
            _store_attachments(thread, user, files, stored)
            # Members hear of it once it is committed: a failure sends nothing.
            transaction.on_commit(lambda: notify_new_thread.enqueue(thread.pk))
    except BaseException:
        _delete_stored(stored)
        raise
    return thread


def add_comment(user, community, thread, body, parent=None, files=()):
    """Save a comment (or a reply) with its attachments, all or nothing; tell the authors."""
    if not access.can_post(user, community):
        raise PermissionDenied(_("Only members can comment."))
    stored = []
    try:
        with transaction.atomic():
            comment = Comment.objects.create(thread=thread, parent=parent, author=user, body=body)
            _store_attachments(thread, user, files, stored, comment=comment)
            Thread.objects.filter(pk=thread.pk).update(
                comment_count=models.F("comment_count") + 1,
                last_activity_at=comment.created_at,
            )
            touch(community.canonical_pk, comment.created_at)
    except BaseException:
        _delete_stored(stored)
        raise
    notify_discussion.enqueue(comment.pk)
    return comment


# -- what members post, change and remove ------------------------------------------------


def _check_change(actor, community, item):
    if not access.rights(actor, community).may_change(item):
        raise PermissionDenied(
            _("Only its author or the community's administrators can change this.")
        )


def edit_thread(actor, community, thread):
    """Save a discussion (its edited title and text) as edited now."""
    _check_change(actor, community, thread)
    thread.updated_at = timezone.now()
    thread.save()
    return thread


def remove_thread(actor, community, thread):
    """Remove a discussion: it leaves every list; moderators still see it."""
    _check_change(actor, community, thread)
    thread.removed = True
    thread.save(update_fields=["removed", "audience"])


def edit_comment(actor, community, comment, body):
    """Replace a comment's text, marked as edited now."""
    _check_change(actor, community, comment)
    comment.body = body
    comment.updated_at = timezone.now()
    comment.save()
    return comment


def remove_comment(actor, community, comment):
    """Remove a comment: the discussion shows that it was removed."""
    _check_change(actor, community, comment)
    comment.removed = True
    comment.save(update_fields=["removed"])


def add_file(actor, community, item):
    """Save a members' file (an unsaved ``CommunityFile`` from the upload form)."""
    if not access.can_post(actor, community):
        raise PermissionDenied(_("Only members can upload files."))
    item.community_id = community.canonical_pk
    item.author = actor
    item.save()
    return item


def delete_file(actor, community, item):
    """Delete a members' file and what is stored of it."""
    _check_change(actor, community, item)
    item.file.delete(save=False)
    item.delete()


def add_event(actor, community, event):
    """Save an event (an unsaved ``CommunityEvent`` from the event form)."""
    if not access.can_post(actor, community):
        raise PermissionDenied(_("Only members can add events."))
    event.community_id = community.canonical_pk
    event.author = actor
    event.save()
    return event


def add_working_group(actor, community, name, description=""):
    """An administrator creates a working group in a community that is not archived."""
    if not access.can_manage(actor, community) or community.archived:
        raise PermissionDenied(_("Only the community's administrators can add working groups."))
    return WorkingGroup.objects.create(
        community_id=community.canonical_pk,
        locale_id=community.canonical.locale_id,
        name=name,
        description=description,
    )


# -- reports to the administrators --------------------------------------------------------


def report(user, community, thread, reason, comment=None):
    """A member reports a discussion (or one of its comments); the administrators are told.

    Returns ``(report, created)``: a member's second report of the same item while the first
    is open adds nothing and emails nobody. The caller has checked that ``user`` reads the
    item; this checks that they are a member.
    """
    if not access.can_report(user, community):
        raise PermissionDenied(_("Only members can report posts to the administrators."))
    if thread.community_id != community.canonical_pk or (
        comment is not None and comment.thread_id != thread.pk
    ):
        raise PermissionDenied(_("This post is not in this community."))
    existing = Report.objects.filter(
        reporter=user, thread=thread, comment=comment, status=Report.Status.OPEN
    ).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        item = Report.objects.create(
            community_id=community.canonical_pk,
            thread=thread,
            comment=comment,
            reporter=user,
            reason=reason[:1000],
        )
        transaction.on_commit(lambda: _tell_admins_of_report(community, thread, comment, item))
    return item, True


def _tell_admins_of_report(community, thread, comment, item):
    anchor = f"#comment-{comment.pk}" if comment is not None else ""
    for admin in active_admins(community).select_related("user", "user__profile"):
        notify(
            admin.user,
            NotificationKind.REPORTS,
            "community_pages/emails/report",
            {"community": community.canonical, "report": item, "reporter": item.reporter},
            page=community.canonical,
            url=community.reverse_subpage("thread", args=[thread.pk]) + anchor,
            can_see=lambda u: can_read_audience(u, thread.audience),
        )


def close_report(actor, community, report_id, comment="", remove=False):
    """An administrator decides a report: ``remove`` the reported post, or keep it.

    Every open report of the same post is closed with the same decision and ``comment``
    (what the moderator says to the reporters, and to the poster of a removed post, who are
    told by email once the decision is saved). A post an administrator already removed
    from its page is recorded as removed. Returns the reports closed.
    """
    if not access.can_manage(actor, community):
        raise PermissionDenied(_("Only the community's administrators can do this."))
    item = (
        Report.objects.select_related("thread", "comment")
        .filter(pk=report_id, community_id=community.canonical_pk, status=Report.Status.OPEN)
        .first()
    )
    if item is None:
        raise ValidationError(_("This report has already been dealt with."))
    post = item.item
    comment = comment[:1000]
    # Who could read the discussion before the decision: removing it leaves it to moderators.
    audience = item.thread.audience
    with transaction.atomic():
        if remove and not post.removed:
            if item.comment_id:
                remove_comment(actor, community, post)
            else:
                remove_thread(actor, community, post)
        decision = Report.Decision.REMOVED if post.removed else Report.Decision.KEPT
        same_post = Report.objects.filter(
            community_id=community.canonical_pk,
            thread_id=item.thread_id,
            comment_id=item.comment_id,
            status=Report.Status.OPEN,
        )
        closed = list(same_post.select_related("reporter", "thread", "comment"))
        same_post.update(
            status=Report.Status.CLOSED,
            closed_at=timezone.now(),
            closed_by=actor,
            decision=decision,
            closing_comment=comment,
        )
        for each in closed:
            each.decision, each.closing_comment = decision, comment
        transaction.on_commit(lambda: _tell_decision(community, post, closed, audience))
    return closed


def _tell_decision(community, post, reports, audience):
    """Tell each reporter who still reads the discussion as it was (``audience``) the
    decision, and the poster when their post was removed."""
    community = community.canonical
    thread = reports[0].thread
    decision, comment = reports[0].decision, reports[0].closing_comment
    context = {
        "community": community,
        "thread": thread,
        "is_comment": reports[0].comment_id is not None,
        "removed": decision == Report.Decision.REMOVED,
        "comment": comment,
    }
    # A removed discussion leaves every list: its readers are sent to the discussions.
    url = (
        community.reverse_subpage("discussions")
        if thread.removed
        else community.reverse_subpage("thread", args=[thread.pk])
    )
    # One open report per member and post (Report's constraints): each reporter once.
    for each in reports:
        if each.reporter is None:
            continue
        notify(
            each.reporter,
            NotificationKind.DECISIONS,
            "community_pages/emails/report_decided",
            context,
            page=community,
            url=url,
            can_see=lambda u: can_read_audience(u, audience),
        )
    if context["removed"] and post.author is not None:
        notify(
            post.author,
            NotificationKind.DECISIONS,
            "community_pages/emails/post_removed",
            {**context, "excerpt": plain(post.body, 300)},
            page=community,
            url=url,
        )


def reports_for(community):
    """The community's reports for its administrators: open ones first, then the 20 latest
    closed, with what the Manage page shows of each in one query."""
    reports = Report.objects.filter(community_id=community.canonical_pk).select_related(
        "thread", "comment", "reporter", "closed_by"
    )
    open_reports = list(reports.filter(status=Report.Status.OPEN).order_by("created_at"))
    closed = list(reports.filter(status=Report.Status.CLOSED).order_by("-closed_at")[:20])
    return open_reports, closed
