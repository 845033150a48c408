"""Admin: speakers, registrants (staff, CSV export), audience figures, attendance import;
home page section and site search registration."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.index_pages import index_page
from portal.reader_urls import reader_path
from webinars import demo as webinars_demo

from . import admin_views, following
from .listings import organisation_series, upcoming_webinars
from .models import Registration, Speaker, WebinarIndexPage, WebinarPage, WebinarSeriesPage
from .stats import can_see_audience_data


class SpeakerViewSet(SnippetViewSet):
    """Speakers as snippets (reached from the Webinars menu)."""

    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    add_to_admin_menu = False
    list_display = ["name", "organisation", "job_title", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "organisation"]


register_snippet(SpeakerViewSet)


class RegistrationViewSet(ModelViewSet):
    """Registrants' personal data: only for staff granted the registration permissions."""

    model = Registration
    name = "webinar_registrations"
    icon = "group"
    menu_label = _("Registrations")
    add_to_admin_menu = False
    list_display = ["name", "email", "organisation", "country", "webinar", "created_at"]
    list_export = [
        "name",
        "email",
        "organisation",
        "country",
        "language",
        "webinar",
        "created_at",
        "reminded_at",
        "attended",
    ]
    export_filename = "webinar-registrations"
    list_filter = ["created_at", "language"]
    search_fields = ["name", "email", "organisation"]
    form_fields = ["webinar", "user", "name", "email", "organisation", "country", "language"]
    ordering = ["-created_at"]


registration_viewset = RegistrationViewSet()


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    """Registers the registrations' admin views."""
    return registration_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    """The admin pages of audience figures and of the attendance import."""
    return [
        path("webinars/figures/", admin_views.audience_figures_view, name="webinars_figures"),
        path(
            "webinars/attendance/",
            admin_views.import_attendance_view,
            name="webinars_import_attendance",
        ),
    ]


class PermittedMenuItem(MenuItem):
    """A menu item shown only to staff who may see audience data."""

    def is_shown(self, request):
        """Shown to staff who may see audience data only."""
        return can_see_audience_data(request.user)


@hooks.register("register_admin_menu_item")
def register_webinars_menu():
    """The admin's Webinars menu: speakers, and registrations, audience figures and attendance
    import for those who may see audience data."""
    speakers_url = reverse("wagtailsnippets_webinars_speaker:list")
    menu = Menu(
        items=[
            MenuItem(_("Speakers"), speakers_url, icon_name="user", order=100),
            PermittedMenuItem(
                _("Registrations"),
                reverse("webinar_registrations:index"),
                icon_name="group",
                order=200,
            ),
            PermittedMenuItem(
                _("Audience figures"), reverse("webinars_figures"), icon_name="table", order=300
            ),
            PermittedMenuItem(
                _("Import attendance"),
                reverse("webinars_import_attendance"),
                icon_name="upload",
                order=400,
            ),
        ]
    )
    return SubmenuMenuItem(_("Webinars"), menu, icon_name="media", order=270)


@hooks.register("portal_home_sections")
def upcoming_webinars_section(request, locale):
    """The home page's section of the next three sessions the reader may see."""
    webinars = upcoming_webinars(request.user, locale)[:3]
    index = index_page(request, WebinarIndexPage, locale)
    items = [
        {
            "title": w.title,
            "url": w.url,
            "summary": w.listing_summary,
            # Shown on the host's clock and in the reader's own time (session_time.html).
            "starts_at": w.starts_at,
            "time_zone": w.time_zone,
        }
        for w in webinars
    ]
    return {
        "title": _("Upcoming webinars"),
        "url": index.url if index else "",
        "more_label": _("All webinars"),
        "items": items,
        "pillar": "learn",
    }


@hooks.register("register_follow_kinds")
def follow_kinds():
    """Webinar series to follow (``webinars.following``)."""
    return following.kinds()


@hooks.register("portal_timeline")
def timeline_sessions(user, follows, locale, limit):
    """Sessions and recordings of the series the member follows."""
    return following.series_sessions(user, follows, locale, limit)


@hooks.register("library_organisation_sections")
def organisation_webinar_series(request, profile):
    """An organisation profile's section of the webinar series it organises or partners."""
    rows = organisation_series(profile.organisation, request.user, profile.locale)
    roles = {"organiser": _("Organiser"), "partner": _("Partner")}
    return {
        "title": _("Webinar series"),
        "items": [
            {"title": series.title, "url": reader_path(series), "meta": roles[role]}
            for series, role in rows
        ],
    }


@hooks.register("register_search_model")
def search_webinars():
    """Registers sessions with the site search (type ``webinar``)."""
    return {"model": WebinarPage, "label": _("Webinars"), "type": "webinar"}


@hooks.register("register_search_model")
def search_webinar_series():
    """Registers series with the site search (type ``webinar_series``)."""
    return {"model": WebinarSeriesPage, "label": _("Webinar series"), "type": "webinar_series"}


@hooks.register("register_demo_content", order=30)
def load_webinars_demo(command):
    """The demo webinar series and sessions (after the library and communities, which they
    link to)."""
    return webinars_demo.load(command)
