"""Template tags of the portal's layout."""
