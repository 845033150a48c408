"""Library taxonomy, page types and publication behaviour."""

import pytest
from wagtail.models import Page

from library.models import LibraryIndexPage, PublicationPage
from portal.labels import term_label
from portal.models import HomePage


@pytest.mark.django_db
def test_library_index_lives_under_home_and_holds_publications():
    assert LibraryIndexPage.can_create_at(HomePage())
    assert PublicationPage.can_create_at(LibraryIndexPage())
    assert not PublicationPage.can_create_at(HomePage())
    assert PublicationPage.subpage_types == []


def test_saving_a_publication_adds_the_regions_of_its_countries(taxonomy, publish):
    page = publish(countries=[taxonomy["brazil"], taxonomy["kenya"]])
    assert set(page.regions.values_list("slug", flat=True)) == {"lac", "ssa"}


def test_members_only_flag_sets_the_audience(taxonomy, publish):
    assert publish(members_only=True).audience == "members"
    assert publish().audience == "public"


def test_taxonomy_text_holds_labels_in_every_language(taxonomy, publish):
    page = publish(themes=[taxonomy["cash"]])
    page.document_type = taxonomy["report"]
    text = page.taxonomy_text()
    assert "Cash transfers" in text and "Transferencias monetarias" in text
    assert "Informe" in text


def test_document_type_label_follows_the_reader_language(taxonomy):
    assert term_label(taxonomy["report"], "es") == "Informe"
    assert term_label(taxonomy["report"], "fr") == "Report"  # no French yet: source label


def test_publication_is_searchable_by_its_own_fields():
    names = {f.field_name for f in PublicationPage.search_fields}
    assert {
        "title",
        "abstract",
        "authors",
        "extracted_text",
        "taxonomy_text",
        "audience",
        "locale_id",
    } <= names


def test_editor_can_open_the_publication_create_form(client, editor, library):
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/library/publicationpage/{library['en'].pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    for label in ("Bibliographic details", "Classification", "Files and links"):
        assert label in content


def test_editor_can_create_a_publication_through_the_admin(client, editor, library, taxonomy):
    client.force_login(editor)
    data = {
        "title": "Bolsa Família at twenty",
        "slug": "bolsa-familia-at-twenty",
        "abstract": "Twenty years of conditional cash transfers.",
        "authors": "Silva, Ana",
        "year": "2023",
        "themes": [taxonomy["cct"].pk],
        "countries": [taxonomy["brazil"].pk],
        "keywords": "poverty, Brazil",
        "files-TOTAL_FORMS": "0",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }
    response = client.post(f"/admin/pages/add/library/publicationpage/{library['en'].pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = PublicationPage.objects.get(slug="bolsa-familia-at-twenty")
    assert list(page.regions.values_list("slug", flat=True)) == ["lac"]
    assert sorted(page.keywords.names()) == ["Brazil", "poverty"]


def test_library_taxonomy_snippets_are_in_the_admin(client, editor, taxonomy):
    client.force_login(editor)
    for model in ("documenttype", "organisation", "documentlanguage"):
        assert client.get(f"/admin/snippets/library/{model}/").status_code == 200


def test_library_index_has_a_copy_per_language(library):
    assert {p.locale.language_code for p in LibraryIndexPage.objects.all()} == {"en", "es", "fr"}
    assert all(p.slug == "library" for p in LibraryIndexPage.objects.all())
    assert Page.objects.filter(slug="library").count() == 3
