"""Pages side by side: the portal's pages from the page cache and without it, a static file
(the machine's ceiling) and, with ``--bakerydemo``, Wagtail's own demo site, in one
interleaved run; then the SQL queries of every page type.

Builds (once) a SQLite database of its own with the demo content, collects the static
files, and starts two gunicorn servers with the production settings (DEBUG off, Redis as
the cache, 2 sync workers each): one with the anonymous page cache on
(``PAGE_CACHE_SECONDS=300``), one with it off. Each round measures every target with wrk
(8 connections, ``--seconds`` each) in turn, so a change in the machine's load reaches all of
them alike; the figures are the medians over the rounds. wrk comes from Debian
(``apt-get install wrk``); the script says so when it is missing.

Targets: the home page, the library listing, a publication page and a webinar page, each
cached and uncached; a static file served by WhiteNoise from the same server; with
``--bakerydemo`` (``bench/_bakerydemo.py`` sets it up outside the repository and serves it
under gunicorn, 2 sync workers, SQLite) its home, blog index and a blog post.

Then, in this process, the queries of one live page of every page type, as an anonymous
reader sees it uncached (the page cache off), the first view making renditions.

Usage: python bench/pages.py [--rounds 3] [--seconds 8] [--bakerydemo] [--rebuild]
"""

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# bench/load.py's server helpers (importing it sets defaults this script overrides below).
from load import free_port, stop_gunicorn  # noqa: E402

DATABASE = Path("/tmp/bench_pages.sqlite3")
STATIC_ROOT = "/tmp/bench_pages_static"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ["REDIS_URL"] = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
os.environ["CACHE_KEY_PREFIX"] = "bench-pages"
os.environ["ELASTICSEARCH_URL"] = ""
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
os.environ.setdefault("SECRET_KEY", "bench-pages-" + secrets.token_hex(24))
os.environ["SECURE_SSL_REDIRECT"] = "false"
os.environ["ALLOWED_HOSTS"] = "127.0.0.1"
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
os.environ["STATIC_ROOT"] = STATIC_ROOT
os.environ["MEDIA_ROOT"] = "/tmp/bench_pages_media"
os.environ["PRIVATE_MEDIA_ROOT"] = "/tmp/bench_pages_media_private"
os.environ["BASE_URL"] = "http://127.0.0.1"


def manage(*args, quiet=False):
    """Runs ``manage.py`` with this benchmark's settings."""
    output = subprocess.DEVNULL if quiet else None
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True, stdout=output)


def build(rebuild):
    """The demo content in the benchmark's own database, and the static files."""
    if rebuild and DATABASE.exists():
        DATABASE.unlink()
    fresh = not DATABASE.exists()
    manage("compilemessages", "--ignore=.venv", "-v0")
    manage("migrate", "--noinput", "-v0")
    if fresh:
        manage("load_demo_content", quiet=True)
    if rebuild or not Path(STATIC_ROOT, "staticfiles.json").exists():
        manage("collectstatic", "--noinput", "-v0")


def start(port, page_cache_seconds, log):
    """gunicorn with 2 sync workers and the page cache on or off; waits until it answers."""
    import requests

    env = {**os.environ, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--worker-class", "sync", "--error-logfile", log]
    command += ["--no-control-socket"]  # gunicorn's default socket is one file for all servers
    with open(log, "ab") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, start_new_session=True, stdout=output, stderr=output
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited with {process.returncode}; see {log}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/en/", timeout=5).status_code == 200:
                return process
        except requests.RequestException:
            pass
        time.sleep(0.5)
    stop_gunicorn(process)
    sys.exit(f"gunicorn did not answer within 60 s; see {log}")


def portal_paths():
    """The paths measured: home, library, a publication, a webinar, a static file."""
    import django

    django.setup()
    from library.models import LibraryIndexPage, PublicationPage
    from webinars.models import WebinarPage

    def first(pages):
        page = pages.live().public().filter(locale__language_code="en").first()
        if page is None:
            sys.exit(f"no live {pages.model.__name__} in {DATABASE}: run with --rebuild")
        return page.url

    manifest = json.loads(Path(STATIC_ROOT, "staticfiles.json").read_text())
    return {
        "home": "/en/",
        "library": first(LibraryIndexPage.objects.all()),
        "publication": first(PublicationPage.objects.filter(members_only=False)),
        "webinar": first(WebinarPage.objects.all()),
        "static": "/static/" + manifest["paths"]["portal/css/portal.css"],
    }


def wrk(url, seconds):
    """``(requests/s, non-2xx answers)`` of wrk with 2 threads and 8 connections."""
    result = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", url], capture_output=True, text=True, check=True
    )
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result.stdout)
    return rate, int(errors.group(1)) if errors else 0


def bakerydemo_targets():
    """bakerydemo's home, blog index and a blog post, served by bench/_bakerydemo.py."""
    script = [sys.executable, str(ROOT / "bench" / "_bakerydemo.py")]
    port = free_port()
    subprocess.run([*script, "setup"], check=True)
    started = subprocess.run(
        [*script, "start", "--port", str(port)], check=True, capture_output=True, text=True
    )
    urls = dict(line.split(" ", 1) for line in started.stdout.split("\n") if " http" in line)
    return {f"bakerydemo {name}": url.strip() for name, url in urls.items()}


def measure(targets, rounds, seconds):
    """Median requests/s of every target over interleaved rounds."""
    for url in targets.values():  # warm: renditions, the cache, the workers' imports
        wrk(url, 2)
    rates = {name: [] for name in targets}
    errors = dict.fromkeys(targets, 0)
    for number in range(rounds):
        for name, url in targets.items():
            rate, failed = wrk(url, seconds)
            rates[name].append(rate)
            errors[name] += failed
        print(f"round {number + 1}/{rounds} done, load {os.getloadavg()[0]:.1f}", flush=True)
    return {name: statistics.median(values) for name, values in rates.items()}, errors


def report(rates, errors):
    """The table of requests/s and the ratios the issue's targets name."""
    print(f"\n{'target':32} {'req/s':>9} {'non-2xx':>8}")
    for name, rate in rates.items():
        print(f"{name:32} {rate:9.1f} {errors[name]:8}")
    ratios = [
        ("cached home / static file", "cached home", "static file"),
        ("cached home / bakerydemo home", "cached home", "bakerydemo home"),
        ("uncached home / bakerydemo home", "uncached home", "bakerydemo home"),
        ("uncached library / bakerydemo blog index", "uncached library", "bakerydemo blog_index"),
        (
            "uncached publication / bakerydemo post",
            "uncached publication",
            "bakerydemo blog_post",
        ),
        ("uncached webinar / bakerydemo post", "uncached webinar", "bakerydemo blog_post"),
        ("cached library / uncached library", "cached library", "uncached library"),
    ]
    print()
    for label, top, bottom in ratios:
        if top in rates and bottom in rates and rates[bottom]:
            print(f"{label:44} {rates[top] / rates[bottom]:6.2f}x")


def page_type_queries():
    """The SQL queries of one live page of every page type, for an anonymous reader."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from wagtail.models import Page, get_page_models

    client = Client(HTTP_HOST="127.0.0.1")
    print(f"\n{'page type':34} {'queries':>7}  page")
    with override_settings(PAGE_CACHE_SECONDS=0):
        for model in sorted(get_page_models(), key=lambda m: m.__name__):
            if model is Page:
                continue
            page = model.objects.live().public().filter(locale__language_code="en").first()
            if page is None:
                continue
            client.get(page.url)  # renditions are made on the first view
            with CaptureQueriesContext(connection) as queries:
                status = client.get(page.url).status_code
            print(f"{model.__name__:34} {len(queries):7}  {page.url} ({status})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--bakerydemo", action="store_true", help="also bakerydemo's pages")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")
    build(args.rebuild)
    paths = portal_paths()
    cached_port, uncached_port = free_port(), free_port()
    servers = [
        start(cached_port, 300, "/tmp/bench-pages-cached.log"),
        start(uncached_port, 0, "/tmp/bench-pages-uncached.log"),
    ]
    try:
        targets = {"static file": f"http://127.0.0.1:{cached_port}{paths.pop('static')}"}
        for name, path in paths.items():
            targets[f"cached {name}"] = f"http://127.0.0.1:{cached_port}{path}"
            targets[f"uncached {name}"] = f"http://127.0.0.1:{uncached_port}{path}"
        if args.bakerydemo:
            targets.update(bakerydemo_targets())
        print(f"2 cores, load {os.getloadavg()[0]:.1f}; wrk -t2 -c8, {args.seconds} s per target")
        rates, errors = measure(targets, args.rounds, args.seconds)
        report(rates, errors)
    finally:
        for server in servers:
            stop_gunicorn(server)
        if args.bakerydemo:
            subprocess.run([sys.executable, str(ROOT / "bench" / "_bakerydemo.py"), "stop"])
    page_type_queries()


if __name__ == "__main__":
    main()
