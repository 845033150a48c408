"""The header box's autocomplete folds accents in every source, on every engine: a title with
accents is found typed with them and without them (Wagtail's PostgreSQL autocomplete uses
the ``simple`` configuration, which keeps accents: pages index their folded title, and the
words typed are folded on the database engine)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from search import service

pytestmark = pytest.mark.django_db
anon = AnonymousUser()


@pytest.fixture
def accented(homes):
    from community_pages.factories import (
        CommunityIndexPageFactory,
        CommunityPageFactory,
        CommunityResourcePageFactory,
    )
    from tests.search.conftest import make_page
    from webinars.factories import (
        WebinarIndexPageFactory,
        WebinarPageFactory,
        WebinarSeriesPageFactory,
    )

    es = homes["es"]
    webinars = WebinarIndexPageFactory(parent=es, locale=es.locale)
    series = WebinarSeriesPageFactory(
        parent=webinars, locale=es.locale, title="Seminarios de Protección social"
    )
    communities = CommunityIndexPageFactory(parent=es, locale=es.locale)
    community = CommunityPageFactory(
        parent=communities,
        locale=es.locale,
        title="Comunidad de Protección social",
        privacy="open",  # its pages are public
    )
    return {
        "page": make_page(es, "Protección social en México", "Un panorama."),
        "webinar_series": series,
        "webinar": WebinarPageFactory(
            parent=series, locale=es.locale, title="Webinario sobre Protección social"
        ),
        "community": community,
        "community_page": CommunityResourcePageFactory(
            parent=community, locale=es.locale, title="Lecturas de Protección social"
        ),
    }


def labels(typed, language="es"):
    return {item["label"] for item in service.autocomplete(typed, anon, language)}


@pytest.mark.parametrize(
    "source", ["page", "webinar_series", "webinar", "community", "community_page"]
)
def test_a_title_with_accents_is_found_typed_with_or_without_them(accented, source):
    title = accented[source].title
    # The positive control first: the title typed as it is written.
    assert title in labels(title), title
    assert title in labels("Protección soc"), source
    assert title in labels("protección social"), source
    assert title in labels("proteccion soc"), source
    assert title in labels("PROTECCION SOCIAL"), source
    assert title in labels("protecc"), source


def test_accents_typed_where_the_title_has_none(accented, homes):
    from tests.search.conftest import make_page

    make_page(homes["es"], "Mexico en cifras", "Datos.")
    assert "Mexico en cifras" in labels("Mexico")  # positive control
    assert "Mexico en cifras" in labels("México")
    assert "Protección social en México" in labels("mexico")


def test_a_folded_title_is_no_title_of_its_own(accented):
    """The folded title is indexed for autocomplete only: suggestions show the title as
    written, once."""
    found = [item["label"] for item in service.autocomplete("proteccion", anon, "es")]
    assert len(found) == len(set(found))
    assert not any(label.startswith("proteccion") for label in found)
