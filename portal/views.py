"""Member-facing views: profile, directory, notification settings, unsubscribe, the
link that lets a browser log in to an account others are trying to guess, and the 500 page;
and what crawlers and browsers ask of any site: robots.txt, the favicon, the manifest."""

import sys

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail import hooks

from portal import ratelimits
from portal.accounts import read_unlock_token, trust_browser
from portal.forms import DirectoryFilterForm, NotificationPreferencesForm, ProfileForm, UserNameForm
from portal.models import MemberProfile, NotificationPreference
from portal.models.members import Frequency, NotificationKind
from portal.notifications import DIGESTS, read_unsubscribe_token
from portal.outages import is_database_unavailable, maintenance_response
from portal.params import MAX_PAGE, int_param
from portal.reader_urls import absolute_url

DIRECTORY_PAGE_SIZE = 24
ROBOTS_DISALLOW = ["/admin/", "/api/", "/i18n/"]
# Under every language prefix: forms, members' own pages and search results.
ROBOTS_DISALLOW_LOCALIZED = ["accounts/", "profile/", "members/", "notifications/", "search/"]


def _profile_for(user):
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    return profile


@login_required
def profile_edit(request):
    """Edit the member's name and profile; the apps may add sections (logged in only)."""
    profile = _profile_for(request.user)
    if request.method == "POST":
        name_form = UserNameForm(request.POST, instance=request.user)
        form = ProfileForm(request.POST, request.FILES, instance=profile)
        if name_form.is_valid() and form.is_valid():
            with transaction.atomic():
                name_form.save()
                form.save()
            messages.success(request, _("Your profile has been saved."))
            return redirect("portal:profile")
        messages.error(request, _("Please correct the errors below; nothing was saved."))
    else:
        name_form = UserNameForm(instance=request.user)
        form = ProfileForm(instance=profile)
    # Each app may add a section to the page (a "portal_profile_sections" hook returning
    # rendered HTML, or None): community_pages adds the member's personal feed links.
    sections = [
        section for fn in hooks.get_hooks("portal_profile_sections") if (section := fn(request))
    ]
    return render(
        request,
        "portal/profile_edit.html",
        {"form": form, "name_form": name_form, "profile": profile, "sections": sections},
    )


@login_required
def notification_settings(request):
    """The member's choice of frequency per kind of notification (logged in only)."""
    if request.method == "POST":
        form = NotificationPreferencesForm(request.POST, user=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your notification settings have been saved."))
            return redirect("portal:notification_settings")
    else:
        form = NotificationPreferencesForm(user=request.user)
    return render(request, "portal/notification_settings.html", {"form": form})


@login_required
def member_directory(request):
    """Members who chose to be listed; visible to logged-in members only."""
    form = DirectoryFilterForm(request.GET or None)
    profiles = (
        MemberProfile.objects.filter(show_in_directory=True, user__is_active=True)
        .select_related("user", "country")
        .prefetch_related("expertise")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    if form.is_valid():
        if q := form.cleaned_data.get("q"):
            profiles = profiles.filter(
                Q(user__first_name__icontains=q)
                | Q(user__last_name__icontains=q)
                | Q(organisation__icontains=q)
            )
        if country := form.cleaned_data.get("country"):
            profiles = profiles.filter(country=country)
        if theme := form.cleaned_data.get("expertise"):
            profiles = profiles.filter(expertise=theme)
    page_number = int_param(request.GET, "page", 1, 1, MAX_PAGE)
    page = Paginator(profiles, DIRECTORY_PAGE_SIZE).get_page(page_number)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portal/member_directory.html",
        {"form": form, "members": page, "query": query.urlencode()},
    )


@login_required
def member_detail(request, pk):
    """A member's profile, for logged-in members; a member not listed in the directory is a
    404 to everyone but themselves and staff."""
    profile = get_object_or_404(
        MemberProfile.objects.select_related("user", "country").prefetch_related("expertise"),
        pk=pk,
        user__is_active=True,
    )
    if not profile.show_in_directory and profile.user != request.user and not request.user.is_staff:
        return render(request, "portal/member_hidden.html", status=404)
    # Each app may add the member's contributions the reader may see (a
    # "portal_member_sections" hook returning rendered HTML, or None).
    sections = [
        section
        for fn in hooks.get_hooks("portal_member_sections")
        if (section := fn(request, profile))
    ]
    return render(request, "portal/member_detail.html", {"profile": profile, "sections": sections})


@csrf_exempt  # RFC 8058 one-click unsubscribe: mail clients POST without a CSRF token.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a confirmation button; POST (the button, or a mail client) unsubscribes.

    POSTs are limited per recipient and kind (``unsubscribe``) and, for tokens that are not
    valid, per client (``unsubscribe_invalid``): mail providers send many members' one-click
    unsubscribes from the same few addresses, which a per-client limit on valid ones would
    refuse.
    """
    data = read_unsubscribe_token(token)
    if data is None:
        if request.method == "POST" and not ratelimits.allow(request, "unsubscribe_invalid"):
            return ratelimits.too_many_requests(request)
        return render(request, "portal/unsubscribe.html", {"invalid": True}, status=400)
    user_id, kind = data
    user = get_object_or_404(get_user_model(), pk=user_id)
    label = Frequency(DIGESTS[kind]).label if kind in DIGESTS else NotificationKind(kind).label
    context = {"kind_label": label, "done": False, "token": token}
    if request.method == "POST":
        if not ratelimits.allow(request, "unsubscribe", key=f"{user_id}:{kind}"):
            context["refused"] = ratelimits.refused_message()
            return render(
                request, "portal/unsubscribe.html", context, status=ratelimits.TOO_MANY_REQUESTS
            )
        if kind in DIGESTS:
            # A digest's one-click link stops every kind the member receives in it.
            NotificationPreference.objects.filter(user=user, frequency=DIGESTS[kind]).update(
                frequency=Frequency.NEVER
            )
        else:
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"frequency": Frequency.NEVER}
            )
        context["done"] = True
    return render(request, "portal/unsubscribe.html", context)


@require_http_methods(["GET", "POST"])
def login_unlock(request, token):
    """The link of the email sent when an account refuses unknown browsers.

    GET asks for a click (mail scanners follow links; they do not press buttons); POST makes
    this browser a trusted one for the account, which then logs in on its own allowance. The
    password is still needed.
    """
    user = read_unlock_token(token)
    if user is None:
        if request.method == "POST" and not ratelimits.allow(request, "login_unlock"):
            return ratelimits.too_many_requests(request)
        return render(request, "portal/login_unlock.html", {"invalid": True}, status=400)
    if request.method == "POST":
        if not ratelimits.allow(request, "login_unlock"):
            return ratelimits.too_many_requests(request)
        messages.success(
            request,
            _("This browser is now recognised for your account: log in with your password."),
        )
        return trust_browser(request, redirect("account_login"), user)
    return render(request, "portal/login_unlock.html", {})


def server_error(request):
    """handler500: Django's static 500 page, or the 503 maintenance page when the error that
    got here is the database's (raised by a middleware, outside the reach of
    ``DatabaseUnavailableMiddleware``: the redirects' lookup on a 404, a session saved)."""
    error = sys.exc_info()[1]
    if is_database_unavailable(error):
        return maintenance_response(request, error)
    return defaults.server_error(request)


@require_http_methods(["GET", "HEAD"])
def robots_txt(request):
    """What crawlers may fetch: the published pages (the sitemap lists them), not the admin,
    accounts, members' areas, searches or downloads of members' files."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
    lines += [
        f"Disallow: /{code}/{path}"
        for code, _name in settings.LANGUAGES
        for path in ROBOTS_DISALLOW_LOCALIZED
    ]
    lines += ["", f"Sitemap: {absolute_url(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_http_methods(["GET", "HEAD"])
def web_manifest(request):
    """The web app manifest: the portal's name and icons for phones' home screens."""
    icons = [
        {
            "src": static(f"portal/img/icon-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
        }
        for size in (192, 512)
    ]
    manifest = {
        "name": settings.WAGTAIL_SITE_NAME,
        "short_name": settings.WAGTAIL_SITE_NAME.split()[0],
        "start_url": "/",
        "display": "browser",
        "theme_color": "#0b5c7a",
        "background_color": "#ffffff",
        "icons": icons,
    }
    return JsonResponse(manifest, content_type="application/manifest+json")


@require_http_methods(["GET", "HEAD"])
def favicon(request):
    """``/favicon.ico``, which browsers and feed readers ask for without reading the page."""
    return HttpResponsePermanentRedirect(static("portal/img/favicon.ico"))
