"""The programme index's sub-pages: a country's page and the comparison of programmes.

``ProgrammeIndexPage`` (a routable page) names the routes and calls these views with itself,
so every sub-page lives under the index's URL in each language.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.locales import default_locale
from portal.models import Country

from .listing import compared_programmes, country_context

MIN_COMPARED = 2
MAX_COMPARED = 3


def render(request, index_page, template, context, status=200):
    """A sub-page of the index, with the index as the page (menus, languages, title)."""
    return TemplateResponse(request, template, {"page": index_page, **context}, status=status)


def country_view(request, index_page, code):
    """A country's page: 404 for a code that is no country of the taxonomy."""
    country = Country.objects.filter(locale=default_locale(), iso_code__iexact=code[:2]).first()
    if country is None or len(code) != 2:
        raise Http404("No such country")
    context = country_context(index_page, request, country)
    return render(request, index_page, "programmes/country_page.html", context)


def parse_ids(values):
    """The programme ids asked for (``?p=``), in order without repeats, and the error to
    show the reader instead (``None`` when the ids are usable)."""
    ids = []
    for value in values:
        value = value.strip()
        if not value.isdigit() or len(value) > 12:
            return [], _("A programme was asked for by something that is not a number.")
        if int(value) not in ids:
            ids.append(int(value))
    if not MIN_COMPARED <= len(ids) <= MAX_COMPARED:
        return ids, ngettext(
            "Choose two or three programmes to compare; you chose %(count)d.",
            "Choose two or three programmes to compare; you chose %(count)d.",
            len(ids),
        ) % {"count": len(ids)}
    return ids, None


def compare_view(request, index_page):
    """Two or three programmes side by side; a clear message (status 400) when the choice
    cannot be compared: not numbers, too few or too many, or programmes the reader cannot
    see (which are not told apart from programmes that do not exist)."""
    ids, error = parse_ids(request.GET.getlist("p"))
    programmes = []
    if error is None:
        programmes = compared_programmes(request.user, index_page.locale, ids)
        if len(programmes) != len(ids):
            error = _("Some of the programmes chosen could not be found.")
            programmes = []
    context = {"programmes": programmes, "error": error}
    status = 400 if error else 200
    return render(request, index_page, "programmes/compare_page.html", context, status=status)
