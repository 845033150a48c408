"""URLs of the search app (mounted under the language prefix)."""

app_name = "search"

urlpatterns = []
