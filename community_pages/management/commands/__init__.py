"""The communities' management commands."""
