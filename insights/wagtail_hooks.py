"""Wagtail hooks of the platform team's instruments (each instrument's own module)."""

from insights import export_hooks  # noqa: F401 - registers the exports' hooks
