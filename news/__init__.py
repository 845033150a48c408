"""News: the portal's up-to-date news articles, one news section per language."""
