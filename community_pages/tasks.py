"""Background work: announcement and discussion emails."""

from django_tasks import task

from community_pages.models import Announcement, Comment, Membership, Thread
from portal.access import can_read_audience
from portal.models.members import NotificationKind
from portal.notifications import notify, preferred_language, reader_link


@task()
def send_announcement(announcement_id):
    """Email an announcement to every active member who may still read it."""
    announcement = Announcement.objects.select_related("community").get(pk=announcement_id)
    community = announcement.community
    members = Membership.objects.filter(
        community=community, status=Membership.Status.ACTIVE
    ).select_related("user", "user__profile")
    public_page = announcement.public_counterpart()
    sent = 0
    for membership in members:
        user = membership.user
        public_url = reader_link(public_page, "", preferred_language(user)) if public_page else ""
        result = notify(
            user,
            NotificationKind.ANNOUNCEMENTS,
            "community_pages/emails/announcement",
            {"announcement": announcement, "community": community, "public_url": public_url},
            page=community,
            url=community.reverse_subpage("announcement", args=[announcement.pk]),
            can_see=lambda user: can_read_audience(user, announcement.audience),
        )
        sent += result != "skipped"
    return sent


@task()
def notify_new_thread(thread_id):
    """Tell the community's active members who may read it (a working group's discussion:
    its members) about a new discussion, each as their preference for discussions says;
    the author is not told. Returns how many were told or queued."""
    thread = Thread.objects.select_related("community", "author").get(pk=thread_id)
    community = thread.community
    members = (
        Membership.objects.filter(community=community, status=Membership.Status.ACTIVE)
        .exclude(user=thread.author)
        .select_related("user", "user__profile")
    )
    told = 0
    for membership in members:
        result = notify(
            membership.user,
            NotificationKind.DISCUSSIONS,
            "community_pages/emails/new_thread",
            {"thread": thread, "community": community},
            page=community,
            url=community.reverse_subpage("thread", args=[thread.pk]),
            can_see=lambda user: can_read_audience(user, thread.audience),
        )
        told += result != "skipped"
    return told


@task()
def notify_discussion(comment_id):
    """Tell a thread's author (and the author of the comment replied to) about a reply."""
    comment = Comment.objects.select_related("thread__community", "thread__author", "author").get(
        pk=comment_id
    )
    thread = comment.thread
    recipients = {thread.author}
    if comment.parent_id:
        recipients.add(comment.parent.author)
    recipients.discard(comment.author)
    recipients.discard(None)
    community = thread.community
    for user in recipients:
        # The discussion's author may have chosen how to hear of replies there.
        chosen = thread.author_replies if user == thread.author else ""
        notify(
            user,
            NotificationKind.DISCUSSIONS,
            "community_pages/emails/reply",
            {"thread": thread, "comment": comment, "community": community},
            page=community,
            url=community.reverse_subpage("thread", args=[thread.pk]),
            can_see=lambda u: can_read_audience(u, thread.audience),
            frequency=chosen or None,
        )
