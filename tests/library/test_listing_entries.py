"""The library's read model (``ListingEntry``): every change to a publication keeps it as a
full rebuild would write it, on every database.

After each kind of change the entries as the signals left them are compared with the entries
``manage.py rebuild_listing`` writes from scratch, and a few values are checked by hand (a
translated publication, an ancestor theme, an audience).
"""

from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.http import QueryDict

from library.indexing import listing_languages
from library.listing import LibraryQuery, build_listing


def entries():
    """{(publication pk, language): (audience, title, year, facet keys)} as stored."""
    from library.models import ListingEntry

    return {
        (e.publication_id, e.language): (e.audience, e.title, e.year, tuple(e.facet_keys))
        for e in ListingEntry.objects.all()
    }


def rebuilt():
    """The entries a rebuild from scratch writes (the stored ones are put back as found)."""
    from library.models import ListingEntry

    ListingEntry.objects.all().delete()
    out = StringIO()
    call_command("rebuild_listing", stdout=out)
    assert out.getvalue().strip().endswith("listing entries written.")
    return entries()


def assert_entries_are_true():
    stored = entries()
    assert stored == rebuilt()
    return stored


def test_listing_languages_fall_back_to_the_default_then_the_first_written():
    assert listing_languages([(1, True, "en"), (2, True, "es")], "en", ["en", "es", "fr"]) == {
        1: ["en", "fr"],
        2: ["es"],
    }
    # Not in the default language: the first written translation stands in.
    assert listing_languages([(5, True, "fr"), (3, True, "es")], "en", ["en", "es", "fr"]) == {
        3: ["en", "es"],
        5: ["fr"],
    }
    assert listing_languages([(1, False, "en")], "en", ["en", "es"]) == {1: []}


def test_entries_follow_every_change_to_the_publications(
    taxonomy, publish, library, locales, django_capture_on_commit_callbacks
):
    t = taxonomy
    assert assert_entries_are_true() == {}
    page = publish("Pensions in Brazil", year=2016, themes=[t["cct"]], countries=[t["brazil"]])
    publish("Health cover", year=2021, themes=[t["health"]], members_only=True)
    stored = assert_entries_are_true()
    audience, title, year, keys = stored[(page.pk, "fr")]  # listed in every language
    assert (audience, title, year) == ("public", "Pensions in Brazil", 2016)
    assert f"theme:{t['cash'].pk}" in keys  # an ancestor of the theme it is filed under
    assert f"region:{t['lac'].pk}" in keys  # the region of its country

    page.themes = [t["health"]]  # edited and published again
    page.save_revision().publish()
    assert f"theme:{t['cash'].pk}" not in assert_entries_are_true()[(page.pk, "en")][3]

    page.members_only = True  # another audience
    page.save_revision().publish()
    assert assert_entries_are_true()[(page.pk, "es")][0] == "members"

    spanish = page.copy_for_translation(locales["es"], copy_parents=False)
    spanish.title = "Pensiones en Brasil"
    spanish.save_revision().publish()  # Spanish readers now list the translation
    stored = assert_entries_are_true()
    assert (page.pk, "es") not in stored
    assert stored[(spanish.pk, "es")][1] == "Pensiones en Brasil"

    spanish.refresh_from_db()
    spanish.unpublish()  # back to the English translation
    assert (page.pk, "es") in assert_entries_are_true()

    with django_capture_on_commit_callbacks(execute=True):  # the theme tree changes
        t["cash"].parent = t["health"]
        t["cash"].save()
    assert_entries_are_true()

    page.delete()
    assert not [key for key in assert_entries_are_true() if key[0] == page.pk]


def test_the_listing_counts_and_pages_its_entries(taxonomy, publish, library, locales):
    t = taxonomy
    for year in (2015, 2016, 2017):
        publish(f"Pension report {year}", year=year, themes=[t["cct"]], document_type=t["report"])
    publish("Health brief", year=2018, themes=[t["health"]], document_type=t["brief"])
    publish("Members' pension note", year=2019, members_only=True)
    query = LibraryQuery.from_params(QueryDict("q=pension&sort=newest"))
    context = build_listing(query, AnonymousUser(), locales["en"], per_page=2)
    assert context["result_count"] == 3  # the members-only note is not the reader's
    assert [p.title for p in context["results"]] == ["Pension report 2017", "Pension report 2016"]
    themes = {e["slug"]: e["count"] for e in context["facets"]["theme"]}
    assert themes["social-assistance"] == themes["cct"] == 3 and "health" not in themes
    assert sum(n for _year, n in context["facets"]["year"]) == 3


@pytest.mark.django_db
def test_migrate_fills_the_entries_of_a_small_database(taxonomy, publish, library):
    from library.apps import fill_listing_after_migrate
    from library.models import ListingEntry

    page = publish("Pensions in Brazil", year=2016)
    ListingEntry.objects.all().delete()
    fill_listing_after_migrate(sender=None, using="default")
    assert ListingEntry.objects.filter(publication=page).count() == 3


def test_refresh_writes_the_entries_of_the_keys_given_and_names_the_changed(
    taxonomy, publish, library
):
    """``refresh_translations`` writes the entries of the publications whose keys it is given
    (none for no key) and returns the translations whose listing languages changed."""
    from library.indexing import refresh_translations
    from library.models import ListingEntry

    page = publish("Pensions in Brazil", year=2016)
    stored = entries()
    assert {language for pk, language in stored if pk == page.pk} == {"en", "es", "fr"}
    assert refresh_translations([page.translation_key]) == []  # the same languages as before
    assert entries() == stored

    ListingEntry.objects.filter(publication=page, language="fr").delete()
    assert refresh_translations([None, ""]) == []  # no key: nothing is written
    assert (page.pk, "fr") not in entries()
    assert refresh_translations([None, page.translation_key, page.translation_key]) == [page.pk]
    assert entries() == stored


def test_the_word_columns_are_matched_and_ranked_alike_on_every_database(
    taxonomy, publish, library
):
    """The entries' word columns (``title_words``, ``words``: the read model where there is
    no PostgreSQL) written and queried on the database at hand: a web search box's reading
    of the query (every word, phrases, ``or``, ``-word``), title matches ranked first, and
    the title condition of the header box (the last word a prefix)."""
    from library.facets import theme_parents
    from library.indexing import build_entries
    from library.matching import rank, text_condition, title_condition
    from library.models import ListingEntry, PublicationPage

    publish("Adaptive social protection", year=2020, abstract="Old-age pensions in Kenya.")
    publish("Protection of social workers", year=2019, abstract="Labour rights.")
    publish("Pensions and orphans", year=2018, abstract="See www.who.int for the data.")
    parents = theme_parents()
    ListingEntry.objects.all().delete()
    ListingEntry.objects.bulk_create(
        entry
        for page in PublicationPage.objects.live().select_related("locale")
        for entry in build_entries(page, ["en", "es"], parents, on_postgresql=False)
    )
    english = ListingEntry.objects.filter(language="en")

    def found(query, language="en"):
        matched = english.filter(text_condition(query, language, False))
        return sorted(matched.values_list("title", flat=True))

    def best_first(query):
        matched = english.filter(text_condition(query, "en", False))
        ranked = matched.alias(score=rank(query, "en", False)).order_by("-score", "-year")
        return list(ranked.values_list("title", flat=True))

    def titled(query):
        return sorted(
            english.filter(title_condition(query, "en", False)).values_list("title", flat=True)
        )

    assert found("social protection") == [
        "Adaptive social protection",
        "Protection of social workers",
    ]
    assert found('"social protection"') == ["Adaptive social protection"]
    assert found("adaptive or workers") == [
        "Adaptive social protection",
        "Protection of social workers",
    ]
    assert found("pension") == ["Adaptive social protection", "Pensions and orphans"]
    assert found("pension -orphans") == ["Adaptive social protection"]
    assert found("www.who.int") == found("who") == ["Pensions and orphans"]
    # The title holds the word: it comes first, whatever the year.
    assert best_first("pensions") == ["Pensions and orphans", "Adaptive social protection"]
    assert best_first("pensions -orphans") == ["Adaptive social protection"]
    assert titled("social prot") == ["Adaptive social protection", "Protection of social workers"]
    assert titled("prot soc") == []  # only the last word is a prefix
    assert titled('"adaptive social"') == ["Adaptive social protection"]
    assert titled("orphans or workers -social") == ["Protection of social workers"]
    # In the Spanish listing the English titles are there as Spanish analyses them too.
    spanish = ListingEntry.objects.filter(language="es", title="Pensions and orphans")
    assert spanish.filter(text_condition("pensions", "es", False)).exists()
