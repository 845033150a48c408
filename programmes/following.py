"""Following programmes and countries, and the timeline's programme profiles: new ones in a
followed country and followed ones brought up to date."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.following import Entry, FollowKind
from portal.index_pages import index_page
from portal.labels import term_label
from portal.locales import default_locale
from portal.models import Country
from portal.reader_urls import reader_path

from .listing import visible_programmes
from .models import ProgrammeIndexPage


class CountryKind(FollowKind):
    """A country: its page, which gathers programmes, publications, webinars and
    communities (the programmes index's ``country/<code>/``)."""

    name = "country"
    label = _("Countries")

    def resolve(self, keys, user, locale):
        """Source-language countries of ``keys``, named in the reader's language."""
        index = index_page(None, ProgrammeIndexPage, locale)
        found = {}
        for country in Country.objects.filter(locale=default_locale(), translation_key__in=keys):
            url = ""
            if index is not None and country.iso_code:
                url = reader_path(index, locale.language_code, translate=False)
                url += index.reverse_subpage("country", args=[country.iso_code.lower()])
            found[str(country.translation_key)] = {"title": term_label(country), "url": url}
        return found


class ProgrammeKind(FollowKind):
    """A programme profile, in the reader's language where translated."""

    name = "programme"
    label = _("Programmes")

    def resolve(self, keys, user, locale):
        """The programmes of ``keys`` the reader may read, in their language if translated
        (else the source's)."""
        return {
            str(page.translation_key): {
                "title": page.title,
                "url": reader_path(page, locale.language_code, translate=False),
            }
            for page in _readable(user, locale, Q(translation_key__in=keys))
        }


def _readable(user, locale, condition):
    """Programmes matching ``condition`` that ``user`` may read, one per translation key, in
    ``locale`` where translated."""
    chosen = {}
    for language in (locale, default_locale()):
        for page in visible_programmes(user, language).filter(condition):
            chosen.setdefault(page.translation_key, page)
    return list(chosen.values())


def kinds():
    """The programmes' kinds (``register_follow_kinds``)."""
    return [CountryKind(), ProgrammeKind()]


def programme_updates(user, follows, locale, limit):
    """The timeline's programme profiles: new ones in followed countries and followed ones
    published again (figures brought up to date), newest first; two queries."""
    countries, followed = follows.get("country", set()), follows.get("programme", set())
    if not (countries or followed):
        return []
    condition = Q(countries__translation_key__in=countries) | Q(translation_key__in=followed)
    visible = visible_programmes(user, locale).filter(condition).distinct()
    entries = []
    for page in visible.order_by("-last_published_at", "pk").prefetch_related("countries")[:limit]:
        if str(page.translation_key) in followed:
            what, at, why = _("Programme profile updated"), page.last_published_at, ""
        else:
            what, at = _("New programme profile"), page.first_published_at
            why = ", ".join(
                term_label(c) for c in page.countries.all() if str(c.translation_key) in countries
            )
        entries.append(
            Entry(
                at=at,
                title=page.title,
                url=reader_path(page, locale.language_code, translate=False),
                what=str(what),
                why=why,
                summary=page.listing_summary,
                key=f"programme:{page.pk}",
            )
        )
    return entries
