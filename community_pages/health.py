"""Community health for staff: activity over time, inactivity, requests that wait, reminders.

The admin's health page (``community_pages.admin_views``) lists every community with what
this module works out, for all communities at once in a fixed number of queries (grouped by
community and month), however many communities there are:

* **activity per month** over the last twelve months, one :class:`ActivitySeries` each
  (posts: discussions and comments; new members; views of its pages, as ``portal.usage``
  counts them), drawn as a small chart per community (a series is added to
  ``ACTIVITY_SERIES``);
* **inactive**: no new discussion, comment, file or event for ``INACTIVITY`` (365 days),
  counted from the community's publication when it has no content at all;
* **requests waiting**: pending for more than ``COMMUNITY_REQUEST_WAIT_DAYS`` days; the
  community's administrators are reminded of them by email (:func:`send_reminders`, daily
  from the scheduler), at most once in that many days, and never with nothing to say.

Other apps add links to a community's row with the ``community_health_row_links`` hook: each
registered function is called with ``(request, community)`` and returns ``(label, url)``
pairs.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Max, Min, Q, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from community_pages.models import (
    AdministratorReminder,
    Comment,
    CommunityEvent,
    CommunityFile,
    CommunityPage,
    Membership,
    Thread,
)
from community_pages.models.pages import INACTIVITY
from portal.charts import Chart, Series
from portal.models import PageView
from portal.models.members import Frequency, NotificationKind
from portal.notifications import notify

MONTHS = 12
ROW_LINKS_HOOK = "community_health_row_links"
REMINDER_TEMPLATE = "community_pages/emails/requests_waiting"


def request_wait():
    """How long a request to join may wait before it is flagged and its administrators are
    reminded (``COMMUNITY_REQUEST_WAIT_DAYS``)."""
    return dt.timedelta(days=settings.COMMUNITY_REQUEST_WAIT_DAYS)


def canonical_communities():
    """Every community once: the first page of each translation group (the one that holds
    memberships and content), in one query."""
    first_pages = CommunityPage.objects.values("translation_key").annotate(first=Min("pk"))
    return CommunityPage.objects.filter(pk__in=first_pages.values("first"))


# -- activity per month -------------------------------------------------------------------


def month_starts(now=None, months=MONTHS):
    """The first instants of the last ``months`` months (the current one last), in the
    current time zone."""
    now = timezone.localtime(now or timezone.now())
    year, month = now.year, now.month
    starts = []
    for _step in range(months):
        starts.append(dt.datetime(year, month, 1, tzinfo=now.tzinfo))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _monthly(queryset, community, moment):
    """``{community id: {(year, month): count}}`` of ``queryset`` grouped by ``community``
    (a field path) and the month of ``moment``: one query."""
    rows = (
        queryset.annotate(month=TruncMonth(moment))
        .values(community, "month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {}
    for row in rows:
        month = row["month"]
        key = (month.year, month.month)
        by_month = counts.setdefault(row[community], {})
        by_month[key] = by_month.get(key, 0) + row["count"]
    return counts


def _add(*countings):
    total = {}
    for counts in countings:
        for community_id, by_month in counts.items():
            into = total.setdefault(community_id, {})
            for month, count in by_month.items():
                into[month] = into.get(month, 0) + count
    return total


def monthly_posts(community_ids, since):
    """Discussions and comments posted (not removed) per community and month since
    ``since``: two queries."""
    threads = Thread.objects.filter(
        community_id__in=community_ids, removed=False, created_at__gte=since
    )
    comments = Comment.objects.filter(
        thread__community_id__in=community_ids, removed=False, created_at__gte=since
    )
    return _add(
        _monthly(threads, "community_id", "created_at"),
        _monthly(comments, "thread__community_id", "created_at"),
    )


def monthly_new_members(community_ids, since):
    """Active members per community and the month they became members (the decision, or
    the membership's creation for those who joined without one) since ``since``: one
    query."""
    members = Membership.objects.filter(
        community_id__in=community_ids, status=Membership.Status.ACTIVE
    ).annotate(joined=Coalesce("decided_at", "created_at"))
    return _monthly(members.filter(joined__gte=since), "community_id", "joined")


@dataclass
class ActivitySeries:
    """One series of the activity charts: its name, and a function counting, for a list of
    community ids and a start instant, ``{community id: {(year, month): count}}`` in a fixed
    number of queries."""

    name: str
    count: object


def monthly_views(community_ids, since):
    """Views of each community's page, in every language and with all its sections (its
    discussions, files, events… are routes of that page), per month since ``since``
    (``portal.usage`` counts them): two queries."""
    keys = dict(
        CommunityPage.objects.filter(pk__in=community_ids).values_list("translation_key", "pk")
    )
    rows = (
        PageView.objects.filter(page__translation_key__in=keys, day__gte=since.date())
        .annotate(month=TruncMonth("day"))
        .values("page__translation_key", "month")
        .annotate(count=Sum("count"))
        .order_by()
    )
    counts = {}
    for row in rows:
        key = (row["month"].year, row["month"].month)
        by_month = counts.setdefault(keys[row["page__translation_key"]], {})
        by_month[key] = by_month.get(key, 0) + row["count"]
    return counts


ACTIVITY_SERIES = [
    ActivitySeries(gettext_lazy("Posts"), monthly_posts),
    ActivitySeries(gettext_lazy("New members"), monthly_new_members),
    ActivitySeries(gettext_lazy("Page views"), monthly_views),
]


def activity_charts(communities, now=None):
    """``{community id: Chart}``: each community's activity per month over the last twelve
    months, every series of ``ACTIVITY_SERIES`` (a fixed number of queries in all)."""
    starts = month_starts(now)
    months = [(start.year, start.month) for start in starts]
    labels = [date_format(start, "M Y") for start in starts]
    ids = [community.pk for community in communities]
    counted = [(series.name, series.count(ids, starts[0])) for series in ACTIVITY_SERIES]
    charts = {}
    for community in communities:
        series = [
            Series(str(name), [counts.get(community.pk, {}).get(month, 0) for month in months])
            for name, counts in counted
        ]
        title = _("Activity per month: %(community)s") % {"community": community.title}
        charts[community.pk] = Chart(title, labels, series, compact=True)
    return charts


# -- inactivity and waiting requests --------------------------------------------------------


def last_content(community_ids):
    """``{community id: instant}`` of the newest discussion, comment, file or event of each
    community (four queries)."""
    latest = {}
    sources = (
        (Thread.objects.filter(removed=False), "community_id"),
        (Comment.objects.filter(removed=False), "thread__community_id"),
        (CommunityFile.objects.all(), "community_id"),
        (CommunityEvent.objects.all(), "community_id"),
    )
    for queryset, community in sources:
        rows = (
            queryset.filter(**{f"{community}__in": community_ids})
            .values(community)
            .annotate(last=Max("created_at"))
            .order_by()
        )
        for row in rows:
            community_id, last = row[community], row["last"]
            if community_id not in latest or last > latest[community_id]:
                latest[community_id] = last
    return latest


def is_inactive(community, last_content_at, now=None):
    """No new discussion, comment, file or event for ``INACTIVITY`` (from the community's
    publication if it has none)."""
    reference = last_content_at or community.first_published_at
    return reference is not None and reference < (now or timezone.now()) - INACTIVITY


def waiting_requests(now=None):
    """Requests to join pending for longer than ``COMMUNITY_REQUEST_WAIT_DAYS``, oldest
    first."""
    cutoff = (now or timezone.now()) - request_wait()
    return (
        Membership.objects.filter(status=Membership.Status.PENDING, created_at__lt=cutoff)
        .select_related("community", "user")
        .order_by("created_at")
    )


@dataclass
class CommunityHealth:
    """A row of the health page: a community and what staff need to know of it."""

    community: CommunityPage
    members: int
    pending: int
    waiting: int
    last_content_at: dt.datetime | None
    inactive: bool
    last_reminded_at: dt.datetime | None
    chart: Chart | None = None
    links: list = field(default_factory=list)


@dataclass
class PendingRequest:
    """A request to join with how long it has waited and whether that is too long."""

    membership: Membership
    age_days: int
    waiting: bool


FILTERS = ("all", "inactive", "waiting")


def community_rows(request=None, show="all", now=None):
    """The health page's rows (``show``: all, inactive, or with requests waiting too long),
    in a fixed number of queries; with ``request``, the rows carry the links of the
    ``community_health_row_links`` hook."""
    now = now or timezone.now()
    cutoff = now - request_wait()
    pending = Q(memberships__status=Membership.Status.PENDING)
    communities = list(
        canonical_communities()
        .annotate(
            members=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE)),
            pending=Count("memberships", filter=pending),
            waiting=Count("memberships", filter=pending & Q(memberships__created_at__lt=cutoff)),
        )
        .select_related("locale")
        .order_by("last_activity_at", "pk")
    )
    ids = [community.pk for community in communities]
    latest = last_content(ids)
    reminded = dict(
        AdministratorReminder.objects.filter(community_id__in=ids)
        .values("community_id")
        .annotate(last=Max("sent_at"))
        .values_list("community_id", "last")
    )
    rows = [
        CommunityHealth(
            community=community,
            members=community.members,
            pending=community.pending,
            waiting=community.waiting,
            last_content_at=latest.get(community.pk),
            inactive=is_inactive(community, latest.get(community.pk), now),
            last_reminded_at=reminded.get(community.pk),
        )
        for community in communities
    ]
    if show == "inactive":
        rows = [row for row in rows if row.inactive and not row.community.archived]
    elif show == "waiting":
        rows = [row for row in rows if row.waiting]
    charts = activity_charts([row.community for row in rows], now)
    for row in rows:
        row.chart = charts[row.community.pk]
        if request is not None:
            row.links = row_links(request, row.community)
    return rows


def pending_requests(show="all", now=None):
    """The pending requests to join, oldest first, each with its age (only those waiting
    too long when ``show`` is "waiting"): one query."""
    now = now or timezone.now()
    cutoff = now - request_wait()
    memberships = Membership.objects.filter(status=Membership.Status.PENDING)
    if show == "waiting":
        memberships = memberships.filter(created_at__lt=cutoff)
    return [
        PendingRequest(m, (now - m.created_at).days, m.created_at < cutoff)
        for m in memberships.select_related("user", "community").order_by("created_at")
    ]


def row_links(request, community):
    """The ``(label, url)`` links other apps add to a community's row
    (``community_health_row_links`` hook, called with ``(request, community)``)."""
    links = []
    for function in hooks.get_hooks(ROW_LINKS_HOOK):
        links.extend(function(request, community) or [])
    return links


# -- reminders to administrators ------------------------------------------------------------


def remind(community, waiting, now=None, sent_by=None):
    """Email ``community``'s active administrators, each in their language, the requests
    ``waiting`` (memberships) with a link to the Manage community page; record the reminder
    when anyone was told. Nothing is sent for no request. Returns how many were emailed
    (or queued for a digest they chose)."""
    if not waiting:
        return 0
    now = now or timezone.now()
    admins = Membership.objects.filter(
        community_id=community.pk, status=Membership.Status.ACTIVE, role=Membership.Role.ADMIN
    ).select_related("user", "user__profile")
    requests = [
        {"membership": membership, "age_days": (now - membership.created_at).days}
        for membership in waiting
    ]
    told = 0
    for admin in admins:
        result = notify(
            admin.user,
            NotificationKind.MEMBERSHIP,
            REMINDER_TEMPLATE,
            {"community": community, "requests": requests, "count": len(requests)},
            page=community,
            url=community.reverse_subpage("manage"),
            frequency=Frequency.IMMEDIATELY,
        )
        told += result != "skipped"
    if told:
        AdministratorReminder.objects.create(
            community=community, sent_at=now, requests=len(requests), sent_by=sent_by
        )
    return told


def remind_now(community, sent_by, now=None):
    """Staff remind a community's administrators from the health page, at once (whatever
    the last reminder): returns ``(requests listed, administrators told)``."""
    now = now or timezone.now()
    waiting = list(waiting_requests(now).filter(community_id=community.pk))
    return len(waiting), remind(community, waiting, now, sent_by=sent_by)


def send_reminders(now=None):
    """Remind the administrators of every community with requests waiting too long, unless
    they were reminded within ``COMMUNITY_REQUEST_WAIT_DAYS``; returns ``(communities
    reminded, administrators told)``."""
    now = now or timezone.now()
    recent = AdministratorReminder.objects.filter(sent_at__gt=now - request_wait())
    by_community = {}
    # An archived community accepts no new members: nothing for its administrators to do.
    waiting = waiting_requests(now).filter(community__archived=False)
    waiting = waiting.exclude(community_id__in=recent.values("community_id"))
    for membership in waiting:
        by_community.setdefault(membership.community, []).append(membership)
    communities = told = 0
    for community, memberships in by_community.items():
        sent = remind(community, memberships, now)
        communities += sent > 0
        told += sent
    return communities, told
