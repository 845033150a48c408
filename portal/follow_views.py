"""Members' follow button, Following page and timeline ("My portal")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import following
from portal.locales import active_locale
from portal.params import int_param, text_param


def back(request, fallback="portal:following"):
    """Where the form came from (``next``: a path on this site), else ``fallback``."""
    target = text_param(request.POST, "next", max_length=2000)
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return redirect(fallback)


@login_required
@require_POST
def follow(request):
    """POST ``kind``, ``key`` and ``action`` (``follow`` or ``unfollow``): the follow
    button, which works without JavaScript; then back to ``next``. A member may follow only
    what they may see; stopping is always possible."""
    kind = following.kinds().get(text_param(request.POST, "kind", max_length=30))
    key = text_param(request.POST, "key", max_length=64)
    if kind is None or not key or not kind.valid_key(key):
        raise Http404
    start = request.POST.get("action") == "follow"
    found = kind.resolve({key}, request.user, active_locale())
    if start and key not in found:
        raise Http404  # unknown, or not for this member's eyes: never say which
    title = found[key]["title"] if key in found else ""
    kind.set(request.user, key, start)
    if start:
        messages.success(request, _("You now follow “%(title)s”.") % {"title": title})
    elif title:
        messages.success(request, _("You no longer follow “%(title)s”.") % {"title": title})
    else:
        messages.success(request, _("You no longer follow it."))
    return back(request)


@login_required
def following_page(request):
    """Everything the member follows, by kind, each with a button to stop."""
    groups = following.following_groups(request.user, active_locale())
    return render(request, "portal/following.html", {"groups": groups})


@login_required
def my_portal(request):
    """The member's timeline: what happened in what they follow and in their communities,
    newest first, a page at a time (``?page=``)."""
    number = int_param(request.GET, "page", 1, 1, following.MAX_TIMELINE_PAGES)
    page = following.timeline(request.user, active_locale(), number)
    follows = following.followed_keys(request.user)
    return render(request, "portal/my_portal.html", {"timeline": page, "follows": follows})
