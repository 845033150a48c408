"""The moderation queue: what waits for a decision, and for whom.

Three kinds of things wait: members' submissions of publications (a draft publication on
its Wagtail moderation workflow), requests to join a community and open reports of
discussions and comments. Who moderates which:

* staff (``portal.access.is_staff``) moderate everything;
* a submission is moderated by whoever Wagtail lets act on its workflow task (the task's
  groups, the "Moderators" of the default workflow, and superusers:
  ``TaskState.objects.reviewable_by``), so the queue never offers what Wagtail refuses;
* requests and reports of a community are moderated by its active administrators (who
  decide on the community's Manage page, or here if they can open the admin).

Each kind is one queryset built here, read by the admin screen, the menu's count and the
daily email alike, so the three always agree.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Page, TaskState

from community_pages.models import Membership, Report
from library.models import PublicationPage
from portal.access import is_staff
from portal.locales import locale_codes
from portal.models.members import Frequency, NotificationKind
from portal.notifications import notify, preferred_language
from portal.reader_urls import absolute_url, reader_path

logger = logging.getLogger(__name__)
SUBMISSIONS = "submissions"
REQUESTS = "requests"
REPORTS = "reports"
KINDS = {
    SUBMISSIONS: _("Submitted publications"),
    REQUESTS: _("Requests to join a community"),
    REPORTS: _("Reported posts"),
}


@dataclass
class Waiting:
    """One thing waiting for a decision, as the screen and the email show it."""

    kind: str
    pk: int
    waiting_since: datetime
    title: str
    person: object
    text: str = ""
    community: object = None
    language: str = ""
    admin_url: str = ""
    item: object = None
    # A reported post's address on the site (its anchor for a comment).
    post_url: str = ""

    @property
    def kind_label(self):
        """The kind's name, in the active language."""
        return KINDS[self.kind]


def administered_communities(user):
    """The ids of the communities ``user`` administers (a subquery, not a query)."""
    return Membership.objects.filter(
        user=user, status=Membership.Status.ACTIVE, role=Membership.Role.ADMIN
    ).values("community_id")


def submission_states(user):
    """The in-progress workflow tasks of members' submitted publications that ``user`` may
    decide: every one for staff, else those Wagtail lets them review."""
    if not user.is_authenticated or not user.is_active:
        return TaskState.objects.none()
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__status="in_progress",
    )
    if not is_staff(user):
        states = states.filter(pk__in=TaskState.objects.reviewable_by(user).values("pk"))
    submitted = PublicationPage.objects.filter(submitted_by__isnull=False).annotate(
        key=Cast("pk", CharField())
    )
    return states.filter(
        workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        workflow_state__object_id__in=submitted.values("key"),
    )


def pending_requests(user):
    """Requests to join a community that ``user`` may decide."""
    requests = Membership.objects.filter(status=Membership.Status.PENDING)
    if not user.is_authenticated or not user.is_active:
        return requests.none()
    if not is_staff(user):
        requests = requests.filter(community_id__in=administered_communities(user))
    return requests


def open_reports(user):
    """Open reports of posts that ``user`` may deal with."""
    reports = Report.objects.filter(status=Report.Status.OPEN)
    if not user.is_authenticated or not user.is_active:
        return reports.none()
    if not is_staff(user):
        reports = reports.filter(community_id__in=administered_communities(user))
    return reports


QUERYSETS = {SUBMISSIONS: submission_states, REQUESTS: pending_requests, REPORTS: open_reports}


def counts(user):
    """How many things of each kind wait for ``user``: ``{kind: count}``, in one query per
    kind whatever the number of items."""
    return {kind: queryset(user).count() for kind, queryset in QUERYSETS.items()}


def may_moderate(user):
    """Does ``user`` moderate anything at all (even when nothing waits now)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_staff(user) or user.is_superuser:
        return True
    reviews = GroupApprovalTask.objects.filter(active=True, groups__in=user.groups.all())
    return reviews.exists() or administered_communities(user).exists()


def _submissions(user, limit):
    states = list(
        submission_states(user).select_related("workflow_state").order_by("started_at")[:limit]
    )
    ids = [int(state.workflow_state.object_id) for state in states]
    pages = PublicationPage.objects.filter(pk__in=ids).select_related("submitted_by", "locale")
    pages = {page.pk: page for page in pages}
    items = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        items.append(
            Waiting(
                SUBMISSIONS,
                state.pk,
                state.started_at,
                page.title,
                page.submitted_by,
                language=page.locale.language_code,
                admin_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                item=page,
            )
        )
    return items


def _requests(user, limit):
    requests = (
        pending_requests(user).select_related("user", "community").order_by("created_at")[:limit]
    )
    return [
        Waiting(
            REQUESTS,
            request.pk,
            request.created_at,
            request.community.title,
            request.user,
            text=request.message,
            community=request.community,
            item=request,
        )
        for request in requests
    ]


def _reports(user, limit):
    reports = (
        open_reports(user)
        .select_related("community", "thread", "comment", "reporter")
        .order_by("created_at")[:limit]
    )
    codes = locale_codes()
    return [
        Waiting(
            REPORTS,
            report.pk,
            report.created_at,
            report.thread.title,
            report.reporter,
            text=report.reason,
            community=report.community,
            item=report,
            post_url=post_url(report, codes[report.community.locale_id]),
        )
        for report in reports
    ]


def post_url(report, language):
    """Where the reported post is read, in its community's ``language``."""
    community = report.community
    anchor = f"#comment-{report.comment_id}" if report.comment_id else ""
    thread = community.reverse_subpage("thread", args=[report.thread_id])
    return reader_path(community, language, translate=False) + thread + anchor


LISTS = {SUBMISSIONS: _submissions, REQUESTS: _requests, REPORTS: _reports}


def waiting_for(user, kinds=None, limit=200):
    """What waits for ``user``'s decision, oldest first: at most ``limit`` of each kind in
    ``kinds`` (every kind by default), in a fixed number of queries."""
    items = []
    for kind in kinds or LISTS:
        items.extend(LISTS[kind](user, limit))
    return sorted(items, key=lambda item: item.waiting_since)


def site_url(item, language):
    """The absolute address where ``item`` is decided for a reader of ``language``: the
    admin's edit page of a submission, the community's Manage page for the rest."""
    if item.kind == SUBMISSIONS:
        return absolute_url(item.admin_url)
    manage = item.community.reverse_subpage("manage")
    return absolute_url(reader_path(item.community, language) + manage)


def moderators():
    """Everyone who may have something to decide: active staff, members of the groups of
    active approval tasks, and active administrators of communities with open requests or
    reports (each asked for their own queue before anything is sent)."""
    waiting = Q(community_memberships__role=Membership.Role.ADMIN) & Q(
        community_memberships__status=Membership.Status.ACTIVE
    )
    busy = list(pending_requests_all().values_list("community_id", flat=True)) + list(
        Report.objects.filter(status=Report.Status.OPEN).values_list("community_id", flat=True)
    )
    reviewer_groups = GroupApprovalTask.objects.filter(active=True).values("groups")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_staff=True)
            | Q(is_superuser=True)
            | Q(groups__in=reviewer_groups)
            | (waiting & Q(community_memberships__community_id__in=busy))
        )
        .select_related("profile")
        .distinct()
        .order_by("pk")
    )


def pending_requests_all():
    """Every pending request to join a community, whoever decides it."""
    return Membership.objects.filter(status=Membership.Status.PENDING)


DIGEST_ITEMS = 10


def digest_context(user, language):
    """What the daily email tells ``user``: the counts per kind and the oldest items, with
    absolute links for a reader of ``language``; None when nothing waits for them."""
    waiting = counts(user)
    total = sum(waiting.values())
    if not total:
        return None
    items = waiting_for(user, [kind for kind, count in waiting.items() if count])
    return {
        "total": total,
        "kinds": [(KINDS[kind], count) for kind, count in waiting.items() if count],
        "items": [{"item": item, "url": site_url(item, language)} for item in items[:DIGEST_ITEMS]],
        "more": max(0, total - DIGEST_ITEMS),
    }


def send_digest():
    """Email every moderator, in their language, what waits for their decision (never an
    empty email; "never" for ``NotificationKind.MODERATION`` stops it). Returns the number
    of emails sent and of those that could not be."""
    sent = failed = 0
    for user in moderators():
        language = preferred_language(user)
        context = digest_context(user, language)
        if context is None:
            continue
        admin = user.has_perm("wagtailadmin.access_admin")
        try:
            result = notify(
                user,
                NotificationKind.MODERATION,
                "insights/moderation/emails/digest",
                context,
                url=reverse("insights_moderation") if admin else "",
                frequency=Frequency.IMMEDIATELY,
            )
        except Exception:  # a bad address must not stop everyone else's email
            logger.exception("Could not send the moderation email to user %s", user.pk)
            failed += 1
            continue
        sent += result == "sent"
    return sent, failed
