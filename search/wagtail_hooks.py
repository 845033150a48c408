"""The search app's part in the portal's hooks."""

from wagtail import hooks

from search import saved_searches


@hooks.register("register_saved_search_scopes")
def saved_search_scopes():
    """The site search as a saved search (``search.saved_searches``)."""
    return saved_searches.scopes()
