"""Following in the communities: communities and discussions to follow, and the timeline's
community activity (new discussions and replies in the member's communities, in the
communities and discussions they follow and by the members they follow; new members of
the communities they administer), always as the access policy lets the member read it."""

from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from community_pages.models import Comment, CommunityPage, Membership, Thread
from portal.access import public_pages, visible_pages, visible_queryset
from portal.following import Entry, FollowKind
from portal.i18n import localized_pages
from portal.reader_urls import reader_path


def _display_name(user):
    return (user.get_full_name() or user.email.split("@")[0]) if user else ""


class CommunityKind(FollowKind):
    """A community the member may see (members follow it without joining)."""

    name = "community"
    label = _("Communities")

    def resolve(self, keys, user, locale):
        """The communities of ``keys`` ``user`` may see, in the reader's language."""
        pages = visible_pages(
            public_pages(CommunityPage.objects.live()).filter(translation_key__in=keys), user
        )
        chosen = {}
        for page in pages.order_by("pk"):
            if page.translation_key not in chosen or page.locale_id == locale.pk:
                chosen[page.translation_key] = page
        return {
            str(key): {
                "title": page.title,
                "url": reader_path(page, locale.language_code, translate=False),
            }
            for key, page in chosen.items()
        }


class ThreadKind(FollowKind):
    """A discussion the member may read."""

    name = "thread"
    label = _("Discussions")

    def valid_key(self, key):
        """A discussion's id."""
        return key.isdigit() and len(key) < 19

    def resolve(self, keys, user, locale):
        """The discussions of ``keys`` ``user`` may read, with their place in their community."""
        ids = [int(key) for key in keys if key.isdigit()]
        threads = _readable_threads(user).filter(pk__in=ids)
        return {
            str(thread.pk): {"title": thread.title, "url": url}
            for thread, url in _with_urls(threads, locale)
        }


def kinds():
    """The communities' kinds (``register_follow_kinds``)."""
    return [CommunityKind(), ThreadKind()]


def _readable_threads(user):
    return visible_queryset(
        Thread.objects.filter(removed=False, community__live=True).select_related(
            "community", "author"
        ),
        user,
    )


def _with_urls(threads, locale):
    """``[(thread, its address in the reader's language)]``: the communities' translations
    in one query."""
    threads = list(threads)
    communities = localized_pages([thread.community for thread in threads], locale)
    code = locale.language_code
    return [
        (
            thread,
            reader_path(community, code, translate=False)
            + community.reverse_subpage("thread", args=[thread.pk]),
        )
        for thread, community in zip(threads, communities, strict=True)
    ]


def community_activity(user, follows, locale, limit):
    """The timeline's community entries for ``user``, newest first, in a fixed number of
    queries (the member's communities, discussions, replies, the communities in the
    reader's language, new members), whatever they follow and however many there are."""
    memberships = list(
        Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list(
            "community__translation_key", "role"
        )
    )
    community_keys = {key for key, _role in memberships} | set(follows.get("community", ()))
    administered = {key for key, role in memberships if role == Membership.Role.ADMIN}
    thread_ids = [int(key) for key in follows.get("thread", ()) if key.isdigit()]
    member_ids = [int(key) for key in follows.get("member", ()) if key.isdigit()]
    if not (community_keys or thread_ids or member_ids):
        return []
    near = (
        Q(community__translation_key__in=community_keys)
        | Q(pk__in=thread_ids)
        | Q(author_id__in=member_ids)
    )
    threads = _readable_threads(user).filter(near).exclude(author=user)
    started = list(threads.order_by("-created_at", "-pk")[:limit])
    comments = list(
        Comment.objects.filter(
            Q(
                thread__in=_readable_threads(user).filter(
                    Q(community__translation_key__in=community_keys) | Q(pk__in=thread_ids)
                )
            )
            | Q(thread__in=_readable_threads(user), author_id__in=member_ids),
            removed=False,
        )
        .exclude(author=user)
        .select_related("thread", "thread__community", "author")
        .order_by("-created_at", "-pk")[:limit]
    )
    urls = dict(
        (thread.pk, url)
        for thread, url in _with_urls(started + [c.thread for c in comments], locale)
    )
    entries = [
        Entry(
            at=thread.created_at,
            title=thread.title,
            url=urls[thread.pk],
            what=str(_("New discussion by %(name)s") % {"name": _display_name(thread.author)}),
            why=thread.community.title,
            summary=strip_tags(thread.body),
            key=f"thread:{thread.pk}",
        )
        for thread in started
    ]
    entries += [
        Entry(
            at=comment.created_at,
            title=comment.thread.title,
            url=f"{urls[comment.thread_id]}#comment-{comment.pk}",
            what=str(_("Reply by %(name)s") % {"name": _display_name(comment.author)}),
            why=comment.thread.community.title,
            summary=strip_tags(comment.body),
            key=f"comment:{comment.pk}",
        )
        for comment in comments
    ]
    if administered:
        joined = list(
            Membership.objects.filter(
                community__translation_key__in=administered,
                status=Membership.Status.ACTIVE,
                community__live=True,
            )
            .exclude(user=user)
            .select_related("user", "community")
            .order_by("-created_at", "-pk")[:limit]
        )
        communities = localized_pages([m.community for m in joined], locale)
        for membership, community in zip(joined, communities, strict=True):
            entries.append(
                Entry(
                    at=membership.created_at,
                    title=_display_name(membership.user),
                    url=reader_path(community, locale.language_code, translate=False)
                    + community.reverse_subpage("members"),
                    what=str(_("New member")),
                    why=community.title,
                    key=f"membership:{membership.pk}",
                )
            )
    return entries


def member_discussions(profile_user, reader, locale, limit=10):
    """``[(thread, url)]``: the discussions ``profile_user`` started that ``reader`` may
    read, newest first (a member's public profile)."""
    threads = _readable_threads(reader).filter(author=profile_user)
    return _with_urls(threads.order_by("-created_at", "-pk")[:limit], locale)
