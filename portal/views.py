"""Member-facing views: profile, directory, notification settings, unsubscribe; documents."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.documents.views import serve as document_views

from portal.forms import DirectoryFilterForm, NotificationPreferencesForm, ProfileForm, UserNameForm
from portal.models import MemberProfile, NotificationPreference
from portal.models.members import Frequency, NotificationKind
from portal.notifications import read_unsubscribe_token
from portal.params import MAX_PAGE, int_param, parse_int

DIRECTORY_PAGE_SIZE = 24


def _profile_for(user):
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    return profile


@login_required
def profile_edit(request):
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
    return render(
        request,
        "portal/profile_edit.html",
        {"form": form, "name_form": name_form, "profile": profile},
    )


@login_required
def notification_settings(request):
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
    profile = get_object_or_404(
        MemberProfile.objects.select_related("user", "country").prefetch_related("expertise"),
        pk=pk,
        user__is_active=True,
    )
    if not profile.show_in_directory and profile.user != request.user and not request.user.is_staff:
        return render(request, "portal/member_hidden.html", status=404)
    return render(request, "portal/member_detail.html", {"profile": profile})


@csrf_exempt  # RFC 8058 one-click unsubscribe: mail clients POST without a CSRF token.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a confirmation button; POST (the button, or a mail client) unsubscribes."""
    data = read_unsubscribe_token(token)
    if data is None:
        return render(request, "portal/unsubscribe.html", {"invalid": True}, status=400)
    user_id, kind = data
    user = get_object_or_404(get_user_model(), pk=user_id)
    done = False
    if request.method == "POST":
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"frequency": Frequency.NEVER}
        )
        done = True
    return render(
        request,
        "portal/unsubscribe.html",
        {"kind_label": NotificationKind(kind).label, "done": done, "token": token},
    )


def serve_document(request, document_id, document_filename):
    """Wagtail's document download, for a document id a database column can hold (Wagtail
    hands any run of digits to the database, and thousands of them fail there)."""
    if parse_int(document_id) is None:
        raise Http404
    return document_views.serve(request, document_id, document_filename)
