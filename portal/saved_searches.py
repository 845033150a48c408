"""Saved searches and their alerts: one primitive the apps plug into.

A member saves a search (its text, filters and language) from the page that shows its
results, names it, and chooses how often to hear of new results: at once (checked every
hour), in the daily digest, once a week, or never. Each searchable place is a
:class:`SearchScope` an app registers with the ``register_saved_search_scopes`` hook (the
library's listing, the site search): it normalises a query string, names it, links to it and
finds the results that are new for a saved search, running the search as the member, so
the access policy decides what an alert may hold, as it decides what the search shows.

:func:`send_search_alerts` (hourly, from the scheduler) goes through the searches that are
due and emails what is new since the last alert through :func:`portal.notifications.notify`
(kind "New results of my saved searches", one-click unsubscribe), never an empty email.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.models import AlertFrequency, SavedSearch
from portal.models.members import Frequency, NotificationKind
from portal.notifications import notify, preferred_language
from portal.reader_urls import absolute_url

SCOPES_HOOK = "register_saved_search_scopes"
MAX_PER_MEMBER = 50  # saved searches a member may keep
MAX_ALERTED = 20  # results listed in one alert; the search itself shows the rest
MAX_SEEN = 1000  # result keys a scope without dates remembers per search
# How long after the last check a search is due again; the scheduler runs every hour, a
# little early is on time.
INTERVALS = {
    AlertFrequency.IMMEDIATELY: timedelta(0),
    AlertFrequency.DAILY: timedelta(hours=23),
    AlertFrequency.WEEKLY: timedelta(days=7) - timedelta(hours=1),
}
# What notify() does with each: daily alerts join the daily digest, the others are sent.
NOTIFY_FREQUENCY = {
    AlertFrequency.IMMEDIATELY: Frequency.IMMEDIATELY,
    AlertFrequency.DAILY: Frequency.DAILY,
    AlertFrequency.WEEKLY: Frequency.IMMEDIATELY,
}


@dataclass
class Result:
    """One new result of a saved search, as an alert lists it."""

    key: str
    title: str
    url: str  # a path under the reader's language prefix
    what: str = ""  # its type ("Publication", "Event"…), a lazy translation


@dataclass
class NewResults:
    """What is new for a saved search: how many, the first of them, and the keys a scope
    without dates will remember (None: nothing to remember)."""

    count: int
    results: list
    seen: list | None = None


class SearchScope:
    """One searchable place. Subclasses set ``name`` and ``label`` and define every method."""

    name = ""
    label = ""  # plural, for the saved searches page's groups

    def normalise(self, params):
        """The query string to save for ``params`` (a QueryDict): what the search page
        reads from it, in a stable order, without the page number; "" when there is
        nothing to save (no text and no filter)."""
        raise NotImplementedError

    def describe(self, params, language):
        """A name for the search of ``params`` in ``language`` (the member may change it)."""
        raise NotImplementedError

    def path(self, params, language):
        """The address of the search's results for a reader of ``language``."""
        raise NotImplementedError

    def new_results(self, saved, user, limit=MAX_ALERTED):
        """The :class:`NewResults` of ``saved`` for ``user``: results ``user`` may read that
        are newer than ``saved.new_since`` (or, without dates, not in ``saved.seen``)."""
        raise NotImplementedError

    def seen_now(self, params, user, language):
        """For a scope without dates, the keys of the results ``user`` sees now (remembered
        on saving, so that only later results count as new); None otherwise."""
        return None


def scopes():
    """{name: scope} of every registered scope, in hook order."""
    found = {}
    for fn in hooks.get_hooks(SCOPES_HOOK):
        for scope in fn():
            found[scope.name] = scope
    return found


def query_dict(params):
    """A saved query string as the QueryDict a search page reads."""
    return QueryDict(params or "")


def path_of(saved):
    """The address of ``saved``'s results, under its language's prefix."""
    scope = scopes().get(saved.scope)
    return scope.path(query_dict(saved.params), saved.language) if scope else ""


def is_saved(user, scope_name, params, language):
    """The member's saved search with these normalised ``params``, or None."""
    if not user.is_authenticated or not params:
        return None
    return SavedSearch.objects.filter(
        user=user, scope=scope_name, language=language, params=params
    ).first()


class SaveRefused(Exception):
    """Why a search cannot be saved, in words for the member."""


def save(user, scope, params, language, name=""):
    """Save the search of ``params`` (a QueryDict) in ``scope`` for ``user``: ``(saved,
    created)``; saving the same search again returns the one saved. Raises
    :class:`SaveRefused` when there is nothing to save or the member keeps too many."""
    normalised = scope.normalise(params)
    if not normalised:
        raise SaveRefused(_("There is nothing to save: type some words or choose a filter first."))
    found = is_saved(user, scope.name, normalised, language)
    if found is not None:
        return found, False
    if user.saved_searches.count() >= MAX_PER_MEMBER:
        raise SaveRefused(
            _("You keep %(count)s saved searches, the most there may be: delete one first.")
            % {"count": MAX_PER_MEMBER}
        )
    with translation.override(language):
        name = (name or scope.describe(query_dict(normalised), language))[:120]
    seen = scope.seen_now(query_dict(normalised), user, language)
    try:
        with transaction.atomic():
            saved = SavedSearch.objects.create(
                user=user,
                scope=scope.name,
                language=language,
                params=normalised,
                name=name,
                seen=seen or [],
            )
    except IntegrityError:  # a double click: saved already
        return is_saved(user, scope.name, normalised, language), False
    return saved, True


def new_results(saved, user=None, limit=MAX_ALERTED):
    """The :class:`NewResults` of ``saved`` (for its member by default); none for a scope
    no app registers any more."""
    scope = scopes().get(saved.scope)
    if scope is None:
        return NewResults(0, [])
    with translation.override(saved.language):
        return scope.new_results(saved, user or saved.user, limit)


def mark_seen(saved, found=None, now=None, alerted=False):
    """The member has been told of (or has opened) ``saved``'s results: only later ones are
    new. ``found`` is the :class:`NewResults` just computed, if any; ``alerted``: an alert
    check made it (the next is due an interval after ``now``)."""
    now = now or timezone.now()
    saved.new_since = now
    fields = ["new_since"]
    if alerted:
        saved.alerted_at = now
        fields.append("alerted_at")
    if found is None:
        scope = scopes().get(saved.scope)
        seen = (
            scope.seen_now(query_dict(saved.params), saved.user, saved.language) if scope else None
        )
    else:
        seen = found.seen
    if seen is not None:
        saved.seen = list(dict.fromkeys([*seen, *saved.seen]))[:MAX_SEEN]
        fields.append("seen")
    saved.save(update_fields=fields)


def due(now):
    """A filter of the saved searches whose alert is due at ``now``: never checked, or
    checked at least their frequency's interval ago ("never" is never due)."""
    condition = Q(pk__in=[])
    for frequency, interval in INTERVALS.items():
        condition |= Q(frequency=frequency) & (
            Q(alerted_at__isnull=True) | Q(alerted_at__lte=now - interval)
        )
    return condition


def send_search_alerts(now=None):
    """Check every saved search that is due and tell its member of the new results they may
    read (at once, or in their daily digest), never an empty email. Returns the number of
    alerts sent or queued."""
    now = now or timezone.now()
    told = 0
    searches = (
        SavedSearch.objects.filter(due(now), user__is_active=True)
        .select_related("user", "user__profile")
        .order_by("pk")
    )
    for saved in searches:
        found = new_results(saved)
        if found.count:
            told += alert(saved, found) in ("sent", "queued")
        mark_seen(saved, found, now, alerted=True)
    return told


def alert(saved, found):
    """Email (or queue) one alert of ``saved`` listing ``found``'s results."""
    language = preferred_language(saved.user)
    with translation.override(language):
        manage = absolute_url(reverse("portal:saved_searches"))
        open_url = reverse("portal:open_saved_search", args=[saved.pk])
    return notify(
        saved.user,
        NotificationKind.SAVED_SEARCHES,
        "portal/emails/search_alert",
        {
            "search": saved,
            "count": found.count,
            "results": [{**vars(r), "url": absolute_url(r.url)} for r in found.results],
            "more": found.count - len(found.results),
            "manage_url": manage,
        },
        url=open_url,
        frequency=NOTIFY_FREQUENCY[saved.frequency],
    )
