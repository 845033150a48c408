"""The index follows content: publish, unpublish, move, delete; update_index rebuilds it."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from wagtail.models import Page

from search import service
from search.service import search_ids

pytestmark = pytest.mark.django_db
anon = AnonymousUser()


def found(query, language="all"):
    return {hit.title for hit in service.search(query, anon, language).hits}


def test_publish_and_edit_update_the_index(pages):
    page = pages["en_policy"]
    page.title = "Graduation programmes"
    page.save_revision().publish()
    assert "Graduation programmes" in found("graduation")
    assert "Graduation programmes" not in found("protection", "en")  # the old title is gone
    assert "Graduation programmes" in found("countries design")


def test_draft_changes_are_not_searchable(pages):
    page = pages["en_policy"]
    page.title = "Unpublished wording zebra"
    page.save_revision()  # a draft revision, not published
    assert not found("zebra")


def test_unpublish_removes_from_results(pages):
    pages["en_policy"].unpublish()
    assert "Social protection policies" not in found("policies")


def test_move_keeps_the_page_findable(pages, homes):
    from portal.factories import IndexPageFactory

    section = IndexPageFactory(parent=homes["en"], locale=homes["en"].locale, title="Resources")
    page = pages["en_policy"]
    page.move(section, pos="last-child")
    hit = next(h for h in service.search("policies", anon, "en").hits)
    assert hit.url.endswith("/resources/social-protection-policies/")


def test_delete_removes_from_the_index(pages):
    pk = pages["en_policy"].pk
    pages["en_policy"].delete()
    assert search_ids(Page.objects.all(), "policies") == []
    assert not Page.objects.filter(pk=pk).exists()


def test_update_index_rebuilds_with_progress(pages):
    out = io.StringIO()
    call_command("update_index", stdout=out)
    text = out.getvalue()
    assert "portal.StandardPage" in text or "standardpage" in text.lower()
    assert "Social protection policies" in found("policies")


def test_terms_chosen_with_the_first_publish_are_indexed(homes):
    """A publication published once with a new theme is found by the theme's label in every
    language at once (a page's themes are written after Wagtail's save signal)."""
    from library.factories import LibraryIndexPageFactory, PublicationPageFactory
    from portal.demo_utils import translate_instance
    from portal.factories import ThemeFactory

    cash = ThemeFactory(name="Cash transfers", slug="cash-transfers")
    translate_instance(cash, "es", {"Cash transfers": "Transferencias monetarias"})
    translate_instance(cash, "fr", {"Cash transfers": "Transferts monétaires"})
    library = LibraryIndexPageFactory(parent=homes["en"], locale=homes["en"].locale)
    page = PublicationPageFactory(parent=library, title="Bolsa Família review", abstract="Brazil.")
    assert "Bolsa Família review" not in found("transferencias")
    page.themes = [cash]
    page.save_revision().publish()
    assert "Bolsa Família review" in found("transferencias")
    assert "Bolsa Família review" in found("monetaires")
