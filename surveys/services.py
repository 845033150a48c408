"""Making a survey: the one way the site's form, the demo and the tests publish one."""

from django.db import transaction

from portal.slugs import page_slug
from surveys.models import SharedWith, SurveyNotice, SurveyPage, SurveyQuestion


@transaction.atomic
def publish_survey(index, owner, title, questions, *, community=None, slug=None, **fields):
    """Publish a survey titled ``title`` under ``index`` (a surveys index page), ``owner`` its
    creator, asked of ``community``'s members (a canonical community page) or of every member.

    ``questions`` are dicts of ``label``, ``field_type`` and optionally ``choices`` (one per
    line), ``help_text`` and ``required`` (:func:`build_questions`). ``fields`` are
    the page's other fields (``opens_at``, ``closes_at``, ``anonymous``…)."""
    survey = SurveyPage(
        title=title,
        slug=slug or page_slug(index, title, "survey"),
        shared_with=SharedWith.COMMUNITY if community is not None else SharedWith.MEMBERS,
        community=community,
        owner=owner,
        **fields,
    )
    survey.form_fields = build_questions(questions)
    index.add_child(instance=survey)
    survey.save_revision(user=owner, log_action=owner is not None).publish(
        user=owner, skip_permission_checks=True
    )
    return survey


def question_rows(survey):
    """The survey's questions as :func:`publish_survey` takes them (to show them again)."""
    return [
        {
            "label": question.label,
            "field_type": question.field_type,
            "choices": question.choices,
            "help_text": question.help_text,
            "required": question.required,
        }
        for question in survey.form_fields.all()
    ]


@transaction.atomic
def update_survey(survey, user, fields, questions=None):
    """Change ``survey``'s ``fields`` and, when given, replace its questions (only while no
    one has answered: answers are stored under the questions' names); published as a new
    revision by ``user``."""
    asked = survey.community_id
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.shared_with = SharedWith.COMMUNITY if survey.community_id else SharedWith.MEMBERS
    # Asked of another community: its members are invited in turn. Open again: it tells
    # of its closing again when it closes.
    if survey.community_id != asked:
        survey.notices.filter(moment=SurveyNotice.Moment.OPENED).delete()
    if survey.state() != "closed":
        survey.notices.filter(moment=SurveyNotice.Moment.CLOSED).delete()
    if questions is not None:
        if survey.respondents.exists():
            raise ValueError("a survey's questions cannot change once it has answers")
        survey.form_fields = build_questions(questions)
    survey.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    return survey


def build_questions(questions):
    """The :class:`SurveyQuestion` rows of ``questions``, each with a stable name of its own
    (``q1``, ``q2``…), under which its answers are stored whatever its wording becomes."""
    return [
        SurveyQuestion(
            clean_name=f"q{number}",
            sort_order=number,
            label=question["label"],
            field_type=question["field_type"],
            choices=question.get("choices", ""),
            help_text=question.get("help_text", ""),
            required=question.get("required", False),
        )
        for number, question in enumerate(questions, start=1)
    ]
