"""Reader-facing actions on webinar pages: register, follow a series."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.embeds import player_url

from .forms import GuestRegistrationForm
from .listings import reference_times
from .models import Registration, SeriesFollow
from .registration import RegistrationRefused, send_confirmation
from .registration import register as register_for
from .stats import audience_figures
from .timezones import zone_label

REFUSALS = {
    "closed": lambda: _("Registration for this webinar is closed."),
    "full": lambda: _("This webinar is full: no more registrations can be accepted."),
    "not_built_in": lambda: _("Registration for this webinar happens elsewhere."),
}


def webinar_context(webinar, request):
    user = request.user
    now = timezone.now()
    registered = None
    if user.is_authenticated:
        registered = Registration.objects.filter(
            webinar_key=webinar.translation_key, email=user.email.lower()
        ).first()
    series = webinar.series
    context = {
        "status": webinar.status(now),
        "registration_state": webinar.registration_state(now),
        "registered": registered,
        "guest_form": GuestRegistrationForm(),
        "host_zone_label": zone_label(webinar.starts_at, webinar.time_zone)
        if webinar.starts_at
        else "",
        "speakers": webinar.speakers_for_display(),
        "presentations": webinar.presentations.select_related("document").all(),
        "questions": [
            (q, q.answered_by.localized_for(Locale.get_active()) if q.answered_by else None)
            for q in webinar.questions.select_related("answered_by").all()
        ],
        "related": _visible_related(webinar, user),
        "recording_player": player_url(webinar.recording_url),
        "series": series,
        "reference_times": reference_times(webinar, series.reference_zone_list if series else []),
    }
    if series and series.community_id:
        from community_pages.access import can_view_page

        community = series.community
        if community.live and can_view_page(user, community):
            context["community_link"] = community.specific
    if user.is_authenticated and user.is_staff:
        context["figures"] = audience_figures([webinar.translation_key])
    return context


def _visible_related(webinar, user):
    from community_pages.access import can_view_page

    pages = []
    for link in webinar.related_links.select_related("related_page").all():
        page = link.related_page.specific
        if page.live and can_view_page(user, page):
            pages.append(page)
    return pages


def localized_url(page, request):
    """The page's URL under the reader's language prefix (its translation or a fallback)."""
    from portal.i18n import page_url_in_language

    return page_url_in_language(page, translation.get_language(), request) or page.url


def register(request, webinar):
    """POST: one click for a member, or the guest form. GET goes back to the page."""
    if request.method != "POST":
        return HttpResponseRedirect(localized_url(webinar, request))
    language = translation.get_language()
    user = request.user
    if user.is_authenticated:
        profile = getattr(user, "profile", None)
        data = {
            "user": user,
            "email": user.email,
            "name": user.get_full_name() or user.email.split("@")[0],
            "organisation": getattr(profile, "organisation", ""),
            "country": getattr(profile, "country", None),
        }
    else:
        form = GuestRegistrationForm(request.POST)
        if not form.is_valid():
            return webinar.render(request, context_overrides={"guest_form": form})
        data = dict(form.cleaned_data)
    try:
        registration, created = register_for(webinar, language=language, **data)
    except RegistrationRefused as refused:
        messages.error(request, REFUSALS[refused.reason]())
        return HttpResponseRedirect(localized_url(webinar, request) + "#registration")
    if created:
        send_confirmation(registration)
        messages.success(
            request,
            _("You are registered. We have sent a confirmation with a calendar file to %(email)s.")
            % {"email": registration.email},
        )
    else:
        messages.info(
            request,
            _("%(email)s is already registered for this webinar: no need to register again.")
            % {"email": registration.email},
        )
    return HttpResponseRedirect(localized_url(webinar, request) + "#registration")


def follow_series(request, series):
    """POST toggles following; anonymous readers are asked to log in first."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(localized_url(series, request))
    follow = SeriesFollow.objects.filter(user=request.user, series_key=series.translation_key)
    if follow.exists():
        follow.delete()
        messages.success(request, _("You no longer follow this series."))
    else:
        SeriesFollow.objects.create(user=request.user, series=series)
        messages.success(
            request,
            _(
                "You follow this series: we will email you when a session is scheduled and when "
                "a recording is published."
            ),
        )
    return HttpResponseRedirect(localized_url(series, request))
