"""Translating through wagtail-localize never changes how content is classified or scheduled.

The rule lives in ``portal.translation``: what readers read is translated, everything else
(relations to the taxonomy, dates, time zones, identifiers, settings, files) is synchronised,
and relations to translatable snippets point at the source-language rows. These tests check
every translatable model's declaration against the rule, then translate one instance of every
page type and snippet through the real wagtail-localize path (translation source, PO export,
import, ``save_target``) and compare the translation with its source field by field.
"""

import datetime as dt

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.http import QueryDict
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.fields import RichTextField, StreamField
from wagtail.models import COMMENTS_RELATION_NAME, Page, TranslatableMixin
from wagtail_factories import ImageFactory
from wagtail_localize.fields import SynchronizedField, TranslatableField

from community_pages.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    CommunityResourcePageFactory,
)
from community_pages.models import WorkingGroup
from events.factories import EventIndexPageFactory, EventPageFactory, EventTypeFactory
from glossary.factories import GlossaryIndexPageFactory, GlossaryTermPageFactory
from library.factories import (
    DocumentLanguageFactory,
    DocumentTypeFactory,
    LibraryIndexPageFactory,
    OrganisationFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    PublicationPageFactory,
)
from library.listing import LibraryQuery, build_listing
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from news.models import NewsRelatedPage
from portal.demo_utils import translate_instance
from portal.factories import CountryFactory, IndexPageFactory, StandardPageFactory, ThemeFactory
from portal.models import NavigationMenu, Region
from portal.translation import is_term_model, synchronized_fields
from programmes.factories import (
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    ProgrammeTypeFactory,
    TargetGroupFactory,
)
from programmes.models import ProgrammeCoverage, ProgrammeLink, ProgrammeRelatedPage
from webinars.factories import (
    SpeakerFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
    WebinarSeriesPageFactory,
)

APPS = {
    "portal",
    "library",
    "webinars",
    "community_pages",
    "glossary",
    "news",
    "programmes",
    "events",
    "search",
}
# Page fields wagtail-localize never copies nor translates (scheduling and ownership are per
# page), and the fields every translatable row has.
NOT_DECLARED = {"go_live_at", "expire_at", "first_published_at", "owner", "content_type"}
ROW_FIELDS = {"locale", "translation_key"}
# Text that is the same in every language: identifiers, codes, names of people, time zones.
SHARED_TEXT = {
    "portal.Region": {"slug"},
    "portal.Country": {"iso_code"},
    "portal.Theme": {"slug"},
    "library.DocumentType": {"slug"},
    "library.Organisation": {"slug", "website"},
    "library.DocumentLanguage": {"code"},
    "library.PublicationPage": {"authors", "doi", "isbn", "external_url"},
    "webinars.Speaker": {"name"},
    "webinars.WebinarSeriesPage": {"reference_zones"},
    "webinars.WebinarPage": {"time_zone", "languages", "registration_url", "join_url"},
    "community_pages.CommunityPage": {"privacy"},
    "news.NewsArticlePage": {"author"},
    "programmes.ProgrammeType": {"slug"},
    "programmes.TargetGroup": {"slug"},
    "programmes.ProgrammePage": {"acronym"},
    "events.EventType": {"slug"},
    "events.EventPage": {"time_zone", "registration_url"},
}


def translatable_models():
    return sorted(
        (
            model
            for model in apps.get_models()
            if issubclass(model, TranslatableMixin) and model._meta.app_label in APPS
        ),
        key=lambda model: model._meta.label,
    )


def declarable(model):
    """Names of everything a translation could carry: editable fields, many-to-many
    relations and child relations."""
    names = set()
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue
        if not getattr(field, "editable", False) or field.name in ROW_FIELDS:
            continue
        if issubclass(model, Page) and field.name in NOT_DECLARED:
            continue
        if isinstance(field, ParentalKey):
            continue
        if getattr(field, "primary_key", False) or getattr(field.remote_field, "parent_link", 0):
            continue
        if issubclass(model, Page) and field.model is Page and field.name in {"path", "depth"}:
            continue
        names.add(field.name)
    if issubclass(model, ClusterableModel):
        names.update(
            relation.name
            for relation in get_all_child_relations(model)
            if relation.name != COMMENTS_RELATION_NAME
        )
    return names


def text_field(field):
    return isinstance(field, models.CharField | models.TextField | RichTextField | StreamField)


@pytest.mark.parametrize("model", translatable_models(), ids=lambda m: m._meta.label)
def test_every_field_of_every_translatable_model_is_declared_once(model):
    declared = [f.field_name for f in model.translatable_fields]
    assert len(declared) == len(set(declared)), "a field is declared twice"
    assert set(declared) == declarable(model) - {"numchild"} - {"live", "has_unpublished_changes"}


@pytest.mark.parametrize("model", translatable_models(), ids=lambda m: m._meta.label)
def test_relations_to_terms_are_synchronised_and_shared_text_is_not_translated(model):
    for declared in model.translatable_fields:
        field = declared.get_field(model)
        related = field.related_model if field.is_relation else None
        if related is not None and is_term_model(related) and not field.one_to_many:
            assert isinstance(declared, SynchronizedField), field.name
            assert not declared.overridable, f"{field.name}: a translator could re-file it"
        if isinstance(declared, TranslatableField):
            if field.one_to_many:  # a child relation is translated only if its rows are
                assert issubclass(field.related_model, TranslatableMixin), field.name
            else:
                assert text_field(field) and not getattr(field, "choices", None), field.name
        if field.name in SHARED_TEXT.get(model._meta.label, ()):
            assert isinstance(declared, SynchronizedField), f"{field.name} is shared text"


class EveryString(dict):
    """Translations for ``translate_instance``: every segment, marked with the language."""

    def __init__(self, code):
        super().__init__()
        self.code = code

    def get(self, key, default=None):
        return f"[{self.code}] {key}"


def snapshot(instance, name):
    """A comparable value of one field: ids of relations, the rows of a child relation
    without their own keys."""
    field = type(instance)._meta.get_field(name)
    if field.one_to_many:
        skip = {"id", "page", "sort_order", "locale", "translation_key", "content_object"}
        return [
            {
                f.attname: getattr(row, f.attname)
                for f in row._meta.concrete_fields
                if f.name not in skip
            }
            for row in getattr(instance, name).all()
        ]
    if field.many_to_many:
        return sorted(row.pk for row in getattr(instance, name).all())
    return getattr(instance, field.attname)


@pytest.fixture
def everything(home, locales):
    """One source instance of every translatable page type and snippet, fully filled."""
    en = locales["en"]
    region = Region.objects.create(name="Latin America", slug="lac", locale=en)
    country = CountryFactory(name="Brazil", iso_code="BR", region=region)
    social = ThemeFactory(name="Social assistance", slug="social-assistance")
    cash = ThemeFactory(name="Cash transfers", slug="cash-transfers", parent=social)
    report = DocumentTypeFactory(name="Report", slug="report")
    ipc = OrganisationFactory(name="International Policy Centre", slug="ipc-ig", acronym="IPC")
    spanish = DocumentLanguageFactory(name="Spanish", code="es")
    speaker = SpeakerFactory(name="Rana Jawad", organisation="IPC-IG", bio="An economist.")
    menu = NavigationMenu.objects.create(slot="footer", locale=en, footer_text="<p>Contact</p>")
    standard = StandardPageFactory(parent=home, title="About", slug="about")
    section = IndexPageFactory(parent=home, title="Resources", slug="resources", per_page=7)
    library = LibraryIndexPageFactory(parent=home, submission_text="Send us your work.")
    publication = PublicationPageFactory(
        parent=library,
        title="Bolsa Familia evaluation",
        abstract="What the programme changed.",
        authors="Silva, Ana",
        year=2019,
        publication_date=dt.date(2019, 5, 2),
        document_type=report,
        doi="10.1234/bf.2019",
        isbn="9781234567897",
        external_url="https://ipcig.org/bf",
        terms={
            "themes": [cash],
            "countries": [country],
            "organisations": [ipc],
            "languages": [spanish],
        },
    )
    publication.keywords.add("cash", "evaluation")
    publication.save_revision().publish()
    webinars = WebinarIndexPageFactory(parent=home, per_page=5)
    directory = CommunityIndexPageFactory(parent=home)
    community = CommunityPageFactory(
        parent=directory, title="Data and MIS", slug="data", privacy="semi-private"
    )
    community.themes = [cash]
    community.regions = [region]
    community.save_revision().publish()
    resource = CommunityResourcePageFactory(parent=community, title="Readings", slug="readings")
    group = WorkingGroup.objects.create(community=community, locale=en, name="Registries")
    series = WebinarSeriesPageFactory(
        parent=webinars,
        title="Gender and social protection",
        slug="gender",
        community=community,
        reference_zones="America/Bogota,Africa/Nairobi",
    )
    series.themes = [social]
    series.organisations = [ipc]
    series.save_revision().publish()
    webinar = WebinarPageFactory(
        parent=series,
        title="Financial inclusion",
        slug="financial-inclusion",
        time_zone="America/Bogota",
        languages="en,es",
        capacity=40,
        registration_mode="built_in",
        recording_url="https://www.youtube.com/watch?v=abcdefghijk",
        summary="<p>What was said.</p>",
        starts_at=dt.datetime(2027, 3, 4, 14, 0, tzinfo=dt.UTC),
    )
    webinar.themes = [cash]
    webinar.speaker_roles.create(speaker=speaker, role="moderator")
    webinar.questions.create(question="How are women reached?", answer="Through the MIS.")
    webinar.save_revision().publish()
    glossary = GlossaryIndexPageFactory(parent=home, introduction="Words of the trade.")
    registry = GlossaryTermPageFactory(parent=glossary, title="Social registry")
    targeting = GlossaryTermPageFactory(
        parent=glossary,
        title="Targeting",
        abbreviation="TGT",
        synonyms="beneficiary selection",
        definition="<p>Directing benefits to a group.</p>",
        sources=[("source", {"title": "ILO glossary", "url": "https://www.ilo.org/"})],
        relations={"related_terms": [registry], "themes": [social]},
    )
    targeting.save_revision().publish()
    news = NewsIndexPageFactory(parent=home, per_page=4)
    article = NewsArticlePageFactory(
        parent=news,
        title="Bolsa Familia turns twenty",
        summary="Two decades of transfers.",
        date=dt.date(2023, 10, 20),
        author="Portal editors",
        image=ImageFactory(),
        terms={"themes": [cash], "countries": [country]},
    )
    article.related_pages = [NewsRelatedPage(related_page=publication)]
    article.save_revision().publish()
    organisations = OrganisationIndexPageFactory(parent=home, introduction="Who is who.")
    profile = OrganisationPageFactory(
        parent=organisations,
        title="International Policy Centre",
        organisation=ipc,
        kind="research",
        country=country,
        logo=ImageFactory(),
        description="Research on inclusive growth.",
    )
    pension = ProgrammeTypeFactory(name="Social pension", slug="social-pension")
    older = TargetGroupFactory(name="Older persons", slug="older-persons")
    programmes = ProgrammeIndexPageFactory(parent=home, per_page=8)
    programme = ProgrammePageFactory(
        parent=programmes,
        title="Renta Dignidad",
        acronym="RD",
        introduction="A universal pension.",
        year_started=2008,
        year_ended=2030,
        programme_type=pension,
        legal_basis="Law 3791 of 2007.",
        benefit_description="<p>A monthly pension.</p>",
        targeting_method="<p>Every resident aged 60 or over.</p>",
        terms={
            "countries": [country],
            "regions": [region],
            "themes": [social],
            "target_groups": [older],
            "implementing_institutions": [ipc],
            "funding_institutions": [ipc],
        },
    )
    programme.coverage_figures = [
        ProgrammeCoverage(
            figure=1_100_000, unit="older-persons", year=2022, source="Ministry", source_url=""
        )
    ]
    programme.links = [ProgrammeLink(label="Official site", url="https://example.org/")]
    programme.related_pages = [ProgrammeRelatedPage(related_page=publication)]
    programme.save_revision().publish()
    conference = EventTypeFactory(name="Conference", slug="conference")
    calendar = EventIndexPageFactory(parent=home, per_page=6)
    event = EventPageFactory(
        parent=calendar,
        title="Regional conference on gender",
        summary="Three days on care and cash.",
        body="<p>The programme.</p>",
        event_type=conference,
        start=dt.datetime(2027, 2, 10, 13, 0, tzinfo=dt.UTC),
        end=dt.datetime(2027, 2, 12, 22, 0, tzinfo=dt.UTC),
        time_zone="America/Sao_Paulo",
        attendance_mode="hybrid",
        venue="Palácio Itamaraty",
        city="Brasília",
        country=country,
        registration_url="https://example.org/register",
        terms={
            "themes": [social],
            "countries": [country],
            "regions": [region],
            "organisers": [ipc],
        },
    )
    event.save_revision().publish()
    # Parents before children: a page is translated under its parent's translation.
    return [
        region,
        country,
        social,
        cash,
        report,
        ipc,
        spanish,
        speaker,
        menu,
        standard,
        section,
        library,
        publication,
        organisations,
        profile,
        webinars,
        directory,
        community,
        resource,
        group,
        news,
        article,
        pension,
        older,
        programmes,
        programme,
        conference,
        calendar,
        event,
        series,
        webinar,
        glossary,
        registry,
        targeting,
    ]


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """``translate_instance`` as in production: wagtail-localize publishes a page once the
    transaction commits, which a test's transaction never does by itself."""

    def _translate(instance, code, strings=None):
        with django_capture_on_commit_callbacks(execute=True):
            translated = translate_instance(fresh(instance), code, strings or EveryString(code))
        return fresh(translated)

    return _translate


def fresh(instance):
    model = type(instance)
    return model._default_manager.get(pk=instance.pk)


def test_translating_every_page_type_and_snippet_keeps_what_is_shared(
    everything, locales, translate
):
    covered = set()
    for source in everything:
        model = type(source)
        translation = fresh(translate(source, "es"))
        translation = type(source)._default_manager.get(pk=translation.pk)
        covered.add(model._meta.label)
        assert translation.locale == locales["es"]
        for declared in synchronized_fields(model):
            assert snapshot(translation, declared.field_name) == snapshot(
                fresh(source), declared.field_name
            ), f"{model._meta.label}.{declared.field_name}"
        for declared in model.translatable_fields:
            field = declared.get_field(model)
            related = field.related_model if field.is_relation else None
            if related is not None and is_term_model(related) and not field.one_to_many:
                rows = (
                    getattr(translation, field.name).all()
                    if field.many_to_many
                    else [getattr(translation, field.name)]
                )
                assert {row.locale_id for row in rows if row} <= {locales["en"].pk}, field.name
        texts = [
            str(getattr(translation, f.field_name))
            for f in model.translatable_fields
            if isinstance(f, TranslatableField)
            and text_field(f.get_field(model))
            and getattr(fresh(source), f.field_name)
            and f.field_name != "slug"
        ]
        assert texts and all("[es] " in text for text in texts), model._meta.label
    # Rows of a page (Q&A) are translated with it: see the Q&A test below.
    child_rows = {"webinars.WebinarQuestion"}
    expected = {model._meta.label for model in translatable_models()} - {"portal.HomePage"}
    assert covered == expected - child_rows


def test_a_translated_publication_is_listed_filtered_and_counted_like_its_source(
    everything, locales, translate
):
    publication = next(item for item in everything if item._meta.model_name == "publicationpage")
    for item in everything[: everything.index(publication)]:
        if isinstance(item, Page):
            translate(item, "es")
    spanish = translate(publication, "es")

    def listed(params, code):
        query = LibraryQuery.from_params(QueryDict(params))
        return build_listing(query, AnonymousUser(), locales[code])

    for params in ("", "type=report", "theme=social-assistance", "country=br", "language=es"):
        context = listed(params, "es")
        assert [p.pk for p in context["results"]] == [spanish.pk], params
    facets = listed("", "es")["facets"]
    assert {e["slug"]: e["count"] for e in facets["type"]} == {"report": 1}
    assert {e["slug"]: e["count"] for e in facets["theme"]}["cash-transfers"] == 1


def test_questions_and_answers_are_translated_with_their_session(everything, locales, translate):
    """Q&A is text readers read: translators translate each question and answer, and the
    rows keep who asked, when, and which speaker answered."""
    for item in everything:
        if isinstance(item, Page):
            translate(item, "es")
    source = next(item for item in everything if item._meta.model_name == "webinarpage")
    spanish = source.get_translation(locales["es"]).specific
    [question] = spanish.questions.all()
    [original] = source.questions.all()
    assert question.question == "[es] How are women reached?"
    assert question.answer == "[es] Through the MIS."
    assert question.locale == locales["es"] and question.translation_key == original.translation_key
    assert (question.asker, question.answered_by_id) == (original.asker, original.answered_by_id)


def test_translations_reach_the_sitemap_search_feeds_and_calendars_like_their_sources(
    everything, locales, translate, client
):
    """Every translated page is in the sitemap under its language when its source is; the
    Spanish publication
    is found by the Spanish site search and is in the Spanish library feed of its type; the
    Spanish session is in its series' calendar at the source's time."""
    import icalendar

    pages = [item for item in everything if isinstance(item, Page)]
    spanish = {type(page)._meta.label: translate(page, "es") for page in pages}
    sitemap = client.get("/sitemap.xml").content.decode()
    for source in pages:
        translation = spanish[type(source)._meta.label]
        # Listed exactly when the source is (restricted pages are in no public sitemap).
        assert (f"{translation.url}<" in sitemap) == (f"{fresh(source).url}<" in sitemap), source
    assert f"{spanish['library.PublicationPage'].url}<" in sitemap

    publication = spanish["library.PublicationPage"]
    words = publication.title.replace("[es] ", "")
    found = client.get("/es/search/", {"q": words}).content.decode()
    assert publication.url in found
    feed = client.get("/es/library/feed/rss/?type=report").content.decode()
    assert publication.title in feed

    session = spanish["webinars.WebinarPage"]
    series = spanish["webinars.WebinarSeriesPage"]
    calendar = icalendar.Calendar.from_ical(client.get(series.url + "calendar/").content)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == session.title
    source = next(page for page in pages if page._meta.model_name == "webinarpage")
    assert event.decoded("dtstart").astimezone(dt.UTC) == source.starts_at


def test_publishing_the_source_updates_its_translations_synchronised_fields(
    everything, locales, translate
):
    publication = next(item for item in everything if item._meta.model_name == "publicationpage")
    webinar = next(item for item in everything if item._meta.model_name == "webinarpage")
    theme = everything[2]
    for item in everything:
        if isinstance(item, Page):
            translate(item, "es")
    spanish_title = publication.get_translation(locales["es"]).title

    source = fresh(publication)
    source.doi = "10.1234/bf.2020"
    source.themes = [theme]
    source.save_revision().publish()
    spanish = publication.get_translation(locales["es"]).specific
    assert spanish.doi == "10.1234/bf.2020"
    assert [t.pk for t in spanish.themes.all()] == [theme.pk]
    assert spanish.title == spanish_title  # the translated text stays
    assert not spanish.has_unpublished_changes

    source = fresh(webinar)
    source.recording_url = "https://vimeo.com/123456"
    source.time_zone = "Africa/Nairobi"
    source.save_revision().publish()
    spanish = webinar.get_translation(locales["es"]).specific
    assert (spanish.recording_url, spanish.time_zone) == (
        "https://vimeo.com/123456",
        "Africa/Nairobi",
    )

    # A translator's next publish through wagtail-localize keeps the new values.
    again = translate(webinar, "es")
    assert fresh(again).time_zone == "Africa/Nairobi"


def test_a_draft_translation_keeps_the_synchronised_change_for_its_editor(
    everything, locales, translate
):
    publication = next(item for item in everything if item._meta.model_name == "publicationpage")
    for item in everything:
        if isinstance(item, Page):
            translate(item, "es")
    spanish = publication.get_translation(locales["es"]).specific
    spanish.title = "Evaluación en curso"
    spanish.save_revision()  # a Spanish editor's draft, not published
    source = fresh(publication)
    source.isbn = "9780000000002"
    source.save_revision().publish()
    live = fresh(spanish)
    assert live.isbn == "9781234567897" and live.has_unpublished_changes
    draft = live.get_latest_revision_as_object()
    assert (draft.isbn, draft.title) == ("9780000000002", "Evaluación en curso")


def test_a_source_term_change_reaches_its_translations(everything, locales, translate):
    theme = everything[3]  # Cash transfers, under Social assistance
    spanish = translate(theme, "es", {"Cash transfers": "Transferencias"})
    assert spanish.parent_id == theme.parent_id  # the source parent, not a Spanish row
    source = fresh(theme)
    source.slug = "cash"
    source.parent = None
    source.save()
    spanish = fresh(spanish)
    assert (spanish.slug, spanish.parent_id, spanish.name) == ("cash", None, "Transferencias")


def test_admin_term_fields_offer_each_term_once_in_the_editors_language(
    everything, locales, translate, admin_client
):
    from django.utils import translation

    from library.models import PublicationPage

    ipc, report = everything[5], everything[4]
    translate(ipc, "es", {"International Policy Centre": "Centro Internacional de Políticas"})
    spanish_report = translate(report, "es", {"Report": "Informe"})
    form_class = PublicationPage.get_edit_handler().get_form_class()
    publication = fresh(everything[12])
    with translation.override("es"):
        form = form_class(instance=publication, for_user=None)
        organisations = [label for _value, label in form.fields["organisations"].choices]
        types = [label for _value, label in form.fields["document_type"].choices]
        themes = [label for _value, label in form.fields["themes"].choices]
    assert organisations == ["Centro Internacional de Políticas"]
    assert types == ["---------", "Informe"]
    assert themes == ["Social assistance", "Social assistance › Cash transfers"]
    assert not form.fields["document_type"].queryset.filter(locale=locales["es"]).exists()
    # A translated row is not a valid choice: content is filed under source rows only.
    assert not form.fields["document_type"].valid_value(spanish_report.pk)
    # The admin screens render with these fields.
    for url in (
        f"/admin/pages/{publication.pk}/edit/",
        f"/admin/snippets/portal/theme/edit/{everything[3].pk}/",
        f"/admin/snippets/portal/country/edit/{everything[1].pk}/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
