"""A community's announcements: the list (administrators send from it) and one announcement."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from community_pages import services
from community_pages.forms import AnnouncementForm
from community_pages.models import Announcement
from community_pages.views.frame import (
    PAGE_SIZE,
    content,
    deny,
    readable_item,
    reader_rights,
    render,
)


def announcement_list(request, community):
    """The latest announcements; administrators of a live community send new ones here."""
    rights = reader_rights(request, community)
    if not rights.read:
        return deny(request)
    form = None
    if rights.manage and not community.archived:
        form = AnnouncementForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            services.announce(
                request.user,
                community,
                data["title"],
                data["body"],
                public_page=data["public_address"],
            )
            messages.success(request, _("The announcement has been sent to the members."))
            return redirect(request.path)
    elif request.method == "POST":
        raise PermissionDenied
    items = content(Announcement, community).select_related("author", "public_page")[:PAGE_SIZE]
    return render(
        request, community, "community_pages/announcements.html", {"items": items, "form": form}
    )


def announcement_detail(request, community, item_id):
    """One announcement, to those who may read it."""
    item = readable_item(request, content(Announcement, community), item_id)
    if item is None:
        return deny(request)
    return render(
        request,
        community,
        "community_pages/announcement.html",
        {"item": item, "public_page": item.public_counterpart()},
    )
