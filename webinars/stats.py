"""Audience figures for staff: registrants, attendees, attendance rate, countries reached."""

from .models import Attendance, Registration


def audience_figures(webinar_keys):
    """Figures over the webinars with these translation keys (one session or a whole series).

    Countries reached are those of registrants who gave one; the attendance rate is attendees
    over registrants (None when nobody registered).
    """
    keys = list(webinar_keys)
    registrations = Registration.objects.filter(webinar_key__in=keys)
    registrants = registrations.count()
    attendees = Attendance.objects.filter(webinar_key__in=keys).count()
    countries = (
        registrations.exclude(country__isnull=True)
        .values_list("country__iso_code", flat=True)
        .distinct()
    )
    countries = sorted(set(countries))
    return {
        "registrants": registrants,
        "attendees": attendees,
        "rate": round(100 * attendees / registrants) if registrants else None,
        "countries": len(countries),
        "country_codes": countries,
    }
