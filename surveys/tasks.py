"""Inviting members to answer: a community's survey is emailed to the community's active
members once it opens (as each member's preference for surveys says); a survey of the whole
membership is not emailed to everyone, it is listed and reaches timelines."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from community_pages.models import Membership
from portal.access import can_view_page
from portal.models.members import NotificationKind
from portal.notifications import notify
from surveys.models import SharedWith, SurveyPage


@task()
def invite_members(survey_id, at=None):
    """Invite the members of the survey's community (its creator aside), once it is open at
    ``at`` (an ISO 8601 instant, now by default); returns how many were told or queued."""
    now = dt.datetime.fromisoformat(at) if at else timezone.now()
    with transaction.atomic():
        survey = (
            SurveyPage.objects.live()
            .select_for_update()
            .filter(pk=survey_id, invited_at__isnull=True)
            .first()
        )
        if survey is None or survey.state(now) != "open":
            return 0
        SurveyPage.objects.filter(pk=survey.pk).update(invited_at=now)
    if survey.shared_with != SharedWith.COMMUNITY or survey.community is None:
        return 0
    members = (
        Membership.objects.filter(community=survey.community, status=Membership.Status.ACTIVE)
        .exclude(user_id=survey.owner_id)
        .select_related("user", "user__profile")
    )
    told = 0
    for membership in members:
        result = notify(
            membership.user,
            NotificationKind.SURVEYS,
            "surveys/emails/invitation",
            {"survey": survey, "community": survey.community},
            page=survey,
            can_see=lambda user: can_view_page(user, survey),
        )
        told += result != "skipped"
    return told


def send_due_invitations(now=None):
    """Invite the members of every survey that has opened since the last run (surveys
    created to open later); returns the number of surveys."""
    now = now or timezone.now()
    due = SurveyPage.objects.live().filter(invited_at__isnull=True, opens_at__lte=now)
    due = due.exclude(closes_at__lte=now).values_list("pk", flat=True)
    for pk in due:
        invite_members.call(pk, now.isoformat())
    return len(due)
