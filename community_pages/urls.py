"""URLs of the community_pages app outside a community's own routes (under the language prefix)."""

from django.urls import path

from community_pages import feeds
from community_pages.views import calendar, invitations

app_name = "community_pages"

urlpatterns = [
    path("community/invitation/<slug:token>/", invitations.invitation_view, name="invitation"),
    path("community/calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("community/feed-links/renew/", invitations.renew_feed_links, name="renew_feed_links"),
    path(
        "community/<int:community_pk>/feed/<str:token>.rss",
        feeds.personal_feed,
        name="community_feed",
    ),
]
