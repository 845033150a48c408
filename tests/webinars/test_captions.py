"""Captions and transcripts of recordings: WebVTT files validated when attached, played as
``<track>``s with a hosted recording, offered for download beside an embedded one, served
under the access policy, and the same in every language."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.factories import UserFactory
from portal.validators import validate_webvtt
from webinars.models import WebinarCaption

VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nBienvenidos al seminario.\n"


def document(name, content):
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content.encode() if isinstance(content, str) else content))
    doc.save()
    return doc


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("00:00:01.000 --> 00:00:04.000\nNo header\n", "must start with “WEBVTT”"),
        ("WEBVTT\n\nNo cue at all, only text.\n", "no caption with valid timings"),
        ("WEBVTT\n\n00:00:01.000 -> 00:00:04.000\nBad arrow\n", "no caption with valid timings"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nCaf\xe9\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_files_that_are_not_webvtt_are_refused_with_a_reason(content, message):
    raw = content if isinstance(content, bytes) else content.encode()
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            validate_webvtt(ContentFile(raw, name="captions.vtt"))
        assert message in " ".join(error.value.messages)


def test_a_webvtt_file_with_a_byte_order_mark_is_accepted():
    validate_webvtt(ContentFile(("\ufeff" + VTT).encode(), name="captions.vtt"))


def test_a_caption_row_refuses_a_bad_file_on_its_document_field(past):
    caption = WebinarCaption(page=past, language="es", document=document("bad.vtt", "hello"))
    with pytest.raises(ValidationError) as error:
        caption.full_clean(exclude=["page"])
    assert "document" in error.value.message_dict


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def _session_form(captions, **fields):
    data = nested_form_data(
        {
            "title": "Overview",
            "slug": "overview",
            "abstract": rich_text(""),
            "summary": rich_text(""),
            "transcript": rich_text("<p>Good morning and welcome.</p>"),
            "start_date": "2024-03-05",
            "start_time": "10:00",
            "time_zone": "Europe/Paris",
            "duration_minutes": "60",
            "registration_mode": "built_in",
            "recording_url": "https://www.youtube.com/watch?v=abcdefghijk",
            "speaker_roles": inline_formset([]),
            "presentations": inline_formset([]),
            "questions": inline_formset([]),
            "related_links": inline_formset([]),
            "captions": inline_formset(captions),
            "action-publish": "publish",
            **fields,
        }
    )
    data["languages"] = ["en"]
    return data


def test_editors_attach_captions_and_a_bad_file_is_a_form_error(admin_client, past):
    url = f"/admin/pages/{past.pk}/edit/"
    bad = document("notes.vtt", "just some notes")
    response = admin_client.post(url, _session_form([{"language": "es", "document": bad.pk}]))
    assert response.status_code == 200
    assert "not a valid WebVTT caption file" in response.content.decode()
    assert not WebinarCaption.objects.exists()

    twice = [{"language": "es", "document": document(f"{n}.vtt", VTT).pk} for n in "ab"]
    response = admin_client.post(url, _session_form(twice))
    assert response.status_code == 200
    assert "Attach one caption file per language." in response.content.decode()
    assert not WebinarCaption.objects.exists()

    good = document("es.vtt", VTT)
    response = admin_client.post(url, _session_form([{"language": "es", "document": good.pk}]))
    assert response.status_code == 302
    past.refresh_from_db()
    assert [(c.language, c.document_id) for c in past.captions.all()] == [("es", good.pk)]
    assert "Good morning" in past.transcript


def _add_captions(page, *languages):
    for language in languages:
        page.captions.create(language=language, document=document(f"{language}.vtt", VTT))
    page.save_revision().publish()


def test_an_embedded_recording_lists_its_captions_and_their_languages(client, past):
    _add_captions(past, "en", "es")
    html = soup(client.get(past.url))
    section = html.find(id="recording-title").parent
    assert "Captions are available in: English, Spanish." in section.get_text(" ", strip=True)
    links = {a["hreflang"]: a["href"] for a in section.select("a[hreflang]")}
    assert set(links) == {"en", "es"}
    response = client.get(links["es"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")
    assert b"".join(response.streaming_content).decode().startswith("WEBVTT")


def test_a_hosted_recording_plays_with_a_track_per_language(client, past):
    past.recording_url = ""
    past.recording_file = document("session.mp4", b"\x00\x00\x00\x18ftypmp42")
    past.transcript = "<p>Good morning and welcome.</p>"
    past.save_revision().publish()
    _add_captions(past, "en", "es")
    html = soup(client.get(past.url.replace("/en/", "/es/", 1)))
    video = html.select_one("video.hosted-recording")
    assert video.select_one("source")["type"] == "video/mp4"
    tracks = {t["srclang"]: t for t in video.select("track")}
    assert set(tracks) == {"en", "es"}
    assert tracks["es"].has_attr("default") and not tracks["en"].has_attr("default")
    assert all(t["kind"] == "captions" for t in tracks.values())
    assert html.find(id="transcript-title") is not None
    assert "Good morning and welcome." in html.get_text()


def test_captions_of_a_members_only_session_are_refused_to_anonymous_readers(client, past, member):
    past.members_only = True
    past.save_revision().publish()
    _add_captions(past, "es")
    url = past.captions.get().document.url
    refused = client.get(url)
    assert refused.status_code == 302 and "/accounts/login/" in refused["Location"]
    client.force_login(member)
    assert client.get(url).status_code == 200
