"""Member submissions: validated upload, draft in the moderation workflow, outcome by email."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from library.models import PublicationPage
from portal.factories import UserFactory
from tests.library.conftest import make_pdf


def form_data(**overrides):
    data = {
        "title": "Cash plus in Ghana",
        "abstract": "How LEAP links cash with health insurance.",
        "authors": "Mensah, Kwame",
        "year": "2022",
        "keywords": "LEAP, Ghana",
    }
    data.update(overrides)
    return data


def pdf_upload(content=None, name="leap.pdf"):
    return SimpleUploadedFile(
        name, content if content is not None else make_pdf("LEAP"), "application/pdf"
    )


def test_anonymous_visitors_are_asked_to_log_in(client, library):
    response = client.get("/en/library/submit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_member_submission_becomes_a_draft_in_the_moderation_workflow(
    member_client, member, library, taxonomy
):
    response = member_client.post(
        "/en/library/submit/",
        {
            **form_data(themes=[taxonomy["cash"].pk], countries=[taxonomy["brazil"].pk]),
            "file": pdf_upload(),
        },
    )
    assert response.status_code == 200
    assert "has been sent to the editors" in response.content.decode()
    page = PublicationPage.objects.get(title="Cash plus in Ghana")
    assert not page.live
    assert page.submitted_by == member and page.owner == member
    assert page.get_parent().pk == library["en"].pk
    assert page.workflow_in_progress
    assert page.files.count() == 1
    assert sorted(page.keywords.names()) == ["Ghana", "LEAP"]
    assert [r.slug for r in page.regions.all()] == ["lac"]


def test_submission_in_spanish_goes_to_the_spanish_library(client, library):
    client.force_login(UserFactory(username="lucia"))
    client.post("/es/library/submit/", {**form_data(), "external_url": "https://example.org/leap"})
    page = PublicationPage.objects.get(title="Cash plus in Ghana")
    assert page.locale.language_code == "es"


def test_submissions_get_slugs_in_their_own_language(client, library):
    client.force_login(UserFactory(username="lucia"))
    data = {**form_data(title="Protección social en Perú"), "external_url": "https://example.org"}
    client.post("/es/library/submit/", data)
    client.post("/es/library/submit/", data)
    slugs = sorted(PublicationPage.objects.values_list("slug", flat=True))
    assert slugs == ["protección-social-en-perú", "protección-social-en-perú-1"]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: pdf_upload(b"MZ\x90\x00 not a pdf", name="virus.exe"), "not accepted"),
        (lambda: pdf_upload(b"%PDF-1.4 broken", name="broken.pdf"), "not a valid PDF"),
        (lambda: pdf_upload(b"GIF89a....", name="picture.pdf"), "not a valid PDF"),
        (lambda: pdf_upload(b"hello", name="notes.docx"), "does not match its extension"),
    ],
)
def test_bad_uploads_are_form_errors_and_nothing_is_saved(member_client, library, upload, message):
    response = member_client.post("/en/library/submit/", {**form_data(), "file": upload()})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PublicationPage.objects.exists()
    assert not Document.objects.exists()


def test_too_large_uploads_are_refused(member_client, library, settings):
    settings.LIBRARY_MAX_UPLOAD_BYTES = 100
    response = member_client.post("/en/library/submit/", {**form_data(), "file": pdf_upload()})
    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert not Document.objects.exists()


def test_a_file_or_a_link_is_required(member_client, library):
    response = member_client.post("/en/library/submit/", form_data())
    assert response.status_code == 400
    assert "Upload a file or give a link" in response.content.decode()


def test_a_failure_while_saving_leaves_nothing_behind(member_client, library, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(PublicationPage, "save_revision", explode)
    with pytest.raises(RuntimeError):
        member_client.post("/en/library/submit/", {**form_data(), "file": pdf_upload()})
    assert not PublicationPage.objects.exists()
    assert not Document.objects.exists()


@pytest.fixture
def submitted(member_client, member, library):
    member_client.post("/en/library/submit/", {**form_data(), "file": pdf_upload()})
    return PublicationPage.objects.get(title="Cash plus in Ghana")


@pytest.fixture
def moderator(db):
    user = UserFactory(username="moderator", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_submitter_is_emailed_when_an_editor_publishes(submitted, moderator, member):
    mail.outbox.clear()
    task_state = submitted.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    submitted.refresh_from_db()
    assert submitted.live
    ours = [m for m in mail.outbox if "is now in the library" in m.subject]
    assert len(ours) == 1
    assert ours[0].to == [member.email]
    # One email, not Wagtail's moderation email as well (its links lead into the admin).
    assert [m.to for m in mail.outbox].count([member.email]) == 1
    assert submitted.url in ours[0].body
    # Later publishes (corrections) do not email again.
    submitted.save_revision().publish()
    assert len([m for m in mail.outbox if "is now in the library" in m.subject]) == 1


def test_submitter_is_emailed_when_an_editor_rejects(submitted, moderator, member):
    mail.outbox.clear()
    task_state = submitted.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")
    ours = [m for m in mail.outbox if "was not accepted" in m.subject]
    assert len(ours) == 1 and ours[0].to == [member.email]
    assert [m.to for m in mail.outbox].count([member.email]) == 1
    assert not PublicationPage.objects.get(pk=submitted.pk).live


def test_editors_find_the_submission_awaiting_review_in_the_admin(client, submitted, moderator):
    client.force_login(moderator)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Cash plus in Ghana" in response.content.decode()


def test_submissions_are_rate_limited_with_the_text_kept(member_client, library, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "library_submit": "2/h/user"}
    for n in range(2):
        data = {**form_data(title=f"Paper {n}"), "external_url": "https://example.org/p"}
        assert member_client.post("/en/library/submit/", data).status_code == 200
    data = {**form_data(title="My third paper"), "external_url": "https://example.org/p"}
    refused = member_client.post("/fr/library/submit/", data)
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "My third paper" in body and "Vous avez fait cela trop de fois" in body
    assert PublicationPage.objects.count() == 2


def test_a_rejected_submitter_reads_the_editors_comment(submitted, moderator, member):
    mail.outbox.clear()
    task_state = submitted.current_workflow_task_state
    task_state.task.specific.on_action(
        task_state, moderator, "reject", comment="Please add the 2023 evaluation."
    )
    ours = [m for m in mail.outbox if "was not accepted" in m.subject]
    assert len(ours) == 1
    assert "Please add the 2023 evaluation." in ours[0].body


def test_a_published_submitter_reads_the_editors_comment(submitted, moderator, member):
    mail.outbox.clear()
    task_state = submitted.current_workflow_task_state
    task_state.task.specific.on_action(
        task_state, moderator, "approve", comment="Filed under cash plus."
    )
    ours = [m for m in mail.outbox if "is now in the library" in m.subject]
    assert len(ours) == 1 and "Filed under cash plus." in ours[0].body
