"""Demo content of the surveys app: the surveys section in English, Spanish and French, and
three surveys members wrote in their own language, with answers from the demo members:

* in English, the SSC4C community's feedback on its global webinar on child and adolescent
  mental health, by its administrator (closed, anonymous, results shown to respondents);
* in Spanish, a survey of the whole membership on how members use the platform (open,
  anonymous);
* in French, the gender community's baseline survey on what members know of gender and
  social protection, measured at the start of the forum's inception period (open, named).

Running it twice changes nothing: the section and each survey are looked up by slug first.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from community_pages.models import CommunityPage, Membership
from portal.demo_utils import demo_index_pages, ensure_locales
from portal.models import HomePage

from .models import (
    SurveyIndexPage,
    SurveyNotice,
    SurveyPage,
    SurveyRespondent,
    SurveyResponse,
)
from .services import publish_survey

INDEX = {
    "en": ("Surveys", "Members ask each other: answer a survey, read the results, ask your own."),
    "es": (
        "Encuestas",
        "Los miembros se preguntan entre sí: responda una encuesta, lea sus resultados, "
        "haga sus propias preguntas.",
    ),
    "fr": (
        "Enquêtes",
        "Les membres s'interrogent entre eux : répondez à une enquête, lisez ses résultats, "
        "posez vos propres questions.",
    ),
}

AGREE = "Strongly agree\nAgree\nNeither agree nor disagree\nDisagree\nStrongly disagree"

# language, slug, creator, community (slug) or None, days since it opened, days it stays open
# (None: no closing day), anonymous, results to respondents, title, introduction, thank you,
# questions (label, type, required, choices, help), answers (respondent, {question: answer}).
SURVEYS = [
    {
        "language": "en",
        "slug": "feedback-global-webinar-child-adolescent-mental-health",
        "by": "martha.santos@example.org",
        "community": "ssc-for-children",
        "opened": 40,
        "open_for": 20,
        "anonymous": True,
        "results_to_respondents": True,
        "title": "Feedback on our global webinar on child and adolescent mental health",
        "introduction": "We held the webinar on South-South and triangular cooperation for "
        "child and adolescent mental health with attendees from 57 countries. Tell us what "
        "worked and what the next global webinar should cover: the coordinators will share "
        "the results with the community.",
        "thank_you": "Thank you. The results will be shared in the community once the survey "
        "closes.",
        "questions": [
            ("How relevant was the webinar to your work?", "rating", True, "", ""),
            (
                "The webinar delivered clear knowledge and information and was well structured.",
                "radio",
                True,
                AGREE,
                "",
            ),
            (
                "Which topics should the next global webinar cover?",
                "checkboxes",
                False,
                "Birth registration\nEarly childhood development\nMaternal and child health\n"
                "Water and sanitation\nChildren in humanitarian settings",
                "Choose as many as you like.",
            ),
            ("What would you change in the next one?", "multiline", False, "", ""),
        ],
        "answers": [
            (
                "mariana.balboni@example.org",
                [5, "Strongly agree", ["Birth registration", "Early childhood development"], ""],
            ),
            (
                "yihua.teng@example.org",
                [
                    4,
                    "Agree",
                    ["Maternal and child health"],
                    "More time for questions from the country offices, and the slides a day "
                    "before.",
                ],
            ),
            (
                "omar.haddad@example.org",
                [
                    5,
                    "Strongly agree",
                    ["Children in humanitarian settings", "Water and sanitation"],
                    "Interpretation into Arabic and French would bring in many more colleagues.",
                ],
            ),
            (
                "tomas.lopez@example.org",
                [4, "Agree", ["Early childhood development", "Birth registration"], ""],
            ),
            (
                "maja.nihlmark@example.org",
                [3, "Neither agree nor disagree", [], "Shorter presentations, fewer speakers."],
            ),
        ],
    },
    {
        "language": "es",
        "slug": "como-usa-la-plataforma",
        "by": "camila.rojas@example.org",
        "community": None,
        "opened": 6,
        "open_for": 30,
        "anonymous": True,
        "results_to_respondents": True,
        "title": "¿Cómo usa la plataforma?",
        "introduction": "Soy embajadora de la plataforma en Colombia. Con sus respuestas "
        "prepararemos la próxima reunión de embajadores: qué secciones le sirven, qué le "
        "falta y cómo podemos ayudarle a aprovecharla. Son tres minutos.",
        "thank_you": "¡Gracias! Publicaremos los resultados cuando se cierre la encuesta.",
        "questions": [
            (
                "¿Qué sección usa más?",
                "radio",
                True,
                "Biblioteca\nComunidades en línea\nSeminarios web\nPerfiles de programas\nGlosario",
                "",
            ),
            ("¿Cuán útil le resulta la plataforma en su trabajo?", "rating", True, "", ""),
            ("¿Qué echa en falta?", "multiline", False, "", ""),
        ],
        "answers": [
            (
                "lucia.fernandez@example.org",
                [
                    "Biblioteca",
                    5,
                    "Más documentos de evaluación de pensiones sociales en América Latina.",
                ],
            ),
            ("karim.alaoui@example.org", ["Comunidades en línea", 4, ""]),
            (
                "chinedu.okeke@example.org",
                ["Seminarios web", 4, "Grabaciones con subtítulos en varios idiomas."],
            ),
            ("tomas.lopez@example.org", ["Biblioteca", 3, ""]),
        ],
    },
    {
        "language": "fr",
        "slug": "enquete-de-depart-genre-et-protection-sociale",
        "by": "amina.diallo@example.org",
        "community": "gender-sensitive-social-protection",
        "opened": 3,
        "open_for": None,
        "anonymous": False,
        "results_to_respondents": False,
        "title": "Enquête de départ : genre et protection sociale",
        "introduction": "Au début de la phase de lancement du forum, nous mesurons ce que "
        "les membres savent du genre dans la protection sociale ; la même enquête sera "
        "reprise à la fin de la phase pour voir ce qui a changé.",
        "thank_you": "Merci ! Nous reprendrons la même enquête à la fin de la phase de lancement.",
        "questions": [
            (
                "Comment jugez-vous vos connaissances sur le genre et la protection sociale ?",
                "rating",
                True,
                "",
                "1 : très faibles, 5 : très solides.",
            ),
            (
                "Votre programme collecte-t-il des données ventilées par sexe ?",
                "radio",
                True,
                "Oui, pour tous les bénéficiaires\nEn partie\nNon\nJe ne sais pas",
                "",
            ),
            ("Quel sujet voulez-vous approfondir dans le forum ?", "singleline", False, "", ""),
        ],
        "answers": [
            (
                "lucia.fernandez@example.org",
                [3, "En partie", "Les services de garde sur les chantiers de travaux publics"],
            ),
            ("martha.santos@example.org", [4, "Oui, pour tous les bénéficiaires", ""]),
        ],
    },
]


def load(command):
    """Load the surveys section and the demo surveys with their answers; no demo accounts."""
    locales = ensure_locales()
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        return []
    indexes = load_index_pages(home, locales)
    made = sum(load_survey(spec, indexes) for spec in SURVEYS)
    if command is not None:
        command.stdout.write(f"  surveys: {len(SURVEYS)} surveys, {made} made")
    return []


def load_index_pages(home, locales):
    """The surveys section under the English home page and its Spanish and French
    translations: ``{language code: index page}``."""
    return demo_index_pages(home, locales, SurveyIndexPage, "surveys", INDEX)


@transaction.atomic
def load_survey(spec, indexes):
    """One demo survey and its answers, once; returns 1 if it was made."""
    index = indexes[spec["language"]]
    if SurveyPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
        return 0
    users = get_user_model().objects
    owner = users.filter(email=spec["by"]).first()
    community = None
    if spec["community"]:
        community = CommunityPage.objects.filter(slug=spec["community"]).order_by("pk").first()
        if community is None:
            return 0
    now = timezone.now()
    opens_at = now - dt.timedelta(days=spec["opened"])
    closes_at = None
    if spec["open_for"] is not None:
        closes_at = opens_at + dt.timedelta(days=spec["open_for"])
    questions = [
        {
            "label": label,
            "field_type": field_type,
            "required": required,
            "choices": choices,
            "help_text": help_text,
        }
        for label, field_type, required, choices, help_text in spec["questions"]
    ]
    survey = publish_survey(
        index,
        owner,
        spec["title"],
        questions,
        community=community,
        slug=spec["slug"],
        introduction=spec["introduction"],
        opens_at=opens_at,
        closes_at=closes_at,
        anonymous=spec["anonymous"],
        results_to_respondents=spec["results_to_respondents"],
        thank_you=spec["thank_you"],
    )
    # The demo sends no emails: its surveys' moments have passed.
    SurveyNotice.objects.create(survey=survey, moment="opened", sent_at=opens_at)
    if closes_at is not None and closes_at <= now:
        SurveyNotice.objects.create(survey=survey, moment="closed", sent_at=closes_at)
    SurveyPage.objects.filter(pk=survey.pk).update(first_published_at=opens_at)
    members = None
    if community is not None:
        members = set(
            Membership.objects.filter(
                community=community, status=Membership.Status.ACTIVE
            ).values_list("user__email", flat=True)
        )
    for position, (email, values) in enumerate(spec["answers"]):
        user = users.filter(email=email).first()
        if user is None or (members is not None and email not in members):
            continue
        SurveyRespondent.objects.create(survey=survey, user=user)
        response = SurveyResponse.objects.create(
            page=survey,
            form_data={f"q{n}": value for n, value in enumerate(values, start=1)},
            respondent=None if survey.anonymous else user,
        )
        answered = opens_at + dt.timedelta(days=1 + position, hours=position * 3)
        SurveyResponse.objects.filter(pk=response.pk).update(submit_time=min(answered, now))
    return 1
