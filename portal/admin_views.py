"""Editors' translation dashboard in the Wagtail admin (Reports → Translations)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal import translation_status as status
from portal.models import NotificationPreference
from portal.models.members import Frequency, NotificationKind
from portal.params import int_param

ROWS_PER_SCREEN = 50
MAX_SCREEN = 10_000


def wants_weekly_report(user):
    """Editors ask for the weekly translation email; nobody gets it unasked."""
    return NotificationPreference.objects.filter(
        user=user, kind=NotificationKind.TRANSLATIONS, frequency=Frequency.IMMEDIATELY
    ).exists()


def _choice(value, options):
    """``value`` if it is one of ``options`` (strings), else None: a stale or hand-typed
    filter shows everything rather than an error."""
    return value if value in options else None


@require_http_methods(["GET", "POST"])
def translation_dashboard(request):
    """The translation dashboard: source pages and their state in each language, filtered by
    section, page type, language and state; POST turns the weekly email report on or off."""
    if request.method == "POST":
        weekly = request.POST.get("weekly") == "on"
        NotificationPreference.objects.update_or_create(
            user=request.user,
            kind=NotificationKind.TRANSLATIONS,
            defaults={"frequency": Frequency.IMMEDIATELY if weekly else Frequency.NEVER},
        )
        messages.success(
            request,
            _("You will get this report by email every Monday.")
            if weekly
            else _("You will no longer get this report by email."),
        )
        return redirect(request.get_full_path())

    languages = status.languages()
    sections = status.sections()
    section = next((s for s in sections if str(s.pk) == request.GET.get("section", "")), None)
    all_pages = status.source_pages(section=section)
    counts = status.summary(all_pages)
    types = {str(row.content_type_id): row for row in counts if row.content_type_id}
    chosen_type = types.get(request.GET.get("type", ""))
    language = dict(languages).get(request.GET.get("language", ""))
    code = request.GET.get("language") if language else None
    state = _choice(request.GET.get("state", ""), status.STATES)

    pages = status.source_pages(
        section=section,
        content_type=chosen_type.content_type_id if chosen_type else None,
    )
    if code and state:
        pages = status.with_states(pages).filter(status.state_filter((code, language), state))
    pages = pages.select_related("locale").order_by("content_type_id", "title", "pk")
    paginator = Paginator(pages, ROWS_PER_SCREEN)
    screen = paginator.get_page(int_param(request.GET, "p", 1, 1, MAX_SCREEN))
    return TemplateResponse(
        request,
        "portal/admin/translation_dashboard.html",
        {
            "languages": [c for c, _l in languages],
            "counts": counts,
            "rows": status.rows(screen.object_list),
            "screen": screen,
            "sections": sections,
            "filters": {
                "section": str(section.pk) if section else "",
                "type": str(chosen_type.content_type_id) if chosen_type else "",
                "language": code or "",
                "state": state or "",
            },
            "types": [row for row in counts if row.content_type_id],
            "states": [
                (status.TRANSLATED, _("Translated")),
                (status.STALE, _("Out of date")),
                (status.MISSING, _("Missing")),
            ],
            "weekly": wants_weekly_report(request.user),
        },
    )
