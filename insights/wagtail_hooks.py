"""Wagtail hooks of the platform team's instruments (each instrument's own module)."""
