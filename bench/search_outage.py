"""Fault check: the Elasticsearch process stopped in the middle of a run, then started again.

Starts a node of its own (``scripts/elasticsearch`` with ``ES_PORT`` 9250 and
``ES_NODE_DIR`` var/elasticsearch-outage, so the shared node on 9200 is never touched),
builds a small library in SQLite, indexes it in both engines, and then:

1. asks every search surface (site search, its page, autocomplete, the library page) in the
   three languages, and records what Elasticsearch answers;
2. stops the process (``scripts/elasticsearch stop``: the node exits) and asks every surface
   again, three rounds: each answers 200 from the database engine, with results, and the
   failure is logged once (``SEARCH_FALLBACK_LOG_INTERVAL``);
3. while the node is down, edits and publishes one publication, unpublishes another and
   publishes a new one: each save answers, and the changes wait in ``search.pending``;
4. starts the node again: after ``SEARCH_FALLBACK_RETRY_AFTER`` the next search goes to
   Elasticsearch again, which replays the kept changes (the search task), so the edited title
   is found, the unpublished one is not and nothing is left pending.

Prints each check and its timings, exits 1 if one fails. Loopback only, a few minutes.

Usage: python bench/search_outage.py [--n 300]
"""

import argparse
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PORT = os.environ.get("OUTAGE_ES_PORT", "9250")
NODE_ENV = {**os.environ, "ES_PORT": PORT, "ES_NODE_DIR": str(ROOT / "var/elasticsearch-outage")}
os.environ["DATABASE_URL"] = "sqlite:////tmp/bench_search_outage.sqlite3"
os.environ["ELASTICSEARCH_URL"] = f"http://127.0.0.1:{PORT}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

LANGUAGES = ("en", "es", "fr")
failures = []


def check(label, ok, detail=""):
    print(f"  [{'ok' if ok else 'FAILED'}] {label}{f': {detail}' if detail else ''}", flush=True)
    if not ok:
        failures.append(label)


def node(action):
    start = time.perf_counter()
    subprocess.run([str(ROOT / "scripts/elasticsearch"), action], env=NODE_ENV, check=True)
    return time.perf_counter() - start


class Counter(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record.getMessage())


def surfaces(client, queries):
    """Every search surface once per language: (statuses, site search hits, worst ms)."""
    from django.contrib.auth.models import AnonymousUser

    from search import service

    statuses, hits, worst = [], {}, 0.0
    for lang in LANGUAGES:
        query, prefix = queries[lang]
        start = time.perf_counter()
        hits[lang] = {hit.title for hit in service.search(query, AnonymousUser(), lang).hits}
        for path, q in (("search/", query), ("search/autocomplete/", prefix), ("library/", query)):
            statuses.append(client.get(f"/{lang}/{path}", {"q": q}).status_code)
        worst = max(worst, (time.perf_counter() - start) * 1000)
    return statuses, hits, worst


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()

    print(f"starting a node of its own on port {PORT}", flush=True)
    node("start")
    Path("/tmp/bench_search_outage.sqlite3").unlink(missing_ok=True)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from wagtail.search.backends import get_search_backend

    from library.factories import PublicationPageFactory
    from library.models import LibraryIndexPage, PublicationPage
    from search.backends import elasticsearch as es_backend
    from search.models import PendingIndexUpdate

    settings.SEARCH_FALLBACK_RETRY_AFTER = 3
    settings.SEARCH_FALLBACK_LOG_INTERVAL = 60
    call_command("migrate", verbosity=0)
    bench = _load_bench_search()
    bench.build(args.n)
    for conf in settings.WAGTAILSEARCH_BACKENDS.values():
        conf["AUTO_UPDATE"] = True  # the builder indexes in bulk; saves from here index live
    queries = {lang: (bench.QUERIES[lang][0], bench.PREFIXES[lang][0]) for lang in LANGUAGES}
    client = Client()
    counter = Counter()
    logging.getLogger("search").addHandler(counter)

    backend = get_search_backend()
    index = backend.get_index_for_model(PublicationPage)

    def found(word):
        index.refresh()
        return {p.title for p in backend.search(word, PublicationPage.objects.live())}

    print("1. cluster up", flush=True)
    library = LibraryIndexPage.objects.filter(locale__language_code="en").first()
    edited, removed = PublicationPage.objects.live().filter(locale=library.locale)[:2]
    removed.title = "Quetzal social registry"
    removed.save_revision().publish()
    statuses, before, worst = surfaces(client, queries)
    check("every surface answers 200", set(statuses) == {200}, f"{sorted(set(statuses))}")
    check("site search finds publications", all(before.values()), f"{worst:.0f} ms worst language")
    check("Elasticsearch finds a title published now", found("quetzal") == {removed.title})
    check("Elasticsearch answered", not es_backend.last_failure(), es_backend.last_failure())

    print("2. process stopped", flush=True)
    print(f"  node stopped in {node('stop'):.1f} s", flush=True)
    for round_ in range(3):
        statuses, during, worst = surfaces(client, queries)
        check(
            f"round {round_ + 1}: every surface answers 200 with results",
            set(statuses) == {200} and all(during.values()),
            f"{worst:.0f} ms worst language",
        )
    check(
        "the database engine answered", bool(es_backend.last_failure()), es_backend.last_failure()
    )
    check("the failure was logged once", len(counter.records) == 1, f"{len(counter.records)} lines")

    print("3. saves while the process is down", flush=True)
    start = time.perf_counter()
    edited.title = "Zanzibar pension reform"
    edited.save_revision().publish()
    removed.unpublish()
    added = PublicationPageFactory(parent=library, title="Okavango cash transfers")
    took = (time.perf_counter() - start) * 1000
    pending = PendingIndexUpdate.objects.count()
    print(f"  edit, unpublish and new page saved in {took:.0f} ms", flush=True)
    check("the changes wait to be replayed", pending >= 3, f"{pending} pending")
    check("still logged once", len(counter.records) == 1, f"{len(counter.records)} lines")

    print("4. process started again", flush=True)
    print(f"  node answered in {node('start'):.1f} s", flush=True)
    time.sleep(settings.SEARCH_FALLBACK_RETRY_AFTER + 0.5)
    statuses, after, worst = surfaces(client, queries)
    check("every surface answers 200", set(statuses) == {200}, f"{worst:.0f} ms worst language")
    left = PendingIndexUpdate.objects.count()
    check("the kept changes were replayed", left == 0, f"{left} left")
    es_backend.reset_fallback_state()  # what follows must be Elasticsearch's own answers
    check("Elasticsearch finds the title edited while down", found("zanzibar") == {edited.title})
    check("Elasticsearch finds the page added while down", found("okavango") == {added.title})
    check("Elasticsearch no longer finds the page unpublished while down", not found("quetzal"))
    check("those answers came from Elasticsearch", not es_backend.last_failure())

    node("stop")
    print(f"{'FAILED: ' + ', '.join(failures) if failures else 'every check passed'}")
    sys.exit(1 if failures else 0)


def _load_bench_search():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_search", ROOT / "bench" / "search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    main()
