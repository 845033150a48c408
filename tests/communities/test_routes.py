"""A community's sections are named routes of ``CommunityPage``: every name reverses to the
address it has always had, and each address is served by its view."""

import pytest

from community_pages.factories import ThreadFactory

pytestmark = pytest.mark.django_db

ROUTES = {
    "home": ((), ""),
    "membership": ((), "membership/"),
    "feed": ((), "feed/"),
    "announcements": ((), "announcements/"),
    "announcement": ((7,), "announcements/7/"),
    "discussions": ((), "discussions/"),
    "thread": ((7,), "discussions/7/"),
    "thread_edit": ((7,), "discussions/7/edit/"),
    "thread_delete": ((7,), "discussions/7/delete/"),
    "thread_report": ((7,), "discussions/7/report/"),
    "comment_edit": ((7,), "comments/7/edit/"),
    "comment_delete": ((7,), "comments/7/delete/"),
    "comment_report": ((7,), "comments/7/report/"),
    "attachment_download": ((7,), "attachments/7/download/"),
    "files": ((), "files/"),
    "file_download": ((7,), "files/7/download/"),
    "file_delete": ((7,), "files/7/delete/"),
    "calendar": ((), "calendar/"),
    "event": ((7,), "calendar/7/"),
    "event_ics": ((7,), "calendar/7/ics/"),
    "members": ((), "members/"),
    "working_groups": ((), "working-groups/"),
    "working_group_join": ((7,), "working-groups/7/join/"),
    "working_group_leave": ((7,), "working-groups/7/leave/"),
    "manage": ((), "manage/"),
}


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_each_route_name_reverses_to_its_address(community, name):
    args, address = ROUTES[name]
    assert community.reverse_subpage(name, args=args) == address


def test_the_member_screens_answer_at_their_addresses(client, community, people):
    thread = ThreadFactory(community_id=community.pk, author=people["member"])
    client.force_login(people["admin"])
    for name in ("home", "announcements", "discussions", "files", "calendar", "members"):
        response = client.get(community.url + community.reverse_subpage(name))
        assert response.status_code == 200, name
    for name in ("working_groups", "manage"):
        assert client.get(community.url + community.reverse_subpage(name)).status_code == 200
    assert client.get(thread.get_absolute_url()).status_code == 200
    assert client.get(community.url + f"discussions/{thread.pk}/edit/").status_code == 200


def test_unknown_sections_and_actions_are_not_found(client, community, people):
    thread = ThreadFactory(community_id=community.pk, author=people["member"])
    client.force_login(people["admin"])
    for suffix in ("nowhere/", f"discussions/{thread.pk}/nowhere/", "announcements/1/edit/"):
        assert client.get(community.url + suffix).status_code == 404, suffix


def test_one_action_posts_are_refused_to_a_get(client, community, people):
    thread = ThreadFactory(community_id=community.pk, author=people["member"])
    client.force_login(people["member"])
    for name in ("thread_delete",):
        url = community.url + community.reverse_subpage(name, args=[thread.pk])
        assert client.get(url).status_code == 405
    assert client.get(community.url + "working-groups/1/join/").status_code == 405
