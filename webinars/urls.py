"""URLs of the webinars app (mounted under the language prefix)."""

app_name = "webinars"

urlpatterns = []
