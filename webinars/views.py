"""Reader-facing actions on webinar pages: register, follow a series."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal import ratelimits
from portal.access import can_view_page
from portal.embeds import player_url
from portal.i18n import localized_page, localized_pages
from portal.locales import active_locale
from portal.reader_urls import reader_path

from .forms import GuestRegistrationForm
from .listings import reference_times
from .models import Registration, SeriesFollow
from .registration import (
    RegistrationRefused,
    read_guest_token,
    request_guest_registration,
    send_confirmation,
)
from .registration import register as register_for
from .stats import audience_figures, can_see_audience_data
from .timezones import zone_label

REFUSALS = {
    "closed": lambda: _("Registration for this webinar is closed."),
    "full": lambda: _("This webinar is full: no more registrations can be accepted."),
    "not_built_in": lambda: _("Registration for this webinar happens elsewhere."),
}


def webinar_context(webinar, request):
    """A session page's context: its status, the reader's registration, speakers, outputs,
    related pages and reference times, a link to its series' community if the reader may
    see it, and audience figures for staff."""
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
            (q, q.answered_by.localized_for(active_locale()) if q.answered_by else None)
            for q in webinar.questions.select_related("answered_by").all()
        ],
        "related": _visible_related(webinar, user),
        "recording_player": player_url(webinar.recording_url),
        "hosted_media": hosted_media(webinar.recording_file),
        "captions": list(webinar.captions.select_related("document")),
        "series": series,
        "reference_times": reference_times(webinar, series.reference_zone_list if series else []),
    }
    if series and series.community_id:
        community = series.community
        if community.live and can_view_page(user, community):
            context["community_link"] = localized_page(community)
    if can_see_audience_data(user):
        context["figures"] = audience_figures([webinar.translation_key])
    return context


def hosted_media(document):
    """How to play a recording hosted as a document: ``{"element": "video" | "audio",
    "type": its media type}``, or None for a file a browser cannot play."""
    if document is None:
        return None
    media_type, _encoding = mimetypes.guess_type(document.filename)
    if not media_type or media_type.split("/")[0] not in ("video", "audio"):
        return None
    return {"element": media_type.split("/")[0], "type": media_type}


def _visible_related(webinar, user):
    pages = []
    for link in webinar.related_links.select_related("related_page").all():
        page = link.related_page.specific
        if page.live and can_view_page(user, page):
            pages.append(page)
    # The reader's translation of each, asked again: a translation is its own page.
    return [page for page in localized_pages(pages) if can_view_page(user, page)]


def localized_url(page, request):
    """The page's URL under the reader's language prefix (its translation or a fallback)."""
    return reader_path(page)


def _back_to_registration(request, webinar):
    return HttpResponseRedirect(localized_url(webinar, request) + "#registration")


def register(request, webinar):
    """POST: one click for a member, or the guest form. GET goes back to the page.

    Limited per client and per address (``webinar_register``). A guest is emailed a link to
    confirm: the seat is taken when it is followed (``confirm_guest_registration``).
    """
    if request.method != "POST":
        return HttpResponseRedirect(localized_url(webinar, request))
    language = translation.get_language()
    user = request.user
    if not user.is_authenticated:
        return _register_guest(request, webinar, language)
    if not ratelimits.allow(request, "webinar_register", key=user.email.lower()):
        return ratelimits.too_many_requests(request)
    profile = getattr(user, "profile", None)
    data = {
        "user": user,
        "email": user.email,
        "name": user.get_full_name() or user.email.split("@")[0],
        "organisation": getattr(profile, "organisation", ""),
        "country": getattr(profile, "country", None),
    }
    try:
        registration, created = register_for(webinar, language=language, **data)
    except RegistrationRefused as refused:
        messages.error(request, REFUSALS[refused.reason]())
        return _back_to_registration(request, webinar)
    _registered_message(request, registration, created)
    return _back_to_registration(request, webinar)


def _registered_message(request, registration, created):
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


def _register_guest(request, webinar, language):
    form = GuestRegistrationForm(request.POST)
    if not form.is_valid():
        return webinar.render(request, context_overrides={"guest_form": form})
    data = form.cleaned_data
    if not ratelimits.allow(request, "webinar_register", key=data["email"].lower()):
        response = webinar.render(
            request, context_overrides={"guest_form": ratelimits.refuse_form(form)}
        )
        response.status_code = ratelimits.TOO_MANY_REQUESTS
        return response
    try:
        existing = request_guest_registration(webinar, language=language, **data)
    except RegistrationRefused as refused:
        messages.error(request, REFUSALS[refused.reason]())
        return _back_to_registration(request, webinar)
    if existing is not None:
        _registered_message(request, existing, created=False)
    else:
        messages.success(
            request,
            _(
                "Almost done: we have emailed a link to %(email)s. Open it to confirm your "
                "registration; no place is kept for you until then."
            )
            % {"email": data["email"]},
        )
    return _back_to_registration(request, webinar)


def confirm_guest_registration(request, webinar, token):
    """The link of a guest's confirmation email: GET shows a button, POST registers.

    Mail scanners follow links but press no buttons. The seat is taken now, if there is
    still one; following the link again finds the registration.
    """
    details = read_guest_token(webinar, token)
    if details is None:
        if request.method == "POST" and not ratelimits.allow(request, "webinar_confirm"):
            return ratelimits.too_many_requests(request)
        return TemplateResponse(
            request,
            "webinars/confirm_registration.html",
            {"page": webinar, "invalid": True},
            status=400,
        )
    if request.method != "POST":
        return TemplateResponse(
            request,
            "webinars/confirm_registration.html",
            {"page": webinar, "details": details},
        )
    if not ratelimits.allow(request, "webinar_confirm"):
        return ratelimits.too_many_requests(request)
    try:
        registration, created = register_for(webinar, **details)
    except RegistrationRefused as refused:
        messages.error(request, REFUSALS[refused.reason]())
        return _back_to_registration(request, webinar)
    _registered_message(request, registration, created)
    return _back_to_registration(request, webinar)


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
