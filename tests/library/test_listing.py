"""The library listing: filters, facets with counts, sorting, sharing and access."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.listing import LibraryQuery, build_listing, listing_changed
from portal.demo_utils import translate_instance
from tests.nu_checker import nu_errors


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
    from library.models import ListingEntry

    page = catalogue["bf"]
    entry = ListingEntry.objects.get(publication=page, language="en")
    assert sorted(entry.facet_keys) == sorted(
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


def test_stale_entries_are_written_again_by_the_rebuild(catalogue):
    from io import StringIO

    from django.core.management import call_command

    from library.models import ListingEntry

    expected = counts(listing(""), "theme")
    assert expected  # a positive control: the catalogue has themes
    ListingEntry.objects.update(facet_keys=[])
    listing_changed()
    assert counts(listing(""), "theme") == {}
    out = StringIO()
    call_command("rebuild_listing", stdout=out)
    assert out.getvalue().splitlines()[-1] == "12 listing entries written."  # 4 × 3 languages
    assert counts(listing(""), "theme") == expected


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
    run()  # content changed: what is kept under the content generation is read again once
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


def test_the_filters_fold_behind_one_button_that_counts_the_active_ones(client, catalogue, library):
    # On a phone the button is all that comes before the results (library.css opens the
    # filters on wide screens); it works without JavaScript: a details element.
    html = client.get("/es/library/?theme=cash-transfers&type=report").content.decode()
    assert nu_errors(html) == []
    page = BeautifulSoup(html, "html.parser")
    toggle = page.select_one(".library-filters details.filters-toggle")
    assert toggle.summary.get_text(strip=True) == "Filtros (2 activos)"
    assert toggle.select_one("form.filter-form") is not None
    assert "open" not in toggle.attrs
    plain = BeautifulSoup(client.get("/en/library/").content, "html.parser")
    assert plain.select_one(".filters-toggle summary").get_text(strip=True) == "Filters"


def test_listing_shows_labels_in_the_reader_language(client, catalogue, library):
    html = client.get("/es/library/").content.decode()
    assert "Transferencias monetarias" in html
    assert "Informe" in html


def test_listing_marks_items_written_in_another_language(client, publish, library):
    """A publication shown in the Spanish listing but written in English says so, and its
    title and summary carry its language; the listing's own strings stay Spanish."""
    publish("Social pensions in Bolivia", abstract="Coverage of Renta Dignidad.")
    html = BeautifulSoup(client.get("/es/library/").content, "html.parser")
    item = html.select_one(".publication-item")
    assert item.select_one(".tag-language").get_text(strip=True) == "English"
    assert item.select_one(".tag-language")["lang"] == "en"
    assert item.select_one(".card-title a")["lang"] == "en"
    english = BeautifulSoup(client.get("/en/library/").content, "html.parser")
    assert english.select_one(".publication-item .tag-language") is None
    assert not english.select_one(".publication-item .card-title a").has_attr("lang")


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


def test_relevance_pages_hold_every_match_once(taxonomy, publish, library):
    """Ranked by relevance, paging through equal matches shows each publication exactly
    once (ties are broken the same way on every page)."""
    from django.http import QueryDict

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


def _listing(params, locale=None, user=None, per_page=10):
    from django.http import QueryDict

    query = LibraryQuery.from_params(QueryDict(params))
    return build_listing(query, user or AnonymousUser(), locale, per_page=per_page)


def test_title_matches_rank_first_and_every_match_is_counted(taxonomy, publish, library):
    """Relevance puts the publications with the query in their title first; counts, facets
    and the pages hold every match, with no cap."""
    publish("Annual report", year=2024, abstract="Pensions in the body only.")
    publish("Pensions in Brazil", year=2016, abstract="Old-age pensions.")
    publish("Notes", year=2023, abstract="Something about pensions.")
    publish("Pensions and pensions", year=2015, abstract="Pensions reform.")
    publish("Health cover", year=2022, abstract="Nothing about old age.")
    context = _listing("q=pensions", per_page=3)
    assert context["result_count"] == 4
    assert sum(n for _year, n in context["facets"]["year"]) == 4
    found = [p.title for p in context["results"]]
    assert sorted(found[:2]) == ["Pensions and pensions", "Pensions in Brazil"]
    last = [p.title for p in _listing("q=pensions&page=2", per_page=3)["results"]]
    assert sorted(found[2:] + last) == ["Annual report", "Notes"]


TOKENS = {
    "SDG 1.3": "Progress towards SDG 1.3 on social protection floors.",
    "2.5": "Coverage rose by 2.5 percentage points.",
    "www.who.int": "Figures from www.who.int and national sources.",
    "report.pdf": "The full text is in report.pdf, attached.",
    "cash_transfer": "The cash_transfer variable of the survey.",
    "info@socialprotection.org": "Write to info@socialprotection.org for the data.",
}


@pytest.mark.parametrize("token", list(TOKENS))
def test_every_token_a_publication_holds_can_be_found(token, taxonomy, publish, library):
    """Tokens the database's parser keeps whole are found as they are written, on every
    engine (the query is split as the document was)."""
    for number, text in enumerate(TOKENS.values()):
        publish(f"Note {number}", year=2010 + number, abstract=text)
    found = titles(_listing(f"q={token}"))
    assert found == [f"Note {list(TOKENS).index(token)}"]


def test_a_quoted_phrase_is_a_phrase_and_or_is_not_a_word(taxonomy, publish, library):
    publish("Adaptive social protection", year=2020, abstract="Shock-responsive systems.")
    publish("Protection of social workers", year=2019, abstract="Labour rights.")
    publish("Orphans and pensions", year=2018, abstract="Care for orphans.")
    both = sorted(titles(_listing("q=social protection")))
    assert both == ["Adaptive social protection", "Protection of social workers"]
    assert titles(_listing('q="social protection"')) == ["Adaptive social protection"]
    # "or" joins alternatives; it is not searched as a word ("orphans" does not need it).
    either = sorted(titles(_listing("q=adaptive or workers")))
    assert either == ["Adaptive social protection", "Protection of social workers"]
    assert titles(_listing("q=orphans")) == ["Orphans and pensions"]
    assert titles(_listing("q=orphans -pensions")) == []


def test_a_spanish_reader_finds_an_english_publication_by_its_spanish_label(
    taxonomy, publish, library, locales
):
    """The English publication is listed for Spanish readers (not translated), and the
    Spanish label of its theme is part of its text."""
    publish("Cash transfers", year=2020, abstract="Bolsa Família.", themes=[taxonomy["cash"]])
    publish("Health coverage", year=2021, abstract="Clinics.")
    assert titles(_listing("q=transferencias", locale=locales["es"])) == ["Cash transfers"]
    # Its own words are found as the English analyse them, in the Spanish listing too.
    assert titles(_listing("q=clinic", locale=locales["es"])) == ["Health coverage"]


def test_a_phrase_never_runs_from_one_copy_of_the_text_into_the_next(
    taxonomy, publish, library, locales
):
    """In the Spanish listing an English publication's text is there twice: as English
    analyses it (title, body, then its files' text) and as Spanish does (title, body). The
    last word of the first copy and the first of the second are not a phrase."""
    publish("Zanzibar report", year=2020, abstract="Notes.", extracted_text="Data from Malawi")
    spanish = locales["es"]
    assert titles(_listing('q="zanzibar report"', locale=spanish)) == ["Zanzibar report"]
    assert titles(_listing('q="from malawi"', locale=spanish)) == ["Zanzibar report"]
    assert titles(_listing("q=malawi zanzibar", locale=spanish)) == ["Zanzibar report"]
    assert titles(_listing('q="malawi zanzibar"', locale=spanish)) == []


def test_a_renamed_or_newly_translated_term_is_searched_by_its_new_label(
    taxonomy, publish, library, locales, django_capture_on_commit_callbacks
):
    """The labels of a publication's terms, in every language, are part of its text: a term
    renamed or translated rewrites the entries of the publications filed under it."""
    publish("Pension reform", year=2020, abstract="Contributions.", countries=[taxonomy["kenya"]])
    publish("School meals", year=2021, abstract="Nutrition.", countries=[taxonomy["brazil"]])
    assert titles(_listing("q=kenya")) == ["Pension reform"]
    assert titles(_listing("q=kenia", locale=locales["es"])) == []
    with django_capture_on_commit_callbacks(execute=True):
        kenya = taxonomy["kenya"]
        kenya.name = "Republic of Kenya"
        kenya.save()
    assert titles(_listing("q=republic")) == ["Pension reform"]
    with django_capture_on_commit_callbacks(execute=True):
        translate_instance(taxonomy["kenya"], "es", {"Republic of Kenya": "Kenia"})
    assert titles(_listing("q=kenia", locale=locales["es"])) == ["Pension reform"]
    with django_capture_on_commit_callbacks(execute=True):
        taxonomy["kenya"].get_translation(locales["es"]).delete()
    assert titles(_listing("q=kenia", locale=locales["es"])) == []
    assert titles(_listing("q=republic", locale=locales["es"])) == ["Pension reform"]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="only PostgreSQL has the counts view; elsewhere counts always come from the entries",
)
def test_the_whole_listing_counts_from_the_view_only_while_it_is_current(
    catalogue, taxonomy, publish, member, django_capture_on_commit_callbacks
):
    """The unfiltered listing's counts come from the counts view once it is refreshed, with
    the same figures, for each reader's audiences; after a change the entries are counted
    until the next refresh, so a count is never out of date."""
    from library.indexing import refresh_counts

    def whole_listing(user=None):
        with CaptureQueriesContext(connection) as ctx:
            context = listing("", user=user)
        return context, any("library_listingcount" in q["sql"] for q in ctx.captured_queries)

    from_entries, used_view = whole_listing()
    assert not used_view  # never refreshed: not trusted
    members_from_entries, _ = whole_listing(member)
    assert refresh_counts()
    from_view, used_view = whole_listing()
    assert used_view
    assert from_view["result_count"] == from_entries["result_count"] == 3
    assert counts(from_view, "theme") == counts(from_entries, "theme")
    assert counts(from_view, "country") == counts(from_entries, "country")
    members_from_view, used_view = whole_listing(member)
    assert used_view and members_from_view["result_count"] == 4
    assert counts(members_from_view, "theme") == counts(members_from_entries, "theme")
    with CaptureQueriesContext(connection) as ctx:
        listing("theme=health")
    assert not any("library_listingcount" in q["sql"] for q in ctx.captured_queries)
    # A change, its commit not yet done (no refresh has run): the entries are counted.
    publish("Pensions in Kenya", year=2023, countries=[taxonomy["kenya"]])
    after, used_view = whole_listing()
    assert not used_view
    assert after["result_count"] == 4 and counts(after, "country")["ke"] == 2
    # Once committed, the queued refresh brings the view up to date.
    with django_capture_on_commit_callbacks(execute=True):
        publish("School meals in Kenya", year=2024, countries=[taxonomy["kenya"]])
    refreshed, used_view = whole_listing()
    assert used_view
    assert refreshed["result_count"] == 5 and counts(refreshed, "country")["ke"] == 3


def test_query_params_leave_out_the_page_unless_asked_and_defaults(catalogue):
    from django.http import QueryDict

    query = LibraryQuery.from_params(QueryDict("q=kenya&theme=cct&page=3&sort=newest"))
    assert query.params() == [("q", "kenya"), ("sort", "newest"), ("theme", "cct")]
    assert query.params(without_page=False) == [
        ("q", "kenya"),
        ("sort", "newest"),
        ("theme", "cct"),
        ("page", 3),
    ]
    # The default sort of a text query (relevance) is not written out.
    relevance = LibraryQuery.from_params(QueryDict("q=kenya&sort=relevance"))
    assert relevance.sort == "relevance"
    assert relevance.params(without_page=False) == [("q", "kenya"), ("page", 1)]


def test_a_page_past_the_last_shows_the_first(catalogue):
    context = listing("sort=oldest&page=9")
    assert context["results"].number == 1
    assert [p.title for p in context["results"]] == [
        "Prospera in Mexico",
        "Bolsa Familia evaluation",
        "Health insurance in Kenya",
    ]


def test_listing_rows_count_and_index_without_counting_again(catalogue):
    from library.listing import ListingRows, matching_entries

    query = LibraryQuery.from_params({"sort": "oldest"})
    entries, _taxonomy = matching_entries(query, AnonymousUser(), None)
    rows = ListingRows(entries, 3, AnonymousUser())
    with CaptureQueriesContext(connection) as ctx:
        assert len(rows) == rows.count() == 3
    assert len(ctx) == 0
    assert rows[0].title == "Prospera in Mexico"
    assert rows[2].title == "Health insurance in Kenya"
    assert [p.title for p in rows[1:3]] == ["Bolsa Familia evaluation", "Health insurance in Kenya"]


def test_a_chosen_theme_without_results_is_listed_under_its_nearest_listed_ancestor(catalogue):
    """Ticked themes stay in the facet (to be unticked) when nothing matches; one whose
    parent is not listed hangs from the nearest ancestor that is, or from the top."""
    matching = listing("theme=cct&year_from=2019")["facets"]["theme"]
    assert [(e["slug"], e["depth"]) for e in matching] == [
        ("social-assistance", 0),
        ("cash-transfers", 1),
        ("cct", 2),
    ]
    alone = listing("theme=cct&year_from=2999")
    assert alone["result_count"] == 0
    assert [
        (e["slug"], e["count"], e["selected"], e["depth"]) for e in alone["facets"]["theme"]
    ] == [("cct", 0, True, 0)]
    both = listing("theme=cct&theme=social-assistance&year_from=2999")["facets"]["theme"]
    assert [(e["slug"], e["depth"]) for e in both] == [("social-assistance", 0), ("cct", 1)]


def test_facet_counts_are_counted_again_once_the_cache_is_emptied(catalogue):
    from django.core.cache import cache

    def counted(params):
        with CaptureQueriesContext(connection) as ctx:
            context = listing(params)
        return context, any("GROUP BY k.value" in q["sql"] for q in ctx.captured_queries)

    _context, first = counted("")
    assert first  # counted, then cached
    _context, again = counted("")
    assert not again
    cache.clear()  # the cache restarted: the generation is gone with the counts
    context, after_clear = counted("")
    assert after_clear
    assert counts(context, "type") == {"report": 2, "policy-brief": 1}
    _context, cached = counted("")
    assert not cached  # cached under the new generation


def test_base_queryset_without_a_locale_holds_every_live_translation(catalogue, locales, member):
    from library.listing import base_queryset

    bf = catalogue["bf"]
    spanish = bf.copy_for_translation(locales["es"], copy_parents=False)
    spanish.title = "Evaluación de Bolsa Familia"
    spanish.save_revision().publish()
    anonymous = AnonymousUser()
    everywhere = sorted(p.title for p in base_queryset(anonymous))
    assert everywhere == [
        "Bolsa Familia evaluation",
        "Evaluación de Bolsa Familia",
        "Health insurance in Kenya",
        "Prospera in Mexico",
    ]
    assert "Members-only note" in {p.title for p in base_queryset(member)}
    in_spanish = sorted(p.title for p in base_queryset(anonymous, locales["es"]))
    assert in_spanish == [
        "Evaluación de Bolsa Familia",
        "Health insurance in Kenya",
        "Prospera in Mexico",
    ]
    spanish.refresh_from_db()
    spanish.unpublish()
    assert "Evaluación de Bolsa Familia" not in {p.title for p in base_queryset(anonymous)}


def test_site_search_counts_and_ranks_publications_in_their_own_language(catalogue, member):
    from library.listing import search_publications

    anonymous = AnonymousUser()
    count, hits = search_publications("evaluation", anonymous, "en", 10)
    assert count == 1
    assert [p.title for _score, p in hits] == ["Bolsa Familia evaluation"]
    # Every language when the reader's is not one the library analyses.
    assert search_publications("evaluation", anonymous, "de", 10)[0] == 1
    # The count is every match; the hits are the best ``limit``, title matches first.
    count, hits = search_publications("mexico or kenya or evaluation", anonymous, "en", 2)
    assert count == 3 and len(hits) == 2
    assert search_publications("canary", member, "en", 10)[0] == 1
    assert search_publications("canary", anonymous, "en", 10) == (0, [])


def test_site_search_of_a_query_without_a_word_finds_nothing(catalogue):
    from library.listing import search_publications

    anonymous = AnonymousUser()
    assert search_publications("kenya", anonymous, None, 10)[0] == 1
    for query in ("", "   ", "or", "-kenya", '""', "?!"):
        assert search_publications(query, anonymous, None, 10) == (0, [])


def test_autocomplete_matches_title_words_the_last_one_as_a_prefix(catalogue, member):
    from library.listing import autocomplete_publications

    anonymous = AnonymousUser()

    def titles_for(query, user=anonymous, language="en"):
        return [p.title for p in autocomplete_publications(query, user, language, 10)]

    assert titles_for("health insur") == ["Health insurance in Kenya"]
    assert titles_for("bolsa fam") == ["Bolsa Familia evaluation"]
    assert titles_for("bols fam") == []  # every word but the last is whole
    assert titles_for("members-only", user=member) == ["Members-only note"]
    assert titles_for("members-only") == []
    assert titles_for("in", language=None) == ["Health insurance in Kenya", "Prospera in Mexico"]
    assert titles_for("kenya") == ["Health insurance in Kenya"]
    assert titles_for("") == titles_for("-kenya") == titles_for("kenya or -mexico") == []


def test_autocomplete_reads_or_and_excluded_words_alike_on_every_database(catalogue):
    """The header box completes the last alternative typed (after the last ``or``); a word
    marked ``-`` is not a title word to complete (it is left out, not required)."""
    from library.listing import autocomplete_publications

    def titles_for(query):
        return [p.title for p in autocomplete_publications(query, AnonymousUser(), "en", 10)]

    assert titles_for("kenya") == ["Health insurance in Kenya"]
    assert titles_for("kenya or prosp") == ["Prospera in Mexico"]
    assert titles_for("in -kenya") == ["Health insurance in Kenya", "Prospera in Mexico"]
    assert titles_for('"bolsa familia" -kenya') == ["Bolsa Familia evaluation"]


def _term_queries(condition):
    """[(config, word, suffix)] of the ``to_tsquery`` terms of a PostgreSQL title condition."""
    from library.matching import AllOf, Matches

    (matches,) = condition.children
    assert isinstance(matches, Matches)
    _vector, query = matches.get_source_expressions()
    terms = query.get_source_expressions() if isinstance(query, AllOf) else [query]
    found = []
    for term in terms:
        config, concat = term.get_source_expressions()
        quoted, suffix = concat.get_source_expressions()
        (word,) = quoted.get_source_expressions()
        found.append((config.value, word.value, suffix.value))
    return found


def test_a_title_query_on_postgresql_asks_for_the_words_of_its_last_alternative():
    """What the PostgreSQL title condition asks for, as the other databases read the query:
    the words after the last ``or``, not the excluded ones, the last word as a prefix unless
    it ends a phrase; analysed with the listing language's configuration."""
    from library.matching import title_condition

    assert _term_queries(title_condition("prot", "es", True)) == [("portal_spanish", "prot", ":*A")]
    query = 'welfare or social "Cash Transfer" -kenya prot'
    assert _term_queries(title_condition(query, "es", True)) == [
        ("portal_spanish", "social", ":A"),
        ("portal_spanish", "cash", ":A"),
        ("portal_spanish", "transfer", ":A"),
        ("portal_spanish", "prot", ":*A"),
    ]
    assert _term_queries(title_condition('social "cash transfer"', "xx", True)) == [
        ("portal_english", "social", ":A"),  # a language without a configuration: English
        ("portal_english", "cash", ":A"),
        ("portal_english", "transfer", ":A"),
    ]
    assert title_condition("-kenya", "en", True) is None
    assert title_condition("kenya or -mexico", "en", True) is None
