"""Load and fault benchmark: U concurrent users for D seconds under gunicorn on PostgreSQL.

Builds (once) its own PostgreSQL database with the demo content and U member accounts of the
open demo community, starts gunicorn with the production settings (DEBUG off) on a free port
of 127.0.0.1, and runs U users (threads, ``requests``) for D seconds doing a mix of:

* anonymous reads: home, the library listing with a query and facets, facets alone, site
  search, autocomplete, publication pages, community pages, the library's RSS feed;
* logged-in reads (half the users are members with a session): the community's discussions,
  a discussion, their profile, the library;
* writes by the members: comments on the community's discussions and new discussions, each
  carrying a unique marker. A write is acknowledged when the portal answers with the redirect
  to the saved item; at the end the markers are looked up in the database (acknowledged versus
  found, and found without an acknowledgement).

The portal's rate limits stay as configured (``community_post``: 20/m per client address,
5/m and 60/h per member). Every user sends its own X-Forwarded-For address (gunicorn's peer,
127.0.0.1, is the trusted proxy) and a member writes at most once every ``--write-interval``
seconds (default 15 s, under 5 a minute), so a 429 in the figures is a limit that misfired.

Scenarios (``--scenario``): ``normal``; ``redis-down`` (Redis shut down from D/3 to 2D/3, then
restarted with ``scripts/services redis``); ``postgres-down`` (the PostgreSQL cluster stopped
with ``pg_ctlcluster 15 main stop -m fast`` at D/3 for ``--outage`` seconds, default 20, then
started); ``elasticsearch-down`` (``scripts/elasticsearch stop`` from D/3 to 2D/3, then
``start``). Outage scenarios also print the answers before, during and after the outage. A 503
with Retry-After while PostgreSQL is down is expected; any other 5xx is a bug.

Prints requests/s, p50/p95/p99 latency, answers by status and by kind of request, and the
writes acknowledged versus found. Everything is on loopback (services on another host are
refused, since the scenarios stop them) and bounded: at most 200 users and 900 seconds.

Environment (defaults): DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load,
REDIS_URL=redis://127.0.0.1:6379/0, ELASTICSEARCH_URL=http://127.0.0.1:9200 (indexes under the
prefix ``load_``; set ELASTICSEARCH_URL= to use the database search engine).

Usage: python bench/load.py [--scenario normal|redis-down|postgres-down|elasticsearch-down]
                            [--users 50] [--duration 300] [--workers 4] [--threads 4]
                            [--outage 20] [--think 0.5] [--rebuild]
                            [--elasticsearch-script PATH]   (default: this checkout's)
"""

import argparse
import http.cookiejar
import os
import random
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MAX_USERS, MAX_DURATION = 200, 900
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
COMMUNITY = "gender-sensitive-social-protection"  # the demo's open community
PUBLIC_COMMUNITY = "ssc-for-children"
STATIC_ROOT = "/tmp/bench_load_static"
SCENARIOS = ("normal", "redis-down", "postgres-down", "elasticsearch-down")

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_load")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
os.environ.setdefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
os.environ.setdefault("SEARCH_INDEX_PREFIX", "load_")
os.environ.setdefault("CACHE_KEY_PREFIX", "load")
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
os.environ.setdefault("SECRET_KEY", "bench-load-" + secrets.token_hex(24))
os.environ["SECURE_SSL_REDIRECT"] = "false"  # plain HTTP on loopback, no TLS proxy
os.environ["ALLOWED_HOSTS"] = "127.0.0.1"
os.environ["TRUSTED_PROXIES"] = "127.0.0.1"
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
os.environ["STATIC_ROOT"] = STATIC_ROOT
os.environ.setdefault("MEDIA_ROOT", "/tmp/bench_load_media")
os.environ.setdefault("PRIVATE_MEDIA_ROOT", "/tmp/bench_load_media_private")


def percentile(ordered, fraction):
    """Nearest-rank percentile of a sorted list (as bench/_timing.py)."""
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def check_loopback():
    for name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"):
        value = os.environ.get(name, "")
        host = urlparse(value).hostname
        if value and host not in LOOPBACK:
            sys.exit(f"{name} must point at loopback (this benchmark stops services): {value}")


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True)


# -- the database ------------------------------------------------------------------------


def create_database(rebuild):
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = config["NAME"]
    if config["ENGINE"] != "django.db.backends.postgresql":
        sys.exit("bench/load.py runs on PostgreSQL (DATABASE_URL=postgres://...)")
    admin = psycopg.connect(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"] or "postgres",
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and rebuild:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    return not exists


def build(users, rebuild):
    """Migrate, load the demo content, index it; then ``users`` accounts with sessions."""
    created = create_database(rebuild)
    started = time.monotonic()
    manage("compilemessages", "--ignore=.venv", "-v0")
    manage("migrate", "--noinput", "-v0")
    if not Path(STATIC_ROOT, "staticfiles.json").exists() or rebuild:
        manage("collectstatic", "--noinput", "-v0")
    import django

    django.setup()
    from community_pages.models import CommunityPage

    if created or not CommunityPage.objects.filter(slug=COMMUNITY).exists():
        subprocess.run(
            [sys.executable, "manage.py", "load_demo_content"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        if os.environ.get("ELASTICSEARCH_URL"):
            manage("update_index")
    plan = accounts(users)
    print(f"setup: {time.monotonic() - started:.0f} s", flush=True)
    return plan


def accounts(count):
    """``count`` members of the open community, each with a session and a CSRF secret, and
    the URLs the users read."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connections

    from community_pages.models import CommunityPage, Membership, Thread
    from library.models import LibraryIndexPage, PublicationPage
    from portal.models import Theme

    User = get_user_model()
    community = CommunityPage.objects.get(slug=COMMUNITY, locale__language_code="en")
    public = CommunityPage.objects.get(slug=PUBLIC_COMMUNITY, locale__language_code="en")
    members = []
    for i in range(count):
        user, _ = User.objects.get_or_create(
            username=f"load{i}", defaults={"email": f"load{i}@example.org"}
        )
        Membership.objects.get_or_create(
            community=community,
            user=user,
            defaults={"role": Membership.Role.MEMBER, "status": Membership.Status.ACTIVE},
        )
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        members.append(
            {
                "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
                f"{settings.CSRF_COOKIE_NAME}={csrf}",
                "csrf": csrf,
            }
        )
    community_url = path_of(community)  # /en/communities/<slug>/
    threads = list(
        Thread.objects.filter(community=community, removed=False)
        .order_by("pk")
        .values_list("pk", flat=True)[:10]
    )
    library = LibraryIndexPage.objects.filter(locale__language_code="en").first()
    publications = [
        path_of(p) for p in PublicationPage.objects.live().filter(locale__language_code="en")[:30]
    ]
    themes = list(
        Theme.objects.filter(locale__language_code="en").values_list("slug", flat=True)[:5]
    )
    connections.close_all()
    if not threads:
        sys.exit(f"no discussion in the community {COMMUNITY}: load the demo content")
    return {
        "members": members,
        "community": community_url,
        "public": path_of(public),
        "threads": [f"{community_url}discussions/{pk}/" for pk in threads],
        "library": path_of(library),
        "publications": publications,
        "themes": themes or [""],
    }


def path_of(page):
    """The path of a page's URL (``page.url`` is absolute when there are several sites)."""
    return urlparse(page.url).path


def count_found(run):
    """Markers of this run found in the database: comments and discussions."""
    from django.db import connections

    from community_pages.models import Comment, Thread

    connections.close_all()
    pattern = re.compile(rf"loadmark-{run}-\d+-\d+")
    found = set()
    for body in Comment.objects.filter(body__contains=f"loadmark-{run}-").values_list(
        "body", flat=True
    ):
        found.update(pattern.findall(body))
    for body in Thread.objects.filter(body__contains=f"loadmark-{run}-").values_list(
        "body", flat=True
    ):
        found.update(pattern.findall(body))
    connections.close_all()
    return found


# -- gunicorn ----------------------------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port, workers, threads, log):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        "--timeout",
        "60",
        "--graceful-timeout",
        "10",
        "--error-logfile",
        log,
        "--forwarded-allow-ips",
        "127.0.0.1",
        "--no-control-socket",  # gunicorn's default socket is one file for every server
    ]
    with open(log, "ab") as output:  # the portal's own log records go to stderr
        process = subprocess.Popen(
            command, cwd=ROOT, start_new_session=True, stdout=output, stderr=output
        )
    import requests

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited with {process.returncode}; see {log}")
        try:
            requests.get(f"http://127.0.0.1:{port}/en/", timeout=5)
            return process
        except requests.RequestException:
            time.sleep(0.5)
    stop_gunicorn(process)
    sys.exit(f"gunicorn did not answer within 60 s; see {log}")


def stop_gunicorn(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# -- the outages -------------------------------------------------------------------------


def sh(*command):
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        print(f"  ! {' '.join(command)}: {result.returncode} {result.stderr.strip()}", flush=True)
    return result.returncode


def wait_postgres(limit=60):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if not subprocess.call(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]):
            return True
        time.sleep(0.5)
    return False


OUTAGES = {
    # scenario: (stop, start)
    "redis-down": (
        lambda: sh("redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"),
        lambda: sh("scripts/services", "redis"),
    ),
    "postgres-down": (
        lambda: sh("pg_ctlcluster", "15", "main", "stop", "-m", "fast"),
        lambda: (sh("pg_ctlcluster", "15", "main", "start"), wait_postgres()),
    ),
    "elasticsearch-down": (
        lambda: sh(PATHS["elasticsearch"], "stop"),
        lambda: sh(PATHS["elasticsearch"], "start"),
    ),
}
# scripts/elasticsearch stops only the node its own checkout started (its var/ holds the pid):
# from a worktree, pass the script of the checkout that started the node.
PATHS = {"elasticsearch": str(ROOT / "scripts" / "elasticsearch")}


def answers(scenario):
    """Whether the stopped service still answers (then the outage did not happen)."""
    if scenario == "redis-down":
        command = ["redis-cli", "-h", "127.0.0.1", "ping"]
    elif scenario == "postgres-down":
        command = ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]
    else:
        command = ["curl", "-fsS", "-m", "2", os.environ["ELASTICSEARCH_URL"]]
    return subprocess.run(command, capture_output=True).returncode == 0


class Outage:
    """Stops a service at ``start`` seconds for ``length`` seconds (times since the run began)."""

    def __init__(self, scenario, began, start, length, stop_event):
        self.scenario, self.began, self.start, self.length = scenario, began, start, length
        self.stop_event = stop_event
        self.down_at = self.up_at = None  # monotonic times: stop issued, service back
        self.restarted = self.failed = False
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        stop, start = OUTAGES[self.scenario]
        if self.stop_event.wait(max(0, self.began + self.start - time.monotonic())):
            return
        print(f"  {self.scenario}: stopping at t={time.monotonic() - self.began:.0f} s", flush=True)
        self.down_at = time.monotonic()
        stop()
        if answers(self.scenario):
            self.failed = True
            print(f"  ! {self.scenario}: the service still answers after the stop", flush=True)
        self.stop_event.wait(max(0, self.down_at + self.length - time.monotonic()))
        self.restore()

    def restore(self):
        if self.restarted or self.down_at is None:
            return
        self.restarted = True
        stop, start = OUTAGES[self.scenario]
        print(f"  {self.scenario}: starting at t={time.monotonic() - self.began:.0f} s", flush=True)
        start()
        self.up_at = time.monotonic()
        print(
            f"  {self.scenario}: back at t={self.up_at - self.began:.0f} s "
            f"(down {self.up_at - self.down_at:.0f} s)",
            flush=True,
        )

    def phase(self, t):
        if self.down_at is None or t < self.down_at:
            return "before"
        if self.up_at is None or t < self.up_at:
            return "during"
        return "after"


# -- the users ---------------------------------------------------------------------------


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.records = []  # (start, seconds, status, kind, retry_after)
        self.acknowledged = set()
        self.attempted = 0
        self.bugs = []  # (status, method, url)

    def add(self, start, seconds, status, kind, retry_after=False, method="GET", url=""):
        with self.lock:
            self.records.append((start, seconds, status, kind, retry_after))
            if isinstance(status, int) and status >= 500 and status != 503 and len(self.bugs) < 20:
                self.bugs.append((status, method, url))


def user_loop(index, plan, base, args, results, end, run):
    import requests

    rng = random.Random(index)
    session = requests.Session()
    session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    session.headers["X-Forwarded-For"] = f"10.77.{index // 250}.{index % 250 + 1}"
    member = plan["members"][index] if index % 2 == 0 else None
    if member:
        session.headers["Cookie"] = member["cookie"]
    library = plan["library"]
    anonymous = [
        (4, "home", lambda: "/en/"),
        (
            3,
            "library-query",
            lambda: f"{library}?q=social+protection&theme={rng.choice(plan['themes'])}",
        ),
        (2, "library-facets", lambda: f"{library}?theme={rng.choice(plan['themes'])}&type=report"),
        (
            3,
            "search",
            lambda: f"/en/search/?q={rng.choice(['cash transfers', 'pensions', 'gender'])}",
        ),
        (2, "autocomplete", lambda: "/en/search/autocomplete/?q=soc"),
        (3, "publication", lambda: rng.choice(plan["publications"])),
        (2, "community", lambda: rng.choice([plan["public"], plan["community"]])),
        (1, "feed", lambda: "/en/library/feed/rss/"),
    ]
    logged_in = [
        (3, "m-discussions", lambda: f"{plan['community']}discussions/"),
        (4, "m-thread", lambda: rng.choice(plan["threads"])),
        (1, "m-profile", lambda: "/en/profile/"),
        (2, "m-library", lambda: f"{library}?q=gender"),
        (2, "m-home", lambda: "/en/"),
    ]
    choices = logged_in if member else anonymous
    weights = [w for w, _, _ in choices]
    next_write = time.monotonic() + rng.uniform(0, args.write_interval)
    seq = 0
    while time.monotonic() < end:
        now = time.monotonic()
        if member and now >= next_write:
            next_write = now + args.write_interval
            seq += 1
            marker = f"loadmark-{run}-{index}-{seq}"
            if rng.random() < 0.8:
                kind, url = "w-comment", rng.choice(plan["threads"])
                data = {"body": f"Load comment {marker}"}
                expect = "#comment-"
            else:
                kind, url = "w-discussion", f"{plan['community']}discussions/"
                data = {"title": f"Load discussion {seq}", "body": f"Load discussion {marker}"}
                expect = "/discussions/"
            data["csrfmiddlewaretoken"] = member["csrf"]
            with results.lock:
                results.attempted += 1
            status, seconds, response = request(session, "POST", base + url, data)
            location = response.headers.get("Location", "") if response is not None else ""
            if status == 302 and expect in location:
                with results.lock:
                    results.acknowledged.add(marker)
            results.add(now, seconds, status, kind, retry(response), "POST", url)
        else:
            _, kind, make = rng.choices(choices, weights)[0]
            url = make()
            status, seconds, response = request(session, "GET", base + url)
            results.add(now, seconds, status, kind, retry(response), "GET", url)
        time.sleep(rng.uniform(0, 2 * args.think))


def retry(response):
    return response is not None and "Retry-After" in response.headers


def request(session, method, url, data=None):
    import requests

    started = time.monotonic()
    try:
        response = session.request(method, url, data=data, timeout=30, allow_redirects=False)
        response.content  # noqa: B018 (read the whole body)
        return response.status_code, time.monotonic() - started, response
    except requests.Timeout:
        return "timeout", time.monotonic() - started, None
    except requests.RequestException as error:
        with ERRORS_LOCK:
            ERRORS[f"{method} {type(error).__name__}: {str(error)[-90:]}"] += 1
        return "connection-error", time.monotonic() - started, None


ERRORS, ERRORS_LOCK = Counter(), threading.Lock()  # the client's exceptions, by text


# -- the report --------------------------------------------------------------------------


def report(args, results, began, elapsed, outage, found, log):
    records = results.records
    latencies = sorted(r[1] for r in records)
    print(
        f"\nscenario {args.scenario}: {args.users} users, {elapsed:.0f} s, "
        f"gunicorn {args.workers} workers x {args.threads} threads, think 0-{2 * args.think:.1f} s"
    )
    print(
        f"requests: {len(records)}  requests/s: {len(records) / elapsed:.1f}  "
        f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms  "
        f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms  "
        f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms  "
        f"max {latencies[-1] * 1000 if latencies else 0:.0f} ms"
    )
    statuses = Counter(r[2] for r in records)
    print("by status: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items(), key=str)))
    by_kind = defaultdict(list)
    for r in records:
        by_kind[r[3]].append(r)
    print(f"{'kind':<16}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}  statuses")
    for kind in sorted(by_kind):
        rows = by_kind[kind]
        times = sorted(r[1] for r in rows)
        counts = Counter(r[2] for r in rows)
        print(
            f"{kind:<16}{len(rows):>7}{percentile(times, 0.5) * 1000:>9.0f}"
            f"{percentile(times, 0.95) * 1000:>9.0f}{percentile(times, 0.99) * 1000:>9.0f}  "
            + ", ".join(f"{s}: {n}" for s, n in sorted(counts.items(), key=str))
        )
    if outage is not None:
        print(
            "outage: "
            + (
                f"down at t={outage.down_at - began:.0f} s, back at t={outage.up_at - began:.0f} s"
                if outage.down_at and outage.up_at
                else "did not happen"
            )
            + (" -- BUT THE SERVICE STILL ANSWERED AFTER THE STOP" if outage.failed else "")
        )
        phases = defaultdict(list)
        for r in records:
            phases[outage.phase(r[0])].append(r)
        for phase in ("before", "during", "after"):
            rows = phases.get(phase, [])
            counts = Counter(r[2] for r in rows)
            times = sorted(r[1] for r in rows)
            retry_503 = sum(1 for r in rows if r[2] == 503 and r[4])
            print(
                f"  {phase:<7} {len(rows):>6} requests, p50 {percentile(times, 0.5) * 1000:.0f} ms"
                f" p95 {percentile(times, 0.95) * 1000:.0f} ms; "
                + ", ".join(f"{s}: {n}" for s, n in sorted(counts.items(), key=str))
                + (f" (503 with Retry-After: {retry_503})" if counts.get(503) else "")
            )
            writes = Counter(r[2] for r in rows if r[3].startswith("w-"))
            if writes:
                print(
                    "          writes: "
                    + ", ".join(f"{s}: {n}" for s, n in sorted(writes.items(), key=str))
                )
        if outage.up_at:
            first_ok = min(
                (r[0] + r[1] for r in records if r[0] >= outage.up_at and r[2] in (200, 302)),
                default=None,
            )
            if first_ok is not None:
                print(
                    f"  first success after the service was back: {first_ok - outage.up_at:.1f} s"
                )
    acknowledged = results.acknowledged
    print(
        f"writes: attempted {results.attempted}, acknowledged {len(acknowledged)}, "
        f"found {len(found & acknowledged)} of the acknowledged, lost {len(acknowledged - found)}, "
        f"found without acknowledgement {len(found - acknowledged)}"
    )
    if acknowledged - found:
        print("  lost: " + ", ".join(sorted(acknowledged - found)[:20]))
    for text, n in ERRORS.most_common(5):
        print(f"  connection error x{n}: {text}")
    bugs = sum(n for s, n in statuses.items() if isinstance(s, int) and s >= 500 and s != 503)
    print(f"5xx other than 503: {bugs}")
    for status, method, url in results.bugs:
        print(f"  {status} {method} {url}")
    text = Path(log).read_text(errors="replace") if Path(log).exists() else ""
    logged = Counter(re.findall(r"^(CRITICAL|ERROR|WARNING) (\S+)", text, re.MULTILINE))
    print(
        f"gunicorn's log ({log}): {text.count('Traceback (most recent call last)')} tracebacks; "
        "log records: "
        + (
            ", ".join(f"{level} {name}: {n}" for (level, name), n in sorted(logged.items()))
            or "none"
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=SCENARIOS, default="normal")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=300, help="seconds")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--outage", type=int, default=20, help="seconds PostgreSQL is down")
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between requests")
    parser.add_argument("--write-interval", type=float, default=15.0, help="seconds per member")
    parser.add_argument(
        "--elasticsearch-script",
        default=PATHS["elasticsearch"],
        help="the scripts/elasticsearch of the checkout that started the node",
    )
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the database")
    args = parser.parse_args()
    if not 1 <= args.users <= MAX_USERS or not 10 <= args.duration <= MAX_DURATION:
        sys.exit(f"--users 1..{MAX_USERS}, --duration 10..{MAX_DURATION}")
    if args.scenario == "postgres-down" and not 1 <= args.outage <= min(120, args.duration // 2):
        sys.exit("--outage 1..120 seconds, at most half the duration")
    check_loopback()
    PATHS["elasticsearch"] = args.elasticsearch_script
    if args.scenario == "elasticsearch-down" and not os.environ.get("ELASTICSEARCH_URL"):
        sys.exit("elasticsearch-down needs ELASTICSEARCH_URL")
    if args.scenario == "postgres-down" and not shutil.which("pg_ctlcluster"):
        sys.exit("postgres-down needs pg_ctlcluster (Debian's PostgreSQL)")

    plan = build(args.users, args.rebuild)
    port = free_port()
    log = f"/tmp/load-gunicorn-{args.scenario}.log"
    Path(log).unlink(missing_ok=True)
    gunicorn = start_gunicorn(port, args.workers, args.threads, log)
    base = f"http://127.0.0.1:{port}"
    run = secrets.token_hex(4)
    results = Results()
    stop_event = threading.Event()
    outage = None
    try:
        began = time.monotonic()
        end = began + args.duration
        if args.scenario != "normal":
            length = args.outage if args.scenario == "postgres-down" else args.duration / 3
            outage = Outage(args.scenario, began, args.duration / 3, length, stop_event)
            outage.thread.start()
        users = [
            threading.Thread(
                target=user_loop, args=(i, plan, base, args, results, end, run), daemon=True
            )
            for i in range(args.users)
        ]
        for user in users:
            user.start()
        for user in users:
            user.join(timeout=max(1, end - time.monotonic() + 60))
        elapsed = time.monotonic() - began
    finally:
        stop_event.set()
        if outage is not None:
            outage.thread.join(timeout=120)
            outage.restore()  # whatever happened, the service is started again
        stop_gunicorn(gunicorn)
    if args.scenario == "postgres-down":
        wait_postgres()
    found = count_found(run)
    report(args, results, began, elapsed, outage, found, log)


if __name__ == "__main__":
    main()
