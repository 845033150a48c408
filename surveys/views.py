"""What members do with surveys: list them, create one, answer once, read the results (charts
and a spreadsheet), close and delete.

Page serving has asked the access policy already (``before_serve_page``): whoever reaches
these views may read the survey. What more an action needs (being its creator, a moderator
of its community, staff) is asked here.
"""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from community_pages.access import can_moderate, can_see_in_directory
from community_pages.models import CommunityPage, Membership
from community_pages.views.frame import deny
from portal import ratelimits
from portal.access import is_member, is_staff, visible_queryset
from portal.exports import csv_response
from portal.i18n import content_language, localized_pages
from portal.locales import active_locale
from portal.params import int_param
from portal.reader_urls import reader_path
from surveys import services
from surveys.forms import (
    MAX_QUESTIONS,
    NEW_QUESTION_ROWS,
    QuestionFormSet,
    SurveyForm,
    closing_instant,
    opening_instant,
)
from surveys.models import SurveyPage, SurveyRespondent
from surveys.results import csv_rows, tally
from surveys.tasks import invite_members, tell_closed

CLOSED_LISTED = 20  # closed surveys the index lists, newest first
MINE_LISTED = 50  # the reader's own surveys it lists, newest first


# -- the index ---------------------------------------------------------------------------


def askable_communities(user, locale):
    """(id, name in ``locale``) of the communities ``user`` may ask to answer a survey: those
    they are an active member of, that are not archived (every community for staff)."""
    communities = CommunityPage.objects.live().filter(archived=False).order_by("title")
    if not is_staff(user):
        member_of = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
        communities = communities.filter(pk__in=member_of.values("community_id"))
    communities = list(communities)
    return [
        (community.pk, translated.title)
        for community, translated in zip(
            communities, localized_pages(communities, locale), strict=True
        )
    ]


def index_context(index, request):
    """The surveys the reader may read, by state (open, opening soon, the latest closed), and
    those they created; ``?community=<id>`` keeps the surveys of one community the reader
    may see in the directory. A fixed number of queries, however many surveys there are."""
    user = request.user
    if not is_member(user):
        return {"surveys": None}
    locale = active_locale()
    community_id = int_param(request.GET, "community", 0, 0, 2**62)
    surveys = visible_queryset(SurveyPage.objects.live(), user)
    community = None
    if community_id:
        community = CommunityPage.objects.live().filter(pk=community_id).first()
        if community is not None and not can_see_in_directory(user, community):
            community = None  # a hidden community's name is for its members
        if community is not None:
            surveys = surveys.filter(community_id=community.pk)
    now = timezone.now()
    surveys = surveys.select_related("community").annotate(answers=Count("respondents"))
    surveys = surveys.order_by("-opens_at", "-pk")
    lists = {
        "current": list(surveys.exclude(closes_at__lte=now)),
        "closed": list(surveys.filter(closes_at__lte=now)[:CLOSED_LISTED]),
        "mine": list(surveys.filter(owner=user)[:MINE_LISTED]),
    }
    every = [survey for rows in lists.values() for survey in rows]
    answered = set(
        SurveyRespondent.objects.filter(
            user=user, survey_id__in={survey.pk for survey in every}
        ).values_list("survey_id", flat=True)
    )
    names = community_names([survey.community for survey in every] + [community], locale)

    def item(survey):
        return {
            "survey": survey,
            "url": survey_path(survey),
            "state": survey.state(now),
            "answered": survey.pk in answered,
            "results": survey.may_see_results(user, survey.pk in answered),
            "community": names.get(survey.community_id),
            "language": content_language(request, survey),
        }

    current = [item(survey) for survey in lists["current"]]
    groups = {
        "open": [entry for entry in current if entry["state"] == "open"],
        "scheduled": [entry for entry in current if entry["state"] == "scheduled"],
        "closed": [item(survey) for survey in lists["closed"]],
        "mine": [item(survey) for survey in lists["mine"]],
    }
    return {
        "surveys": groups,
        "community": community,
        "community_name": names.get(community.pk) if community else "",
        "create_url": index.url
        + index.reverse_subpage("create_view")
        + (f"?community={community.pk}" if community else ""),
    }


def survey_path(survey, suffix=""):
    """The survey's address for the reader, in their language (a survey is written in one:
    readers of the others read it with the interface in theirs)."""
    return reader_path(survey, translate=False) + suffix


def community_names(communities, locale):
    """{community id: its title in ``locale``}, in one query."""
    communities = [community for community in communities if community is not None]
    unique = list({community.pk: community for community in communities}.values())
    return {
        community.pk: translated.title
        for community, translated in zip(unique, localized_pages(unique, locale), strict=True)
    }


# -- creating ------------------------------------------------------------------------------


def create_survey(request, index):
    """``new/``: the form that creates a survey; a survey asks one question at least.

    "More questions" shows the form again with more blank questions and nothing lost; a valid
    form publishes the survey (its creator is its owner) and invites the community's members
    once it opens (``surveys.tasks``)."""
    if not is_member(request.user):
        return deny(request)
    communities = askable_communities(request.user, active_locale())
    if request.method != "POST":
        wanted = int_param(request.GET, "community", 0, 0, 2**62)
        initial = {"community": wanted} if wanted in dict(communities) else {}
        form = SurveyForm(communities=communities, initial=initial)
        return render_form(request, index, form, QuestionFormSet(prefix="questions"))
    form = SurveyForm(request.POST, communities=communities)
    questions = QuestionFormSet(request.POST, prefix="questions")
    if "more" in request.POST:
        return more_questions(request, index, form, questions)
    if not (form.is_valid() and questions.is_valid()):
        return render_form(request, index, form, questions, status=400)
    if not ratelimits.allow(request, "survey_create"):
        ratelimits.refuse_form(form)
        return render_form(request, index, form, questions, status=ratelimits.TOO_MANY_REQUESTS)
    fields = survey_fields(form)
    survey = services.publish_survey(
        index, request.user, fields.pop("title"), questions.questions(), **fields
    )
    invite_once_open(survey)
    if survey.state() == "open":
        messages.success(request, _("Your survey is open for answers."))
    else:
        messages.success(
            request,
            _("Your survey is published; it opens on %(day)s.")
            % {"day": date_format(form.cleaned_data["opens_on"], "DATE_FORMAT")},
        )
    return redirect(survey_path(survey))


def edit_survey(request, survey):
    """``edit/``: the creator (or staff) changes the survey with the creation form. Once a
    member has answered, its questions, who is asked and whether answers are anonymous stay
    as they were answered; once it has opened, so does its opening day."""
    user = request.user
    if not (survey.is_creator(user) or is_staff(user)):
        return deny(request)
    answered = survey.respondents.exists()
    locked = ["community", "anonymous"] if answered else []
    if survey.state() != "scheduled":
        locked.append("opens_on")
    communities = askable_communities(user, active_locale())
    if survey.community_id and survey.community_id not in dict(communities):
        communities.append(
            (
                survey.community_id,
                community_names([survey.community], active_locale())[survey.community_id],
            )
        )
    initial = {
        "title": survey.title,
        "introduction": survey.introduction,
        "community": survey.community_id,
        "opens_on": survey.opens_at.date(),
        "closes_on": survey.closing_day,
        "anonymous": survey.anonymous,
        "results_to_respondents": survey.results_to_respondents,
        "thank_you": survey.thank_you,
    }
    options = {"communities": communities, "locked": locked, "initial": initial}
    if request.method != "POST":
        questions = None
        if not answered:
            questions = QuestionFormSet(prefix="questions", initial=services.question_rows(survey))
        return render_form(request, survey, SurveyForm(**options), questions, answered=answered)
    form = SurveyForm(request.POST, **options)
    questions = None if answered else QuestionFormSet(request.POST, prefix="questions")
    if "more" in request.POST and questions is not None:
        return more_questions(request, survey, form, questions, locked=locked)
    if not (form.is_valid() and (questions is None or questions.is_valid())):
        return render_form(request, survey, form, questions, status=400, answered=answered)
    fields = survey_fields(form, leave_out=locked)
    services.update_survey(
        survey, user, fields, questions.questions() if questions is not None else None
    )
    invite_once_open(survey)
    messages.success(request, _("Your changes are saved."))
    return redirect(survey_path(survey))


def survey_fields(form, leave_out=()):
    """The survey's fields from the (valid) creation form; ``leave_out`` those that are
    locked (they keep their value)."""
    data = form.cleaned_data
    community = None
    if data.get("community"):
        community = CommunityPage.objects.get(pk=data["community"])
    fields = {
        "title": data["title"],
        "introduction": data["introduction"],
        "community": community,
        "opens_at": opening_instant(data["opens_on"]),
        "closes_at": closing_instant(data["closes_on"]) if data.get("closes_on") else None,
        "anonymous": data["anonymous"],
        "results_to_respondents": data["results_to_respondents"],
        "thank_you": data["thank_you"],
    }
    names = {"opens_on": "opens_at"}
    for name in leave_out:
        fields.pop(names.get(name, name), None)
    return fields


def invite_once_open(survey):
    """Invite the community's members once the transaction commits, if the survey is open
    (once: ``surveys.tasks``)."""
    if survey.state() == "open":
        transaction.on_commit(lambda: invite_members.enqueue(survey.pk))


def more_questions(request, page, form, questions, locked=()):
    """The form again as the member filled it, with more blank questions and no errors."""
    initial = {name: form[name].value() for name in form.fields}
    rows = [
        {name: row[name].value() for name in row.fields}
        for row in questions.forms
        if row["label"].value()
    ]
    extra = min(NEW_QUESTION_ROWS, MAX_QUESTIONS - len(rows))
    form = SurveyForm(
        communities=form.fields["community"].choices[1:], initial=initial, locked=locked
    )
    formset = QuestionFormSet(prefix="questions", initial=rows)
    formset.extra = max(extra, 0)
    return render_form(request, page, form, formset)


def render_form(request, page, form, questions, status=200, answered=False):
    """The creation form (``page`` the surveys index), or the editing form (``page`` the
    survey; ``questions`` None once it has answers)."""
    editing = isinstance(page, SurveyPage)
    return TemplateResponse(
        request,
        "surveys/survey_form.html",
        {
            "page": page,
            "form": form,
            "questions": questions,
            "editing": editing,
            "answered": answered,
            "question_list": page.form_fields.all() if editing and questions is None else (),
            "survey_url": survey_path(page) if editing else "",
            "max_questions": MAX_QUESTIONS,
        },
        status=status,
    )


# -- answering -------------------------------------------------------------------------------


def answer_survey(request, survey):
    """The survey's page: its questions while it is open and the member has not answered;
    else why not (it opens later, it has closed, they answered), with the results when they
    may read them. A valid answer is stored with its respondent once, in one transaction."""
    user = request.user
    answered = survey.has_answered(user)
    state = survey.state()
    form, status = None, 200
    if state == "open" and not answered:
        if request.method == "POST":
            form = survey.get_form(request.POST, page=survey, user=user)
            if form.is_valid():
                if store_answer(survey, user, form):
                    messages.success(request, _("Thank you: your answers are saved."))
                else:
                    messages.info(request, _("You have answered this survey already."))
                return redirect(survey_path(survey))
            status = 400
        else:
            form = survey.get_form(page=survey, user=user)
    elif request.method == "POST":
        status = 409  # closed, not open yet, or answered: nothing is saved, the page says why
    return render_survey(request, survey, form, answered, state, status)


def store_answer(survey, user, form):
    """Store ``form``'s answers and that ``user`` answered; False if they had already."""
    try:
        with transaction.atomic():
            SurveyRespondent.objects.create(survey=survey, user=user)
            survey.process_form_submission(form, user=user)
    except IntegrityError:
        return False
    return True


def render_survey(request, survey, form, answered, state, status=200):
    """The survey's page."""
    user = request.user
    context = survey.get_context(request)
    context.update(
        {
            "form": form,
            "answered": answered,
            "state": state,
            "survey_url": survey_path(survey),
            "may_see_results": survey.may_see_results(user, answered),
            "may_manage": may_manage(user, survey),
            "may_edit": survey.is_creator(user) or is_staff(user),
            "is_creator": survey.is_creator(user),
            "answers": survey.respondents.count() if survey.is_creator(user) else None,
            "community_name": community_names([survey.community], active_locale()).get(
                survey.community_id
            ),
        }
    )
    return TemplateResponse(request, "surveys/survey_page.html", context, status=status)


def may_manage(user, survey):
    """Close or delete ``survey``: its creator, staff, and its community's moderators."""
    if survey.is_creator(user) or is_staff(user):
        return True
    return survey.community is not None and can_moderate(user, survey.community)


# -- results -----------------------------------------------------------------------------------


def results(request, survey):
    """``results/``: each question's answers as a chart (choices and ratings) or a list (text)."""
    if not survey.may_see_results(request.user):
        return deny(request)
    context = survey.get_context(request)
    context.update(
        {
            "results": tally(survey),
            "survey_url": survey_path(survey),
            "state": survey.state(),
            "may_manage": may_manage(request.user, survey),
            "community_name": community_names([survey.community], active_locale()).get(
                survey.community_id
            ),
        }
    )
    return TemplateResponse(request, "surveys/survey_results.html", context)


def results_csv(request, survey):
    """``results.csv``: one row per answer (with the respondent when answers are named)."""
    if not survey.may_see_results(request.user):
        return deny(request)
    header, rows = csv_rows(survey)
    return csv_response(f"{survey.slug}.csv", header, rows)


# -- closing and deleting --------------------------------------------------------------------


def close_survey(request, survey):
    """POST ``close/``: no more answers from now on."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not may_manage(request.user, survey):
        return deny(request)
    if survey.state() != "closed":
        now = timezone.now()
        services.update_survey(
            survey, request.user, {"closes_at": now, "opens_at": min(survey.opens_at, now)}
        )
        transaction.on_commit(lambda: tell_closed.enqueue(survey.pk))
        messages.success(request, _("The survey is closed: it takes no more answers."))
    return redirect(survey_path(survey))


def delete_survey(request, survey):
    """``delete/``: asks first; POST deletes the survey with its answers."""
    if not may_manage(request.user, survey):
        return deny(request)
    if request.method == "POST":
        index = survey.get_parent()
        title = survey.title
        survey.delete(user=request.user, skip_permission_checks=True)
        messages.success(request, _("“%(title)s” and its answers are deleted.") % {"title": title})
        return redirect(reader_path(index))
    context = survey.get_context(request)
    context["answers"] = survey.respondents.count()
    context["survey_url"] = survey_path(survey)
    return TemplateResponse(request, "surveys/survey_delete.html", context)
