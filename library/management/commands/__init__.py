"""The library's management commands."""
