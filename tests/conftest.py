"""Shared fixtures: a site with a home page in English, Spanish and French."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from wagtail.models import Page, Site

from portal import request_memo
from portal.factories import HomePageFactory, UserFactory, locale


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def pytest_collection_modifyitems(items):
    """Browser tests last: they run on a live server, so on a database flushed after each of
    them, which the tests that share one rolled-back transaction must not meet."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request a test made under /fr/ leaves
    French active in the thread (LocaleMiddleware activates, nothing deactivates)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _nothing_kept_from_a_request():
    """No answer a request kept (``portal.request_memo``) reaches the next test: a streamed
    response a test leaves unread never ends its request."""
    request_memo.stop()
    yield
    request_memo.stop()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate limits count in the cache: every test starts with full allowances (all requests
    of the test client come from one address, and the cache outlives a test)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client_factory():
    """Make separate browsers (each with its own cookies): ``client_factory()``."""
    return Client


@pytest.fixture
def locales(db):
    return {code: locale(code) for code in ("en", "es", "fr")}


@pytest.fixture
def home(locales):
    """The English home page as the default site's root, with Spanish and French copies.

    The copies are made as wagtail-localize would leave them after translation: pages in
    the es and fr locales sharing the home page's translation key.
    """
    root = Page.get_first_root_node()
    for page in Page.objects.filter(depth=2):
        page.delete()
    home = HomePageFactory(parent=root, slug="home", locale=locales["en"])
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    for code, title in (("es", "Inicio"), ("fr", "Accueil")):
        copy = home.copy_for_translation(locales[code])
        copy.title = title
        copy.hero_title = f"{title} hero"
        copy.save_revision().publish()
    return home


@pytest.fixture
def member(db):
    return UserFactory(username="maria", email="maria@example.org")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group

    user = UserFactory(username="editor", email="editor@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def live_elasticsearch(settings):
    """Switch search to the cluster at ``ELASTICSEARCH_URL`` under a prefix of its own.

    Call the returned function once the test's content exists: it builds the indexes and
    returns the backend. The indexes are deleted afterwards.
    """
    import os
    import uuid

    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    prefix = f"test_{uuid.uuid4().hex[:8]}_"
    built = []

    def build():
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": "search.backends.elasticsearch",
                "URLS": [u.strip() for u in os.environ["ELASTICSEARCH_URL"].split(",")],
                "INDEX_PREFIX": prefix,
                "AUTO_UPDATE": True,
            },
            "database": {
                "BACKEND": "wagtail.search.backends.database",
                "SEARCH_CONFIG": "portal_simple",
                "AUTO_UPDATE": True,
            },
        }
        call_command("update_index", backend_name="default", stdout=open(os.devnull, "w"))
        backend = get_search_backend()
        backend.es.indices.refresh(index=f"{prefix}*")
        built.append(backend)
        return backend

    yield build
    for backend in built:
        backend.es.indices.delete(index=f"{prefix}*")


# --- the engine-neutral suites on Elasticsearch ---------------------------------------------
# With ELASTICSEARCH_URL set, the test settings make Elasticsearch the default engine (indexes
# under a prefix of this run's own): the indexes are built once, emptied after every test as
# the database is rolled back, and deleted at the end.


def _on_elasticsearch():
    from django.conf import settings

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return backend == "search.backends.elasticsearch"


def skip_on_elasticsearch(reason):
    """For tests of the database engine's own paths, which Elasticsearch replaces."""
    if _on_elasticsearch():
        pytest.skip(f"the database engine's own path: {reason}")


@pytest.fixture(scope="session")
def _search_indexes(django_db_setup, django_db_blocker):
    if not _on_elasticsearch():
        yield None
        return
    import os

    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    prefix = backend.index_prefix
    with django_db_blocker.unblock():
        call_command("update_index", backend_name="default", stdout=open(os.devnull, "w"))
    yield backend
    backend.es.indices.delete(index=f"{prefix}*")


def empty_indexes(backend):
    """Delete every document of the run's indexes (the integ-test distribution has no
    delete-by-query: the ids are read and deleted in one bulk request)."""
    pattern = f"{backend.index_prefix}*"
    backend.es.indices.refresh(index=pattern)
    hits = backend.es.search(index=pattern, size=10000, source=False, query={"match_all": {}})
    actions = [
        {"delete": {"_index": hit["_index"], "_id": hit["_id"]}} for hit in hits["hits"]["hits"]
    ]
    if actions:
        backend.es.bulk(operations=actions, refresh=True)


@pytest.fixture(autouse=True)
def _search_engine(request):
    """On Elasticsearch: the indexes exist for every test and are empty after it, and the fallback's memory of an outage does not outlive a test."""
    if not _on_elasticsearch():
        yield
        return
    from search.backends.cluster import last_failure, reset_fallback_state

    backend = request.getfixturevalue("_search_indexes")
    reset_fallback_state()
    yield
    failure = last_failure()
    reset_fallback_state()
    empty_indexes(backend)
    # A test on this engine must be answered by it: the database engine's answer to a
    # failed request would pass for Elasticsearch's.
    assert not failure, f"Elasticsearch failed and the database engine answered: {failure}"
