"""Discussion attachments: validated by content, stored privately, served as the thread is."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from community_pages.factories import CommunityPageFactory, MembershipFactory
from community_pages.models import Attachment, AttachmentDownload, Comment, Thread, WorkingGroup
from community_pages.storage import private_storage

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def docx_bytes(main="word/document.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(main, "<document/>")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files():
    root = settings.PRIVATE_MEDIA_ROOT / "discussions"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def start(client, community, *files, title="With files"):
    return client.post(
        community.url + "discussions/",
        {"title": title, "body": "See attached", "attachments": list(files)},
    )


def test_thread_and_comment_attachments_are_stored_privately_and_listed(client, community, people):
    client.force_login(people["member"])
    response = start(
        client,
        community,
        upload("report.pdf", PDF, "application/pdf"),
        upload("chart.png", png_bytes(), "image/png"),
        upload("note.docx", docx_bytes()),
    )
    assert response.status_code == 302
    thread = Thread.objects.get(title="With files")
    items = list(Attachment.objects.filter(thread=thread, comment=None))
    assert [(a.original_name, a.content_type) for a in items] == [
        ("report.pdf", "application/pdf"),
        ("chart.png", "image/png"),
        ("note.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ]
    for item in items:
        assert item.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
        with pytest.raises(ValueError):
            item.file.url  # noqa: B018
    client.post(
        community.url + f"discussions/{thread.pk}/",
        {"body": "And a sheet", "attachments": [upload("data.csv", b"a,b\n1,2\n", "text/csv")]},
    )
    comment = Comment.objects.get(thread=thread)
    sheet = Attachment.objects.get(comment=comment)
    html = client.get(community.url + f"discussions/{thread.pk}/").content.decode()
    for item in items + [sheet]:
        assert f"{community.url}attachments/{item.pk}/download/" in html
        assert item.original_name in html
    response = client.get(community.url + f"attachments/{items[0].pk}/download/")
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize(
    "name,content",
    [
        ("report.pdf", b"MZ\x90\x00 not a pdf"),
        ("photo.png", b"\x89PNG\r\n\x1a\n but not an image"),
        ("photo.jpg", png_bytes()),
        ("note.docx", b"PK\x03\x04 not really a zip"),
        ("note.docx", docx_bytes(main="xl/workbook.xml")),
        ("tool.exe", b"MZ\x90\x00"),
        ("page.html", b"<script>alert(1)</script>"),
        ("noextension", b"%PDF-1.7"),
    ],
)
def test_mislabelled_and_forbidden_attachments_save_nothing(
    client, community, people, name, content
):
    client.force_login(people["member"])
    response = start(client, community, upload("good.pdf", PDF), upload(name, content))
    assert response.status_code == 400
    assert name in response.content.decode()
    assert not Thread.objects.filter(title="With files").exists()
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_size_limit_comes_from_the_setting(client, community, people, settings):
    settings.COMMUNITY_MAX_UPLOAD_BYTES = 1000
    thread = Thread.objects.create(community=community, author=people["member"], title="T")
    client.force_login(people["member"])
    big = PDF + b"0" * 1000
    response = client.post(
        community.url + f"discussions/{thread.pk}/",
        {"body": "Too big", "attachments": [upload("big.pdf", big)]},
    )
    assert response.status_code == 400
    assert "1000" in response.content.decode() or "1,000" in response.content.decode()
    assert not Comment.objects.exists() and not Attachment.objects.exists()
    assert Thread.objects.get(pk=thread.pk).comment_count == 0
    # The file section uses the same validator and the same limit.
    response = client.post(
        community.url + "files/", {"title": "Doc", "file": upload("big.pdf", big)}
    )
    assert response.status_code == 400


def test_a_failure_while_saving_leaves_neither_rows_nor_files(
    client, community, people, monkeypatch
):
    calls = []
    original = Attachment.save

    def failing_save(self, *args, **kwargs):
        calls.append(self.original_name)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Attachment, "save", failing_save)
    client.force_login(people["member"])
    client.raise_request_exception = False
    response = start(client, community, upload("a.pdf", PDF), upload("b.pdf", PDF))
    assert response.status_code == 500
    assert not Thread.objects.filter(title="With files").exists()
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_attachments_are_read_exactly_as_their_thread(client, directory, people):
    community = CommunityPageFactory(parent=directory, privacy="public", slug="members")
    MembershipFactory(community=community, user=people["admin"], role="admin")
    MembershipFactory(community=community, user=people["member"])
    MembershipFactory(community=community, user=people["wg_member"])
    group = WorkingGroup.objects.create(community=community, locale=community.locale, name="G")
    group.memberships.create(user=people["wg_member"])
    client.force_login(people["wg_member"])
    client.post(
        community.url + "discussions/",
        {
            "title": "Group only",
            "body": "x",
            "working_group": group.pk,
            "attachments": [upload("g.pdf", PDF)],
        },
    )
    item = Attachment.objects.get()
    url = community.url + f"attachments/{item.pk}/download/"
    assert client.get(url).status_code == 200
    client.force_login(people["member"])  # a member of the community, not of the group
    assert client.get(url).status_code == 403
    client.force_login(people["outsider"])
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    # Another community's URL does not serve it.
    other = CommunityPageFactory(parent=directory, privacy="open", slug="other")
    client.force_login(people["staff"])
    assert client.get(other.url + f"attachments/{item.pk}/download/").status_code == 404
    # A removed thread takes its attachments with it (moderators still see them).
    Thread.objects.filter(pk=item.thread_id).update(removed=True)
    client.force_login(people["wg_member"])
    assert client.get(url).status_code == 404
    client.force_login(people["admin"])
    assert client.get(url).status_code == 200


def test_attachment_of_a_removed_comment_is_not_served(client, community, people):
    thread = Thread.objects.create(community=community, author=people["member"], title="T")
    client.force_login(people["member"])
    client.post(
        community.url + f"discussions/{thread.pk}/",
        {"body": "c", "attachments": [upload("c.pdf", PDF)]},
    )
    item = Attachment.objects.get()
    client.post(community.url + f"comments/{item.comment_id}/delete/")
    assert client.get(community.url + f"attachments/{item.pk}/download/").status_code == 404
    assert "c.pdf" not in client.get(community.url + f"discussions/{thread.pk}/").content.decode()
    assert private_storage.exists(item.file.name)


def test_an_attachment_s_download_counts_once_and_a_refused_one_not_at_all(
    client, community, people
):
    browser = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    client.force_login(people["member"])
    start(client, community, upload("report.pdf", PDF, "application/pdf"))
    item = Attachment.objects.get()
    url = f"{community.url}attachments/{item.pk}/download/"
    client.force_login(people["outsider"])
    assert client.get(url, HTTP_USER_AGENT=browser).status_code == 403
    assert not AttachmentDownload.objects.exists()
    client.force_login(people["member"])
    for _ in range(2):  # a double click counts once
        assert client.get(url, HTTP_USER_AGENT=browser).status_code == 200
    client.get(url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    assert list(AttachmentDownload.objects.values_list("attachment", "count")) == [(item.pk, 1)]
