"""Fixtures: a directory with one community per privacy setting (and one archived)."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from community_pages.factories import (
    AnnouncementFactory,
    CommentFactory,
    CommunityEventFactory,
    CommunityIndexPageFactory,
    CommunityPageFactory,
    CommunityResourcePageFactory,
    MembershipFactory,
    ThreadFactory,
)
from community_pages.models import CommunityFile, Membership, WorkingGroup, WorkingGroupMembership
from portal.factories import UserFactory

SETTINGS = ["private", "semi-private", "public", "open", "hidden", "archived"]


@pytest.fixture
def directory(home):
    return CommunityIndexPageFactory(parent=home)


def build_community(directory, setting, people):
    privacy = "public" if setting == "archived" else setting
    community = CommunityPageFactory(
        parent=directory,
        title=f"{setting.title()} community",
        slug=f"{setting}-community",
        privacy=privacy,
        archived=setting == "archived",
    )
    c = community.pk
    MembershipFactory(community=community, user=people["admin"], role="admin")
    MembershipFactory(community=community, user=people["member"])
    MembershipFactory(community=community, user=people["wg_member"])
    MembershipFactory(community=community, user=people["pending"], status="pending")
    MembershipFactory(community=community, user=people["invited"], status="invited")
    group = WorkingGroup.objects.create(community=community, locale=community.locale, name="WG")
    WorkingGroupMembership.objects.create(group=group, user=people["wg_member"])
    resource = CommunityResourcePageFactory(
        parent=community,
        title=f"Readings {setting}",
        slug="readings",
        body=[("paragraph", f"<p>resource-body-{setting} members-only-canary</p>")],
    )
    now = timezone.now()
    thread = ThreadFactory(community_id=c, author=people["member"], title=f"thread-{setting}")
    CommentFactory(thread=thread, author=people["admin"], body=f"<p>comment-{setting}</p>")
    wg_thread = ThreadFactory(
        community_id=c, author=people["wg_member"], working_group=group, title=f"wgthread-{setting}"
    )
    announcement = AnnouncementFactory(
        community_id=c, author=people["admin"], title=f"announcement-{setting}"
    )
    event = CommunityEventFactory(
        community_id=c,
        author=people["admin"],
        title=f"event-{setting}",
        start=now + timedelta(days=3),
        end=now + timedelta(days=3, hours=1),
    )
    item = CommunityFile(
        community_id=c,
        author=people["member"],
        title=f"file-{setting}",
        category="Notes",
        original_name="notes.txt",
        content_type="text/plain",
        size=9,
    )
    item.file.save("notes.txt", ContentFile(b"file-body"), save=False)
    item.save()
    return {
        "community": community,
        "resource": resource,
        "thread": thread,
        "wg_thread": wg_thread,
        "announcement": announcement,
        "event": event,
        "file": item,
        "group": group,
    }


@pytest.fixture
def people(db):
    names = ["admin", "member", "wg_member", "pending", "invited", "outsider"]
    users = {name: UserFactory(username=name, email=f"{name}@example.org") for name in names}
    users["staff"] = UserFactory(username="staffer", email="staffer@example.org", is_staff=True)
    return users


@pytest.fixture
def communities(directory, people):
    return {setting: build_community(directory, setting, people) for setting in SETTINGS}


@pytest.fixture
def semi(directory, people):
    return CommunityPageFactory(parent=directory, title="Semi", slug="semi", privacy="semi-private")


@pytest.fixture
def community(directory, people):
    """A public community with an administrator and two members."""
    page = CommunityPageFactory(parent=directory, privacy="public", slug="pub")
    MembershipFactory(community=page, user=people["admin"], role="admin")
    MembershipFactory(community=page, user=people["member"])
    MembershipFactory(community=page, user=people["wg_member"])
    return page


def admin_of(community, user):
    return MembershipFactory(community=community, user=user, role=Membership.Role.ADMIN)
