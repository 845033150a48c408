"""A survey's emails, as each member's preference for surveys says: a community's survey
invites the community's active members once it opens (a survey of the whole membership is
emailed to nobody: it is listed and reaches timelines); once it has closed, its creator is
told how many answered, and its respondents that the results are there when the creator
chose to show them."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from community_pages.models import Membership
from portal.access import can_view_page
from portal.models.members import NotificationKind
from portal.notifications import notify
from surveys.models import SharedWith, SurveyNotice, SurveyPage


@task()
def invite_members(survey_id, at=None):
    """Invite the members of the survey's community (its creator aside), once it is open at
    ``at`` (an ISO 8601 instant, now by default), once; returns how many were told or
    queued."""
    now = dt.datetime.fromisoformat(at) if at else timezone.now()
    survey = SurveyPage.objects.live().filter(pk=survey_id).first()
    if survey is None or survey.state(now) != "open" or not first_notice(survey, "opened", now):
        return 0
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


@task()
def tell_closed(survey_id, at=None):
    """Once the survey has closed (at ``at``, an ISO 8601 instant, now by default), tell its
    creator how many answered and, when the results are shown to respondents, each
    respondent who may still read it; once. Returns how many were told or queued."""
    now = dt.datetime.fromisoformat(at) if at else timezone.now()
    survey = SurveyPage.objects.live().filter(pk=survey_id).first()
    if survey is None or survey.state(now) != "closed" or not first_notice(survey, "closed", now):
        return 0
    answers = survey.respondents.count()
    context = {"survey": survey, "answers": answers}
    told = 0
    if survey.owner is not None:
        result = notify(
            survey.owner,
            NotificationKind.SURVEYS,
            "surveys/emails/closed",
            context,
            page=survey,
            url=survey.reverse_subpage("results_view"),
            # A creator who has left the community no longer reads it, nor hears of it.
            can_see=lambda user: can_view_page(user, survey),
        )
        told += result != "skipped"
    if survey.results_to_respondents:
        respondents = survey.respondents.exclude(user_id=survey.owner_id).select_related(
            "user", "user__profile"
        )
        for respondent in respondents:
            result = notify(
                respondent.user,
                NotificationKind.SURVEYS,
                "surveys/emails/results",
                context,
                page=survey,
                url=survey.reverse_subpage("results_view"),
                can_see=lambda user: can_view_page(user, survey),
            )
            told += result != "skipped"
    return told


def first_notice(survey, moment, now):
    """Record that ``survey``'s emails of ``moment`` are being sent: False if they were."""
    with transaction.atomic():
        _notice, created = SurveyNotice.objects.get_or_create(
            survey=survey, moment=moment, defaults={"sent_at": now}
        )
    return created


def send_survey_emails(now=None):
    """Invite the members of every survey that has opened since the last run (surveys
    created to open later), and tell of every survey that has closed; returns the number of
    surveys that opened and closed."""
    now = now or timezone.now()
    live = SurveyPage.objects.live()
    opened = live.filter(opens_at__lte=now).exclude(closes_at__lte=now)
    opened = list(opened.exclude(notices__moment="opened").values_list("pk", flat=True))
    for pk in opened:
        invite_members.call(pk, now.isoformat())
    closed = live.filter(closes_at__lte=now).exclude(notices__moment="closed")
    closed = list(closed.values_list("pk", flat=True))
    for pk in closed:
        tell_closed.call(pk, now.isoformat())
    return len(opened), len(closed)
