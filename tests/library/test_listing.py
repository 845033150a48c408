"""The library listing: filters, facets with counts, sorting, sharing and access."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.listing import LibraryQuery, base_queryset, build_listing, listing_changed
from tests.conftest import skip_on_elasticsearch


@pytest.fixture
def catalogue(taxonomy, publish):
    t = taxonomy
    return {
        "bf": publish(
            "Bolsa Familia evaluation",
            year=2019,
            themes=[t["cct"]],
            countries=[t["brazil"]],
            document_type=t["report"],
            languages=[t["english"], t["spanish"]],
            organisations=[t["ipc"]],
        ),
        "prospera": publish(
            "Prospera in Mexico",
            year=2016,
            themes=[t["cash"]],
            countries=[t["mexico"]],
            document_type=t["brief"],
            languages=[t["spanish"]],
            organisations=[t["ipc"], t["ilo"]],
        ),
        "kenya": publish(
            "Health insurance in Kenya",
            year=2021,
            themes=[t["health"]],
            countries=[t["kenya"]],
            document_type=t["report"],
            languages=[t["english"]],
            organisations=[t["ilo"]],
        ),
        "secret": publish(
            "Members-only note",
            year=2022,
            themes=[t["cct"]],
            countries=[t["brazil"]],
            document_type=t["report"],
            abstract="members-only-canary",
            members_only=True,
        ),
    }


def listing(params, user=None, locale=None, library=None):
    from django.http import QueryDict

    q = QueryDict(params)
    return build_listing(LibraryQuery.from_params(q), user or AnonymousUser(), locale)


def titles(context):
    return sorted(p.title for p in context["results"])


def counts(context, facet):
    return {e["slug"]: e["count"] for e in context["facets"][facet]}


def test_anonymous_listing_excludes_members_only_from_results_and_counts(catalogue):
    context = listing("")
    assert context["result_count"] == 3
    assert "Members-only note" not in titles(context)
    assert counts(context, "theme")["cct"] == 1
    assert counts(context, "type")["report"] == 2


def test_members_see_members_only_publications_and_their_counts(catalogue, member):
    context = listing("", user=member)
    assert context["result_count"] == 4
    assert counts(context, "theme")["cct"] == 2


def test_parent_theme_filter_includes_child_themes(catalogue):
    context = listing("theme=social-assistance")
    assert titles(context) == ["Bolsa Familia evaluation", "Prospera in Mexico"]
    context = listing("theme=cash-transfers")
    assert titles(context) == ["Bolsa Familia evaluation", "Prospera in Mexico"]
    assert titles(listing("theme=cct")) == ["Bolsa Familia evaluation"]


def test_parent_theme_count_includes_publications_under_its_children(catalogue):
    theme_counts = counts(listing(""), "theme")
    assert theme_counts == {"social-assistance": 2, "cash-transfers": 2, "cct": 1, "health": 1}


def test_facet_keys_hold_every_term_with_the_ancestors_of_themes(catalogue, taxonomy):
    t = taxonomy
    page = catalogue["bf"]
    page.refresh_from_db()
    assert sorted(page.facet_keys) == sorted(
        [
            *(f"theme:{t[k].pk}" for k in ("cct", "cash", "social")),
            f"country:{t['brazil'].pk}",
            f"region:{t['brazil'].region_id}",
            f"type:{t['report'].pk}",
            *(f"language:{t[k].pk}" for k in ("english", "spanish")),
            f"organisation:{t['ipc'].pk}",
            "year:2019",
        ]
    )


def test_moving_a_theme_moves_its_publications_in_counts_and_filters(
    catalogue, taxonomy, django_capture_on_commit_callbacks
):
    t = taxonomy
    with django_capture_on_commit_callbacks(execute=True):
        t["cash"].parent = t["health"]
        t["cash"].save()
    assert counts(listing(""), "theme") == {"health": 3, "cash-transfers": 2, "cct": 1}
    assert titles(listing("theme=health")) == [
        "Bolsa Familia evaluation",
        "Health insurance in Kenya",
        "Prospera in Mexico",
    ]
    assert listing("theme=social-assistance")["result_count"] == 0


def test_deleting_a_theme_takes_it_out_of_the_counts(
    catalogue, taxonomy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        taxonomy["cct"].delete()
    assert counts(listing(""), "theme") == {
        "social-assistance": 1,
        "cash-transfers": 1,
        "health": 1,
    }


def test_stale_facet_keys_are_written_again_by_the_refresh(catalogue):
    from library.facets import refresh_facet_keys
    from library.models import PublicationPage

    expected = counts(listing(""), "theme")
    PublicationPage.objects.update(facet_keys=[])
    listing_changed()
    assert counts(listing(""), "theme") == {}
    assert refresh_facet_keys(PublicationPage.objects.all()) == 4
    assert counts(listing(""), "theme") == expected
    assert refresh_facet_keys(PublicationPage.objects.all()) == 0


def test_theme_facet_is_ordered_as_a_tree(catalogue):
    entries = listing("")["facets"]["theme"]
    order = [(e["slug"], e["depth"]) for e in entries]
    assert order.index(("social-assistance", 0)) < order.index(("cash-transfers", 1))
    assert order.index(("cash-transfers", 1)) < order.index(("cct", 2))


def test_region_filter_matches_countries_of_the_region(catalogue):
    assert titles(listing("region=lac")) == ["Bolsa Familia evaluation", "Prospera in Mexico"]
    assert counts(listing(""), "region") == {"lac": 2, "ssa": 1}


def test_filters_combine_across_facets_and_alternate_within_one(catalogue):
    assert titles(listing("type=report&language=es")) == ["Bolsa Familia evaluation"]
    assert titles(listing("country=br&country=ke")) == [
        "Bolsa Familia evaluation",
        "Health insurance in Kenya",
    ]
    assert titles(listing("organisation=ilo&year_from=2020")) == ["Health insurance in Kenya"]
    assert titles(listing("year_from=2016&year_to=2019")) == [
        "Bolsa Familia evaluation",
        "Prospera in Mexico",
    ]


def test_facet_counts_follow_the_current_result_set(catalogue):
    context = listing("type=report")
    assert counts(context, "country") == {"br": 1, "ke": 1}
    assert counts(context, "organisation") == {"ipc-ig": 1, "ilo": 1}
    assert counts(context, "language") == {"en": 2, "es": 1}
    assert dict(context["facets"]["year"]) == {2019: 1, 2021: 1}
    selected = [e for e in context["facets"]["type"] if e["selected"]]
    assert [e["slug"] for e in selected] == ["report"]


def test_unknown_filter_values_give_no_results_rather_than_everything(catalogue):
    assert listing("theme=does-not-exist")["result_count"] == 0
    assert listing("year_from=abc&sort=bogus&page=zz")["result_count"] == 3


def test_sorting(catalogue):
    newest = [p.title for p in listing("sort=newest")["results"]]
    assert newest == ["Health insurance in Kenya", "Bolsa Familia evaluation", "Prospera in Mexico"]
    oldest = [p.title for p in listing("sort=oldest")["results"]]
    assert oldest == list(reversed(newest))
    by_title = [p.title for p in listing("sort=title")["results"]]
    assert by_title == sorted(by_title)


def test_text_query_ranks_by_relevance_within_the_filters(catalogue):
    context = listing("q=Kenya")
    assert titles(context) == ["Health insurance in Kenya"]
    assert context["query"].sort == "relevance"
    assert listing("q=Kenya&type=policy-brief")["result_count"] == 0
    assert listing("q=canary")["result_count"] == 0


def test_query_count_does_not_grow_with_the_number_of_results(taxonomy, publish):
    def run():
        listing_changed()  # count with the facet query, not from the cache
        with CaptureQueriesContext(connection) as ctx:
            context = listing("theme=social-assistance&type=report&region=lac")
            list(context["results"])
        return len(ctx)

    t = taxonomy
    for i in range(2):
        publish(
            f"Report {i}",
            themes=[t["cct"]],
            countries=[t["brazil"]],
            document_type=t["report"],
            organisations=[t["ipc"]],
        )
    run()  # warm the per-process label caches
    small = run()
    for i in range(2, 8):
        publish(
            f"Report {i}",
            themes=[t["cct"]],
            countries=[t["brazil"]],
            document_type=t["report"],
            organisations=[t["ipc"]],
        )
    assert run() == small
    assert small <= 20


def test_facet_counts_are_cached_until_a_publication_changes(taxonomy, publish):
    t = taxonomy
    publish("Report 1", themes=[t["cct"]], document_type=t["report"])
    assert listing("type=report")["result_count"] == 1
    with CaptureQueriesContext(connection) as ctx:
        listing("type=report")
    assert not any("GROUP BY k.value" in q["sql"] for q in ctx.captured_queries)
    page = publish("Report 2", themes=[t["cct"]], document_type=t["report"])
    assert listing("type=report")["result_count"] == 2
    assert listing("type=report")["facets"]["type"][0]["count"] == 2
    page.unpublish()
    assert listing("type=report")["result_count"] == 1
    page.delete()
    assert listing("type=report")["result_count"] == 1


def test_listing_page_renders_with_facets_and_shareable_links(client, catalogue, library):
    response = client.get("/en/library/?theme=cash-transfers&type=report")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bolsa Familia evaluation" in html
    assert "Prospera in Mexico" not in html
    assert 'name="theme" value="cash-transfers" checked' in html
    assert "members-only-canary" not in html and "Members-only note" not in html
    assert 'type="application/rss+xml"' in html
    assert "/en/library/feed/rss/?theme=cash-transfers&amp;type=report" in html


def test_listing_shows_labels_in_the_reader_language(client, catalogue, library):
    html = client.get("/es/library/").content.decode()
    assert "Transferencias monetarias" in html
    assert "Informe" in html


def test_listing_paginates(client, taxonomy, publish, library):
    library["en"].per_page = 2
    library["en"].save_revision().publish()
    for i in range(5):
        publish(f"Paper {i}", year=2000 + i)
    html = client.get("/en/library/?sort=oldest&page=2").content.decode()
    assert "Paper 2" in html and "Paper 3" in html and "Paper 0" not in html
    assert "sort=oldest&amp;page=3" in html


def test_listing_prefers_the_reader_language_version(taxonomy, publish, library, locales):
    page = publish("Social pensions in Bolivia")
    copy = page.copy_for_translation(locales["es"], copy_parents=False)
    copy.title = "Pensiones sociales en Bolivia"
    copy.save_revision().publish()
    es = [p.title for p in listing("", locale=locales["es"])["results"]]
    en = [p.title for p in listing("", locale=locales["en"])["results"]]
    assert es == ["Pensiones sociales en Bolivia"]
    assert en == ["Social pensions in Bolivia"]


def test_a_publication_is_listed_once_per_language_whatever_its_translations(
    taxonomy, publish, library, locales
):
    def seen(code):
        return [p.title for p in listing("", locale=locales[code])["results"]]

    page = publish("Social pensions in Bolivia")
    es = page.copy_for_translation(locales["es"], copy_parents=False)
    es.title = "Pensiones sociales en Bolivia"
    es.save_revision().publish()
    # Not translated into French: French readers see the source (English) version, once.
    assert seen("fr") == ["Social pensions in Bolivia"]
    # Unpublishing the Spanish version hands its readers back to the English one.
    es.refresh_from_db()
    es.unpublish()
    assert seen("es") == ["Social pensions in Bolivia"]
    es.save_revision().publish()
    assert seen("es") == ["Pensiones sociales en Bolivia"]
    # With the English version gone, every reader sees the Spanish one.
    page.delete()
    assert seen("en") == seen("fr") == seen("es") == ["Pensiones sociales en Bolivia"]


def test_listing_links_keep_the_reader_language(client, taxonomy, publish, library):
    page = publish("Only in English")
    html = client.get("/es/library/").content.decode()
    assert f'href="/es/library/{page.slug}/"' in html
    assert 'lang="en"' in html
    response = client.get(f"/es/library/{page.slug}/")
    assert response.status_code == 200
    assert "Only in English" in response.content.decode()


def test_relevance_pages_go_past_the_ranked_matches(taxonomy, publish, library, monkeypatch):
    """The best matches are ranked one by one; the others follow, newest first, on later
    pages, each publication exactly once."""
    from django.http import QueryDict

    from tests.conftest import _on_elasticsearch

    if _on_elasticsearch():
        pytest.skip("the database engine's design: Elasticsearch ranks every match by relevance")

    from search import service

    monkeypatch.setattr(service, "RANKED_LIMIT", 2)
    for year in range(2015, 2020):
        publish(f"Pensions report {year}", year=year, abstract="Pensions and pensions again.")
    seen = []
    for page in (1, 2, 3):
        context = build_listing(
            LibraryQuery.from_params(QueryDict(f"q=pensions&page={page}")),
            AnonymousUser(),
            None,
            per_page=2,
        )
        assert context["result_count"] == 5
        seen += [p.title for p in context["results"]]
    assert sorted(seen) == [f"Pensions report {year}" for year in range(2015, 2020)]
    rest = seen[2:]
    assert rest == sorted(rest, reverse=True)  # after the ranked two: newest first


def test_refresh_facet_keys_command_reports_what_it_wrote(catalogue):
    from io import StringIO

    from django.core.management import call_command

    from library.models import PublicationPage

    PublicationPage.objects.filter(pk=catalogue["kenya"].pk).update(facet_keys=["theme:0"])
    out = StringIO()
    call_command("refresh_facet_keys", stdout=out)
    assert out.getvalue().splitlines()[0] == "1 of 4 publications had stale facet keys."
    assert counts(listing(""), "theme")["health"] == 1


def _postgres_candidates(monkeypatch, number):
    """Skip unless on PostgreSQL; rank ``number`` candidates one by one."""
    if connection.vendor != "postgresql":
        pytest.skip("the candidate ranking is the PostgreSQL engine's")
    skip_on_elasticsearch("Elasticsearch ranks every match")
    from search.backends import database

    monkeypatch.setattr(database, "RANK_CANDIDATES", number)


def _pensions_listing():
    from django.http import QueryDict

    query = LibraryQuery.from_params(QueryDict("q=pensions"))
    return build_listing(query, AnonymousUser(), None, per_page=10)


def test_postgres_ranks_the_best_title_matches_and_still_counts_every_match(
    taxonomy, publish, library, monkeypatch
):
    """With more matches than it ranks one by one, the PostgreSQL engine ranks those with
    the query in their title; counts, facets and later pages still hold every match."""
    _postgres_candidates(monkeypatch, 2)
    publish("Annual report", year=2024, abstract="Pensions in the body only.")
    publish("Pensions in Brazil", year=2016, abstract="Old-age pensions.")
    publish("Notes", year=2023, abstract="Something about pensions.")
    publish("Pensions and pensions", year=2015, abstract="Pensions reform.")
    context = _pensions_listing()
    assert context["result_count"] == 4
    assert sum(n for _year, n in context["facets"]["year"]) == 4
    found = [p.title for p in context["results"]]
    assert sorted(found[:2]) == ["Pensions and pensions", "Pensions in Brazil"]
    assert found[2:] == ["Annual report", "Notes"]  # newest first after the ranked ones


def test_postgres_makes_up_the_candidates_with_the_newest_matches_the_reader_may_see(
    taxonomy, publish, library, monkeypatch
):
    """Fewer matching titles than candidates: the newest other matches join the ranking;
    a members-only publication whose title matches is never a candidate for a visitor."""
    _postgres_candidates(monkeypatch, 3)
    publish("Annual report", year=2024, abstract="Pensions in the body only.")
    publish("Pensions in Brazil", year=2016, abstract="Old-age pensions.")
    publish("Notes", year=2023, abstract="Something about pensions.")
    publish("Pensions for members", year=2020, abstract="Pensions.", members_only=True)
    publish("Field memo", year=2022, abstract="A word on pensions.")
    context = _pensions_listing()
    found = [p.title for p in context["results"]]
    assert context["result_count"] == 4
    assert found[0] == "Pensions in Brazil"  # the only title match the visitor may see
    # The two newest other matches (by creation) were ranked; the oldest follows them.
    assert sorted(found[1:3]) == ["Field memo", "Notes"]
    assert found[3] == "Annual report"


def _document_copy(page):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_document::text FROM library_publicationpage WHERE page_ptr_id = %s",
            [page.pk],
        )
        return cursor.fetchone()[0]


def _entry_matches(query, config="portal_english"):
    """Publications whose index entry matches ``query``, read from the entries themselves."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.object_id::bigint FROM wagtailsearch_indexentry e "
            "JOIN django_content_type c ON c.id = e.content_type_id "
            "AND c.model = 'publicationpage' "
            "WHERE portal_document(e.title, e.body) @@ to_tsquery(%s::regconfig, %s)",
            [config, query],
        )
        return {row[0] for row in cursor.fetchall()}


def test_postgres_keeps_a_copy_of_each_publications_document_in_its_row(
    taxonomy, publish, library, locales
):
    """The match document is copied into the publication's row when it is indexed, again on
    every edit, and cleared when the publication leaves the index (a trigger on the entries);
    the listing's matches are exactly the index entries' matches."""
    if connection.vendor != "postgresql":
        pytest.skip("the document copy is PostgreSQL's")
    skip_on_elasticsearch("Elasticsearch answers text queries")
    page = publish("Pensions in Brazil", year=2016, abstract="Old-age zebrafish pensions.")
    publish("Cash transfers", year=2020, abstract="Bolsa Família.", themes=[taxonomy["cash"]])
    publish("Health coverage", year=2021, abstract="Pensions for members.", members_only=True)
    assert "zebrafish" in _document_copy(page)
    assert "(" not in _document_copy(page)  # stripped: no positions, no weights

    page.abstract = "Old-age pensions and okapi."
    page.save_revision().publish()
    assert "okapi" in _document_copy(page) and "zebrafish" not in _document_copy(page)
    listed = set(base_queryset(AnonymousUser(), locales["en"]).values_list("pk", flat=True))
    for words, tsquery in (("pensions", "pension"), ("okapi", "okapi"), ("bolsa", "bolsa")):
        context = listing(f"q={words}", locale=locales["en"])
        assert {p.pk for p in context["results"]} == _entry_matches(tsquery) & listed, words
        assert context["result_count"] == len(_entry_matches(tsquery) & listed)
    # The Spanish label of the theme is in the English publication's document too.
    assert titles(listing("q=transferencias", locale=locales["es"])) == ["Cash transfers"]

    # Taken out of the index (as Wagtail does before deleting it): no copy either.
    from wagtail.search.backends import get_search_backend

    get_search_backend().delete(page)
    assert _document_copy(page) is None
    assert "okapi" not in titles(listing("q=okapi", locale=locales["en"]))


def test_postgres_migration_fills_the_copies_from_the_index(taxonomy, publish, library):
    """Publications indexed before the column existed get their copy from the migration."""
    import importlib

    if connection.vendor != "postgresql":
        pytest.skip("the document copy is PostgreSQL's")
    skip_on_elasticsearch("Elasticsearch answers text queries")
    migration = importlib.import_module("library.migrations.0007_publication_search_document")
    page = publish("Pensions in Brazil", year=2016, abstract="Old-age pensions.")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE library_publicationpage SET search_document = NULL")
    assert _document_copy(page) is None
    with connection.cursor() as cursor:
        migration.copy_from_index(cursor)
    assert "pension" in _document_copy(page)
    assert titles(listing("q=pensions")) == ["Pensions in Brazil"]
