"""Elasticsearch down: no save is lost to the index, and the site keeps answering.

Needs the live cluster (skipped elsewhere): the cluster is "stopped" by pointing the backend
at a closed port, as a stopped process refuses connections.
"""

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from search import service
from search.backends import cluster as cluster_state
from search.models import PendingIndexUpdate
from tests.conftest import _on_elasticsearch

pytestmark = pytest.mark.django_db
anon = AnonymousUser()


@pytest.fixture
def cluster(settings):
    if not _on_elasticsearch():
        pytest.skip("needs a live Elasticsearch")
    working = settings.WAGTAILSEARCH_BACKENDS
    stopped = {name: dict(conf) for name, conf in working.items()}
    stopped["default"]["URLS"] = ["http://127.0.0.1:9"]

    class Cluster:
        def stop(self):
            settings.WAGTAILSEARCH_BACKENDS = stopped

        def start(self):
            settings.WAGTAILSEARCH_BACKENDS = working
            cluster_state.reset_fallback_state()
            cluster_state.writes_missed()  # as the process that kept the changes

    return Cluster()


def elasticsearch_titles(query, language="en"):
    """Titles Elasticsearch itself finds (no fallback: a failure fails the test)."""
    response = service.search(query, anon, language)
    assert not cluster_state.last_failure()
    return {hit.title for hit in response.hits}


def test_changes_made_while_the_cluster_is_down_are_replayed(
    cluster, publish, caplog, django_capture_on_commit_callbacks
):
    kept = publish("Pension reform in Chile", abstract="Pension reform.")
    edited = publish("Pension coverage in Peru", abstract="Coverage.")
    removed = publish("Pension note from Bolivia", abstract="A note.")
    assert elasticsearch_titles("pension") >= {kept.title, edited.title, removed.title}

    cluster.stop()
    with caplog.at_level(logging.ERROR, logger="search"):
        added = publish("Pension fund of Uruguay", abstract="A fund.")
        edited.title = "Pension coverage in Paraguay"
        edited.save_revision().publish()
        removed.delete()
        # The site answers meanwhile, from the database engine.
        found = {hit.title for hit in service.search("pension", anon, "en").hits}
    assert found == {kept.title, "Pension coverage in Paraguay", added.title}
    assert len([r for r in caplog.records if "Elasticsearch failed" in r.getMessage()]) == 1
    assert not [r for r in caplog.records if r.exc_info]  # no traceback per save
    assert PendingIndexUpdate.objects.count() == 3

    cluster.start()
    # The first request that reaches the cluster queues the replay.
    with django_capture_on_commit_callbacks(execute=True):
        service.search("reform", anon, "en")
    assert PendingIndexUpdate.objects.count() == 0
    assert elasticsearch_titles("pension") == {
        kept.title,
        "Pension coverage in Paraguay",
        added.title,
    }


def test_the_scheduled_command_replays_and_stops_while_the_cluster_is_down(cluster, publish):
    cluster.stop()
    publish("Social insurance in Ghana", abstract="Insurance.")
    assert PendingIndexUpdate.objects.count() == 1
    call_command("replay_search_updates", stdout=open("/dev/null", "w"))
    assert PendingIndexUpdate.objects.count() == 1  # still down: kept for the next run
    cluster.start()
    cluster_state.take_missed()
    call_command("replay_search_updates", stdout=open("/dev/null", "w"))
    assert PendingIndexUpdate.objects.count() == 0
    assert "Social insurance in Ghana" in elasticsearch_titles("insurance")


def test_publications_indexed_again_while_the_cluster_is_down_are_kept(cluster, publish, caplog):
    # A change outside a save (another translation published, a term moved) indexes the
    # publications it touched again: while the cluster is down they wait for the replay,
    # with no traceback, as a save's changes do.
    from library.indexing import reindex_publications
    from library.models import PublicationPage

    page = publish("Old age pensions in Nepal", abstract="Pensions.")
    cluster.stop()
    PublicationPage.objects.filter(pk=page.pk).update(title="Old age pensions in Bhutan")
    with caplog.at_level(logging.WARNING):
        reindex_publications([page.pk])
    assert not [r for r in caplog.records if r.exc_info]
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()
    cluster.start()
    call_command("replay_search_updates", stdout=open("/dev/null", "w"))
    assert "Old age pensions in Bhutan" in elasticsearch_titles("bhutan")
