"""Demo content of the programmes app (filled in below)."""


def load(command):
    """Load nothing yet."""
    return []
