"""Wagtail hooks of the platform team's instruments (each instrument's own module)."""

from insights import moderation_hooks  # noqa: F401
