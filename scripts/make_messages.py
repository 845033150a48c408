#!/usr/bin/env python
"""Refresh the Spanish and French catalogues from the source (``make messages``).

The project's own strings go to ``locale/``; each app keeps its catalogue in its own
``locale/`` folder. Run from anywhere: the catalogues written are those of the tree this
script lives in, so the catalogue test runs it on a copy of the source.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "community_pages",
    "library",
    "webinars",
    "glossary",
    "news",
    "programmes",
    "events",
    "search",
    "surveys",
    "insights",
]
LANGUAGES = ["-l", "es", "-l", "fr"]


def make_messages(root=ROOT, python=sys.executable):
    manage = str(root / "manage.py")
    ignored = [f"--ignore={app}/*" for app in APPS]
    common = [*LANGUAGES, "--no-obsolete", "-v0"]

    def run(args, cwd):
        subprocess.run([python, manage, "makemessages", *args], cwd=cwd, check=True)

    run([*common, "--ignore=.venv", *ignored], root)
    for app in APPS:
        run(common, root / app)


if __name__ == "__main__":
    make_messages()
