"""URLs of the community_pages app (mounted under the language prefix)."""

app_name = "community_pages"

urlpatterns = []
