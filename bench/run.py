"""Run every benchmark of the portal and print its figures.

Usage: python bench/run.py [name ...]   (names: the bench/<name>.py modules; default all
but bench/load.py and bench/pages.py, which run only when named)

Each benchmark builds its own data in a database of its own (SQLite by default,
PostgreSQL when its options say so) and prints p50/p95 server times and query counts.
They are run by hand or by `make bench`, never by the test suite.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Run only when named: they take minutes and start gunicorn (bench/load.py also stops
# services; bench/pages.py needs wrk).
NAMED_ONLY = {"load", "pages"}


def main(names):
    available = sorted(
        p.stem for p in HERE.glob("*.py") if p.stem != "run" and not p.stem.startswith("_")
    )
    chosen = names or [name for name in available if name not in NAMED_ONLY]
    unknown = sorted(set(chosen) - set(available))
    if unknown:
        sys.exit(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available)}")
    failed = []
    for name in chosen:
        print(f"== bench/{name}.py ==", flush=True)
        if subprocess.call([sys.executable, str(HERE / f"{name}.py")], cwd=HERE.parent):
            failed.append(name)
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main(sys.argv[1:])
