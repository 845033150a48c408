"""Demo content of the glossary (placeholder, replaced below)."""


def load(command):
    """Load the demo glossary."""
    return []
