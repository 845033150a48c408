"""Benchmark: site search, library search with facets and autocomplete over N publications.

Builds N publications in bulk (bench/library.py's builder: a third each in English, Spanish
and French, with the library's taxonomy), indexes them with the configured engine and prints
p50/p95 times and query counts for an anonymous reader.

Uses its own database: SQLite in /tmp by default, or DATABASE_URL, e.g.
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search python bench/search.py --n 10000
(the PostgreSQL database is created if missing and emptied first).

With ELASTICSEARCH_URL set (e.g. the local cluster of scripts/elasticsearch) it also builds
the Elasticsearch indexes (a full ``update_index``, timed: documents/s) under the prefix
``bench_`` and prints every figure for both engines side by side: the search service call the
page makes, and the whole page through the test client.

Usage: python bench/search.py [--n 10000] [--runs 40] [--reuse]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from _timing import p50_p95  # bench/ is first on sys.path when a benchmark runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "/tmp/bench_search.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_DB}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

WORDS = {
    "en": "social protection cash transfers pensions insurance health coverage children "
    "poverty employment programme evaluation gender informal workers disability food "
    "security resilience shock responsive registry targeting benefits graduation".split(),
    "es": "protección social transferencias monetarias pensiones seguro salud cobertura niñez "
    "pobreza empleo programa evaluación género trabajadores informales discapacidad "
    "seguridad alimentaria resiliencia choques registro focalización beneficios".split(),
    "fr": "protection sociale transferts monétaires pensions assurance santé couverture enfants "
    "pauvreté emploi programme évaluation genre travailleurs informels handicap sécurité "
    "alimentaire résilience chocs registre ciblage prestations".split(),
}
QUERIES = {
    "en": ["cash transfers", "social protection", "pension", "informal workers", "registry"],
    "es": ["proteccion social", "transferencias", "pensiones", "evaluacion programa", "salud"],
    "fr": ["protection sociale", "transferts monetaires", "retraite", "sante", "chocs"],
}
PREFIXES = {
    "en": ["cas", "soc", "pen"],
    "es": ["prot", "tran", "pens"],
    "fr": ["prot", "tra", "sant"],
}


def prepare_database():
    url = os.environ["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        if path.exists():
            path.unlink()
        return
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        if name in {"postgres", "test", "template0", "template1"}:
            sys.exit("use a database of your own, e.g. .../bench_search")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')


def build(n):
    """N publications in bulk through the library benchmark's builder (a third each in
    English, Spanish and French), then indexed by the configured search engine."""
    import importlib.util

    from django.conf import settings
    from wagtail.models import Locale
    from wagtail.search.backends import get_search_backend

    from library.models import PublicationPage

    for conf in settings.WAGTAILSEARCH_BACKENDS.values():
        conf["AUTO_UPDATE"] = False  # index in bulk at the end
    spec = importlib.util.spec_from_file_location("bench_library", ROOT / "bench" / "library.py")
    bench_library = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_library)
    start = time.perf_counter()
    bench_library.build(n, words=WORDS)
    print(f"created {n} items in {time.perf_counter() - start:.0f} s", flush=True)

    start = time.perf_counter()
    database = "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
    index = get_search_backend(database).get_index_for_model(PublicationPage)
    ids = list(PublicationPage.objects.order_by("pk").values_list("pk", flat=True))
    for offset in range(0, len(ids), 1000):
        chunk = PublicationPage.get_indexed_objects().filter(pk__in=ids[offset : offset + 1000])
        index.add_items(PublicationPage, list(chunk))
        if (offset // 1000) % 10 == 9:
            print(f"  indexed {offset + 1000} ({time.perf_counter() - start:.0f} s)", flush=True)
    print(f"indexed {n} items in {time.perf_counter() - start:.0f} s", flush=True)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # As autovacuum would soon after a bulk load (indexing rewrote every publication
            # row once); measured without it, the dead rows weigh on every scan.
            cursor.execute("VACUUM ANALYZE")
    if database == "database":
        index_elasticsearch(n)
    return {loc.language_code: loc for loc in Locale.objects.all()}, True


def index_elasticsearch(n):
    """A full ``update_index`` of the Elasticsearch indexes, as an operator runs it."""
    from django.core.management import call_command

    start = time.perf_counter()
    call_command("update_index", backend_name="default", chunk_size=1000, stdout=sys.stdout)
    took = time.perf_counter() - start
    print(f"elasticsearch: update_index in {took:.0f} s ({n / took:.0f} publications/s)")


def measure(label, fn, calls, runs, before=None):
    """p50/p95 of ``fn(*args)`` over ``runs`` calls cycling through ``calls``; ``before``
    runs ahead of each call, untimed (to forget cached facet counts)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], []
    for i in range(runs):
        args = calls[i % len(calls)]
        if before:
            before()
        connection.queries_log.clear()  # its length is capped: long runs would read 0
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn(*args)
            times.append((time.perf_counter() - start) * 1000)
        queries.append(len(ctx.captured_queries))
    p50, p95 = p50_p95(times)
    print(
        f"{label:<42} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
        f"queries p50 {statistics.median(queries):.0f}"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument(
        "--reuse", action="store_true", help="measure on the database a previous run built"
    )
    args = parser.parse_args()

    if not args.reuse:
        prepare_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    engines = {"database": settings.WAGTAILSEARCH_BACKENDS["default"]}
    if "database" in settings.WAGTAILSEARCH_BACKENDS:
        elasticsearch = settings.WAGTAILSEARCH_BACKENDS["default"]
        elasticsearch.update(INDEX_PREFIX="bench_", REFRESH_WRITES=False, TIMEOUT=60)
        engines = {
            "postgres" if connection.vendor == "postgresql" else connection.vendor: dict(
                settings.WAGTAILSEARCH_BACKENDS["database"]
            ),
            "elasticsearch": elasticsearch,
        }

    if args.reuse:
        from wagtail.models import Locale, Page

        locales = {loc.language_code: loc for loc in Locale.objects.all()}
        try:
            from library.models import PublicationPage

            has_library = PublicationPage.objects.exists()
        except ImportError:
            has_library = False
        print(f"database: {connection.vendor}, {Page.objects.count()} pages (reused)")
    else:
        call_command("migrate", verbosity=0)
        print(f"database: {connection.vendor}, {args.n} items")
        locales, has_library = build(args.n)

    site_calls = [(q, lang) for lang, qs in QUERIES.items() for q in qs]
    ac_calls = [(p, lang) for lang, ps in PREFIXES.items() for p in ps]
    for engine, conf in engines.items():
        settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "default": conf}
        print(f"-- {engine} --")
        measure_engine(args, locales, has_library, site_calls, ac_calls)
        from search.backends.elasticsearch import last_failure

        if last_failure():
            print(f"!! Elasticsearch failed, the database engine answered: {last_failure()}")


def measure_engine(args, locales, has_library, site_calls, ac_calls):
    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache
    from django.test import Client
    from django.utils import translation

    from search import service

    anon = AnonymousUser()
    client = Client()

    def site_search(q, lang):
        service.search(q, anon, lang)

    def site_search_all(q, lang):
        service.search(q, anon, service.ALL_LANGUAGES)

    def autocomplete(prefix, lang):
        service.autocomplete(prefix, anon, lang)

    def page(path):
        def get(q, lang):
            response = client.get(f"/{lang}/{path}", {"q": q})
            assert response.status_code == 200, response.status_code

        return get

    cache.clear()
    measure("site search (reader's language)", site_search, site_calls, args.runs)
    measure("site search (all languages)", site_search_all, site_calls, args.runs)
    measure("autocomplete", autocomplete, ac_calls, args.runs)
    measure("site search page", page("search/"), site_calls, args.runs)
    measure("autocomplete page", page("search/autocomplete/"), ac_calls, args.runs)
    if has_library:
        from library.listing import LibraryQuery, build_listing

        def library(q, lang):
            with translation.override(lang):
                query = LibraryQuery.from_params({"q": q})
                context = build_listing(query, anon, locales[lang])
                list(context["results"])

        def library_facet(q, lang):
            with translation.override(lang):
                query = LibraryQuery.from_params(
                    {"q": q, "theme": ["social-assistance"], "country": ["br"]}
                )
                context = build_listing(query, anon, locales[lang])
                list(context["results"])

        from library.listing import listing_changed

        # Cold: every request counts its facets (as the first reader after a change does);
        # cached: the counts of a query already asked since the last change are reused.
        for cached in (False, True):
            before = None if cached else listing_changed
            state = "counts cached" if cached else "cold"
            if cached:
                for call in site_calls:  # ask each query once
                    library(*call)
                    library_facet(*call)
            measure(f"library search + facets ({state})", library, site_calls, args.runs, before)
            measure(
                f"library + 2 filters + facets ({state})",
                library_facet,
                site_calls,
                args.runs,
                before,
            )
            measure(f"library page ({state})", page("library/"), site_calls, args.runs, before)
    else:
        print("library search: skipped (library app has no publications model)")


if __name__ == "__main__":
    main()
