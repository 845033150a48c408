"""A community's discussions: the list (members start one there) and one discussion."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from community_pages import services
from community_pages.forms import CommentForm, ThreadForm, ThreadRepliesForm
from community_pages.models import Comment, Thread, WorkingGroup
from community_pages.views.frame import (
    PAGE_SIZE,
    content,
    deny,
    page_number,
    posted_form,
    readable_item,
    reader_rights,
    render,
    section_url,
)
from portal.access import visible_queryset
from portal.params import parse_int

COMMENTS_PER_PAGE = 50


def visible_threads(request, community):
    """The discussions of a community the reader may see, most recently active first."""
    return (
        visible_queryset(content(Thread, community), request.user)
        .filter(removed=False)
        .select_related("author", "working_group")
        .only(
            "id",
            "title",
            "created_at",
            "last_activity_at",
            "comment_count",
            "audience",
            "community_id",
            "author__first_name",
            "author__last_name",
            "author__email",
            "working_group__name",
        )
    )


def postable_groups(request, community, rights):
    """The working groups the reader may post a discussion in (administrators: all)."""
    groups = WorkingGroup.objects.filter(community_id=community.canonical_pk)
    if not rights.manage:
        groups = groups.filter(memberships__user=request.user)
    return groups


def chosen_group(form, groups, value):
    """The working group a new discussion is posted in (``None``: the whole community); a
    value that is none of ``groups`` is a form error, whatever was sent."""
    if not value:
        return None
    group_id = parse_int(value)
    group = groups.filter(pk=group_id).first() if group_id is not None else None
    if group is None:
        form.add_error(None, _("Choose one of your working groups, or none."))
    return group


def discussion_list(request, community):
    """One page of discussions; members start a new one (in a working group or not) here."""
    rights = reader_rights(request, community)
    if not rights.read:
        return deny(request)
    if request.method == "POST" and not rights.post:
        raise PermissionDenied
    form, groups, status = None, WorkingGroup.objects.none(), 200
    if rights.post:
        form = ThreadForm(request.POST or None, request.FILES or None)
        groups = postable_groups(request, community, rights)
        group = None
        if request.method == "POST":
            group = chosen_group(form, groups, request.POST.get("working_group"))
        saved, status = posted_form(request, form)
        if saved:
            thread = form.save(commit=False)
            thread.working_group = group
            services.start_thread(request.user, community, thread, form.cleaned_data["attachments"])
            return redirect(section_url(request, community, "thread", thread.pk))
    number = page_number(request)
    start = (number - 1) * PAGE_SIZE
    threads = list(visible_threads(request, community)[start : start + PAGE_SIZE + 1])
    return render(
        request,
        community,
        "community_pages/discussions.html",
        {
            "threads": threads[:PAGE_SIZE],
            "next_page": number + 1 if len(threads) > PAGE_SIZE else None,
            "previous_page": number - 1 if number > 1 else None,
            "form": form,
            "groups": list(groups),
        },
        status=status,
    )


def readable_thread(request, community, rights, item_id):
    """The discussion if the reader may read it, ``None`` if not; 404 if it does not exist
    (or was removed, to all but moderators)."""
    queryset = content(Thread, community).select_related("author", "working_group")
    thread = readable_item(request, queryset, item_id)
    if thread is not None and thread.removed and not rights.moderate:
        raise Http404
    return thread


def comment_page(thread, number):
    """One page of top-level comments with their replies and attachments: three queries at
    any length. Returns ``(comments, thread_attachments, has_next)``."""
    start = (number - 1) * COMMENTS_PER_PAGE
    top = list(
        thread.comments.filter(parent=None)
        .select_related("author")
        .order_by("created_at", "pk")[start : start + COMMENTS_PER_PAGE + 1]
    )
    has_next = len(top) > COMMENTS_PER_PAGE
    top = top[:COMMENTS_PER_PAGE]
    replies = {}
    for reply in (
        Comment.objects.filter(parent__in=[c.pk for c in top])
        .select_related("author")
        .order_by("created_at", "pk")
    ):
        replies.setdefault(reply.parent_id, []).append(reply)
    shown = [c.pk for c in top] + [r.pk for items in replies.values() for r in items]
    attached = {}
    for item in thread.attachments.filter(Q(comment=None) | Q(comment_id__in=shown)).only(
        "id", "thread_id", "comment_id", "original_name", "size", "content_type"
    ):
        attached.setdefault(item.comment_id, []).append(item)
    for comment in top:
        comment.reply_list = replies.get(comment.pk, [])
        comment.attachment_list = attached.get(comment.pk, [])
        for reply in comment.reply_list:
            reply.attachment_list = attached.get(reply.pk, [])
    return top, attached.get(None, []), has_next


def thread_detail(request, community, item_id):
    """One discussion and a page of its comments; members comment and reply here."""
    rights = reader_rights(request, community)
    thread = readable_thread(request, community, rights, item_id)
    if thread is None:
        return deny(request)
    if request.method == "POST" and not rights.post:
        raise PermissionDenied
    form, status = None, 200
    if rights.post:
        form = CommentForm(request.POST or None, request.FILES or None)
        saved, status = posted_form(request, form)
        if saved:
            parent = None
            if form.cleaned_data.get("parent"):
                parent = get_object_or_404(
                    Comment, pk=form.cleaned_data["parent"], thread=thread, parent=None
                )
            comment = services.add_comment(
                request.user,
                community,
                thread,
                form.cleaned_data["body"],
                parent=parent,
                files=form.cleaned_data["attachments"],
            )
            return redirect(f"{request.path}#comment-{comment.pk}")
    number = page_number(request)
    comments, thread_attachments, has_next = comment_page(thread, number)
    return render(
        request,
        community,
        "community_pages/thread.html",
        {
            "thread": thread,
            "thread_attachments": thread_attachments,
            "comments": comments,
            "form": form,
            "own": rights.owns(thread),
            "replies_form": ThreadRepliesForm(instance=thread) if rights.owns(thread) else None,
            "next_page": number + 1 if has_next else None,
            "previous_page": number - 1 if number > 1 else None,
        },
        status=status,
    )
