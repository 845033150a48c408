"""Spanish and French: complete catalogue, translated series, fallback for untranslated pages."""

import datetime as dt
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from portal.demo_utils import translate_instance
from webinars.registration import register, send_confirmation

LOCALE_DIR = Path(settings.BASE_DIR) / "webinars" / "locale"


@pytest.mark.parametrize("language", ["es", "fr"])
def test_catalogue_is_complete(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert po.percent_translated() == 100
    assert not [e.msgid for e in po if "fuzzy" in e.flags]


def test_translated_series_renders_in_spanish(
    client, series, upcoming, django_capture_on_commit_callbacks
):
    index = series.get_parent().specific
    with django_capture_on_commit_callbacks(execute=True):
        translate_instance(index, "es", {"Webinars": "Webinarios"})
    # Each translation is published when its own transaction commits, as in real use.
    with django_capture_on_commit_callbacks(execute=True):
        translate_instance(
            series, "es", {"Gender and social protection": "Género y protección social"}
        )
    spanish = series.get_translation(series.locale.__class__.objects.get(language_code="es"))
    response = client.get(spanish.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert spanish.url.startswith("/es/")
    assert "Género y protección social" in html
    assert "Seguir esta serie" in html
    assert "not been translated" not in html


def test_untranslated_webinar_falls_back_with_a_notice_in_french(client, upcoming):
    path = upcoming.url.replace("/en/", "/fr/", 1)
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Financial inclusion" in html
    assert 'class="notice notice-fallback"' in html
    assert "S&#x27;inscrire" in html or "S'inscrire" in html


def test_confirmation_email_in_the_registrants_language(upcoming):
    registration, _created = register(upcoming, email="a@example.org", name="Amina", language="fr")
    send_confirmation(registration)
    assert mail.outbox[-1].subject == "Inscription confirmée : Financial inclusion"
    assert "Bonjour Amina" in mail.outbox[-1].body


def test_speakers_read_in_the_readers_language_even_on_a_fallback_page(client, upcoming, locales):
    speaker = upcoming.speaker_roles.get().speaker
    spanish = speaker.copy_for_translation(locales["es"])
    spanish.job_title = "Investigadora"
    spanish.save()
    html = client.get(upcoming.url.replace("/en/", "/es/", 1)).content.decode()
    assert "Investigadora" in html
    assert "Moderador/a" in html


def test_related_content_reads_in_the_readers_language(
    client, series, upcoming, home, locales, django_capture_on_commit_callbacks
):
    """A Spanish reader of a session follows its series' community and its related pages
    under their Spanish titles, where they are translated, on the Spanish page and on an
    untranslated session's fallback alike."""
    from community_pages.factories import CommunityIndexPageFactory, CommunityPageFactory
    from portal.factories import StandardPageFactory

    directory = CommunityIndexPageFactory(parent=home)
    community = CommunityPageFactory(
        parent=directory, title="Gender community", slug="gender-community", privacy="open"
    )
    guide = StandardPageFactory(parent=home, slug="guide", title="Guide to cash plus")
    untranslated = StandardPageFactory(parent=home, slug="notes", title="Field notes")
    series.community = community
    series.save_revision().publish()
    upcoming.related_links.create(related_page=guide)
    upcoming.related_links.create(related_page=untranslated)
    upcoming.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        for page, strings in (
            (home, {}),
            (directory, {}),
            (community, {"Gender community": "Comunidad de género"}),
            (guide, {"Guide to cash plus": "Guía de cash plus"}),
        ):
            translate_instance(page, "es", strings)
    for html in (
        client.get(upcoming.url.replace("/en/", "/es/", 1)).content.decode(),
        client.get(series.url.replace("/en/", "/es/", 1)).content.decode(),
    ):
        assert "Comunidad de género" in html and "Gender community" not in html
    session = client.get(upcoming.url.replace("/en/", "/es/", 1)).content.decode()
    assert "Guía de cash plus" in session and "Guide to cash plus" not in session
    assert "Field notes" in session  # no translation yet: the source, never nothing
    assert client.get(upcoming.url).content.decode().count("Gender community") >= 1


def test_followers_are_told_in_their_language_with_a_link_to_their_language(
    series, member, django_capture_on_commit_callbacks
):
    """A recording added to the English session reaches its Spanish translation on publish,
    and a Spanish-speaking follower's email names the session and series in Spanish and
    links to the Spanish page; an English follower's stays English."""
    from django.contrib.auth import get_user_model

    from portal.models import MemberProfile
    from webinars.factories import WebinarPageFactory
    from webinars.models import SeriesFollow

    past = WebinarPageFactory(
        parent=series,
        title="Overview",
        slug="overview",
        starts_at=timezone.now() - dt.timedelta(days=3),
        time_zone="Europe/Paris",
    )
    index = series.get_parent().specific
    with django_capture_on_commit_callbacks(execute=True):
        translate_instance(index, "es", {"Webinars": "Webinarios"})
        translate_instance(series, "es", {"Gender and social protection": "Género y protección"})
        translate_instance(past, "es", {"Overview": "Panorama general"})
    spanish_reader = get_user_model().objects.create_user("lucia", "lucia@example.org", "x")
    MemberProfile.objects.update_or_create(
        user=spanish_reader, defaults={"preferred_language": "es"}
    )
    for user in (spanish_reader, member):
        SeriesFollow.objects.create(user=user, series=series)
    mail.outbox.clear()
    past.recording_url = "https://www.youtube.com/watch?v=abcdefghijk"
    with django_capture_on_commit_callbacks(execute=True):
        past.save_revision().publish()
    by_address = {message.to[0]: message for message in mail.outbox}
    spanish = by_address["lucia@example.org"]
    assert "Panorama general" in spanish.subject + spanish.body
    assert "Género y protección" in spanish.body
    assert "/es/" in spanish.body and "/en/" not in spanish.body.split("--")[0]
    english = by_address[member.email]
    assert "Overview" in english.subject + english.body and "/en/" in english.body
