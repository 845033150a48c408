"""What operators rely on: complete catalogues, a clean deploy check, an idempotent demo."""

import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.core.management import call_command

from tests.crawl import crawl, inline_code

ROOT = Path(__file__).resolve().parent.parent


def catalogues():
    found = []
    for path in sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po")):
        if ".venv" not in path.parts:
            found.append(path)
    return found


def test_there_are_spanish_and_french_catalogues_for_the_portal():
    languages = {path.parts[-3] for path in catalogues()}
    assert {"es", "fr"} <= languages
    assert (ROOT / "locale/es/LC_MESSAGES/django.po").exists()
    assert (ROOT / "locale/fr/LC_MESSAGES/django.po").exists()


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {path}: {untranslated[:10]}"
    assert fuzzy == [], f"fuzzy in {path}: {fuzzy[:10]}"


def test_deploy_check_is_clean_with_production_like_values():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "portal.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
        "DEBUG": "false",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_the_development_secret():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def _row_counts():
    counts = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        counts[model._meta.label] = model._default_manager.count()
    return counts


CANARY = "members-only-canary"
ANONYMOUS_START = [
    "/en/",
    "/es/",
    "/fr/",
    "/sitemap.xml",
    *(f"/api/v2/pages/?limit=100&offset={offset}" for offset in range(0, 1000, 100)),
    # Search for the canary's last word: the page echoes the query, not the canary itself.
    "/en/search/?q=canary",
    "/es/search/?q=canary&lang=all",
    "/en/search/autocomplete/?q=canary",
    "/en/search/autocomplete/?q=members",
]


@pytest.mark.django_db
def test_demo_portal_is_idempotent_and_leaks_nothing_to_anonymous_readers(
    client, settings, tmp_path
):
    """The demo portal loads, a second load changes nothing, and an anonymous crawl of the
    whole site (pages, listings, search, autocomplete, feeds, calendars, sitemap, API) never
    shows members-only content, which a logged-in member does see."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    first = _row_counts()
    assert first["wagtailcore.Page"] > 10
    assert first["portal.MemberProfile"] >= 4
    for code in ("en", "es", "fr"):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    second = _row_counts()
    changed = {
        label: (first[label], second[label]) for label in first if first[label] != second[label]
    }
    assert changed == {}

    anonymous = crawl(client, ANONYMOUS_START)
    assert len(anonymous) > 50
    errors = {url: status for url, (status, _body) in anonymous.items() if status >= 500}
    assert errors == {}
    leaks = [url for url, (_status, body) in anonymous.items() if CANARY in body]
    assert leaks == [], f"members-only content shown to anonymous readers at {leaks}"

    from django.contrib.auth import get_user_model

    member = get_user_model().objects.filter(is_superuser=False, is_active=True).first()
    client.force_login(member)
    seen_by_member = crawl(client, ["/en/", "/en/search/?q=canary&lang=all"])
    assert any(CANARY in body for _status, body in seen_by_member.values())

    # The Content-Security-Policy allows only the site's own scripts and styles: no page of
    # the demo, for anonymous readers or members, carries inline code it would block.
    inline = {
        url: found
        for url, (_status, body) in {**anonymous, **seen_by_member}.items()
        if body.lstrip().startswith("<") and (found := inline_code(body))
    }
    assert inline == {}
