"""Template tags of communities (``{% load community_tags %}``)."""
