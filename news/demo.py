"""Demo content of the news app (placeholder replaced below)."""


def load(command):
    """Load the demo news."""
    return []
