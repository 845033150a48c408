"""A publication page lists the webinars and community pages that reference it, as the
access policy allows."""

import pytest

from community_pages.factories import CommunityIndexPageFactory, CommunityPageFactory
from community_pages.models import CommunityResourcePage
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def referenced(home, publish, taxonomy):
    publication = publish("Cash transfers in Brazil", themes=[taxonomy["cct"]])
    webinar = WebinarPageFactory(
        parent=WebinarIndexPageFactory(parent=home), title="Cash transfers webinar"
    )
    webinar.related_links.add(webinar.related_links.model(related_page=publication))
    webinar.save_revision().publish()
    index = CommunityIndexPageFactory(parent=home)
    communities = {}
    for privacy in ("public", "private"):
        community = CommunityPageFactory(
            parent=index, title=f"{privacy} community", privacy=privacy
        )
        resource = CommunityResourcePage(
            title=f"Readings of the {privacy} community",
            topic="Resources",
            introduction="",
            body=[("publication_list", {"heading": "", "publications": [publication]})],
        )
        community.add_child(instance=resource)
        resource.save_revision().publish()
        communities[privacy] = community
    return publication, communities


def sections(client, publication):
    response = client.get(publication.url)
    assert response.status_code == 200
    context = response.context
    return {
        str(section["title"]): [item["label"] for item in section["items"]]
        for section in context["references"]
    }


def test_references_follow_the_readers_rights(client, referenced, django_user_model):
    publication, communities = referenced
    seen = sections(client, publication)
    assert seen["Webinars on this publication"] == ["Cash transfers webinar"]
    assert "Readings of the private community" not in str(seen)
    user = django_user_model.objects.create_user("staffer", "s@example.org", "x", is_staff=True)
    user.is_superuser = True
    user.save()
    client.force_login(user)
    seen = sections(client, publication)
    assert "private community › Readings of the private community" in seen["In online communities"]
