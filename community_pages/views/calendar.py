"""A community's calendar: its events (members add them), one event, iCalendar files."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone

from community_pages import calendar as community_calendar
from community_pages import services
from community_pages.forms import EventForm
from community_pages.models import CommunityEvent
from community_pages.views.frame import (
    content,
    deny,
    posted_form,
    readable_item,
    reader_rights,
    render,
)
from portal import calendars
from portal.access import visible_queryset


def event_list(request, community):
    """Events from 90 days ago on; members who may post add new ones here."""
    rights = reader_rights(request, community)
    if not rights.read:
        return deny(request)
    if request.method == "POST" and not rights.post:
        raise PermissionDenied
    form, status = None, 200
    if rights.post:
        form = EventForm(request.POST or None, initial={"time_zone": "UTC"})
        # A refused event comes back with its errors and 200, as the calendar always has.
        saved, status = posted_form(request, form, invalid_status=200)
        if saved:
            services.add_event(request.user, community, form.save(commit=False))
            return redirect(request.path)
    events = content(CommunityEvent, community).filter(
        end__gte=timezone.now() - timezone.timedelta(days=90)
    )
    feed_url = None
    if rights.is_member or rights.staff:
        feed_url = community_calendar.feed_url(request.user)
    return render(
        request,
        community,
        "community_pages/calendar.html",
        {"events": events, "form": form, "feed_url": feed_url},
        status=status,
    )


def _readable_event(request, community, item_id):
    return readable_item(request, content(CommunityEvent, community), item_id)


def event_detail(request, community, item_id):
    """One event, to those who may read the community."""
    event = _readable_event(request, community, item_id)
    if event is None:
        return deny(request)
    return render(request, community, "community_pages/event.html", {"event": event})


def event_ics(request, community, item_id):
    """One event as an iCalendar file."""
    event = _readable_event(request, community, item_id)
    if event is None:
        return deny(request)
    return calendars.calendar_response(
        community_calendar.events_calendar([event]), f"event-{event.pk}.ics"
    )


def calendar_feed(request, token):
    """A member's subscribable feed: events of every community they may read."""
    user = community_calendar.feed_user(token)
    if user is None:
        raise Http404
    events = visible_queryset(CommunityEvent.objects.all(), user).order_by("start")
    events = events.filter(end__gte=timezone.now() - timezone.timedelta(days=365))
    return calendars.calendar_response(
        community_calendar.events_calendar(events.select_related("community")),
        "community-events.ics",
        attachment=False,
        private=True,
    )
