"""Demo content of the webinars section.

Facts and names come from the platform's guide (the Gender-sensitive Social Protection series
proposed by FAO and IPC-IG, the Benefit Package Design for Universal Health Coverage series of
GIZ's Global Alliances for Social Protection, the MENA webinar with Rana Jawad and Markus Loewe
held on 11 June 2018) and from the Community of Practice on South-South Cooperation for
Children (UNICEF and IPC-IG); the sentences are our own. Past sessions carry recordings,
slides, summaries and Q&A; upcoming sessions are scheduled relative to today so that they stay
open for registration. Each step looks up what exists first: running it twice changes nothing.
"""

import datetime as dt
import hashlib

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from library.models import Organisation, PublicationPage
from portal.demo_utils import ensure_locales, translate_instance
from portal.models import Country, HomePage, Theme

from .models import (
    Attendance,
    Registration,
    SeriesFollow,
    Speaker,
    WebinarIndexPage,
    WebinarPage,
    WebinarSeriesPage,
)
from .timezones import wall_clock_to_utc

INDEX = {
    "title": "Webinars",
    "introduction": "Live sessions with practitioners and researchers, and their recordings, "
    "slides, summaries and questions and answers. Times are shown in the host's time zone "
    "and in yours.",
}
INDEX_ES = {
    "Webinars": "Webinarios",
    INDEX["introduction"]: "Sesiones en directo con profesionales e investigadores, y sus "
    "grabaciones, diapositivas, síntesis y preguntas y respuestas. Los horarios se muestran en "
    "el huso horario del anfitrión y en el suyo.",
}
INDEX_FR = {
    "Webinars": "Webinaires",
    INDEX["introduction"]: "Des sessions en direct avec des praticiens et des chercheurs, et "
    "leurs enregistrements, diapositives, synthèses et questions-réponses. Les horaires sont "
    "affichés dans le fuseau de l'organisateur et dans le vôtre.",
}

SPEAKERS = {
    # key: name, organisation, job title, bio
    "jawad": (
        "Rana Jawad",
        "University of Bath",
        "Senior Lecturer in Social Policy",
        "Works on social policy and social welfare in the Middle East and North Africa.",
    ),
    "loewe": (
        "Markus Loewe",
        "German Institute of Development and Sustainability (IDOS)",
        "Senior Researcher",
        "Studies social protection reforms and the political economy of the MENA region.",
    ),
    "balboni": (
        "Mariana Balboni",
        "IPC-IG",
        "Senior Project Officer",
        "Coordinates the Community of Practice on South-South Cooperation for Children.",
    ),
    "santos": (
        "Martha Santos",
        "UNICEF",
        "Programme Manager",
        "Leads work on South-South and triangular cooperation for child-related goals.",
    ),
    "teng": (
        "Yihua Teng",
        "UNICEF",
        "Programme Officer",
        "Focuses on primary health care and maternal, newborn and child health.",
    ),
    "fernandez": (
        "Lucía Fernández",
        "Ministerio de Desarrollo Social",
        "Gender specialist",
        "Works on gender-sensitive social protection and non-contributory pensions.",
    ),
    "diallo": (
        "Amina Diallo",
        "Ministère de la Solidarité",
        "Head of the social registry",
        "Runs the national social registry and cash transfer programmes.",
    ),
    "haddad": (
        "Omar Haddad",
        "UNICEF MENA Regional Office",
        "Social Policy Specialist",
        "Supports shock-responsive social protection in the Middle East and North Africa.",
    ),
    "fao": (
        "Ana Ocampo",
        "FAO",
        "Social Protection Officer",
        "Works on rural women's economic empowerment through social protection.",
    ),
    "giz": (
        "Thomas Weber",
        "GIZ Global Alliances for Social Protection",
        "Health Financing Advisor",
        "Advises ministries and health insurers on benefit package design.",
    ),
    "indonesia": (
        "Sri Wahyuni",
        "BPJS Kesehatan",
        "Head of Benefit Policy",
        "Works on the benefit package of Indonesia's national health insurance.",
    ),
}

SPEAKER_TRANSLATIONS = {
    "jawad": {
        "es": {
            "Senior Lecturer in Social Policy": "Profesora titular de Política Social",
            SPEAKERS["jawad"][3]: "Trabaja sobre política social y bienestar social en "
            "Oriente Medio y Norte de África.",
        },
        "fr": {
            "Senior Lecturer in Social Policy": "Maîtresse de conférences en politique sociale",
            SPEAKERS["jawad"][3]: "Travaille sur la politique sociale et la protection "
            "sociale au Moyen-Orient et en Afrique du Nord.",
        },
    },
    "loewe": {
        "es": {
            "Senior Researcher": "Investigador principal",
            SPEAKERS["loewe"][3]: "Estudia las reformas de la protección social y la "
            "economía política de la región MENA.",
        },
        "fr": {
            "Senior Researcher": "Chercheur principal",
            SPEAKERS["loewe"][3]: "Étudie les réformes de la protection sociale et "
            "l'économie politique de la région MENA.",
        },
    },
}

GENDER = {
    "slug": "gender-sensitive-social-protection",
    "title": "Gender-sensitive Social Protection",
    "introduction": "A webinar series by FAO and IPC-IG on how social protection can narrow "
    "gender gaps and support women's economic empowerment.",
    "overview": "<p>Social protection programmes often name women as the recipients of "
    "benefits. Whether they also help women gain income, assets and a voice depends on how they "
    "are designed and implemented. The series starts with an overview of the field and moves on "
    "to rural women in Africa, programme design, financial inclusion and evaluation.</p>",
    "objectives": "<ul><li>Share evidence on the gender effects of social protection "
    "programmes.</li><li>Identify opportunities for South-South cooperation between countries "
    "and agencies.</li><li>Produce a short summary of each session and of the follow-up "
    "discussions.</li></ul>",
    "audience": "Social protection practitioners, policymakers, researchers and gender "
    "specialists; the related online community hosts the follow-up discussions.",
    "organisers": ["fao", "ipc-ig"],
    "partners": ["un-women", "unicef", "ifpri"],
    "themes": ["gender"],
    "community": "gender",
}
GENDER_ES = {
    GENDER["title"]: "Protección social con enfoque de género",
    GENDER["introduction"]: "Una serie de webinarios de la FAO y el IPC-IG sobre cómo la "
    "protección social puede reducir las brechas de género y apoyar el empoderamiento económico "
    "de las mujeres.",
}
GENDER_FR = {
    GENDER["title"]: "Protection sociale sensible au genre",
    GENDER["introduction"]: "Une série de webinaires de la FAO et de l'IPC-IG sur la manière "
    "dont la protection sociale peut réduire les inégalités de genre et soutenir "
    "l'autonomisation économique des femmes.",
}

UHC = {
    "slug": "benefit-package-design-uhc",
    "title": "Benefit Package Design for Universal Health Coverage",
    "introduction": "A global peer exchange on how countries decide what their health benefit "
    "packages cover, run by GIZ's Global Alliances for Social Protection.",
    "overview": "<p>Countries reforming health financing for universal health coverage must "
    "balance patients' financial protection against the sustainability of national health "
    "funds. A transparent, systematic way of deciding what the benefit package covers is "
    "central to both; several countries have developed methods and tools worth sharing.</p>",
    "objectives": "<ol><li>Offer a peer-to-peer platform for policymakers and practitioners "
    "deciding on benefit packages.</li><li>Discuss governance, the decision process (from "
    "regulatory and scientific review to health technology assessment, pricing and tariffs) and "
    "the link with provider payment.</li><li>Co-produce knowledge products and tools that "
    "countries can adapt.</li></ol>",
    "audience": "Policymakers and practitioners of ministries and implementing institutions "
    "responsible for deciding on and financing benefit packages.",
    "organisers": ["giz"],
    "partners": [],
    "themes": ["health"],
    "community": "benefit",
}
UHC_ES = {
    UHC["title"]: "Diseño del paquete de prestaciones para la cobertura sanitaria universal",
    UHC["introduction"]: "Un intercambio mundial entre pares sobre cómo los países deciden qué "
    "cubren sus paquetes de prestaciones de salud, organizado por la Alianza Global para la "
    "Protección Social de la GIZ.",
}
UHC_FR = {
    UHC["title"]: "Conception du panier de prestations pour la couverture sanitaire universelle",
    UHC["introduction"]: "Un échange mondial entre pairs sur la façon dont les pays décident de "
    "ce que couvre leur panier de prestations de santé, animé par les Alliances mondiales pour "
    "la protection sociale de la GIZ.",
}

SSC4C = {
    "slug": "south-south-cooperation-for-children",
    "title": "South-South Cooperation for Children: thematic webinars",
    "introduction": "Thematic webinars of the Community of Practice on South-South Cooperation "
    "for Children, run by UNICEF and IPC-IG.",
    "overview": "<p>Since 2018 the Community of Practice has held regular webinars on health "
    "topics, with a focus on responses to COVID-19 from 2020: maternal and child health, "
    "sanitation and hygiene, mental health and South-South cooperation. Ten webinars drew more "
    "than 2,300 registrants and 1,200 attendees, with experiences from Argentina, China, India, "
    "Iran, South Korea and Thailand.</p>",
    "objectives": "<ul><li>Let countries learn from each other on SDG 3, primary health care "
    "and universal health coverage.</li><li>Document and spread good practices from the "
    "South.</li></ul>",
    "audience": "Policymakers, government officials, civil society, academia, United Nations "
    "agencies and development practitioners.",
    "organisers": ["unicef", "ipc-ig"],
    "partners": [],
    "themes": ["children", "health", "south-south"],
    "community": "south-south",
}
SSC4C_ES = {
    SSC4C["title"]: "Cooperación Sur-Sur para la Infancia: webinarios temáticos",
    SSC4C["introduction"]: "Webinarios temáticos de la Comunidad de Práctica sobre Cooperación "
    "Sur-Sur para la Infancia, organizados por UNICEF y el IPC-IG.",
}
SSC4C_FR = {
    SSC4C["title"]: "Coopération Sud-Sud pour les enfants : webinaires thématiques",
    SSC4C["introduction"]: "Les webinaires thématiques de la communauté de pratique sur la "
    "coopération Sud-Sud pour les enfants, animés par l'UNICEF et l'IPC-IG.",
}

# Sessions: (series key, slug, title, introduction, when, zone, languages, speakers,
# outputs). ``when`` is a past (date, time) or ("in", days, time) for an upcoming session.
SESSIONS = [
    (
        "gender",
        "overview-gender-and-social-protection",
        "Overview: gender and social protection",
        "Why a gender perspective in social protection makes development and economic sense.",
        (dt.date(2016, 4, 26), dt.time(14, 0)),
        "Europe/Rome",
        "en,es,fr",
        [("fernandez", "moderator"), ("fao", "panelist"), ("santos", "panelist")],
        "full",
    ),
    (
        "gender",
        "empowerment-of-rural-women-in-africa",
        "Social protection and the empowerment of rural women in Africa",
        "What is particular about rural women's economic empowerment in Sub-Saharan Africa, and "
        "what South-South cooperation can bring.",
        (dt.date(2016, 6, 2), dt.time(10, 0)),
        "Africa/Nairobi",
        "en,fr",
        [("fao", "moderator"), ("diallo", "panelist")],
        "recording",
    ),
    (
        "gender",
        "gender-sensitive-programme-design",
        "Gender-sensitive design in social protection programmes",
        "Women as recipients or as beneficiaries, care responsibilities in public works and links "
        "with economic empowerment.",
        (dt.date(2016, 8, 4), dt.time(9, 0)),
        "America/Mexico_City",
        "en,es",
        [("fernandez", "moderator"), ("santos", "discussant")],
        "recording",
    ),
    (
        "gender",
        "social-protection-and-womens-financial-inclusion",
        "Social protection and women's financial inclusion",
        "Cash transfers, savings groups and revolving funds as entry points to financial "
        "inclusion, with examples from Asia and Latin America.",
        ("in", 9, dt.time(15, 0)),
        "Asia/Bangkok",
        "en",
        [("teng", "moderator"), ("fernandez", "panelist")],
        None,
    ),
    (
        "gender",
        "measuring-womens-economic-empowerment",
        "Gender-sensitive evaluations: measuring women's economic empowerment",
        "Methods and a minimum set of indicators for evaluating the gender effects of social "
        "protection.",
        ("in", 37, dt.time(9, 30)),
        "America/New_York",
        "en,es",
        [("santos", "moderator"), ("fao", "panelist")],
        None,
    ),
    (
        "uhc",
        "framework-for-systematic-decision-making",
        "A framework for systematic decision making on pharmaceuticals",
        "Country experiences and global best practice in deciding which medicines the benefit "
        "package covers.",
        (dt.date(2017, 10, 26), dt.time(14, 0)),
        "Europe/Berlin",
        "en",
        [("giz", "moderator"), ("haddad", "discussant")],
        "full",
    ),
    (
        "uhc",
        "the-case-of-indonesia",
        "The case of Indonesia",
        "How Indonesia's national health insurance decides on and adjusts its benefit package.",
        (dt.date(2018, 1, 16), dt.time(15, 0)),
        "Asia/Jakarta",
        "en",
        [("giz", "moderator"), ("indonesia", "panelist")],
        "recording",
    ),
    (
        "uhc",
        "health-technology-assessment-and-pricing",
        "Health technology assessment and pricing negotiations",
        "From the scientific review of a new technology to the price and the reimbursement tariff.",
        ("in", 20, dt.time(14, 0)),
        "Europe/Berlin",
        "en,fr",
        [("giz", "moderator"), ("indonesia", "panelist")],
        None,
    ),
    (
        "ssc4c",
        "child-and-adolescent-mental-health-covid-19",
        "Leveraging South-South and triangular cooperation in advancing child and adolescent "
        "mental health in the context of COVID-19",
        "Country experiences of protecting children's and adolescents' mental health during the "
        "pandemic.",
        (dt.date(2021, 7, 15), dt.time(9, 0)),
        "America/New_York",
        "en,es,fr",
        [("santos", "moderator"), ("teng", "panelist"), ("balboni", "discussant")],
        "full",
    ),
    (
        "ssc4c",
        "sanitation-and-hygiene-covid-19-responses",
        "Sanitation and hygiene in COVID-19 responses",
        "What countries learnt about water, sanitation and hygiene for children during the "
        "pandemic.",
        (dt.date(2020, 9, 22), dt.time(8, 0)),
        "America/Sao_Paulo",
        "en,es",
        [("balboni", "moderator"), ("teng", "panelist")],
        "recording",
    ),
    (
        "ssc4c",
        "eliminating-mother-to-child-transmission",
        "Eliminating mother-to-child transmission of HIV and syphilis",
        "How countries of the South reached and kept elimination, and what others can take from "
        "them.",
        ("in", 26, dt.time(10, 0)),
        "America/Sao_Paulo",
        "en,es,pt",
        [("balboni", "moderator"), ("teng", "panelist")],
        None,
    ),
    (
        None,
        "social-protection-in-mena-since-the-arab-uprisings",
        "Changes in the provision of social protection in MENA since the Arab uprisings",
        "How social protection in the Middle East and North Africa has changed since 2011, from "
        "subsidies to cash transfers.",
        (dt.date(2018, 6, 11), dt.time(14, 0)),
        "Europe/Berlin",
        "en",
        [("haddad", "moderator"), ("jawad", "panelist"), ("loewe", "panelist")],
        "mena",
    ),
]

SUMMARY = (
    "<p>The speakers presented the main findings of their work and answered questions from "
    "the audience. The discussion showed how much the design and implementation details of a "
    "programme decide its effects, and where evidence is still missing.</p>"
    "<p>Participants asked for more country examples and for follow-up in the online "
    "community, where the slides and the recording are also shared.</p>"
)
MENA_SUMMARY = (
    "<p>Rana Jawad and Markus Loewe reviewed how social protection in the region moved after "
    "2011: governments cut energy and food subsidies and introduced or expanded cash transfer "
    "programmes, often with small budgets and weak targeting. They discussed the role of "
    "international organisations and the prospects for universal approaches.</p>"
)
QA_GENERIC = [
    (
        "How can programmes recognise women's unpaid care work?",
        "Ana Souza",
        "Several programmes now count care as a reason to adapt work requirements, offer "
        "childcare at public works sites or pay benefits for caregivers.",
        1,
    ),
    (
        "Which indicators should a small programme collect from the start?",
        "Kwame Mensah",
        "Start with who receives and who decides on the use of the benefit, plus a few measures "
        "of women's income and time use; they can be collected at enrolment.",
        0,
    ),
]
QA_MENA = [
    (
        "The World Bank seems to support only means-tested schemes, never a universal approach. "
        "Is that right?",
        "Pascal Annycke",
        "That holds for its operational units more than for its research side, which has long "
        "been open to basic income ideas. And while the Bank pressed for replacing subsidies with "
        "cash transfers, it never advised governments to spend only a small share of the savings "
        "on them; it has even criticised low budgets and poor targeting in Egypt and Morocco.",
        "loewe",
    ),
    (
        "Did the uprisings change what citizens expect from the state?",
        "Leila Mansour",
        "Expectations of fairness and dignity rose, but social contracts were rebuilt mostly "
        "around targeted assistance rather than rights-based social protection.",
        "jawad",
    ),
]


def load(command):
    """Load the webinars demo content (index, speakers, series, sessions and their
    translations, registrants and attendees, related readings); no demo accounts to list."""
    locales = ensure_locales()
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        return []
    index = _index(home)
    for code, strings in (("es", INDEX_ES), ("fr", INDEX_FR)):
        _translate(index, code, strings)
    speakers = {key: _speaker(locales["en"], *values) for key, values in SPEAKERS.items()}
    for key, languages in SPEAKER_TRANSLATIONS.items():
        for code, strings in languages.items():
            if not speakers[key].has_translation(locales[code]):
                translate_instance(speakers[key], code, strings)
    series = {
        "gender": _series(index, GENDER, (GENDER_ES, GENDER_FR)),
        "uhc": _series(index, UHC, (UHC_ES, UHC_FR)),
        "ssc4c": _series(index, SSC4C, (SSC4C_ES, SSC4C_FR)),
    }
    for row in SESSIONS:
        _session(index, series, speakers, *row)
    # One upcoming session translated into Spanish and French, so that the language
    # switcher shows a real translation next to the fallback of the others.
    upcoming = WebinarPage.objects.get(
        locale=locales["en"], slug="social-protection-and-womens-financial-inclusion"
    )
    _translate(
        upcoming,
        "es",
        {
            upcoming.title: "Protección social e inclusión financiera de las mujeres",
            upcoming.introduction: "Transferencias monetarias, grupos de ahorro y fondos rotatorios "
            "como puertas de entrada a la inclusión financiera, con ejemplos de Asia y América "
            "Latina.",
        },
    )
    _translate(
        upcoming,
        "fr",
        {
            upcoming.title: "Protection sociale et inclusion financière des femmes",
            upcoming.introduction: "Transferts monétaires, groupes d'épargne et fonds renouvelables "
            "comme portes d'entrée vers l'inclusion financière, avec des exemples d'Asie et "
            "d'Amérique latine.",
        },
    )
    _audience(locales["en"])
    for slug, keywords in RELATED_READINGS.items():
        _related_readings(index, slug, keywords)
    return []


# Library publications shown as related content of a session (title keywords).
RELATED_READINGS = {
    "empowerment-of-rural-women-in-africa": ["Rural women"],
    "framework-for-systematic-decision-making": ["health insurance at scale"],
    "child-and-adolescent-mental-health-covid-19": ["Child Support Grant", "Zambia Child Grant"],
    "social-protection-in-mena-since-the-arab-uprisings": ["Tayssir"],
}


def _related_readings(index, slug, keywords):
    webinar = WebinarPage.objects.descendant_of(index).filter(slug=slug).first()
    if webinar is None or webinar.related_links.exists():
        return
    found = PublicationPage.objects.live().filter(locale=webinar.locale, members_only=False)
    for keyword in keywords:
        publication = found.filter(title__icontains=keyword).first()
        if publication is not None:
            webinar.related_links.add(webinar.related_links.model(related_page=publication))
    webinar.save_revision().publish()


def _index(home):
    index = WebinarIndexPage.objects.child_of(home).first()
    if index is None:
        index = WebinarIndexPage(
            title=INDEX["title"], slug="webinars", introduction=INDEX["introduction"]
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _translate(page, code, strings):
    if not page.has_translation(Locale.objects.get(language_code=code)):
        translate_instance(page, code, strings)


def _speaker(locale, name, organisation, job_title, bio):
    speaker, _created = Speaker.objects.get_or_create(
        locale=locale,
        name=name,
        defaults={"organisation": organisation, "job_title": job_title, "bio": bio},
    )
    return speaker


def _community(keyword):
    return (
        Page.objects.filter(
            content_type__app_label="community_pages",
            content_type__model="communitypage",
            title__icontains=keyword,
            locale__language_code="en",
        )
        .order_by("depth")
        .first()
    )


def _organisations(locale, slugs):
    # The organisations of the library's demo taxonomy (loaded before the webinars).
    return list(Organisation.objects.filter(locale=locale, slug__in=slugs))


def _series(index, data, translations):
    series = WebinarSeriesPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if series is None:
        series = WebinarSeriesPage(
            title=data["title"],
            slug=data["slug"],
            introduction=data["introduction"],
            overview=data["overview"],
            objectives=data["objectives"],
            audience_description=data["audience"],
            community=_community(data["community"]),
        )
        series.themes = list(Theme.objects.filter(locale=index.locale, slug__in=data["themes"]))
        series.organisations = _organisations(index.locale, data["organisers"])
        series.partner_organisations = _organisations(index.locale, data["partners"])
        index.add_child(instance=series)
        series.save_revision().publish()
    for code, strings in zip(("es", "fr"), translations, strict=True):
        _translate(series, code, strings)
    return WebinarSeriesPage.objects.get(pk=series.pk)


def _upcoming_date(days, time, zone_name):
    today = timezone.now().date()
    day = today + dt.timedelta(days=days)
    # Skip a wall-clock time that the clocks jump over on that day.
    try:
        wall_clock_to_utc(day, time, zone_name)
    except ValidationError:
        day += dt.timedelta(days=1)
    return day


def _session(
    index,
    series,
    speakers,
    series_key,
    slug,
    title,
    intro,
    when,
    zone_name,
    languages,
    roles,
    outputs,
):
    parent = series[series_key] if series_key else index
    webinar = WebinarPage.objects.child_of(parent).filter(slug=slug).first()
    upcoming = when[0] == "in"
    if webinar is not None:
        if upcoming and webinar.starts_at < timezone.now() + dt.timedelta(days=1):
            # Days have passed since the demo was loaded: keep the session ahead of us.
            webinar.start_date = _upcoming_date(when[1], when[2], zone_name)
            webinar.save_revision().publish()
        return webinar
    start_date = _upcoming_date(when[1], when[2], zone_name) if upcoming else when[0]
    start_time = when[2] if upcoming else when[1]
    webinar = WebinarPage(
        title=title,
        slug=slug,
        introduction=intro,
        abstract=f"<p>{intro}</p>",
        start_date=start_date,
        start_time=start_time,
        time_zone=zone_name,
        duration_minutes=90,
        languages=languages,
        capacity=300 if upcoming else None,
        join_url="https://meet.example.org/webinar/" + slug[:20] if upcoming else "",
    )
    for key, role in roles:
        webinar.speaker_roles.add(webinar.speaker_roles.model(speaker=speakers[key], role=role))
    if outputs:
        webinar.recording_url = "https://www.youtube.com/watch?v=" + _video_id(slug)
        webinar.summary = MENA_SUMMARY if outputs == "mena" else SUMMARY
    if outputs in ("full", "mena"):
        document = _slides(title, [s[0] for s in (SPEAKERS[k] for k, _r in roles)])
        webinar.presentations.add(webinar.presentations.model(document=document))
        questions = QA_MENA if outputs == "mena" else QA_GENERIC
        start = wall_clock_to_utc(start_date, start_time, zone_name)
        for n, (question, asker, answer, answered_by) in enumerate(questions):
            answerer = (
                speakers[answered_by]
                if isinstance(answered_by, str)
                else speakers[roles[answered_by][0]]
            )
            webinar.questions.add(
                webinar.questions.model(
                    question=question,
                    asker=asker,
                    answer=answer,
                    answered_by=answerer,
                    asked_at=start + dt.timedelta(minutes=55 + 6 * n),
                )
            )
    if outputs in ("full", "mena"):
        moderator = SPEAKERS[roles[0][0]][0]
        webinar.transcript = TRANSCRIPT.format(moderator=moderator, title=title)
        for code in ["en", *(c for c in languages.split(",") if c in ("es", "fr"))]:
            webinar.captions.add(
                webinar.captions.model(language=code, document=_captions(slug, code))
            )
    parent.add_child(instance=webinar)
    webinar.save_revision().publish()
    return webinar


# The opening of each recorded session, as captions in the languages it was held in.
CAPTIONS = {
    "en": [
        "Good morning, and welcome to this webinar.",
        "Our speakers will present their work and then take your questions.",
        "Please write your questions in the Q&A box; we will answer as many as we can.",
    ],
    "es": [
        "Buenos días y bienvenidos a este seminario web.",
        "Las personas ponentes presentarán su trabajo y luego responderán a sus preguntas.",
        "Escriban sus preguntas en el recuadro de preguntas; responderemos todas las que podamos.",
    ],
    "fr": [
        "Bonjour et bienvenue à ce webinaire.",
        "Les intervenants présenteront leurs travaux, puis répondront à vos questions.",
        "Posez vos questions dans l’espace prévu ; nous répondrons au plus grand nombre.",
    ],
}
TRANSCRIPT = (
    "<p><b>{moderator}:</b> Good morning, and welcome to “{title}”. Our speakers will present "
    "their work for about forty minutes and then take your questions; please write them in "
    "the Q&amp;A box at any time.</p>"
    "<p><b>{moderator}:</b> The recording, the slides and a summary will be on this page "
    "after the session, with captions in the languages the session was held in.</p>"
)


def _captions(slug, code):
    """A WebVTT caption file of the session's opening in ``code`` (made once)."""
    Document = get_document_model()
    title = f"Captions ({code}): {slug}"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    cues = [
        f"00:00:{4 * n + 1:02d}.000 --> 00:00:{4 * n + 4:02d}.500\n{line}"
        for n, line in enumerate(CAPTIONS[code])
    ]
    text = "WEBVTT\n\n" + "\n\n".join(cues) + "\n"
    document = Document(title=title)
    document.file.save(f"{slug[:40]}-{code}.vtt", ContentFile(text.encode()), save=False)
    document.save()
    return document


def _video_id(slug):
    return hashlib.sha1(slug.encode()).hexdigest()[:11]


def _slides(title, speaker_names):
    Document = get_document_model()
    existing = Document.objects.filter(title=f"Slides: {title}").first()
    if existing:
        return existing
    pdf = make_pdf([title, "", "Slides presented at the webinar", *speaker_names])
    document = Document(title=f"Slides: {title}")
    document.file.save(
        f"slides-{hashlib.sha1(title.encode()).hexdigest()[:8]}.pdf", ContentFile(pdf), save=False
    )
    document.save()
    return document


def make_pdf(lines):
    """A one-page PDF showing ``lines`` (ASCII-safe), built by hand: no dependency needed."""

    def esc(text):
        text = text.encode("latin-1", "replace").decode("latin-1")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream_lines = ["BT", "/F1 20 Tf", "60 780 Td", "24 TL"]
    for line in lines:
        stream_lines.append(f"({esc(line[:70])}) '")
    stream_lines.append("ET")
    stream = "\n".join(stream_lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


AUDIENCE = [
    # slug, registrants, attendees
    ("child-and-adolescent-mental-health-covid-19", 57, 31),
    ("sanitation-and-hygiene-covid-19-responses", 34, 15),
    ("overview-gender-and-social-protection", 40, 19),
    ("framework-for-systematic-decision-making", 25, 11),
    ("social-protection-in-mena-since-the-arab-uprisings", 30, 14),
    ("social-protection-and-womens-financial-inclusion", 12, 0),
]
AUDIENCE_COUNTRIES = ["BR", "TH", "KE", "SN", "MX", "IN", "ID", "JO", "EG", "ZA", "CO", "PH"]


def _audience(en):
    """Registrants and attendees of a few sessions, for the staff figures."""
    countries = {
        c.iso_code: c for c in Country.objects.filter(locale=en, iso_code__in=AUDIENCE_COUNTRIES)
    }
    for slug, registrants, attendees in AUDIENCE:
        webinar = WebinarPage.objects.filter(locale=en, slug=slug).first()
        if webinar is None or webinar.registrations().exists():
            continue
        rows = []
        for n in range(registrants):
            iso = AUDIENCE_COUNTRIES[n % len(AUDIENCE_COUNTRIES)]
            rows.append(
                Registration(
                    webinar=webinar,
                    webinar_key=webinar.translation_key,
                    name=f"Participant {n + 1}",
                    email=f"participant{n + 1}.{slug[:12]}@example.org",
                    organisation="Ministry of Social Development" if n % 3 else "NGO",
                    country=countries.get(iso),
                    language=("en", "es", "fr")[n % 3],
                )
            )
        Registration.objects.bulk_create(rows)
        saved = list(webinar.registrations().order_by("email")[:attendees])
        Attendance.objects.bulk_create(
            [
                Attendance(
                    webinar=webinar,
                    webinar_key=webinar.translation_key,
                    registration=r,
                    email=r.email,
                    minutes=60 + (i % 30),
                )
                for i, r in enumerate(saved)
            ]
        )
    follower = get_user_model().objects.filter(email="lucia.fernandez@example.org").first()
    gender = WebinarSeriesPage.objects.filter(locale=en, slug=GENDER["slug"]).first()
    if follower and gender:
        SeriesFollow.objects.get_or_create(
            user=follower, series_key=gender.translation_key, defaults={"series": gender}
        )
