"""Factories for the surveys app, used by tests and benchmarks."""

import wagtail_factories

from surveys.models import SurveyIndexPage
from surveys.services import publish_survey

QUESTIONS = [
    {"label": "How useful is it?", "field_type": "rating", "required": True},
    {
        "label": "Which section do you use most?",
        "field_type": "radio",
        "choices": "Library\nCommunities\nWebinars",
        "required": True,
    },
    {
        "label": "Which topics interest you?",
        "field_type": "checkboxes",
        "choices": "Pensions\nCash transfers\nPublic works",
    },
    {"label": "What is missing?", "field_type": "multiline"},
]


class SurveyIndexPageFactory(wagtail_factories.PageFactory):
    """The surveys section of a language (test factory)."""

    class Meta:
        model = SurveyIndexPage

    title = "Surveys"
    slug = "surveys"


def make_survey(index, owner, title="Members' survey", questions=QUESTIONS, **fields):
    """A published survey with :data:`QUESTIONS` (test helper; see
    ``surveys.services.publish_survey`` for ``fields``)."""
    return publish_survey(index, owner, title, questions, **fields)
