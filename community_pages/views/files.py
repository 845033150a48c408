"""A community's files: the members' list (they upload there), downloads and deletions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from community_pages import services
from community_pages.forms import FileForm
from community_pages.models import CommunityFile, CommunityFileDownload
from community_pages.views.frame import (
    content,
    deny,
    post_only,
    posted_form,
    private_file_response,
    readable_item,
    reader_rights,
    render,
    section_url,
)
from portal import usage


def file_list(request, community):
    """The members' files by category; members who may post upload new ones here."""
    rights = reader_rights(request, community)
    if not rights.read_members_only:
        return deny(request)
    if request.method == "POST" and not rights.post:
        raise PermissionDenied
    form, status = None, 200
    if rights.post:
        form = FileForm(request.POST or None, request.FILES or None)
        saved, status = posted_form(request, form)
        if saved:
            services.add_file(request.user, community, form.save(commit=False))
            messages.success(request, _("The file has been uploaded."))
            return redirect(request.path)
    items = content(CommunityFile, community).select_related("author")
    return render(
        request,
        community,
        "community_pages/files.html",
        {"items": items, "form": form},
        status=status,
    )


def _readable_file(request, community, item_id):
    return readable_item(request, content(CommunityFile, community), item_id)


def file_download(request, community, item_id):
    """Download a file (the community's members, never cached)."""
    item = _readable_file(request, community, item_id)
    if item is None:
        return deny(request)
    usage.count_download(request, CommunityFileDownload, f"community-file:{item.pk}", file=item)
    return private_file_response(item)


def file_delete(request, community, item_id):
    """Delete a file (POST; its author, or a moderator)."""
    item = _readable_file(request, community, item_id)
    if item is None:
        return deny(request)
    refused = post_only(request)
    if refused:
        return refused
    services.delete_file(request.user, community, item)
    return redirect(section_url(request, community, "files"))
