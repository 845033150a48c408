"""Community content never leaks through search: results, counts, type facets, autocomplete."""

import pytest
from django.contrib.auth.models import AnonymousUser

from search import service

pytestmark = pytest.mark.django_db
anon = AnonymousUser()


@pytest.fixture
def communities(homes, member):
    factories = pytest.importorskip("community_pages.factories")
    en = homes["en"]
    index = factories.CommunityIndexPageFactory(parent=en, locale=en.locale)
    private = factories.CommunityPageFactory(
        parent=index, locale=en.locale, title="Quiet circle", privacy="private"
    )
    public = factories.CommunityPageFactory(
        parent=index, locale=en.locale, title="Open circle", privacy="public"
    )
    factories.ThreadFactory(
        community=private, author=member, title="Secret zebracanary thread", body="zebracanary"
    )
    factories.ThreadFactory(
        community=public, author=member, title="Removed zebracanary", body="x", removed=True
    )
    return {"private": private, "public": public}


def test_private_community_content_is_invisible_to_anonymous_and_outsiders(communities, member):
    for user in (anon, member):  # member: logged in but not a member of the private community
        response = service.search("zebracanary", user, service.ALL_LANGUAGES)
        assert response.total == 0
        assert not response.hits
        assert all(c["count"] == 0 for c in response.type_counts)
        assert service.search("zebracanary", user, "en", types=["discussion"]).total == 0
        labels = [i["label"] for i in service.autocomplete("zebraca", user, "en")]
        assert not any("zebracanary" in label.lower() for label in labels)
        assert not any("secret" in label.lower() for label in labels)


def test_page_and_json_surfaces_do_not_leak(client, communities):
    html = client.get("/en/search/", {"q": "zebracanary", "lang": "all"}).content.decode()
    assert "Secret zebracanary thread" not in html
    data = client.get("/en/search/autocomplete/", {"q": "zebrac"}).json()
    assert data["results"] == []


def _found(user, query="zebracanary"):
    return {hit.title for hit in service.search(query, user, service.ALL_LANGUAGES).hits}


def test_a_privacy_change_applies_to_the_next_search(communities, member):
    """Documents carry their community's audience, not its setting: opening or closing a
    community changes who finds its content at once, with no reindexing."""
    private = communities["private"]
    assert "Secret zebracanary thread" not in _found(anon)
    private.privacy = "open"
    private.save_revision().publish()
    assert "Secret zebracanary thread" in _found(anon)
    private.privacy = "private"
    private.save_revision().publish()
    assert "Secret zebracanary thread" not in _found(anon)


def test_a_membership_change_applies_to_the_next_search(communities, django_user_model):
    from community_pages.factories import MembershipFactory

    outsider = django_user_model.objects.create_user("ines", "ines@example.org", "x")
    assert "Secret zebracanary thread" not in _found(outsider)
    membership = MembershipFactory(community=communities["private"], user=outsider)
    outsider = django_user_model.objects.get(pk=outsider.pk)  # a new request's user
    assert "Secret zebracanary thread" in _found(outsider)
    membership.delete()
    outsider = django_user_model.objects.get(pk=outsider.pk)
    assert "Secret zebracanary thread" not in _found(outsider)
