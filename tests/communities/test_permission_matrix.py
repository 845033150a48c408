"""Who sees what: every privacy setting (and archived) × every role × every surface.

The expected answer comes from the privacy table in PRODUCT.md, written out here once:
the community page and directory entry are public except for hidden communities; content
(announcements, discussions, events, community pages, calendar files) is readable by
everyone in open communities and by members elsewhere; files and the member list are for
members only whatever the setting; working-group discussions are for the group's members
(and the community's administrators); staff see everything. A hidden community exists only
for its members: everyone else gets a 404 for any of its URLs (never a log-in page or a 403,
which would reveal it); other communities send anonymous readers to log in.

Wagtail's document URLs are a surface of their own: a document is served to whoever may
read a live page whose live content uses it (a community resource page's link or block, a
webinar's recording or slides, a publication's file), and to staff; a file nothing published
uses (a submission under review, an orphan) is for staff only.

The whole matrix runs with the anonymous page cache on (portal/page_cache.py): an anonymous
reader's page kept before a privacy change or a membership change is never served after it,
and what a member is sent is never kept for anyone else.
"""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from community_pages import access, services
from community_pages.calendar import feed_token
from community_pages.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    CommunityResourcePageFactory,
    ThreadFactory,
)
from community_pages.feeds import personal_feed_url
from library.factories import LibraryIndexPageFactory, PublicationPageFactory
from library.models import PublicationFile
from library.submissions import submit_publication
from portal.access import can_read_audience, can_read_document, can_view_page, document_audiences
from portal.documents import check_document_access
from portal.factories import DocumentFactory, UserFactory
from portal.models import Follow, SavedSearch
from portal.saved_searches import send_search_alerts
from surveys.factories import SurveyIndexPageFactory, make_survey
from surveys.tasks import invite_members
from tests.communities.conftest import SETTINGS
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory
from webinars.models import WebinarPage, WebinarPresentation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


ROLES = ["anonymous", "outsider", "pending", "invited", "member", "wg_member", "admin", "staff"]
MEMBERS = {"member", "wg_member", "admin", "staff"}
EVERYONE = set(ROLES)


def expected(setting, surface):
    """The roles that may see ``surface`` of a community with ``setting``."""
    if surface in ("directory", "page"):
        return MEMBERS if setting == "hidden" else EVERYONE
    if surface in ("content",):
        return EVERYONE if setting == "open" else MEMBERS
    if surface in ("files", "members"):
        return MEMBERS
    if surface == "working_group":
        return {"wg_member", "admin", "staff"}
    if surface == "survey_results":
        return {"admin", "staff"}  # the survey's creator (an administrator here) and staff
    if surface == "public_feed":
        # Served as to an anonymous reader whoever asks: only content anyone may read.
        return EVERYONE if setting == "open" else set()
    raise AssertionError(surface)


def user_for(people, role):
    return AnonymousUser() if role == "anonymous" else people[role]


def login(client, people, role):
    client.logout()
    if role != "anonymous":
        client.force_login(people[role])


def visible(response, marker=None):
    if response.status_code != 200:
        return False
    return marker is None or marker in response.content.decode()


def check(matrix):
    """``matrix``: list of (setting, role, surface, seen). Report every mismatch at once."""
    wrong = [
        f"{setting}/{role}/{surface}: seen={seen}"
        for setting, role, surface, seen in matrix
        if seen != (role in expected(setting, surface))
    ]
    assert not wrong, "\n".join(wrong)


def test_directory_lists_what_each_role_may_see(client, communities, people):
    index_url = communities["public"]["community"].get_parent().url
    matrix = []
    for role in ROLES:
        login(client, people, role)
        html = client.get(index_url).content.decode()
        for setting in SETTINGS:
            title = communities[setting]["community"].title
            matrix.append((setting, role, "directory", title in html))
    check(matrix)


def test_community_page_and_its_sections(client, communities, people):
    matrix = []
    for role in ROLES:
        login(client, people, role)
        for setting in SETTINGS:
            items = communities[setting]
            url = items["community"].url
            home = client.get(url)
            matrix.append((setting, role, "page", visible(home, items["community"].title)))
            if home.status_code == 200:
                # Sections shown on the home page follow the rights too.
                html = home.content.decode()
                matrix.append((setting, role, "content", f"thread-{setting}" in html))
                matrix.append((setting, role, "files", f"{url}files/" in html))
            for section, surface, marker in [
                ("announcements/", "content", f"announcement-{setting}"),
                ("discussions/", "content", f"thread-{setting}"),
                (f"discussions/{items['thread'].pk}/", "content", f"comment-{setting}"),
                (f"announcements/{items['announcement'].pk}/", "content", None),
                ("calendar/", "content", f"event-{setting}"),
                (f"calendar/{items['event'].pk}/", "content", None),
                (f"calendar/{items['event'].pk}/ics/", "content", f"event-{setting}"),
                ("files/", "files", f"file-{setting}"),
                (f"files/{items['file'].pk}/download/", "files", None),
                ("members/", "members", None),
                ("working-groups/", "members", None),
                (f"discussions/{items['wg_thread'].pk}/", "working_group", f"wgthread-{setting}"),
            ]:
                response = client.get(url + section)
                if marker and response.status_code == 200 and section.endswith("ics/"):
                    seen = marker.encode() in b"".join(response)
                elif section.endswith("download/"):
                    seen = (
                        response.status_code == 200
                        and b"".join(response.streaming_content) == b"file-body"
                    )
                    if seen:
                        assert response["Cache-Control"] == "private, no-store", setting
                else:
                    seen = visible(response, marker)
                matrix.append((setting, role, surface, seen))
            resource = client.get(items["resource"].url)
            matrix.append((setting, role, "content", visible(resource, f"resource-body-{setting}")))
    check(matrix)


def test_discussion_list_hides_working_group_threads_from_others(client, communities, people):
    matrix = []
    for role in ROLES:
        login(client, people, role)
        for setting in SETTINGS:
            response = client.get(communities[setting]["community"].url + "discussions/")
            seen = visible(response, f"wgthread-{setting}")
            matrix.append((setting, role, "working_group", seen))
    check(matrix)


def test_policy_functions_agree_with_the_table(communities, people):
    matrix = []
    for role in ROLES:
        user = user_for(people, role)
        for setting in SETTINGS:
            items = communities[setting]
            community = items["community"]
            matrix.append(
                (setting, role, "directory", access.can_see_in_directory(user, community))
            )
            matrix.append((setting, role, "page", can_view_page(user, community)))
            matrix.append((setting, role, "content", access.can_read(user, community)))
            matrix.append((setting, role, "content", can_view_page(user, items["resource"])))
            for name in ("thread", "announcement", "event"):
                seen = can_read_audience(user, items[name].audience)
                matrix.append((setting, role, "content", seen))
            matrix.append((setting, role, "files", can_read_audience(user, items["file"].audience)))
            seen = can_read_audience(user, items["wg_thread"].audience)
            matrix.append((setting, role, "working_group", seen))
    check(matrix)


def test_join_request_post_moderate_manage_rights(communities, people):
    for setting in SETTINGS:
        community = communities[setting]["community"]
        for role in ROLES:
            rights = access.rights(user_for(people, role), community)
            archived = setting == "archived"
            outsider_like = role in ("outsider", "invited", "pending")
            non_members = ("outsider", "invited", "staff")
            assert rights.join == (
                role in non_members + ("pending",) and setting in ("public", "open")
            ), (setting, role)
            assert rights.request == (role in non_members and setting == "semi-private")
            assert rights.accept_invitation == (role == "invited" and not archived)
            assert rights.cancel_request == (role == "pending")
            assert rights.post == (role in ("member", "wg_member", "admin") and not archived)
            assert rights.moderate == (role in ("admin", "staff"))
            assert rights.manage == (role in ("admin", "staff"))
            assert not (outsider_like and rights.read_members_only)


def test_sitemap_lists_only_what_anonymous_readers_may_see(client, communities):
    xml = client.get("/sitemap.xml").content.decode()
    for setting in SETTINGS:
        items = communities[setting]
        assert (items["community"].url in xml) == (setting != "hidden"), setting
        assert (items["resource"].url in xml) == (setting == "open"), setting


def test_api_lists_pages_per_reader(client, communities, people):
    matrix = []
    for role in ROLES:
        login(client, people, role)
        data = client.get("/api/v2/pages/?limit=20&fields=title").json()
        titles = {item["title"] for item in data["items"]}
        for setting in SETTINGS:
            items = communities[setting]
            matrix.append((setting, role, "page", items["community"].title in titles))
            matrix.append((setting, role, "content", items["resource"].title in titles))
            detail = client.get(f"/api/v2/pages/{items['resource'].pk}/")
            matrix.append((setting, role, "content", detail.status_code == 200))
    check(matrix)


def test_search_and_autocomplete_return_only_readable_content(communities, people):
    from search.service import autocomplete, search

    matrix = []
    for role in ROLES:
        user = user_for(people, role)
        for setting in SETTINGS:
            hits = search(f"thread-{setting}", user, "all").hits
            titles = {hit.title for hit in hits}
            matrix.append((setting, role, "content", f"thread-{setting}" in titles))
            readings = search(f"resource-body-{setting}", user, "all").hits
            matrix.append((setting, role, "content", bool(readings)))
            completions = {
                item["label"] for item in autocomplete(f"Readings {setting}"[:9], user, None)
            }
            if f"Readings {setting}" in completions:
                matrix.append((setting, role, "content", True))
            elif role in expected(setting, "content") and len(completions) < 5:
                matrix.append((setting, role, "content", False))
    check(matrix)


def test_calendar_feed_carries_only_the_subscriber_s_events(client, communities, people):
    matrix = []
    for role in ROLES[1:]:
        body = client.get(f"/en/community/calendar/{feed_token(people[role])}.ics").content
        for setting in SETTINGS:
            matrix.append((setting, role, "content", f"event-{setting}".encode() in body))
    check(matrix)
    assert client.get("/en/community/calendar/forged-token.ics").status_code == 404


def test_announcement_emails_reach_active_members_only(
    communities, people, django_capture_on_commit_callbacks
):
    for setting in SETTINGS:
        community = communities[setting]["community"]
        if community.archived:
            continue
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.announce(people["admin"], community, f"news-{setting}", "<p>Hello</p>")
        recipients = {message.to[0].split("@")[0] for message in mail.outbox}
        assert recipients == {"admin", "member", "wg_member"}, setting


def test_privacy_change_takes_effect_at_once(client, communities, people):
    items = communities["public"]
    community = items["community"]
    assert client.get(items["resource"].url).status_code == 302
    community.privacy = "open"
    community.save_revision().publish()
    assert client.get(items["resource"].url).status_code == 200
    assert items["resource"].url in client.get("/sitemap.xml").content.decode()
    community.privacy = "hidden"
    community.save_revision().publish()
    assert community.title not in client.get(community.get_parent().url).content.decode()
    assert community.url not in client.get("/sitemap.xml").content.decode()
    login(client, people, "member")
    assert community.title in client.get(community.get_parent().url).content.decode()


def _feed_markers(setting):
    return [
        f"announcement-{setting}",
        f"thread-{setting}",
        f"event-{setting}",
        f"Readings {setting}",
    ]


def test_public_community_feed_carries_only_what_anonymous_readers_may_read(
    client, communities, people
):
    matrix = []
    for role in ROLES:
        login(client, people, role)
        for setting in SETTINGS:
            items = communities[setting]
            response = client.get(items["community"].url + "feed/")
            body = response.content.decode() if response.status_code == 200 else ""
            for marker in _feed_markers(setting):
                matrix.append((setting, role, "public_feed", marker in body))
            # Working-group discussions and files never reach a public feed.
            assert f"wgthread-{setting}" not in body
            assert "resource-body" not in body or setting == "open"
            if response.status_code == 200:
                assert response["Content-Type"].startswith("application/rss+xml")
    check(matrix)


def test_personal_community_feed_carries_what_its_owner_may_read(client, communities, people):
    matrix = []
    client.logout()  # feed readers fetch the signed URL without a session
    for role in ROLES[1:]:
        for setting in SETTINGS:
            items = communities[setting]
            url = personal_feed_url(items["community"], people[role])
            response = client.get(url)
            body = response.content.decode() if response.status_code == 200 else ""
            for marker in _feed_markers(setting):
                matrix.append((setting, role, "content", marker in body))
            matrix.append((setting, role, "working_group", f"wgthread-{setting}" in body))
            if response.status_code == 200:
                assert response["Cache-Control"] == "private, no-store"
    check(matrix)
    community = communities["private"]["community"]
    assert client.get(f"/en/community/{community.pk}/feed/forged-token.rss").status_code == 404


def test_community_page_offers_the_feed_each_reader_may_use(client, communities, people):
    matrix = []
    for role in ROLES:
        login(client, people, role)
        for setting in SETTINGS:
            community = communities[setting]["community"]
            response = client.get(community.url)
            html = response.content.decode() if response.status_code == 200 else ""
            offered = 'type="application/rss+xml"' in html
            matrix.append((setting, role, "content", offered))
            if offered and role in ("anonymous",):
                assert f"{community.url}feed/" in html
            elif offered:
                assert f"/community/{community.pk}/feed/" in html
                assert f"{community.url}feed/" not in html
    check(matrix)


def test_hidden_community_urls_are_not_found_for_everyone_else(client, communities, people):
    """Hidden: 404 for anonymous readers and non-members; other settings reveal nothing new."""
    for setting in ("hidden", "private"):
        items = communities[setting]
        url = items["community"].url
        paths = [
            url,
            url + "discussions/",
            url + f"discussions/{items['thread'].pk}/",
            url + f"announcements/{items['announcement'].pk}/",
            url + f"calendar/{items['event'].pk}/ics/",
            url + f"files/{items['file'].pk}/download/",
            url + "feed/",
            url + "members/",
            items["resource"].url,
        ]
        for role in ROLES:
            login(client, people, role)
            for path in paths:
                status = client.get(path).status_code
                if role in MEMBERS:
                    assert status in (200, 404), (setting, role, path, status)
                    continue
                if setting == "hidden":
                    assert status == 404, (setting, role, path, status)
                elif path == url:
                    assert status == 200, (setting, role, path, status)  # listed, about public
                elif path.endswith("feed/"):
                    assert status == 404, (setting, role, path, status)
                else:
                    assert status == (302 if role == "anonymous" else 403), (setting, role, path)
        login(client, people, "outsider")
        response = client.post(url + "membership/", {"action": "join"})
        assert response.status_code == (404 if setting == "hidden" else 403)


# -- Wagtail's document URLs (/documents/<id>/<name>) ------------------------------------

LOGGED_IN = EVERYONE - {"anonymous"}
STAFF_ONLY = {"staff"}


def _link(document):
    return f'<p><a linktype="document" id="{document.pk}">{document.title}</a></p>'


@pytest.fixture
def document_uses(communities, home, people):
    """Every kind of use of a document: name -> (document, readers, publicly cacheable).

    Each document's content is its name, so a response shows which file it served.
    """
    uses = {}

    def use(name, readers, cacheable=False):
        document = DocumentFactory(
            title=name, file__filename=f"{name}.txt", file__data=name.encode()
        )
        uses[name] = (document, readers, cacheable)
        return document

    # A public use wins over a restricted one (hidden community below).
    shared = use("hidden-community-and-public-publication", EVERYONE, cacheable=True)

    webinars = WebinarIndexPageFactory(parent=home)
    for kind, members_only, readers in (("public", False, EVERYONE), ("members", True, LOGGED_IN)):
        webinar = WebinarPageFactory(
            parent=webinars,
            title=f"{kind} webinar",
            members_only=members_only,
            recording_file=use(f"recording-{kind}-webinar", readers, not members_only),
        )
        webinar.presentations.add(
            WebinarPresentation(document=use(f"slides-{kind}-webinar", readers, not members_only))
        )
        webinar.save_revision().publish()

    # Slides taken off a published webinar: Wagtail's reference index keeps them (it indexes
    # the page before the presentation is deleted), the policy must not.
    removed = use("slides-taken-off-a-webinar", STAFF_ONLY)
    webinar = WebinarPageFactory(parent=webinars, title="webinar without slides")
    webinar.presentations.add(WebinarPresentation(document=removed))
    webinar.save_revision().publish()
    webinar = WebinarPage.objects.get(pk=webinar.pk)
    webinar.presentations = []
    webinar.save_revision().publish()
    # A link that only the draft of a published webinar has: no use either.
    webinar = WebinarPage.objects.get(title="public webinar")
    webinar.summary = _link(use("link-in-a-draft", STAFF_ONLY))
    webinar.save_revision()

    library = LibraryIndexPageFactory(parent=home)
    for kind, members_only, readers in (("public", False, EVERYONE), ("members", True, LOGGED_IN)):
        publication = PublicationPageFactory(
            parent=library, title=f"{kind} publication", members_only=members_only
        )
        PublicationFile.objects.create(
            page=publication, document=use(f"{kind}-publication-file", readers, not members_only)
        )
        if kind == "public":
            PublicationFile.objects.create(page=publication, document=shared)
        publication.save_revision().publish()
    withdrawn = PublicationPageFactory(parent=library, title="withdrawn publication")
    PublicationFile.objects.create(page=withdrawn, document=use("unpublished-file", STAFF_ONLY))
    withdrawn.save_revision().publish()
    withdrawn.unpublish()

    upload = SimpleUploadedFile("submission-under-review.txt", b"submission-under-review")
    data = {"title": "A member's submission", "abstract": "Under review.", "year": 2024}
    submission = submit_publication({**data, "file": upload}, people["member"], library)
    uses["submission-under-review"] = (submission.files.get().document, STAFF_ONLY, False)

    use("orphan", STAFF_ONLY)

    for setting in SETTINGS:
        readers = expected(setting, "content")
        body = [
            ("paragraph", _link(use(f"link-{setting}-community", readers))),
            ("document", {"document": use(f"block-{setting}-community", readers), "label": ""}),
        ]
        if setting == "hidden":
            body.append(("document", {"document": shared, "label": ""}))
        CommunityResourcePageFactory(
            parent=communities[setting]["community"],
            title=f"Documents {setting}",
            slug="shared-documents",
            body=body,
        )
    return uses


def test_documents_are_served_to_readers_of_a_live_page_that_uses_them(
    client, document_uses, people
):
    wrong = []
    for role in ROLES:
        login(client, people, role)
        user = user_for(people, role)
        for name, (document, readers, cacheable) in document_uses.items():
            allowed = role in readers
            if can_read_document(user, document) != allowed:
                wrong.append(f"{name}/{role}: policy says {not allowed}")
            response = client.get(document.url)
            cache = response.get("Cache-Control", "")
            if allowed:
                served = response.status_code == 200 and (
                    b"".join(response.streaming_content) == name.encode()
                )
                private = "private" in cache and "no-store" in cache
                fine = served and (not private if cacheable else private)
            elif role == "anonymous":
                fine = response.status_code == 302 and "/accounts/login/" in response["Location"]
            else:
                fine = response.status_code == 403 and "no-store" in cache
            if not fine:
                wrong.append(f"{name}/{role}: {response.status_code} Cache-Control={cache!r}")
    assert not wrong, "\n".join(wrong)


def test_document_refusals_say_why_in_the_reader_s_language(client, document_uses, people):
    community_file = document_uses["link-private-community"][0]
    orphan = document_uses["orphan"][0]
    login(client, people, "member")
    assert client.get(community_file.url).status_code == 200  # a reader gets it
    login(client, people, "outsider")
    response = client.get(community_file.url, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 403
    assert "solo sus miembros pueden abrirlo" in response.content.decode()
    response = client.get(orphan.url, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 403
    assert "seuls les éditeurs du portail" in response.content.decode()
    client.logout()
    response = client.get(community_file.url, HTTP_ACCEPT_LANGUAGE="es")
    assert response["Location"].startswith("/es/accounts/login/?next=/documents/")


def test_privacy_change_reaches_documents_at_once(client, document_uses, communities):
    document = document_uses["block-public-community"][0]
    assert client.get(document.url).status_code == 302
    community = communities["public"]["community"]
    community.privacy = "open"
    community.save_revision().publish()
    response = client.get(document.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # community content: never in shared caches


def test_one_hook_decides_who_reads_a_document():
    ours = [
        fn
        for fn in hooks.get_hooks("before_serve_document")
        if not fn.__module__.startswith("wagtail.")
    ]
    assert ours == [check_document_access]


def test_a_document_s_uses_cost_the_same_queries_however_many_there_are(home):
    directory = CommunityIndexPageFactory(parent=home)
    webinars = WebinarIndexPageFactory(parent=home)
    rare, common = DocumentFactory(title="rare"), DocumentFactory(title="common")
    communities = []
    for n in range(6):
        communities.append(CommunityPageFactory(parent=directory, slug=f"c{n}", privacy="private"))
        used = [common] if n else [rare, common]
        CommunityResourcePageFactory(
            parent=communities[-1], body=[("paragraph", "".join(_link(d) for d in used))]
        )
        webinar = WebinarPageFactory(parent=webinars, members_only=bool(n % 2))
        for document in used:
            webinar.presentations.add(WebinarPresentation(document=document))
        webinar.save_revision().publish()
    document_audiences(rare)  # content types are cached after the first lookup
    with CaptureQueriesContext(connection) as once:
        assert document_audiences(rare) == {"public", f"c{communities[0].pk}"}
    with CaptureQueriesContext(connection) as often:
        audiences = document_audiences(common)
    assert audiences == {"public", "members"} | {f"c{c.pk}" for c in communities}
    # References, the presentations still there, live pages, and the audiences of each
    # restricted page type (resource pages, webinars); the view restrictions are kept under
    # the content generation (read by the call above).
    assert len(often) == len(once) == 5


def test_follows_and_the_timeline_carry_only_what_each_role_may_read(client, communities, people):
    """Every logged-in role follows every community (rows written directly, as if followed
    before a privacy change): its timeline shows a community's discussions and working-group
    discussions only as the table says; following through the button is refused (404) for
    what the role may not see."""
    poster = UserFactory(username="poster", email="poster@example.org")
    for setting in SETTINGS:
        items = communities[setting]
        ThreadFactory(community_id=items["community"].pk, author=poster, title=f"new-{setting}")
        ThreadFactory(
            community_id=items["community"].pk,
            author=poster,
            working_group=items["group"],
            title=f"wgnew-{setting}",
        )
    matrix = []
    for role in ROLES[1:]:  # the timeline is a member's: anonymous readers log in first
        login(client, people, role)
        for setting in SETTINGS:
            community = communities[setting]["community"]
            Follow.objects.get_or_create(
                user=people[role], kind="community", key=str(community.translation_key)
            )
            answer = client.post(
                "/en/follow/",
                {"kind": "community", "key": str(community.translation_key), "action": "follow"},
            )
            matrix.append((setting, role, "page", answer.status_code == 302))
            thread = communities[setting]["thread"]
            answer = client.post(
                "/en/follow/", {"kind": "thread", "key": str(thread.pk), "action": "follow"}
            )
            matrix.append((setting, role, "content", answer.status_code == 302))
        html = client.get("/en/my-portal/").content.decode()
        for setting in SETTINGS:
            matrix.append((setting, role, "content", f">new-{setting}<" in html))
            matrix.append((setting, role, "working_group", f">wgnew-{setting}<" in html))
    check(matrix)


def test_saved_search_alerts_carry_only_what_each_role_may_read(communities, people, mailoutbox):
    """Every logged-in role saved a site search for each community's discussions before they
    were written (nothing seen yet): its alert lists a discussion, or a working group's, only
    as the table says."""
    for role in ROLES[1:]:  # saving a search is a member's: anonymous readers log in first
        for setting in SETTINGS:
            for marker in ("thread", "wgthread"):
                SavedSearch.objects.create(
                    user=people[role],
                    scope="site",
                    language="en",
                    params=f"q={marker}-{setting}&lang=all",
                    name=f"{marker}-{setting}",
                    frequency="immediately",
                )
    send_search_alerts()
    bodies = {role: "" for role in ROLES[1:]}
    by_address = {people[role].email: role for role in ROLES[1:]}
    for email in mailoutbox:
        bodies[by_address[email.to[0]]] += email.body
    matrix = []
    for role in ROLES[1:]:
        for setting in SETTINGS:
            matrix.append((setting, role, "content", f": thread-{setting}\n" in bodies[role]))
            matrix.append(
                (setting, role, "working_group", f": wgthread-{setting}\n" in bodies[role])
            )
    check(matrix)


def test_surveys_of_a_community_reach_only_its_members(client, communities, people, home):
    """A community's survey (by its administrator) is for the community's active members
    whatever its setting, as its files are: its page, the surveys listing, the timeline and
    the site search show it only to them (a hidden community's is a 404 for everyone else);
    its results are for its creator and staff; its invitations reach its members only."""
    index = SurveyIndexPageFactory(parent=home)
    surveys = {
        setting: make_survey(
            index,
            people["admin"],
            title=f"survey-{setting}",
            community=communities[setting]["community"],
        )
        for setting in SETTINGS
    }
    matrix = []
    for role in ROLES:
        login(client, people, role)
        listing = client.get("/en/surveys/").content.decode()
        timeline = client.get("/en/my-portal/").content.decode() if role != "anonymous" else ""
        found = client.get("/en/search/?q=survey&lang=all").content.decode()
        for setting, survey in surveys.items():
            page = client.get(survey.url)
            matrix.append((setting, role, "files", visible(page, f"survey-{setting}")))
            if setting == "hidden" and role not in MEMBERS:
                assert page.status_code == 404, role
            matrix.append((setting, role, "files", f">survey-{setting}<" in listing))
            matrix.append((setting, role, "files", f'href="{survey.url}"' in found))
            if role not in ("anonymous", "admin"):  # the creator's own survey is not news to her
                matrix.append((setting, role, "files", f">survey-{setting}<" in timeline))
            results = client.get(survey.url + "results/")
            matrix.append((setting, role, "survey_results", results.status_code == 200))
    check(matrix)
    mail.outbox.clear()
    for survey in surveys.values():
        invite_members.call(survey.pk)
    invited = {message.to[0] for message in mail.outbox}
    assert invited == {people["member"].email, people["wg_member"].email}


def test_the_usage_dashboard_opens_for_staff_only(client, communities, people):
    """The dashboard names every community, members-only files and publications included,
    with their figures: no role but staff opens it, and a community's administrator is not
    staff. (The matrix's staff member is given the admin, which the dashboard lives in.)"""
    people["staff"].user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    opened = {}
    for role in ROLES:
        login(client, people, role)
        response = client.get("/admin/insights/usage/")
        opened[role] = (
            response.status_code == 200 and 'id="usage-heading"' in response.content.decode()
        )
    assert opened == {role: role == "staff" for role in ROLES}
