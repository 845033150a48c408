"""What operators rely on: complete catalogues, a clean deploy check, an idempotent demo."""

import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import quote

import polib
import pytest
from django.apps import apps
from django.core.management import call_command

from library.models import PublicationPage
from portal.models import Country, Theme
from portal.validators import validate_webvtt
from scripts.import_graph import APPS
from tests.crawl import crawl, inline_code
from webinars.models import WebinarCaption

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


def test_every_string_of_the_source_is_in_the_catalogues(tmp_path):
    """Extract every translatable string from the source (``make messages`` on a copy of
    the tree) and find each one translated, not fuzzy, in the Spanish and French catalogues:
    a string nobody extracted yet is as untranslated as an empty entry."""
    from scripts.make_messages import make_messages

    copy = tmp_path / "source"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "media*",
            "var",
            "test-artifacts",
            "node_modules",
            "*.sqlite3",
            "__pycache__",
            "*.mo",
        ),
    )
    make_messages(copy)
    missing = {}
    for path in sorted(copy.glob("**/locale/*/LC_MESSAGES/django.po")):
        catalogue = polib.pofile(str(path))
        entries = catalogue.untranslated_entries() + catalogue.fuzzy_entries()
        # A plural string needs every form its language has (Spanish has three: the third is
        # the one most numbers take), or readers get the English text.
        forms = int(re.search(r"nplurals=(\d+)", catalogue.metadata["Plural-Forms"]).group(1))
        entries += [
            entry
            for entry in catalogue.translated_entries()
            if entry.msgid_plural
            and sorted(k for k, v in entry.msgstr_plural.items() if v) != list(range(forms))
        ]
        if entries:
            missing[str(path.relative_to(copy))] = [entry.msgid for entry in entries][:10]
    assert missing == {}, f"strings missing from the catalogues (run make messages): {missing}"


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


ANONYMOUS_START = [
    "/en/",
    "/es/",
    "/fr/",
    "/sitemap.xml",
    *(f"/api/v2/pages/?limit=100&offset={offset}" for offset in range(0, 1000, 100)),
    "/en/search/autocomplete/?q=members",
]
# A marker must be long enough not to be an everyday word of the interface ("Webinars").
MARKER_LENGTH = 16
# The portal's own apps (the import graph's list: one list of them).
PORTAL_APPS = set(APPS)


def members_only_markers():
    """The titles of the demo's restricted content, read from what each item declares (a
    members-only publication; anything of a community other than an open one, of a working
    group, or a community's members-only files), less every title or name public content
    also carries. The demo plants no marker of its own: readers would meet it."""
    from community_pages.models import CommunityPage

    open_communities = {
        f"c{pk}" for pk in CommunityPage.objects.filter(privacy="open").values_list("pk", flat=True)
    }
    restricted, public = set(), set()
    for model in apps.get_models():
        # Only the portal's own models: Wagtail's tables (pages, the search index) hold every
        # title, restricted or not, and the page types themselves say which they are.
        if model._meta.proxy or model._meta.app_label not in PORTAL_APPS:
            continue
        names = {field.name for field in model._meta.get_fields()}
        if "audience" not in names:
            # Unrestricted rows (taxonomy terms, people) are public whatever their name.
            for field in {"title", "name"} & names:
                public.update(model._default_manager.values_list(field, flat=True))
            continue
        if "title" not in names:
            continue
        for audience, title in model._default_manager.values_list("audience", "title"):
            if audience == "public" or audience in open_communities:
                public.add(title)
            else:
                restricted.add(title)
    return sorted(t for t in restricted - public if len(t) >= MARKER_LENGTH)


def leaked(markers, body):
    text = unescape(body)
    return [marker for marker in markers if marker in text]


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
    # The demo keeps the translation rule: relations of translations point at source rows.
    assert not Country.objects.exclude(region=None).exclude(region__locale__language_code="en")
    assert not Theme.objects.exclude(parent=None).exclude(parent__locale__language_code="en")
    assert not PublicationPage.objects.exclude(document_type=None).exclude(
        document_type__locale__language_code="en"
    )
    assert not PublicationPage.objects.exclude(themes=None).exclude(
        themes__locale__language_code="en"
    )

    captions = WebinarCaption.objects.select_related("document")
    assert captions.count() >= 2
    for caption in captions:
        with caption.document.open_file() as file:
            validate_webvtt(file)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    second = _row_counts()
    changed = {
        label: (first[label], second[label]) for label in first if first[label] != second[label]
    }
    assert changed == {}

    markers = members_only_markers()
    assert len(markers) >= 10, markers
    # Search for restricted titles: a results page echoes the query, so search for its words
    # in another order, which finds the item without repeating the marker.
    searches = [
        f"/{code}/search/?q={quote(' '.join(reversed(marker.split())))}&lang=all"
        for marker in markers[:6]
        for code in ("en", "es")
    ] + [f"/en/search/autocomplete/?q={quote(markers[0][:12])}"]
    anonymous = crawl(client, ANONYMOUS_START + searches)
    assert len(anonymous) > 50
    errors = {url: status for url, (status, _body) in anonymous.items() if status >= 500}
    assert errors == {}
    leaks = {
        url: found for url, (_status, body) in anonymous.items() if (found := leaked(markers, body))
    }
    assert leaks == {}, f"members-only content shown to anonymous readers: {leaks}"

    from django.contrib.auth import get_user_model

    member = get_user_model().objects.filter(is_superuser=False, is_active=True).first()
    client.force_login(member)
    seen_by_member = crawl(client, ["/en/", *searches])
    assert any(leaked(markers, body) for _status, body in seen_by_member.values())

    # The Content-Security-Policy allows only the site's own scripts and styles: no page of
    # the demo, for anonymous readers or members, carries inline code it would block.
    inline = {
        url: found
        for url, (_status, body) in {**anonymous, **seen_by_member}.items()
        if body.lstrip().startswith("<") and (found := inline_code(body))
    }
    assert inline == {}
