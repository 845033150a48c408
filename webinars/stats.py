"""Audience figures for staff: registrants, attendees, attendance rate, countries reached.

Who may see them (and registrants' data) is asked in one place, ``can_see_audience_data``:
the admin screens and menu items, and the figures box on public webinar and series pages.
"""

from .models import Attendance, Registration

# The permission that opens registrants' data and audience figures, wherever they are shown.
AUDIENCE_DATA_PERMISSION = "webinars.view_registration"


def can_see_audience_data(user):
    """Registrants' data and audience figures: active staff holding the registration
    permission (a staff account without it sees them nowhere)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm(AUDIENCE_DATA_PERMISSION)
    )


def audience_figures(webinar_keys):
    """Figures over the webinars with these translation keys (one session or a whole series).

    Countries reached are those of registrants who gave one; attendees include those who came
    without registering (``walk_ins``); the attendance rate is registered attendees over
    registrants (None when nobody registered).
    """
    keys = list(webinar_keys)
    registrations = Registration.objects.filter(webinar_key__in=keys)
    registrants = registrations.count()
    attendance = Attendance.objects.filter(webinar_key__in=keys)
    attendees = attendance.count()
    walk_ins = attendance.filter(registration__isnull=True).count()
    countries = (
        registrations.exclude(country__isnull=True)
        .values_list("country__iso_code", flat=True)
        .distinct()
    )
    countries = sorted(set(countries))
    return {
        "registrants": registrants,
        "attendees": attendees,
        "walk_ins": walk_ins,
        "rate": round(100 * (attendees - walk_ins) / registrants) if registrants else None,
        "countries": len(countries),
        "country_codes": countries,
    }
