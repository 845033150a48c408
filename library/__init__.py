"""The library: publications, their taxonomy, listing, search, citations, feeds and OAI-PMH."""
