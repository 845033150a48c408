"""PostgreSQL: facet totals kept by triggers, and broad text queries counted by difference.

The totals are checked against a count made here from the publications' rows after every
kind of change; the listing's counts by difference against its direct counts, for each kind
of reader.
"""

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from library import listing as listing_module
from library.facets import compact_totals, recount_totals
from library.listing import LibraryQuery, build_listing, facet_counts, listing_changed
from tests.conftest import skip_on_elasticsearch

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="facet totals are kept by PostgreSQL triggers"
)


def stored_totals():
    """{(language, audience, key): total} as the table holds them (summing change rows)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT language, audience, key, SUM(n) FROM library_facettotal "
            "GROUP BY 1, 2, 3 HAVING SUM(n) <> 0"
        )
        return {(lang, audience, key): n for lang, audience, key, n in cursor.fetchall()}


def expected_totals():
    """The same totals, counted in Python from every publication's row."""
    from library.models import PublicationPage

    counted = Counter()
    rows = PublicationPage.objects.values_list("listed_in", "audience", "facet_keys")
    for listed_in, audience, keys in rows:
        for language in listed_in.split():
            for key in keys:
                counted[(language, audience, key)] += 1
    return dict(counted)


def test_totals_follow_every_change_to_the_publications(
    taxonomy, publish, library, locales, django_capture_on_commit_callbacks
):
    t = taxonomy
    assert stored_totals() == expected_totals() == {}
    page = publish("Pensions in Brazil", year=2016, themes=[t["cct"]], countries=[t["brazil"]])
    publish("Health cover", year=2021, themes=[t["health"]], members_only=True)
    assert stored_totals() == expected_totals()
    assert stored_totals()[("fr", "public", f"theme:{t['cash'].pk}")] == 1  # an ancestor

    page.themes = [t["health"]]  # edited and published again
    page.save_revision().publish()
    assert stored_totals() == expected_totals()

    page.members_only = True  # another audience
    page.save_revision().publish()
    assert stored_totals() == expected_totals()

    spanish = page.copy_for_translation(locales["es"], copy_parents=False)
    spanish.save_revision().publish()  # Spanish readers now list the translation
    assert stored_totals() == expected_totals()

    spanish.refresh_from_db()
    spanish.unpublish()
    assert stored_totals() == expected_totals()

    with django_capture_on_commit_callbacks(execute=True):  # keys written again, compacted
        t["cash"].parent = t["health"]
        t["cash"].save()
    assert stored_totals() == expected_totals()

    page.delete()
    assert stored_totals() == expected_totals()


def test_compaction_and_recount_keep_every_total(taxonomy, publish, library):
    t = taxonomy
    for year in (2015, 2016, 2017):
        page = publish(f"Report {year}", year=year, themes=[t["cct"]])
    page.themes = [t["health"]]
    page.save_revision().publish()
    page.unpublish()
    before = stored_totals()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM library_facettotal")
        rows_before = cursor.fetchone()[0]
        compact_totals(cursor)
        cursor.execute(
            "SELECT COUNT(*), COUNT(DISTINCT (language, audience, key)), MIN(n) "
            "FROM library_facettotal"
        )
        rows, groups, smallest = cursor.fetchone()
    assert stored_totals() == before == expected_totals()
    assert rows == groups < rows_before and smallest > 0  # one positive row per total
    with connection.cursor() as cursor:
        cursor.execute("UPDATE library_facettotal SET n = n + 5")  # totals gone wrong
        recount_totals(cursor)  # as migration 0008 fills them
    assert stored_totals() == expected_totals()

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM library_facettotal")  # as after a restore without triggers
    out = StringIO()
    call_command("refresh_facet_keys", stdout=out)
    assert out.getvalue().splitlines() == [
        "0 of 3 publications had stale facet keys.",
        "Facet totals counted again.",
    ]
    assert stored_totals() == expected_totals()


def test_truncating_the_publications_empties_the_totals(taxonomy, publish, library):
    publish("Pensions in Brazil", year=2016)
    assert stored_totals()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the test's transaction is open
        cursor.execute("TRUNCATE library_publicationpage CASCADE")
    assert stored_totals() == {}


def _query(params):
    return LibraryQuery.from_params(QueryDict(params))


@pytest.fixture
def pensions(taxonomy, publish, library):
    """Most of the library matches "pensions": the case counted by difference."""
    t = taxonomy
    publish("Pensions in Brazil", year=2016, themes=[t["cct"]], countries=[t["brazil"]])
    publish("Pensions in Kenya", year=2021, themes=[t["health"]], countries=[t["kenya"]])
    publish("Pension reform", year=2021, themes=[t["cash"]], organisations=[t["ilo"]])
    publish("Members' pensions", year=2022, themes=[t["cct"]], members_only=True)
    publish("Members' pension notes", year=2020, themes=[t["health"]], members_only=True)
    publish("Health insurance", year=2019, themes=[t["health"]], countries=[t["kenya"]])
    return t


def _counts_both_ways(query, user, locale, monkeypatch):
    """(facets counted by difference, facets counted directly) of ``query`` for ``user``."""
    qs, taxonomy, _ranked = listing_module._filtered(query, user, locale)
    whole = listing_module.whole_listing(query, user, locale)
    assert whole is not None
    monkeypatch.setattr(listing_module, "_estimated_rows", lambda queryset: 10**6)
    listing_changed()
    with CaptureQueriesContext(connection) as ctx:
        by_difference = facet_counts(qs, query, taxonomy, lambda: whole)
    assert any("UNION ALL" in q["sql"] for q in ctx.captured_queries)
    listing_changed()
    directly = facet_counts(qs, query, taxonomy)
    return by_difference, directly


def _flat(facets):
    flat = {
        (name, entry["slug"]): entry["count"]
        for name, entries in facets.items()
        if name != "year"
        for entry in entries
    }
    flat.update({("year", year): n for year, n in facets["year"]})
    return flat


@pytest.mark.parametrize("reader", ["anonymous", "member", "superuser"])
def test_counts_by_difference_are_the_counts_each_reader_may_see(
    pensions, locales, monkeypatch, member, django_user_model, reader
):
    skip_on_elasticsearch("a text query is counted by Elasticsearch there")
    user = {
        "anonymous": AnonymousUser(),
        "member": member,
        "superuser": django_user_model.objects.create_superuser("root", "r@example.org", "x"),
    }[reader]
    for code, words in (("en", "pensions"), ("es", "pensiones"), ("fr", "pension")):
        by_difference, directly = _counts_both_ways(
            _query(f"q={words}"), user, locales[code], monkeypatch
        )
        assert _flat(by_difference) == _flat(directly)
        members_only = 2 if reader != "anonymous" else 0
        assert sum(n for _year, n in by_difference["year"]) == 3 + members_only, (code, reader)


def test_an_unindexed_publication_is_not_counted_as_a_match(pensions, locales, monkeypatch):
    """A publication with no document copy yet (not indexed) matches nothing either way."""
    skip_on_elasticsearch("a text query is counted by Elasticsearch there")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE library_publicationpage SET search_document = NULL "
            "WHERE page_ptr_id = (SELECT id FROM wagtailcore_page WHERE title = %s)",
            ["Pensions in Kenya"],
        )
    by_difference, directly = _counts_both_ways(
        _query("q=pensions"), AnonymousUser(), locales["en"], monkeypatch
    )
    assert _flat(by_difference) == _flat(directly)
    assert sum(n for _year, n in by_difference["year"]) == 2


def test_only_an_unfiltered_text_query_on_postgresql_is_counted_by_difference(pensions, locales):
    anonymous = AnonymousUser()
    assert listing_module.whole_listing(_query(""), anonymous, locales["en"]) is None
    filtered = _query("q=pensions&theme=health")
    assert listing_module.whole_listing(filtered, anonymous, locales["en"]) is None
    years = _query("q=pensions&year_from=2020")
    assert listing_module.whole_listing(years, anonymous, locales["en"]) is None
    assert listing_module.whole_listing(_query("q=pensions"), anonymous, None) is None


def test_the_planner_decides_which_way_to_count(pensions, locales):
    """After ANALYZE the planner expects a word of every title to match more than half the
    listing (counted by difference) and an absent word to match less (counted directly);
    the listing is the same either way."""
    skip_on_elasticsearch("a text query is counted by Elasticsearch there")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE library_publicationpage")

    def listed(params):
        listing_changed()
        with CaptureQueriesContext(connection) as ctx:
            context = build_listing(_query(params), AnonymousUser(), locales["en"])
            titles = sorted(p.title for p in context["results"])
        return titles, any("UNION ALL" in q["sql"] for q in ctx.captured_queries)

    assert listed("q=pensions") == (
        ["Pension reform", "Pensions in Brazil", "Pensions in Kenya"],
        True,
    )
    assert listed("q=zebrafish") == ([], False)

    build_listing(_query("q=pensions"), AnonymousUser(), locales["en"])
    with CaptureQueriesContext(connection) as ctx:  # the counts are cached: no estimate
        build_listing(_query("q=pensions"), AnonymousUser(), locales["en"])
    asked = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "EXPLAIN" not in asked and "library_facettotal" not in asked
