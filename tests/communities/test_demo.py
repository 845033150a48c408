"""The communities' demo content: written for each community, loaded once, read as it should be."""

from collections import Counter
from datetime import timedelta
from html import unescape

from django.utils import timezone

from community_pages import demo
from community_pages.demo_content import CONTENT
from community_pages.models import (
    Announcement,
    Attachment,
    Comment,
    CommunityEvent,
    CommunityFile,
    CommunityPage,
    CommunityResourcePage,
    Membership,
    Report,
    Thread,
)


def counts():
    models = (
        Announcement,
        Thread,
        Comment,
        Attachment,
        CommunityEvent,
        CommunityFile,
        Membership,
        Report,
    )
    return {model.__name__: model.objects.count() for model in models} | {
        "pages": CommunityResourcePage.objects.count()
    }


def test_every_community_has_its_own_discussions_with_replies_by_several_people():
    assert set(CONTENT) == {spec["slug"] for spec in demo.COMMUNITIES}
    titles = Counter()
    for slug, data in CONTENT.items():
        assert 1 <= len(data["announcements"]) <= 3, slug
        assert 2 <= len(data["threads"]) <= 3, slug
        assert data["pages"] and data["event"] and data["file"] and data["attachment"], slug
        for thread in data["threads"] + data.get("group_threads", []):
            titles[thread["title"]] += 1
            comments = thread["comments"]
            for position, comment in enumerate(comments):
                if "reply_to" in comment:
                    # Replies answer an earlier comment, which is not itself a reply.
                    assert comment["reply_to"] < position
                    assert "reply_to" not in comments[comment["reply_to"]]
            if thread in data["threads"]:
                assert any("reply_to" in comment for comment in comments), thread["title"]
                assert len({thread["by"]} | {c["by"] for c in comments}) >= 2, thread["title"]
    assert [title for title, n in titles.items() if n > 1] == []


def test_demo_loads_once_with_each_communitys_content(
    client, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(None)
    first = counts()
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(None)
    assert counts() == first

    for spec in demo.COMMUNITIES:
        community = CommunityPage.objects.get(slug=spec["slug"], locale__language_code="en")
        data = CONTENT[spec["slug"]]
        threads = Thread.objects.filter(community=community)
        expected = [t["title"] for t in data["threads"] + data.get("group_threads", [])]
        assert sorted(threads.values_list("title", flat=True)) == sorted(expected)
        active = set(
            Membership.objects.filter(community=community, status="active").values_list(
                "user", flat=True
            )
        )
        for thread in threads:
            assert thread.comment_count == thread.comments.count() > 0
            assert thread.author_id in active
            assert {c.author_id for c in thread.comments.all()} <= active
            assert "canary" not in thread.body + "".join(c.body for c in thread.comments.all())
        assert {a.title for a in Announcement.objects.filter(community=community)} == {
            a["title"] for a in data["announcements"]
        }
        attachment = Attachment.objects.get(thread__community=community)
        assert attachment.original_name == data["attachment"][0]
        assert attachment.file.read(5) == b"%PDF-"
        assert CommunityFile.objects.get(community=community).title == data["file"]["title"]
        assert [p.title for p in CommunityResourcePage.objects.child_of(community)] == [
            p["title"] for p in data["pages"]
        ]

    ssc = CommunityPage.objects.get(slug="ssc-for-children", locale__language_code="en")
    assert Thread.objects.filter(community=ssc, working_group__isnull=False).count() == 1
    # Reports wait on the Moderation screen, each of a comment its reporter did not write,
    # by a member; one was dealt with and kept, with the administrator's comment.
    reports = Report.objects.filter(community=ssc).select_related("comment")
    assert sorted(reports.values_list("status", flat=True)) == ["closed", "open", "open"]
    for report in reports:
        assert report.comment.author_id != report.reporter_id
        assert Membership.objects.filter(community=ssc, user=report.reporter).exists()
    closed = reports.get(status="closed")
    assert closed.decision == "kept" and closed.closing_comment and closed.closed_by
    # Each translation reads in its language: concept note and timeline included.
    spanish = CommunityPage.objects.get(
        translation_key=ssc.translation_key, locale__language_code="es"
    )
    assert "Copatrocinada por UNICEF" in spanish.description
    assert "Plan de Acción de Buenos Aires" in spanish.overview
    assert [b.value["period"] for b in spanish.timeline][:2] == ["Febrero", "Marzo"]
    french = CommunityPage.objects.get(
        translation_key=ssc.translation_key, locale__language_code="fr"
    )
    assert "vivier d'experts" in french.engagement_strategy
    mena = CommunityPage.objects.get(slug="social-protection-mena", locale__language_code="en")
    assert Membership.objects.filter(community=mena, status="pending").count() == 1
    archived = CommunityPage.objects.get(
        slug="social-protection-for-employment", locale__language_code="en"
    )
    assert archived.last_activity_at.year == 2024
    latest = Thread.objects.filter(community=archived).latest("created_at").created_at
    assert latest < timezone.now() - timedelta(days=365)

    # An open community's discussion reads, to anyone, in its authors' languages.
    thread = Thread.objects.get(title__startswith="Bourses de sécurité familiale")
    html = unescape(client.get(thread.get_absolute_url()).content.decode())
    assert "Bourses de sécurité familiale" in html and "jours de marché" in html
    assert "En nuestro caso ayudó mucho" in html  # Lucía writes in Spanish
    assert "In southern Angola the sessions moved" in html
