"""A source registered with search functions of its own (``register_search_model`` with
``"search"`` and ``"autocomplete"``) answers for itself on the database engine: its hits are
merged with the other sources' by score and its count adds up with theirs."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail import hooks

from search import service
from tests.conftest import skip_on_elasticsearch
from tests.search.conftest import make_page

pytestmark = pytest.mark.django_db
anon = AnonymousUser()
BEST = SimpleNamespace(pk=-1, title="Best zebra publication", url="/en/library/best/")
WORST = SimpleNamespace(pk=-2, title="Worst zebra publication", url="/en/library/worst/")


@pytest.fixture
def fake_source():
    """A "publication"-like source over a model nobody else registers (countries), whose
    functions record their calls."""
    from portal.models import Country

    calls = {"search": [], "autocomplete": []}

    def search(query, user, language, limit):
        calls["search"].append((query, user, language, limit))
        return 3, [(1e9, BEST), (-1e9, WORST)][:limit]

    def autocomplete(query, user, language, limit):
        calls["autocomplete"].append((query, user, language, limit))
        return [BEST][:limit]

    def register():
        return {
            "model": Country,
            "label": "Fakes",
            "type": "fake",
            "search": search,
            "autocomplete": autocomplete,
        }

    with hooks.register_temporarily("register_search_model", register):
        yield calls


def test_source_functions_are_merged_by_score_and_counted(homes, fake_source):
    skip_on_elasticsearch("Elasticsearch searches every source's index itself")
    make_page(homes["en"], "Zebra crossings", "Zebra.")
    make_page(homes["en"], "Zebra herds", "Zebra.")
    response = service.search("zebra", anon, "en")
    assert [hit.title for hit in response.hits] == [
        "Best zebra publication",
        *[hit.title for hit in response.hits[1:3]],
        "Worst zebra publication",
    ]
    assert {hit.title for hit in response.hits[1:3]} == {"Zebra crossings", "Zebra herds"}
    counts = {c["type"]: c["count"] for c in response.type_counts}
    assert counts == {"page": 2, "fake": 3}
    assert response.total == 5
    assert fake_source["search"] == [("zebra", anon, "en", 10)]
    assert response.hits[0].url == "/en/library/best/" and response.hits[0].type == "fake"


def test_source_functions_get_no_language_for_all_and_no_limit_when_unselected(homes, fake_source):
    skip_on_elasticsearch("Elasticsearch searches every source's index itself")
    make_page(homes["en"], "Zebra crossings", "Zebra.")
    response = service.search("zebra", anon, service.ALL_LANGUAGES, types=["page"])
    assert fake_source["search"] == [("zebra", anon, None, 0)]
    assert [hit.title for hit in response.hits] == ["Zebra crossings"]
    assert response.total == 1  # only the selected type counts in the total
    assert {c["type"]: c["count"] for c in response.type_counts}["fake"] == 3


def test_autocomplete_asks_the_source_function(homes, fake_source):
    skip_on_elasticsearch("Elasticsearch searches every source's index itself")
    make_page(homes["en"], "Zebra crossings", "Zebra.")
    labels = [item["label"] for item in service.autocomplete("zeb", anon, "en")]
    assert {"Zebra crossings", "Best zebra publication"} <= set(labels)
    assert fake_source["autocomplete"][0][:3] == ("zeb", anon, "en")
