"""Benchmark: site search, library search with facets and autocomplete over N publications.

Builds N publications (the library's PublicationPage; StandardPages if the library is not
installed) in English, Spanish and French with themes and countries, indexes them in bulk
and prints p50/p95 times and query counts for an anonymous reader.

Uses its own database: SQLite in /tmp by default, or DATABASE_URL, e.g.
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search python bench/search.py --n 10000
(the PostgreSQL database is created if missing and emptied first).

Usage: python bench/search.py [--n 10000] [--runs 40] [--keep]
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

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
    from django.conf import settings
    from django.db import transaction
    from wagtail.models import Page, Site

    from portal.factories import HomePageFactory, locale
    from portal.models import Country, Theme

    for conf in settings.WAGTAILSEARCH_BACKENDS.values():
        conf["AUTO_UPDATE"] = False  # index in bulk at the end

    locales = {code: locale(code) for code in ("en", "es", "fr")}
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="bench-home", locale=locales["en"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    homes = {"en": home}
    for code in ("es", "fr"):
        homes[code] = home.copy_for_translation(locales[code])
        homes[code].save_revision().publish()

    themes = []
    for i, (en, es, fr) in enumerate(
        [
            ("Cash transfers", "Transferencias monetarias", "Transferts monétaires"),
            ("Social insurance", "Seguro social", "Assurance sociale"),
            ("Pensions", "Pensiones", "Retraites"),
            ("Health coverage", "Cobertura de salud", "Couverture santé"),
            ("Labour markets", "Mercados laborales", "Marchés du travail"),
        ]
    ):
        theme = Theme.objects.create(name=en, slug=f"theme-{i}", locale=locales["en"])
        Theme.objects.create(
            name=es, slug=f"theme-{i}", locale=locales["es"], translation_key=theme.translation_key
        )
        Theme.objects.create(
            name=fr, slug=f"theme-{i}", locale=locales["fr"], translation_key=theme.translation_key
        )
        themes.append(theme)
    countries = [
        Country.objects.get_or_create(iso_code=iso, locale=locales["en"], defaults={"name": name})[
            0
        ]
        for iso, name in (("BR", "Brazil"), ("MX", "Mexico"), ("SN", "Senegal"), ("IN", "India"))
    ]

    try:
        from library.models import LibraryIndexPage, PublicationPage
    except ImportError:
        LibraryIndexPage = PublicationPage = None  # noqa: N806

    rng = random.Random(42)
    parents = {}
    for code, parent in homes.items():
        if LibraryIndexPage:
            parents[code] = parent.add_child(
                instance=LibraryIndexPage(title="Library", slug="library", locale=locales[code])
            )
        else:
            parents[code] = parent
    created = []
    start = time.perf_counter()
    with transaction.atomic():
        for i in range(n):
            code = ("en", "es", "fr")[i % 3]
            words = WORDS[code]
            title = " ".join(rng.sample(words, 5)).capitalize()
            intro = " ".join(rng.sample(words, 14))
            fields = {
                "title": f"{title} {i}",
                "slug": f"item-{i}",
                "introduction": intro,
                "locale": locales[code],
            }
            if PublicationPage:
                page = PublicationPage(
                    **fields,
                    abstract=" ".join(rng.sample(words, 20)),
                    year=2000 + i % 25,
                    members_only=(i % 10 == 0),
                )
                page.themes = rng.sample(themes, 2)
                page.countries = rng.sample(countries, 1)
            else:
                from portal.models import StandardPage

                page = StandardPage(**fields, body=[("paragraph", f"<p>{intro}</p>")])
            created.append(parents[code].add_child(instance=page))
            if (i + 1) % 1000 == 0:
                print(f"  created {i + 1}/{n} ({time.perf_counter() - start:.0f} s)", flush=True)
    print(f"created {n} items in {time.perf_counter() - start:.0f} s", flush=True)

    start = time.perf_counter()
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    model = type(created[0])
    index = backend.get_index_for_model(model)
    for offset in range(0, len(created), 500):
        chunk = list(model.objects.filter(pk__in=[p.pk for p in created[offset : offset + 500]]))
        index.add_items(model, chunk)
    print(f"indexed {n} items in {time.perf_counter() - start:.0f} s", flush=True)
    return locales, PublicationPage is not None


def measure(label, fn, calls, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], []
    for i in range(runs):
        args = calls[i % len(calls)]
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn(*args)
            times.append((time.perf_counter() - start) * 1000)
        queries.append(len(ctx.captured_queries))
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(
        f"{label:<34} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   "
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
    from django.core.management import call_command
    from django.db import connection

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

    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache
    from django.utils import translation

    from search import service

    anon = AnonymousUser()
    site_calls = [(q, lang) for lang, qs in QUERIES.items() for q in qs]
    ac_calls = [(p, lang) for lang, ps in PREFIXES.items() for p in ps]

    def site_search(q, lang):
        service.search(q, anon, lang)

    def site_search_all(q, lang):
        service.search(q, anon, service.ALL_LANGUAGES)

    def autocomplete(prefix, lang):
        service.autocomplete(prefix, anon, lang)

    cache.clear()
    measure("site search (reader's language)", site_search, site_calls, args.runs)
    measure("site search (all languages)", site_search_all, site_calls, args.runs)
    measure("autocomplete", autocomplete, ac_calls, args.runs)
    if has_library:
        from library.listing import LibraryQuery, build_listing

        def library(q, lang):
            with translation.override(lang):
                query = LibraryQuery.from_params({"q": q})
                context = build_listing(query, anon, locales[lang])
                list(context.get("page_obj") or [])

        def library_facet(q, lang):
            with translation.override(lang):
                query = LibraryQuery.from_params({"q": q, "theme": ["theme-0"], "country": ["br"]})
                context = build_listing(query, anon, locales[lang])
                list(context.get("page_obj") or [])

        measure("library search + facets", library, site_calls, args.runs)
        measure("library search + 2 filters + facets", library_facet, site_calls, args.runs)
    else:
        print("library search: skipped (library app has no publications model)")


if __name__ == "__main__":
    main()
