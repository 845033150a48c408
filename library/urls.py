"""URLs of the library app (mounted under the language prefix)."""

app_name = "library"

urlpatterns = []
