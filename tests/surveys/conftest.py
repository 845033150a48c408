"""Fixtures: the surveys section, a community with an administrator and members, people."""

import pytest

from community_pages.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    MembershipFactory,
)
from portal.factories import UserFactory
from surveys.factories import SurveyIndexPageFactory


@pytest.fixture
def index(home):
    return SurveyIndexPageFactory(parent=home)


@pytest.fixture
def people(db):
    names = ["creator", "admin", "member", "other", "outsider"]
    users = {name: UserFactory(username=name, email=f"{name}@example.org") for name in names}
    users["staff"] = UserFactory(username="staffer", email="staffer@example.org", is_staff=True)
    return users


@pytest.fixture
def community(home, people):
    """A private community: its administrator, the creator and two members."""
    page = CommunityPageFactory(
        parent=CommunityIndexPageFactory(parent=home),
        title="Pensions",
        slug="pensions",
        privacy="private",
    )
    MembershipFactory(community=page, user=people["admin"], role="admin")
    for name in ("creator", "member", "other"):
        MembershipFactory(community=page, user=people[name])
    return page


def log_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client
