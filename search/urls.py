"""URLs of the search app (mounted under the language prefix)."""

from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("search/", views.search_view, name="search"),
    path("search/autocomplete/", views.autocomplete_view, name="autocomplete"),
]
