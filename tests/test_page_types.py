"""Every page type through Wagtail's own page test helpers (``WagtailPageTestCase``): where it
may be created, and that an instance built by the project's factories routes and renders
(as a reader who may read it, when its content is restricted)."""

import pytest
from wagtail.coreutils import get_dummy_request
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from community_pages.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    CommunityResourcePageFactory,
    MembershipFactory,
)
from community_pages.models import CommunityIndexPage, CommunityPage, CommunityResourcePage
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventIndexPage, EventPage
from glossary.factories import GlossaryIndexPageFactory, GlossaryTermPageFactory
from glossary.models import GlossaryIndexPage, GlossaryTermPage
from library.factories import (
    LibraryIndexPageFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    PublicationPageFactory,
)
from library.models import (
    LibraryIndexPage,
    OrganisationIndexPage,
    OrganisationPage,
    PublicationPage,
)
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from news.models import NewsArticlePage, NewsIndexPage
from portal.factories import IndexPageFactory, StandardPageFactory, UserFactory
from portal.models import HomePage, IndexPage, StandardPage
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from programmes.models import ProgrammeIndexPage, ProgrammePage
from webinars.factories import (
    WebinarIndexPageFactory,
    WebinarPageFactory,
    WebinarSeriesPageFactory,
)
from webinars.models import WebinarIndexPage, WebinarPage, WebinarSeriesPage

APPS = {
    "portal",
    "community_pages",
    "library",
    "webinars",
    "glossary",
    "news",
    "programmes",
    "events",
    "search",
}

# Where each page type may be created, as its model declares it (parent_page_types, and the
# parents' subpage_types). Written out rather than read back from the models: a change to a
# declaration shows here.
PARENTS = {
    HomePage: {Page},
    StandardPage: {Page, HomePage, StandardPage, IndexPage},
    IndexPage: {Page, HomePage, StandardPage, IndexPage},
    CommunityIndexPage: {HomePage},
    CommunityPage: {CommunityIndexPage},
    CommunityResourcePage: {CommunityPage},
    LibraryIndexPage: {HomePage},
    PublicationPage: {LibraryIndexPage},
    OrganisationIndexPage: {HomePage},
    OrganisationPage: {OrganisationIndexPage},
    WebinarIndexPage: {HomePage},
    WebinarSeriesPage: {WebinarIndexPage},
    WebinarPage: {WebinarSeriesPage, WebinarIndexPage},
    GlossaryIndexPage: {HomePage},
    GlossaryTermPage: {GlossaryIndexPage},
    NewsIndexPage: {HomePage},
    NewsArticlePage: {NewsIndexPage},
    ProgrammeIndexPage: {HomePage},
    ProgrammePage: {ProgrammeIndexPage},
    EventIndexPage: {HomePage},
    EventPage: {EventIndexPage},
}


class PageTests(WagtailPageTestCase):
    """Wagtail's assertions, called from pytest tests (with pytest-django's database and
    client) rather than through a Django test case of their own."""

    def runTest(self):  # unittest needs a test method to make an instance
        pass

    def assertPageIsRoutable(self, page, route_path="/", msg=None):
        """Wagtail's assertion, given the path without its language prefix.

        Wagtail's helper routes every component of the page's URL from the site's root page,
        so the prefix that ``i18n_patterns`` puts in front of the portal's pages (``/en/``)
        would be taken for a slug; in a request, Django's URL resolver takes it off first.
        """
        get_url = page.get_url
        prefix = f"/{page.locale.language_code}/"

        def unprefixed(request=None, *args, **kwargs):
            url = get_url(request, *args, **kwargs)
            assert url.startswith(prefix), url
            return "/" + url.removeprefix(prefix)

        page.get_url = unprefixed
        try:
            super().assertPageIsRoutable(page, route_path, msg)
        finally:
            del page.get_url


@pytest.fixture
def page_tests(client):
    helper = PageTests()
    helper.client = client
    helper.dummy_request = get_dummy_request()
    return helper


def project_page_models():
    return [model for model in get_page_models() if model._meta.app_label in APPS]


def test_every_page_type_of_the_project_is_tested_here():
    assert set(project_page_models()) == set(PARENTS)


@pytest.mark.parametrize("model", list(PARENTS), ids=lambda model: model.__name__)
def test_where_a_page_type_may_be_created(page_tests, model):
    for parent in [Page, *PARENTS]:
        if parent in PARENTS[model]:
            page_tests.assertCanCreateAt(parent, model)
        else:
            page_tests.assertCanNotCreateAt(parent, model)


@pytest.fixture
def pages(home):
    """One page of each type, from the factories, in the English tree under ``home``; the
    resource page in a private community (members only)."""
    directory = CommunityIndexPageFactory(parent=home)
    webinar_index = WebinarIndexPageFactory(parent=home)
    series = WebinarSeriesPageFactory(parent=webinar_index)
    library = LibraryIndexPageFactory(parent=home)
    section = IndexPageFactory(parent=home)
    glossary = GlossaryIndexPageFactory(parent=home)
    private = CommunityPageFactory(parent=directory, privacy="private")
    news = NewsIndexPageFactory(parent=home)
    organisations = OrganisationIndexPageFactory(parent=home)
    programmes = ProgrammeIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    return {
        HomePage: home,
        StandardPage: StandardPageFactory(parent=section),
        IndexPage: section,
        CommunityIndexPage: directory,
        CommunityPage: CommunityPageFactory(parent=directory, privacy="public"),
        CommunityResourcePage: CommunityResourcePageFactory(parent=private),
        LibraryIndexPage: library,
        PublicationPage: PublicationPageFactory(parent=library),
        OrganisationIndexPage: organisations,
        OrganisationPage: OrganisationPageFactory(parent=organisations),
        WebinarIndexPage: webinar_index,
        WebinarSeriesPage: series,
        WebinarPage: WebinarPageFactory(parent=series),
        GlossaryIndexPage: glossary,
        GlossaryTermPage: GlossaryTermPageFactory(parent=glossary),
        NewsIndexPage: news,
        NewsArticlePage: NewsArticlePageFactory(parent=news),
        ProgrammeIndexPage: programmes,
        ProgrammePage: ProgrammePageFactory(parent=programmes),
        EventIndexPage: events,
        EventPage: EventPageFactory(parent=events),
    }


# Page types whose instance above is not for anonymous readers: rendered as a member.
MEMBERS_ONLY = {CommunityResourcePage}


@pytest.mark.parametrize("model", list(PARENTS), ids=lambda model: model.__name__)
def test_a_page_of_each_type_routes_and_renders(page_tests, pages, model):
    page = pages[model]
    assert type(page) is model and page.live
    page_tests.assertPageIsRoutable(page)
    if model not in MEMBERS_ONLY:
        page_tests.assertPageIsRenderable(page)
        return
    member = UserFactory(username="reader")
    MembershipFactory(community=page.get_parent().specific, user=member)
    page_tests.assertPageIsRenderable(page, user=member)
    # It is restricted indeed: anonymously, the page is not rendered.
    with pytest.raises(AssertionError):
        page_tests.assertPageIsRenderable(page)
