"""Following in the library: themes and organisations to follow, and the timeline's new
publications under what a member follows (themes, countries, organisations)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from library.listing import base_queryset
from library.models import Organisation, PublicationPage, library_url, organisation_profiles
from portal.following import Entry, FollowKind
from portal.i18n import locale_codes
from portal.labels import term_label
from portal.locales import default_locale
from portal.models import Theme
from portal.reader_urls import reader_path


class ThemeKind(FollowKind):
    """A theme of the shared taxonomy: the library listing filtered by it."""

    name = "theme"
    label = _("Themes")

    def resolve(self, keys, user, locale):
        """Source-language themes of ``keys``, named in the reader's language."""
        terms = Theme.objects.filter(locale=default_locale(), translation_key__in=keys)
        url = library_url(locale.language_code)
        return {
            str(term.translation_key): {
                "title": term_label(term),
                "url": f"{url}?theme={term.slug}",
            }
            for term in terms
        }


class OrganisationKind(FollowKind):
    """An organisation: its profile page, else the library filtered by it."""

    name = "organisation"
    label = _("Organisations")

    def resolve(self, keys, user, locale):
        """Source-language organisations of ``keys``, with their profile where one exists."""
        terms = list(Organisation.objects.filter(locale=default_locale(), translation_key__in=keys))
        profiles = organisation_profiles(terms, locale.language_code)
        url = library_url(locale.language_code)
        found = {}
        for term in terms:
            profile = profiles.get(term.pk)
            address = profile.url if profile else f"{url}?organisation={term.slug}"
            found[str(term.translation_key)] = {"title": term_label(term), "url": address}
        return found


def kinds():
    """The library's kinds (``register_follow_kinds``)."""
    return [ThemeKind(), OrganisationKind()]


def new_publications(user, follows, locale, limit):
    """The timeline's newest publications under the themes, countries and organisations
    ``user`` follows, as the reader's library lists them; four queries (the publications,
    their themes, countries and organisations), however many are followed."""
    themes, countries = follows.get("theme", set()), follows.get("country", set())
    organisations = follows.get("organisation", set())
    if not (themes or countries or organisations):
        return []
    condition = (
        Q(themes__translation_key__in=themes)
        | Q(countries__translation_key__in=countries)
        | Q(organisations__translation_key__in=organisations)
    )
    matching = PublicationPage.objects.filter(condition).values("pk")
    publications = list(
        base_queryset(user, locale)
        .filter(pk__in=matching)
        .exclude(first_published_at=None)
        .order_by("-first_published_at", "pk")
        .prefetch_related("themes", "countries", "organisations")[:limit]
    )
    codes = locale_codes(None)
    entries = []
    for publication in publications:
        why = [
            term_label(term)
            for relation, keys in (
                (publication.themes, themes),
                (publication.countries, countries),
                (publication.organisations, organisations),
            )
            for term in relation.all()
            if str(term.translation_key) in keys
        ]
        language = codes.get(publication.locale_id, "")
        entries.append(
            Entry(
                at=publication.first_published_at,
                title=publication.title,
                url=reader_path(publication, locale.language_code, translate=False),
                what=str(_("New publication")),
                why=", ".join(why),
                summary=publication.abstract,
                language="" if language == locale.language_code else language,
                key=f"publication:{publication.pk}",
            )
        )
    return entries
