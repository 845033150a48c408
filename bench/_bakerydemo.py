"""Wagtail's own demo site, wagtail/bakerydemo, set up and served as a yardstick for
``bench/pages.py --bakerydemo``.

bakerydemo is not copied into this repository: ``setup`` exports a pinned commit of the local git
mirror to /tmp/bakerydemo, makes it a Python 3.11 virtualenv with its own base requirements plus
gunicorn and WhiteNoise (and a django-tasks that works on 3.11, see EXTRA_PACKAGES), migrates a
SQLite database, loads bakerydemo's demo content (``load_initial_data``) and collects the static
files. Every step is skipped when its result is already there, so ``setup`` is cheap the second
time.

``start --port PORT`` serves it the way our portal is measured: gunicorn, 2 sync workers,
bakerydemo's production settings (DEBUG off, WhiteNoise and its manifest storage for the static
files, SQLite, the local-memory cache because there is no REDIS_URL, the database search backend
because there is no ELASTICSEARCH_ENDPOINT). The one override, in a settings module of its own
next to the export, turns off the HTTPS redirect production.py hard-codes, since the benchmark
speaks plain HTTP to 127.0.0.1. gunicorn runs in its own session, detached, logging to
/tmp/bakerydemo/gunicorn.log; its pid is in /tmp/bakerydemo/gunicorn.pid. Once the home, the blog
index and a blog post (found in the database) answer 200, it prints one ``NAME URL`` line for
each, and nothing else on stdout; progress goes to stderr.

Usage: python bench/_bakerydemo.py setup | start --port PORT | urls | stop
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

# The last bakerydemo commit before "Upgrade bakerydemo to Django 6.0" (49cda62): Django 5.2 and
# Wagtail 7.2, which run on this machine's Python 3.11 (Django 6 needs Python 3.12).
COMMIT = "3c7e3af163175cdf9bd7b5c0c3fb80297b152724"
MIRROR = Path("/work/.mirror/wagtail+bakerydemo/repo")
HOME = Path("/tmp/bakerydemo")
VENV = HOME / ".venv"
PYTHON = VENV / "bin" / "python"
GUNICORN = VENV / "bin" / "gunicorn"
DATABASE = HOME / "bakerydemo.sqlite3"
MANIFEST = HOME / "bakerydemo" / "collect_static" / "staticfiles.json"
LOG = HOME / "gunicorn.log"
PID_FILE = HOME / "gunicorn.pid"
URLS_FILE = HOME / "gunicorn.urls"
COMMIT_STAMP = HOME / ".bench-commit"
INSTALL_STAMP = HOME / ".bench-installed"
DATA_STAMP = HOME / ".bench-initial-data"
MEDIA = HOME / "bakerydemo" / "media"
# On top of requirements/base.txt: the portal's gunicorn, so both sides run the same server; the
# WhiteNoise that bakerydemo's requirements/production.txt pins (the rest of that file is uWSGI,
# Postgres, S3, Google Cloud, Elasticsearch and Redis clients, all unused here); and django-tasks
# 0.8.1 (Wagtail 7.2 allows >=0.8,<0.10): 0.9.0's slotted TaskResult raises TypeError on Python
# 3.11 at every task enqueued, so load_initial_data fails (RealOrangeOne/django-tasks#223).
EXTRA_PACKAGES = ["gunicorn==27.0.1", "whitenoise==6.6.0", "django-tasks==0.8.1"]
SETTINGS_MODULE = "bench_settings"
SETTINGS = '''"""bakerydemo's production settings for bench/_bakerydemo.py (written by it)."""

from bakerydemo.settings.production import *  # noqa: F403

# production.py forces HTTPS; the benchmark speaks plain HTTP to 127.0.0.1.
SECURE_SSL_REDIRECT = False
'''
START_SECONDS = 60
STOP_SECONDS = 20
# The blog index and its first post, from the database, as JSON on the last line of stdout.
FIND_PAGES = """
import json
from bakerydemo.blog.models import BlogIndexPage, BlogPage
index = BlogIndexPage.objects.live().public().filter(locale__language_code="en")
index = index.order_by("path").first()
post = BlogPage.objects.live().public().child_of(index).order_by("path").first()
print(json.dumps({"blog_index": index.url, "blog_post": post.url}))
"""


def say(message):
    """Progress on stderr: stdout is for the URL lines ``bench/pages.py`` reads."""
    print(f"bakerydemo: {message}", file=sys.stderr, flush=True)


def environment():
    """A clean environment with the variables bakerydemo's settings read.

    Nothing is inherited but the basics: ``bench/pages.py`` exports the portal's own settings
    (DJANGO_SETTINGS_MODULE, DATABASE_URL, REDIS_URL, STATIC_ROOT...), which must not reach
    bakerydemo; left unset, REDIS_URL, ELASTICSEARCH_ENDPOINT, AWS_STORAGE_BUCKET_NAME,
    GS_BUCKET_NAME, BASIC_AUTH_ENABLED and CSP_DEFAULT_SRC keep those features off.
    """
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DJANGO_SECRET_KEY=secrets.token_hex(32),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{DATABASE}",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(*args, capture=False):
    """Runs bakerydemo's ``manage.py`` in its virtualenv; its stdout when ``capture``."""
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=HOME,
        env=environment(),
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else sys.stderr,
    )
    return result.stdout


def export():
    """The pinned commit's files in /tmp/bakerydemo, plus the settings override module."""
    if COMMIT_STAMP.exists() and COMMIT_STAMP.read_text().strip() == COMMIT:
        return
    probe = ["git", "--git-dir", str(MIRROR), "cat-file", "-e", f"{COMMIT}^{{commit}}"]
    if subprocess.run(probe, capture_output=True).returncode:
        sys.exit(f"bakerydemo: commit {COMMIT} is not in the mirror {MIRROR}")
    stop()
    if HOME.exists():
        say(f"removing {HOME}, not an export of {COMMIT[:12]}")
        shutil.rmtree(HOME)
    HOME.mkdir(parents=True)
    say(f"exporting {COMMIT[:12]} to {HOME}")
    archive = subprocess.Popen(
        ["git", "--git-dir", str(MIRROR), "archive", "--format=tar", COMMIT],
        stdout=subprocess.PIPE,
    )
    subprocess.run(["tar", "-x", "-C", str(HOME)], stdin=archive.stdout, check=True)
    archive.stdout.close()
    if archive.wait():
        sys.exit(f"bakerydemo: git archive failed with {archive.returncode}")
    # wsgi.py and manage.py read a .env file and warn in every worker when it is missing.
    (HOME / ".env").write_text("")
    COMMIT_STAMP.write_text(COMMIT + "\n")


def install():
    """The virtualenv with bakerydemo's base requirements, gunicorn and WhiteNoise."""
    wanted = (HOME / "requirements" / "base.txt").read_text() + "\n".join(EXTRA_PACKAGES)
    if PYTHON.exists() and INSTALL_STAMP.exists() and INSTALL_STAMP.read_text() == wanted:
        return
    if not PYTHON.exists():
        python = shutil.which("python3.11")
        if python is None:
            sys.exit("bakerydemo: python3.11 is needed for its virtualenv")
        say(f"creating {VENV}")
        subprocess.run([python, "-m", "venv", str(VENV)], check=True)
    say("installing requirements/base.txt, " + ", ".join(EXTRA_PACKAGES))
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", "requirements/base.txt", *EXTRA_PACKAGES], cwd=HOME, check=True)
    INSTALL_STAMP.write_text(wanted)


def database():
    """A migrated SQLite database with bakerydemo's demo content, loaded once."""
    if DATABASE.exists() and not DATA_STAMP.exists():
        say("removing a database whose demo content was not loaded completely")
        DATABASE.unlink()
    manage("migrate", "--noinput", "-v0")
    if not DATA_STAMP.exists():
        # load_initial_data copies the fixtures' images into MEDIA_ROOT, renaming any already
        # there: start from the empty folder the export has (only its .gitignore).
        for path in MEDIA.iterdir():
            if path.is_dir():
                shutil.rmtree(path)
            elif path.name != ".gitignore":
                path.unlink()
        say("loading the demo content (load_initial_data)")
        manage("load_initial_data")
        DATA_STAMP.write_text(COMMIT + "\n")


def static_files():
    """The static files collected, with WhiteNoise's manifest, once."""
    if not MANIFEST.exists():
        say("collecting the static files")
        manage("collectstatic", "--noinput", "-v0")


def setup():
    """Everything ``start`` needs, each step only when it is missing."""
    export()
    (HOME / f"{SETTINGS_MODULE}.py").write_text(SETTINGS)
    install()
    database()
    static_files()
    say(f"ready in {HOME}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Reports a redirect as the answer instead of following it: a 301 is not a 200."""

    def redirect_request(self, *args, **kwargs):
        """Follows no redirect."""
        return None


def status(url):
    """The HTTP status of a GET of ``url``, redirects not followed; None when it fails."""
    try:
        with urllib.request.build_opener(NoRedirect).open(url, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def running_pid():
    """The pid of the gunicorn this script started, if it is still running."""
    try:
        pid = int(PID_FILE.read_text().strip())
        command = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, ValueError, IndexError):
        return None
    return pid if str(GUNICORN) in command and state != "Z" else None


def stop():
    """Stops the gunicorn in the pid file, if any: SIGTERM, then SIGKILL after 20 s."""
    pid = running_pid()
    if pid is not None:
        say(f"stopping gunicorn {pid}")
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        while running_pid() is not None and time.monotonic() < deadline:
            time.sleep(0.2)
        if running_pid() is not None:
            os.killpg(pid, signal.SIGKILL)
            time.sleep(0.5)
    PID_FILE.unlink(missing_ok=True)
    URLS_FILE.unlink(missing_ok=True)


def start(port):
    """gunicorn in the background on ``port``; prints the three URLs once they answer 200."""
    if not (MANIFEST.exists() and DATA_STAMP.exists() and GUNICORN.exists()):
        sys.exit("bakerydemo: not set up; run python bench/_bakerydemo.py setup")
    stop()
    command = [str(GUNICORN), "bakerydemo.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--worker-class", "sync", "--chdir", str(HOME)]
    # gunicorn 27's control socket defaults to one path per user, ~/.gunicorn/gunicorn.ctl,
    # which the benchmark's other gunicorns would share; this server does not need one.
    command += ["--no-control-socket"]
    with LOG.open("ab") as log:
        server = subprocess.Popen(
            command,
            cwd=HOME,
            env=environment(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
    PID_FILE.write_text(f"{server.pid}\n")
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while status(base + "/") != 200:
        if server.poll() is not None:
            PID_FILE.unlink(missing_ok=True)
            sys.exit(f"bakerydemo: gunicorn exited with {server.returncode}; see {LOG}")
        if time.monotonic() > deadline:
            stop()
            sys.exit(f"bakerydemo: no 200 from {base}/ within {START_SECONDS} s; see {LOG}")
        time.sleep(0.5)
    pages = json.loads(manage("shell", "-c", FIND_PAGES, capture=True).strip().splitlines()[-1])
    urls = {"home": base + "/", **{name: base + path for name, path in pages.items()}}
    for url in urls.values():  # also makes the images' renditions before anyone measures
        code = status(url)
        if code != 200:
            stop()
            sys.exit(f"bakerydemo: {url} answered {code}; see {LOG}")
    URLS_FILE.write_text(json.dumps(urls))
    say(f"gunicorn {server.pid} serving {base}/, log {LOG}")
    print_urls()


def print_urls():
    """The ``NAME URL`` lines of the running server, or an error when none runs."""
    if running_pid() is None or not URLS_FILE.exists():
        sys.exit("bakerydemo: not running; run python bench/_bakerydemo.py start --port PORT")
    for name, url in json.loads(URLS_FILE.read_text()).items():
        print(name, url)


def main():
    """Parses the command line and runs the command."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("setup", help="export, install, migrate, load the demo content (once)")
    starting = commands.add_parser("start", help="serve under gunicorn, print the URLs")
    starting.add_argument("--port", type=int, required=True)
    commands.add_parser("urls", help="print the URLs of the running server again")
    commands.add_parser("stop", help="stop the server started by start")
    args = parser.parse_args()
    if args.command == "setup":
        setup()
    elif args.command == "start":
        start(args.port)
    elif args.command == "urls":
        print_urls()
    else:
        stop()


if __name__ == "__main__":
    main()
