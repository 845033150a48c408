"""Benchmark: the library listing with 10,000 (or more) publications.

Builds the publications in bulk (pages, relations) in a database of its own, then prints
p50/p95 server time and the SQL query count of the library listing: unfiltered, with three
facets active (a parent theme, a region, a document type), with a year range as well, and
a deep page, with facet counts cached and cold. The query count must not grow with the
number of results.

Usage:
  python bench/library.py [--count 10000] [--runs 30]                 SQLite in /tmp
  python bench/library.py --postgres [--count 100000]                 PostgreSQL, database
                                                                      bench_library (recreated)
  python bench/library.py [--postgres] --reuse                        measure again on the
                                                                      database built last time
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

from _timing import p50_p95  # bench/ is first on sys.path when a benchmark runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SQLITE_DB = "/tmp/bench_library.sqlite3"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DB = os.environ.get("BENCH_LIBRARY_DB", "bench_library")  # e.g. bench_search, reused


def prepare_database(postgres):
    if postgres:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DB}")
            conn.execute(f"CREATE DATABASE {PG_DB}")
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{PG_DB}"
    else:
        if os.path.exists(SQLITE_DB):
            os.remove(SQLITE_DB)
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")


def taxonomy():
    from wagtail.models import Locale

    from library.demo import DOCUMENT_TYPES, LANGUAGES, ORGANISATIONS
    from library.models import DocumentLanguage, DocumentType, Organisation
    from portal.models import Country, Region, Theme
    from portal.taxonomy_data import REGIONS, THEMES

    en = Locale.objects.get(language_code="en")
    countries = []
    for slug, name, _es, _fr, codes in REGIONS:
        region = Region.objects.create(locale=en, slug=slug, name=name)
        for iso in codes.split()[:10]:
            countries.append(
                Country.objects.create(locale=en, iso_code=iso, name=iso, region=region)
            )
    themes = {}
    for slug, name, _es, _fr, parent in THEMES:
        themes[slug] = Theme.objects.create(
            locale=en, slug=slug, name=name, parent=themes.get(parent)
        )
    types = [
        DocumentType.objects.create(locale=en, slug=s, name=n) for s, n, _e, _f in DOCUMENT_TYPES
    ]
    languages = [
        DocumentLanguage.objects.create(locale=en, code=c, name=n) for c, n, _e, _f in LANGUAGES
    ]
    orgs = [
        Organisation.objects.create(locale=en, slug=s, acronym=a, name=n)
        for s, a, n, _e, _f in ORGANISATIONS
    ]
    return list(themes.values()), countries, types, languages, orgs


def build(count, words=None):
    """``count`` live publications in bulk. With ``words`` ({language: [word, ...]}) they are
    spread over those languages' libraries with titles and abstracts drawn from the words
    (the search benchmark); without, all in English with numbered titles."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page, Site

    from library.facets import RELATIONS
    from library.factories import LibraryIndexPageFactory
    from library.models import PublicationPage
    from portal.factories import HomePageFactory, locale

    rng = random.Random(42)
    locales = {code: locale(code) for code in ("en", "es", "fr")}
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="bench-home", locale=locales["en"])
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    index = LibraryIndexPageFactory(parent=home, locale=locales["en"])
    indexes = {"en": index}
    for code in words or ():
        if code != "en":
            home_copy = home.copy_for_translation(locales[code])
            home_copy.save_revision().publish()
            indexes[code] = index.copy_for_translation(locales[code])
            indexes[code].save_revision().publish()
            indexes[code].refresh_from_db()
    codes = list(words or ["en"])
    themes, countries, types, languages, orgs = taxonomy()
    region_of = {c.pk: c.region_id for c in countries}
    content_type = ContentType.objects.get_for_model(PublicationPage)
    now = timezone.now()
    fields = [f for f in PublicationPage._meta.local_concrete_fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    insert = f"INSERT INTO {PublicationPage._meta.db_table} ({columns}) VALUES ({placeholders})"
    batch = 5000
    with transaction.atomic():
        for start in range(0, count, batch):
            pages, rows = [], []
            size = min(batch, count - start)
            abstracts = []
            for i in range(start, start + size):
                code = codes[i % len(codes)]
                parent = indexes[code]
                if words:
                    title = " ".join(rng.sample(words[code], 5)).capitalize() + f" {i}"
                    abstracts.append(" ".join(rng.sample(words[code], 20)))
                else:
                    title = f"Publication {i} on social protection"
                    abstracts.append("An abstract of the publication.")
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=f"publication-{i}",
                        content_type=content_type,
                        locale=locales[code],
                        translation_key=uuid.UUID(int=rng.getrandbits(128)),
                        path=Page._get_path(parent.path, parent.depth + 1, i // len(codes) + 1),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}publication-{i}/",
                        live=True,
                        first_published_at=now - timezone.timedelta(hours=i),
                        last_published_at=now - timezone.timedelta(hours=i),
                    )
                )
            Page.objects.bulk_create(pages)
            by_path = dict(
                Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
            )
            ids = [by_path[p.path] for p in pages]
            links = {name: [] for name in RELATIONS}
            for pk, abstract in zip(ids, abstracts, strict=True):
                members_only = rng.random() < 0.05
                chosen = {
                    "country": [c.pk for c in rng.sample(countries, rng.randint(1, 2))],
                    "theme": [t.pk for t in rng.sample(themes, rng.randint(1, 3))],
                    "language": [la.pk for la in rng.sample(languages, rng.randint(1, 2))],
                    "organisation": [o.pk for o in rng.sample(orgs, rng.randint(1, 2))],
                }
                chosen["region"] = sorted({region_of[c] for c in chosen["country"]})
                obj = PublicationPage(
                    page_ptr_id=pk,
                    introduction="",
                    abstract=abstract,
                    authors="Silva, Ana",
                    year=rng.randint(2000, 2024),
                    document_type_id=rng.choice(types).pk,
                    members_only=members_only,
                    audience="members" if members_only else "public",
                )
                rows.append(
                    tuple(f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields)
                )
                for name in RELATIONS:
                    links[name] += [(pk, term) for term in chosen[name]]
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            for name, (field, column) in RELATIONS.items():
                model = getattr(PublicationPage, field).through
                model.objects.bulk_create(
                    [model(publicationpage_id=a, **{column: b}) for a, b in links[name]],
                    batch_size=5000,
                )
            print(f"  {start + size} publications", flush=True)
        for code, parent in indexes.items():
            Page.objects.filter(pk=parent.pk).update(
                numchild=len(range(codes.index(code), count, len(codes)))
            )
    from library.indexing import rebuild

    started = time.perf_counter()
    written = rebuild()  # the listing's read model, as ``manage.py rebuild_listing`` writes it
    took = time.perf_counter() - started
    print(
        f"  listing entries: {written} written in {took:.0f} s ({count / took:.0f} publications/s)"
    )
    return index


def measure(client, url, runs, cold=False, view=False):
    """p50, p95, query count and SQL time of ``url``; ``cold`` forgets cached facet counts
    before every request (the first reader after a publication changed, before the counts
    view is refreshed); ``view`` refreshes the counts view after that, untimed (the first
    reader once the refresh task has run)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from library.indexing import refresh_counts
    from library.listing import listing_changed

    times, queries, sql = [], [], []
    for _ in range(runs):
        if cold:
            listing_changed()
        if view:
            refresh_counts()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(len(ctx.captured_queries))
        sql.append(sum(float(q["time"]) for q in ctx.captured_queries) * 1000)
    p50, p95 = p50_p95(times)
    return p50, p95, max(queries), statistics.median(sql), response


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--postgres", action="store_true", help=f"use PostgreSQL ({PG_DB})")
    parser.add_argument(
        "--reuse", action="store_true", help="measure on the database an earlier run built"
    )
    args = parser.parse_args()
    if args.reuse:
        os.environ["DATABASE_URL"] = (
            f"{PG_SERVER}/{PG_DB}" if args.postgres else f"sqlite:///{SQLITE_DB}"
        )
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    else:
        prepare_database(args.postgres)
    import django

    django.setup()
    import logging

    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    logging.disable(logging.CRITICAL)
    if args.reuse:
        from library.models import LibraryIndexPage, PublicationPage

        index = LibraryIndexPage.objects.get(slug="library", locale__language_code="en")
        args.count = PublicationPage.objects.count()
    else:
        print("migrating…", flush=True)
        call_command("migrate", verbosity=0)
        print(f"building {args.count} publications…", flush=True)
        started = time.perf_counter()
        index = build(args.count)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    if args.postgres:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(f"{engine}, {args.count} publications, anonymous reader")
    print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
    print("cached: facet counts reused (no publication changed since the last reader);")
    print("cold: counts recomputed for every request (worst case, first reader after a change)")
    print("view: cold, once the counts view is refreshed (PostgreSQL; the whole listing only)")
    print(
        f"{'listing':<40}{'results':>8}{'p50':>8}{'p95':>8}{'queries':>8}{'SQL ms':>8}"
        f"{'cold p50':>10}{'cold p95':>10}{'SQL ms':>8}{'view p50':>10}{'view p95':>10}"
    )
    base = index.url
    for label, query in [
        ("no filter", ""),
        (
            "three facets (theme+region+type)",
            "theme=social-assistance&region=sub-saharan-africa&type=report",
        ),
        (
            "three facets + years 2010-2020",
            "theme=social-assistance&region=sub-saharan-africa&type=report&year_from=2010&year_to=2020",
        ),
        (
            "three facets, sorted by title, page 5",
            "theme=cash-transfers&country=br&language=es&sort=title&page=5",
        ),
        ("no filter, page 200", "page=200"),
    ]:
        url = f"{base}?{query}" if query else base
        client.get(url)  # warm up
        p50, p95, queries, sql, response = measure(client, url, args.runs)
        cold50, cold95, _queries, cold_sql, _response = measure(client, url, args.runs, cold=True)
        view = "" if not args.postgres else "  (as cold: not the whole listing)"
        if args.postgres and "=" not in query.replace("page=", ""):
            view50, view95, *_rest = measure(client, url, args.runs, cold=True, view=True)
            view = f"{view50:>10.1f}{view95:>10.1f}"
        results = response.context["result_count"] if response.context else "?"
        print(
            f"{label:<40}{results:>8}{p50:>8.1f}{p95:>8.1f}{queries:>8}{sql:>8.1f}"
            f"{cold50:>10.1f}{cold95:>10.1f}{cold_sql:>8.1f}{view}",
            flush=True,
        )


if __name__ == "__main__":
    main()
