"""URLs of the library app (mounted under the language prefix, beside the library pages)."""

from django.urls import path, re_path

from library import views
from library.feeds import LibraryAtomFeed, LibraryFeed

app_name = "library"

urlpatterns = [
    path("library/feed/rss/", LibraryFeed(), name="feed_rss"),
    path("library/feed/atom/", LibraryAtomFeed(), name="feed_atom"),
    path("library/submit/", views.submit, name="submit"),
    path("library/download/<int:file_id>/", views.download, name="download"),
    re_path(
        r"^library/cite/(?P<page_id>\d+)\.(?P<fmt>bib|ris|json)$", views.citation, name="citation"
    ),
]
