"""The communities' rules, asked directly: ``Rights`` methods and the services that change
posts, files, events and working groups (the views only call them)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.utils import timezone

from community_pages import access, services
from community_pages.factories import CommentFactory, ThreadFactory
from community_pages.models import Comment, CommunityEvent, CommunityFile, Thread, WorkingGroup

pytestmark = pytest.mark.django_db


def _thread(community, author):
    return ThreadFactory(community_id=community.pk, author=author, title="A question")


def _file(community, author):
    item = CommunityFile(
        community_id=community.pk,
        author=author,
        title="Notes",
        original_name="notes.txt",
        content_type="text/plain",
        size=5,
    )
    item.file.save("notes.txt", ContentFile(b"notes"), save=False)
    item.save()
    return item


@pytest.mark.parametrize(
    ("reader", "own", "allowed"),
    [
        ("member", True, True),  # the author, who may post
        ("member", False, False),  # another member's post
        ("admin", False, True),  # administrators moderate
        ("staff", False, True),  # staff moderate every community
        ("outsider", False, False),
    ],
)
def test_who_may_change_a_post(community, people, reader, own, allowed):
    author = people[reader] if own else people["wg_member"]
    thread = _thread(community, author)
    comment = CommentFactory(thread=thread, author=author)
    rights = access.rights(people[reader], community)
    assert rights.may_change(thread) is allowed
    assert rights.may_change(comment) is allowed
    assert rights.may_change(_file(community, author)) is allowed


def test_authors_of_an_archived_community_change_nothing(community, people):
    thread = _thread(community, people["member"])
    community.archived = True
    community.save()
    assert not access.rights(people["member"], community).may_change(thread)
    assert access.rights(people["admin"], community).may_change(thread)


def test_members_are_offered_to_report_others_posts_only(community, people, client):
    thread = _thread(community, people["member"])
    assert access.rights(people["admin"], community).may_report(thread)
    assert not access.rights(people["member"], community).may_report(thread)
    assert not access.rights(people["outsider"], community).may_report(thread)
    client.force_login(people["member"])
    page = client.get(thread.get_absolute_url()).content.decode()
    assert community.reverse_subpage("thread_report", args=[thread.pk]) not in page
    assert community.reverse_subpage("thread_edit", args=[thread.pk]) in page


def test_editing_and_removing_a_discussion(community, people):
    thread = _thread(community, people["member"])
    thread.title = "A better question"
    with pytest.raises(PermissionDenied):
        services.edit_thread(people["wg_member"], community, thread)
    services.edit_thread(people["member"], community, thread)
    thread.refresh_from_db()
    assert thread.title == "A better question" and thread.updated_at is not None
    with pytest.raises(PermissionDenied):
        services.remove_thread(people["outsider"], community, thread)
    services.remove_thread(people["admin"], community, thread)
    assert Thread.objects.get(pk=thread.pk).removed


def test_editing_and_removing_a_comment(community, people):
    comment = CommentFactory(thread=_thread(community, people["admin"]), author=people["member"])
    with pytest.raises(PermissionDenied):
        services.edit_comment(people["wg_member"], community, comment, "<p>Not mine</p>")
    services.edit_comment(people["member"], community, comment, "<p>Corrected</p>")
    comment = Comment.objects.get(pk=comment.pk)
    assert comment.body == "<p>Corrected</p>" and comment.updated_at is not None
    with pytest.raises(PermissionDenied):
        services.remove_comment(people["wg_member"], community, comment)
    services.remove_comment(people["member"], community, comment)
    assert Comment.objects.get(pk=comment.pk).removed


def test_files_are_added_by_members_and_deleted_by_their_author_or_a_moderator(community, people):
    item = CommunityFile(title="Minutes", original_name="m.txt", content_type="text/plain", size=1)
    item.file.save("m.txt", ContentFile(b"m"), save=False)
    with pytest.raises(PermissionDenied):
        services.add_file(people["outsider"], community, item)
    saved = services.add_file(people["member"], community, item)
    assert saved.community_id == community.pk and saved.author == people["member"]
    name = saved.file.name
    with pytest.raises(PermissionDenied):
        services.delete_file(people["wg_member"], community, saved)
    services.delete_file(people["admin"], community, saved)
    assert not CommunityFile.objects.filter(pk=saved.pk).exists()
    assert not saved.file.storage.exists(name)


def test_events_are_added_by_members(community, people):
    start = timezone.now() + timedelta(days=1)
    event = CommunityEvent(title="Call", start=start, end=start + timedelta(hours=1))
    with pytest.raises(PermissionDenied):
        services.add_event(people["outsider"], community, event)
    saved = services.add_event(people["member"], community, event)
    assert saved.pk and saved.author == people["member"]


def test_working_groups_are_added_by_administrators_of_a_live_community(community, people):
    with pytest.raises(PermissionDenied):
        services.add_working_group(people["member"], community, "Registries")
    group = services.add_working_group(people["admin"], community, "Registries", "Data")
    assert WorkingGroup.objects.get(pk=group.pk).community_id == community.pk
    community.archived = True
    community.save()
    with pytest.raises(PermissionDenied):
        services.add_working_group(people["admin"], community, "Late")
