"""Calendar files: one event, or a member's subscribable feed (per-user signed token)."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from icalendar import Calendar, Event

FEED_SALT = "community_pages.calendar_feed"


def event_ics(events, request=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Social Protection Knowledge Portal//Communities//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Community events")
    for item in events:
        event = Event()
        event.add("uid", f"community-event-{item.pk}@portal")
        event.add("summary", item.title)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("dtstamp", item.created_at)
        if item.description:
            event.add("description", item.description)
        location = item.online_url if item.online else item.location
        if location:
            event.add("location", location)
        calendar.add_component(event)
    return calendar.to_ical()


def feed_token(user):
    return signing.dumps(user.pk, salt=FEED_SALT)


def feed_user(token):
    try:
        pk = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=pk, is_active=True).first()


def feed_url(request, user):
    return request.build_absolute_uri(
        reverse("community_pages:calendar_feed", args=[feed_token(user)])
    )
