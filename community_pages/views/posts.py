"""Changing, removing and reporting discussions and comments; attachments' downloads.

Who may do what is :class:`~community_pages.access.Rights` (``may_change``, ``report``) and
the change itself is a function of ``community_pages.services``, which checks again.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from community_pages import services
from community_pages.forms import CommentEditForm, ReportForm, ThreadEditForm, ThreadRepliesForm
from community_pages.models import Attachment, AttachmentDownload, Comment
from community_pages.views.discussions import readable_thread
from community_pages.views.frame import (
    deny,
    post_only,
    private_file_response,
    reader_rights,
    render,
    section_url,
)
from portal import ratelimits, usage
from portal.access import can_read_audience


def _thread(request, community, item_id):
    """``(rights, thread)``; ``thread`` is ``None`` when the reader may not read it."""
    rights = reader_rights(request, community)
    return rights, readable_thread(request, community, rights, item_id)


def _comment(request, community, item_id):
    """``(rights, comment)`` of a comment in this community; ``comment`` is ``None`` when
    the reader may not read its discussion."""
    comment = get_object_or_404(
        Comment.objects.select_related("thread"),
        pk=item_id,
        thread__community_id=community.canonical_pk,
    )
    readable = can_read_audience(request.user, comment.thread.audience)
    return reader_rights(request, community), comment if readable else None


def thread_edit(request, community, item_id):
    """Edit a discussion's title and text (its author, or a moderator)."""
    rights, thread = _thread(request, community, item_id)
    if thread is None:
        return deny(request)
    if not rights.may_change(thread):
        raise PermissionDenied
    form = ThreadEditForm(request.POST or None, instance=thread)
    if request.method == "POST" and form.is_valid():
        services.edit_thread(request.user, community, form.save(commit=False))
        return redirect(section_url(request, community, "thread", thread.pk))
    return render(request, community, "community_pages/edit.html", {"form": form, "item": thread})


def thread_replies(request, community, item_id):
    """The discussion's author chooses how to hear of replies there (POST)."""
    rights, thread = _thread(request, community, item_id)
    if thread is None:
        return deny(request)
    refused = post_only(request)
    if refused:
        return refused
    if not rights.owns(thread):
        raise PermissionDenied
    form = ThreadRepliesForm(request.POST, instance=thread)
    if form.is_valid():
        form.save()
        messages.success(request, _("You will hear of replies as you chose."))
    else:
        messages.error(request, _("Choose one of the ways to hear of replies."))
    return redirect(section_url(request, community, "thread", thread.pk))


def thread_delete(request, community, item_id):
    """Remove a discussion (POST; its author, or a moderator)."""
    rights, thread = _thread(request, community, item_id)
    if thread is None:
        return deny(request)
    refused = post_only(request)
    if refused:
        return refused
    services.remove_thread(request.user, community, thread)
    messages.success(request, _("The discussion has been removed."))
    return redirect(section_url(request, community, "discussions"))


def thread_report(request, community, item_id):
    """Report a discussion to the community's administrators."""
    rights, thread = _thread(request, community, item_id)
    if thread is None:
        return deny(request)
    return report(request, community, rights, thread)


def comment_edit(request, community, item_id):
    """Edit a comment's text (its author, or a moderator)."""
    rights, comment = _comment(request, community, item_id)
    if comment is None:
        return deny(request)
    if not rights.may_change(comment):
        raise PermissionDenied
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        services.edit_comment(request.user, community, comment, form.cleaned_data["body"])
        return redirect(section_url(request, community, "thread", comment.thread_id))
    return render(request, community, "community_pages/edit.html", {"form": form, "item": comment})


def comment_delete(request, community, item_id):
    """Remove a comment (POST; its author, or a moderator)."""
    rights, comment = _comment(request, community, item_id)
    if comment is None:
        return deny(request)
    if not rights.may_change(comment):
        raise PermissionDenied
    refused = post_only(request)
    if refused:
        return refused
    services.remove_comment(request.user, community, comment)
    return redirect(section_url(request, community, "thread", comment.thread_id))


def comment_report(request, community, item_id):
    """Report a comment to the community's administrators."""
    rights, comment = _comment(request, community, item_id)
    if comment is None:
        return deny(request)
    if comment.thread.removed:
        raise Http404
    return report(request, community, rights, comment.thread, comment)


def report(request, community, rights, thread, comment=None):
    """A member reports a discussion or a comment they can read to the administrators.

    Limited per member (``community_report``); a refusal keeps the reason they wrote.
    """
    if not rights.report:
        return deny(request)
    if comment is not None and comment.removed:
        raise Http404
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if ratelimits.allow(request, "community_report"):
            services.report(
                request.user, community, thread, form.cleaned_data["reason"], comment=comment
            )
            messages.success(
                request,
                _("Thank you. The community's administrators have been told and will look at it."),
            )
            anchor = f"#comment-{comment.pk}" if comment is not None else ""
            return redirect(section_url(request, community, "thread", thread.pk) + anchor)
        ratelimits.refuse_form(form)
        status = ratelimits.TOO_MANY_REQUESTS
    elif request.method == "POST":
        status = 400
    return render(
        request,
        community,
        "community_pages/report.html",
        {"form": form, "thread": thread, "comment": comment},
        status=status,
    )


def attachment_download(request, community, item_id):
    """Download an attachment: read exactly as its discussion (and its comment) are."""
    item = (
        Attachment.objects.select_related("thread", "comment")
        .filter(pk=item_id, thread__community_id=community.canonical_pk)
        .first()
    )
    if item is None:
        raise Http404
    if not can_read_audience(request.user, item.thread.audience):
        return deny(request)
    removed = item.thread.removed or (item.comment is not None and item.comment.removed)
    if removed and not reader_rights(request, community).moderate:
        raise Http404
    usage.count_download(request, AttachmentDownload, f"attachment:{item.pk}", attachment=item)
    return private_file_response(item)
