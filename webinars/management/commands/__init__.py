"""The webinars app's management commands."""
