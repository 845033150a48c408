"""Wagtail hooks of the platform team's instruments (each instrument's own module)."""

from insights import (  # noqa: F401 - each module registers its hooks
    dashboard_hooks,
    export_hooks,
    moderation_hooks,
)
