"""No input gives a server error: hostile values in every public query parameter and form.

A bounded table of hostile values goes to each query parameter of the public listings,
search, API, feeds and calendars, and to each field of the front-end forms, anonymously and
as a logged-in member (who administers a community, so every community form is reached).
A ``Client(raise_request_exception=False)`` turns an exception into the 500 a reader would
see, and every response must be below 500. The test database refuses a NUL in a text
parameter as PostgreSQL does, so what would fail there fails here too.

Then one focused test per case the external checker found, asserting what the reader is told.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DataError, connection
from django.http import QueryDict
from django.test import Client
from django.utils import timezone, translation
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from community_pages.calendar import feed_token
from community_pages.factories import (
    CommentFactory,
    CommunityEventFactory,
    CommunityIndexPageFactory,
    CommunityPageFactory,
    MembershipFactory,
    ThreadFactory,
)
from community_pages.models import CommunityEvent, CommunityFile, Membership, Thread, WorkingGroup
from library.factories import (
    DocumentTypeFactory,
    LibraryIndexPageFactory,
    PublicationPageFactory,
)
from library.listing import YEARS, LibraryQuery
from library.models import PublicationFile
from library.pdfs import minimal_pdf
from portal.api import MAX_OFFSET
from portal.factories import CountryFactory, IndexPageFactory, ThemeFactory, UserFactory
from portal.models import Region
from portal.models.members import Frequency, NotificationKind
from portal.params import MAX_PAGE, int_param, parse_int, text_list_param, text_param
from surveys.factories import SurveyIndexPageFactory, make_survey
from webinars.factories import (
    WebinarIndexPageFactory,
    WebinarPageFactory,
    WebinarSeriesPageFactory,
)
from webinars.models import WebinarPage

HOSTILE = [
    "\x00",
    "cash\x00",
    "\x01\x1f\x7f",
    "99999999999999999999",
    "9" * 5000,
    "-1",
    "-99999999999999999999",
    "0",
    "abc",
    "1.5",
    "1e400",
    "x" * 10_000,
    "\u202e\u0301\ufeff𝕏",
    "' OR 1=1--",
    "<script>alert(1)</script>",
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "2025-03-09T02:30",  # skipped by the spring-forward change in America/New_York
    "",
]


def refuse_nul(execute, sql, params, many, context):
    """Refuse a NUL in a text parameter, as PostgreSQL does (psycopg raises before sending),
    so the suite finds on SQLite what would be a server error on PostgreSQL."""
    for row in (params or []) if many else [params or []]:
        values = row.values() if isinstance(row, dict) else row
        if any(isinstance(value, str) and "\x00" in value for value in values):
            raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
    return execute(sql, params, many, context)


@pytest.fixture(autouse=True)
def _nul_refused_as_on_postgresql(db):
    with connection.execute_wrapper(refuse_nul):
        yield


def hostile_client(user=None):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def portal(home, locales):
    """One of everything a reader reaches: library, communities, webinars, a section."""
    member = UserFactory(username="fuzzer", email="fuzzer@example.org")
    theme = ThemeFactory(name="Cash transfers", slug="cash")
    region = Region.objects.create(name="Latin America", slug="lac", locale=locales["en"])
    country = CountryFactory(region=region)
    report = DocumentTypeFactory(name="Report", slug="report")
    library = LibraryIndexPageFactory(parent=home)
    publication = PublicationPageFactory(parent=library, title="Cash transfers in Brazil")
    document = Document(title="Report")
    document.file.save("report.pdf", ContentFile(minimal_pdf("Cash transfers")), save=False)
    document.save()
    PublicationFile.objects.create(page=publication, document=document, label="Report")
    publication.themes = [theme]
    publication.countries = [country]
    publication.document_type = report
    publication.save_revision().publish()

    directory = CommunityIndexPageFactory(parent=home)
    community = CommunityPageFactory(parent=directory, privacy="public", slug="pub")
    MembershipFactory(community=community, user=member, role="admin")
    semi = CommunityPageFactory(parent=directory, privacy="semi-private", slug="semi")
    open_community = CommunityPageFactory(parent=directory, privacy="open", slug="open")
    ThreadFactory(community_id=open_community.pk, author=member, title="Open to all")
    group = WorkingGroup.objects.create(community=community, locale=community.locale, name="WG")
    thread = ThreadFactory(community_id=community.pk, author=member)
    comment = CommentFactory(thread=thread, author=member)
    now = timezone.now()
    event = CommunityEventFactory(
        community_id=community.pk,
        author=member,
        start=now + dt.timedelta(days=3),
        end=now + dt.timedelta(days=3, hours=1),
    )
    item = CommunityFile(
        community_id=community.pk,
        author=member,
        title="Notes",
        original_name="notes.txt",
        content_type="text/plain",
        size=9,
    )
    item.file.save("notes.txt", ContentFile(b"file-body"), save=False)
    item.save()

    webinars = WebinarIndexPageFactory(parent=home)
    series = WebinarSeriesPageFactory(parent=webinars, slug="series")
    webinar = WebinarPageFactory(
        parent=series, slug="session", starts_at=now + dt.timedelta(days=5), time_zone="UTC"
    )
    section = IndexPageFactory(parent=home, slug="about")
    surveys = SurveyIndexPageFactory(parent=home)
    survey = make_survey(surveys, member, community=community)
    return {
        "surveys": surveys,
        "survey": survey,
        "member": member,
        "library": library,
        "publication": publication,
        "file": publication.files.get(),
        "directory": directory,
        "community": community,
        "semi": semi,
        "open": open_community,
        "group": group,
        "thread": thread,
        "comment": comment,
        "event": event,
        "community_file": item,
        "webinars": webinars,
        "series": series,
        "webinar": webinar,
        "section": section,
        "country": country,
        "theme": theme,
    }


LIBRARY_PARAMS = [
    "q",
    "theme",
    "region",
    "country",
    "type",
    "language",
    "organisation",
    "year_from",
    "year_to",
    "sort",
    "page",
]
API_PAGE_PARAMS = [
    "offset",
    "limit",
    "locale",
    "type",
    "fields",
    "order",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "title",
    "slug",
    "id",
    "show_in_menus",
    "site",
]


def query_surfaces(p):
    """(url, parameters) of every public listing, search, API, feed and calendar URL."""
    community = p["community"].url
    token = feed_token(p["member"])
    return [
        (p["library"].url, LIBRARY_PARAMS),
        ("/en/library/feed/rss/", LIBRARY_PARAMS),
        ("/en/library/feed/atom/", LIBRARY_PARAMS),
        ("/en/search/", ["q", "lang", "type", "page"]),
        ("/en/search/autocomplete/", ["q"]),
        ("/api/v2/pages/", API_PAGE_PARAMS),
        ("/api/v2/pages/find/", ["html_path", "locale"]),
        (f"/api/v2/pages/{p['publication'].pk}/", ["fields", "locale"]),
        ("/api/v2/images/", ["offset", "limit", "fields", "order", "search", "title"]),
        ("/sitemap.xml", ["p"]),
        ("/oai/", ["verb", "metadataPrefix", "identifier", "set", "from", "until"]),
        (p["webinars"].url, ["theme", "language", "page"]),
        (p["webinars"].url + "feed/", ["page"]),
        (p["webinars"].url + "calendar/", ["page"]),
        (p["series"].url, ["page"]),
        (p["series"].url + "calendar/", ["page"]),
        (p["webinar"].url, ["page"]),
        (p["webinar"].url + "calendar/", ["page"]),
        (p["directory"].url, ["theme", "region", "privacy", "status"]),
        (p["section"].url, ["page"]),
        ("/en/", ["page", "q"]),
        (p["open"].url, ["page"]),
        (p["open"].url + "feed/", ["page"]),
        (p["open"].url + "discussions/", ["page"]),
        (p["open"].url + "calendar/", ["page"]),
        (community, ["page"]),
        (community + "feed/", ["page"]),
        (community + "discussions/", ["page"]),
        (community + f"discussions/{p['thread'].pk}/", ["page"]),
        (community + "calendar/", ["page"]),
        (community + f"calendar/{p['event'].pk}/", ["page"]),
        (community + f"calendar/{p['event'].pk}/ics/", ["page"]),
        (f"/en/community/{p['community'].pk}/feed/{token}.rss", ["page"]),
        (f"/en/community/calendar/{token}.ics", ["page"]),
        ("/en/members/", ["q", "country", "expertise", "page"]),
        ("/en/my-portal/", ["page"]),
        ("/en/profile/searches/", []),
        (f"/en/library/cite/{p['publication'].pk}.bib", ["page"]),
        (p["surveys"].url, ["community", "page"]),
        (p["surveys"].url + "new/", ["community"]),
        (p["survey"].url, ["page"]),
        (p["survey"].url + "results/", ["page"]),
        (p["survey"].url + "results/csv/", ["page"]),
    ]


def server_errors(client, method, url, data, **headers):
    """``[]``, or a line naming the request that gave a server error."""
    response = getattr(client, method)(url, data, **headers)
    if response.status_code < 500:
        return []
    shown = {k: short(v) for k, v in data.items()}
    extra = {k: short(v) for k, v in headers.items()}
    return [f"{response.status_code} {method.upper()} {short(url, 120)} {shown!r} {extra!r}"]


def short(text, length=30):
    return text[:length] + ("…" if len(text) > length else "")


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "member"])
def test_hostile_query_parameters_never_give_a_server_error(portal, logged_in):
    client = hostile_client(portal["member"] if logged_in else None)
    errors = []
    for url, names in query_surfaces(portal):
        errors += server_errors(client, "get", url, {})
        for name in names:
            for value in HOSTILE:
                errors += server_errors(client, "get", url, {name: value})
    assert not errors, "\n".join(errors)


def form_surfaces(p):
    """(url, valid data, fields) of every front-end form a reader or member fills in."""
    community = p["community"].url
    semi = p["semi"].url
    thread = f"{community}discussions/{p['thread'].pk}/"
    comment = f"{community}comments/{p['comment'].pk}/"
    event = {
        "title": "Meeting",
        "description": "About the next steps",
        "start": "2030-05-01T10:00",
        "end": "2030-05-01T11:00",
        "time_zone": "America/New_York",
        "online": "on",
        "location": "",
        "online_url": "https://example.org/meet",
    }
    return [
        (community + "membership/", {"action": "join"}, ["action"]),
        (semi + "membership/", {"action": "request", "message": "Hello"}, ["action", "message"]),
        (
            community + "discussions/",
            {"title": "A question", "body": "What works?", "working_group": ""},
            ["title", "body", "working_group"],
        ),
        (thread, {"body": "A reply", "parent": ""}, ["body", "parent"]),
        (thread + "edit/", {"title": "Edited", "body": "Edited body"}, ["title", "body"]),
        (thread + "replies/", {"author_replies": "daily"}, ["author_replies"]),
        (comment + "edit/", {"body": "Edited comment"}, ["body"]),
        (community + "announcements/", {"title": "News", "body": "Text"}, ["title", "body"]),
        (
            community + "files/",
            {"title": "Notes", "category": "", "description": ""},
            ["title", "category", "description"],
        ),
        (community + "calendar/", event, list(event)),
        (community + "working-groups/", {"name": "WG 2", "description": ""}, ["name"]),
        (
            community + "manage/",
            {"action": "invite", "email": "new@example.org", "membership": "", "reason": ""},
            ["action", "email", "membership", "reason"],
        ),
        (
            community + "manage/",
            {"action": "add_page", "title": "Readings", "topic": "", "text": "Some text"},
            ["title", "topic", "text"],
        ),
        (
            f"{community}working-groups/{p['group'].pk}/join/",
            {},
            [],
        ),
        (
            p["webinar"].url + "register/",
            {"name": "Ana", "email": "ana@example.org", "organisation": "", "country": ""},
            ["name", "email", "organisation", "country"],
        ),
        (p["series"].url + "follow/", {}, []),
        (
            "/en/library/submit/",
            {
                "title": "A study",
                "abstract": "What we found",
                "authors": "Silva, Ana",
                "year": "2020",
                "keywords": "poverty",
                "external_url": "https://example.org/study",
            },
            [
                "title",
                "abstract",
                "authors",
                "year",
                "document_type",
                "languages",
                "themes",
                "countries",
                "organisations",
                "keywords",
                "external_url",
            ],
        ),
        (
            "/en/profile/",
            {"first_name": "Ana", "last_name": "Silva", "organisation": "", "bio": ""},
            [
                "first_name",
                "last_name",
                "organisation",
                "country",
                "expertise",
                "preferred_language",
                "bio",
                "show_in_directory",
            ],
        ),
        (
            "/en/profile/notifications/",
            {kind.value: Frequency.IMMEDIATELY for kind in NotificationKind},
            [kind.value for kind in NotificationKind],
        ),
        ("/i18n/setlang/", {"language": "es", "next": "/"}, ["language", "next"]),
        (
            "/en/accounts/login/",
            {"login": "fuzzer@example.org", "password": "wrong"},
            ["login", "password", "remember"],
        ),
        (
            "/en/accounts/signup/",
            {
                "email": "new@example.org",
                "password1": "correct-horse-battery",
                "password2": "correct-horse-battery",
                "first_name": "Ana",
                "last_name": "Silva",
            },
            ["email", "password1", "password2", "first_name", "last_name", "organisation"],
        ),
        ("/en/accounts/password/reset/", {"email": "fuzzer@example.org"}, ["email"]),
        (
            "/en/follow/",
            {
                "kind": "community",
                "key": str(p["community"].translation_key),
                "action": "follow",
                "next": "/en/",
            },
            ["kind", "key", "action", "next"],
        ),
        (
            "/en/profile/searches/save/",
            {"scope": "library", "params": "q=cash+transfers&theme=x", "next": "/en/"},
            ["scope", "params", "next"],
        ),
        (p["surveys"].url + "new/", SURVEY, list(SURVEY)),
        (p["surveys"].url + "new/", {**SURVEY, "more": "1"}, list(SURVEY)),
        # The required rating is left out of the valid answer, so that no answer is ever
        # stored and every hostile value meets the form's validation.
        (p["survey"].url, {"q2": "Library", "q3": "Pensions", "q4": "x"}, ["q1", "q2", "q3", "q4"]),
    ]


SURVEY = {
    "title": "Pensions survey",
    "introduction": "What members think",
    "community": "",
    "opens_on": "2030-01-01",
    "closes_on": "2030-02-01",
    "anonymous": "on",
    "results_to_respondents": "on",
    "thank_you": "Thanks",
    "questions-TOTAL_FORMS": "1",
    "questions-INITIAL_FORMS": "0",
    "questions-MIN_NUM_FORMS": "0",
    "questions-MAX_NUM_FORMS": "30",
    "questions-0-label": "Which pension?",
    "questions-0-field_type": "radio",
    "questions-0-choices": "Renta Dignidad\nOld Age Grant",
    "questions-0-help_text": "",
    "questions-0-required": "on",
}


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "member"])
def test_hostile_form_fields_never_give_a_server_error(portal, logged_in, settings):
    settings.ACCOUNT_RATE_LIMITS = False
    client = hostile_client(portal["member"] if logged_in else None)
    errors = []
    for url, valid, names in form_surfaces(portal):
        errors += server_errors(client, "post", url, valid)
        for name in names:
            for value in HOSTILE:
                errors += server_errors(client, "post", url, {**valid, name: value})
    assert not errors, "\n".join(errors)


HUGE_NUMBERS = ["99999999999999999999", "9" * 5000, "0"]
JUNK_TOKENS = ["x" * 10_000, "' OR 1=1--", "%00", "<script>"]


def path_surfaces(p):
    """URLs that carry a number or a token in their path, with ``{}`` standing for it."""
    community = p["community"].url
    token = feed_token(p["member"])
    numbered = [
        "/en/members/{}/",
        "/en/profile/searches/{}/open/",
        "/en/library/download/{}/",
        "/en/library/cite/{}.bib",
        "/en/community/{}/feed/" + token + ".rss",
        "/api/v2/pages/{}/",
        "/api/v2/images/{}/",
        "/documents/{}/report.pdf",
        community + "discussions/{}/",
        community + "announcements/{}/",
        community + "calendar/{}/",
        community + "calendar/{}/ics/",
        community + "files/{}/download/",
        community + "attachments/{}/download/",
        community + "comments/{}/edit/",
    ]
    tokens = [
        "/en/community/calendar/{}.ics",
        f"/en/community/{p['community'].pk}/feed/{{}}.rss",
        "/en/community/invitation/{}/",
        "/en/notifications/unsubscribe/{}/",
        "/en/accounts/confirm-email/{}/",
        "/en/accounts/password/reset/key/1-{}/",
    ]
    return [(url, HUGE_NUMBERS) for url in numbered] + [(url, JUNK_TOKENS) for url in tokens]


HOSTILE_RANGES = [
    "bytes=0-" + "9" * 5000,
    "bytes=" + "9" * 5000 + "-",
    "bytes=-" + "9" * 5000,
    "bytes=" + "9" * 30 + "-" + "9" * 31,
    "bytes=5-1",
    "bytes=-0",
    "bytes=abc-def",
    "bytes=0-1,5-9",
    "bytes=\x00-",
    "items=0-5",
]


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "member"])
def test_hostile_paths_and_range_headers_never_give_a_server_error(portal, logged_in):
    client = hostile_client(portal["member"] if logged_in else None)
    errors = []
    for template, values in path_surfaces(portal):
        for value in values:
            url = template.format(value)
            errors += server_errors(client, "get", url, {})
            errors += server_errors(client, "post", url, {})
    community = portal["community"].url
    downloads = [
        f"/en/library/download/{portal['file'].pk}/",
        portal["file"].document.url,
        f"{community}files/{portal['community_file'].pk}/download/",
    ]
    for url in downloads:
        for value in HOSTILE_RANGES:
            errors += server_errors(client, "get", url, {}, HTTP_RANGE=value)
            errors += server_errors(
                client, "get", url, {}, HTTP_RANGE=value, HTTP_IF_RANGE="' OR 1=1--"
            )
    assert not errors, "\n".join(errors)


# --- focused cases: each hostile input gets the answer a reader should see ------------------


def member_client(portal):
    client = Client()
    client.force_login(portal["member"])
    return client


@pytest.mark.parametrize(
    "value, expected",
    [
        ("7", 7),
        (" 7 ", 7),
        ("-3", 1),
        ("0", 1),
        ("99999999999999999999", 100),
        ("9" * 5000, 100),
        ("-" + "9" * 5000, 1),
        ("abc", 5),
        ("1.5", 5),
        ("1e400", 5),
        ("7\x00", 7),
        ("", 5),
        (None, 5),
    ],
)
def test_int_param_caps_numbers_and_ignores_what_is_not_one(value, expected):
    assert int_param({"page": value}, "page", 5, 1, 100) == expected


def test_parse_int_without_a_bound_finds_no_number_in_more_digits_than_any_id():
    assert parse_int("123456789012345678") == 123456789012345678
    assert parse_int("99999999999999999999") is None
    assert parse_int("9" * 5000, default=0) == 0


def test_text_params_lose_their_control_characters():
    assert text_param({"theme": "cash\x00"}, "theme") == "cash"
    assert text_param({"q": "social\x00protection"}, "q") == "social protection"
    assert text_param({"q": "x" * 10_000}, "q", max_length=200) == "x" * 200
    assert text_list_param(QueryDict("region=%00lac&region=lac&region=%01"), "region") == ["lac"]


def test_the_library_listing_reads_a_nul_theme_as_the_theme_and_caps_page_and_years(portal):
    PublicationPageFactory(parent=portal["library"], title="Health insurance in Kenya")
    query = LibraryQuery.from_params(
        QueryDict("theme=cash%00&region=%00lac&page=99999999999999999999&year_to=" + "9" * 5000)
    )
    assert (query.theme, query.region) == (["cash"], ["lac"])
    assert (query.page, query.year_to) == (MAX_PAGE, YEARS[1])
    unfiltered = Client().get(portal["library"].url).content.decode()
    assert "Cash transfers in Brazil" in unfiltered and "Health insurance in Kenya" in unfiltered
    response = Client().get(portal["library"].url, {"theme": "cash\x00", "page": "9" * 30})
    assert response.status_code == 200
    html = response.content.decode()  # the theme's publications; past the end: page 1
    assert "Cash transfers in Brazil" in html and "Health insurance in Kenya" not in html


def test_the_api_answers_control_characters_and_huge_offsets_with_a_message(portal):
    client = Client()
    listed = client.get("/api/v2/pages/", {"locale": "en"})
    assert listed.status_code == 200 and listed.json()["items"]
    for params in ({"locale": "en\x00"}, {"type": "\x00"}, {"search": "cash\x01"}):
        refused = client.get("/api/v2/pages/", params)
        assert refused.status_code == 400
        assert "control characters are not allowed" in refused.json()["message"]
    huge = client.get("/api/v2/pages/", {"offset": "99999999999999999999"})
    assert huge.status_code == 400
    assert huge.json()["message"] == f"offset cannot be higher than {MAX_OFFSET}"
    deepest = client.get("/api/v2/pages/", {"offset": str(MAX_OFFSET)})
    assert deepest.status_code == 200 and deepest.json()["items"] == []
    assert client.get("/api/v2/pages/", {"limit": "9" * 5000}).status_code == 400
    wordless = client.get("/api/v2/pages/", {"search": "!!! --"})
    assert wordless.status_code == 200 and wordless.json()["items"] == []


@pytest.mark.parametrize("value", ["abc", "99999999999999999999", "' OR 1=1--"])
def test_a_working_group_that_is_none_of_the_readers_is_a_form_error(portal, value):
    client = member_client(portal)
    url = portal["community"].url + "discussions/"
    refused = client.post(url, {"title": "Forged", "body": "Text", "working_group": value})
    assert refused.status_code == 400
    assert "Choose one of your working groups, or none." in refused.content.decode()
    assert not Thread.objects.filter(title="Forged").exists()
    group = portal["group"]
    posted = client.post(url, {"title": "In the group", "body": "Text", "working_group": group.pk})
    assert posted.status_code == 302
    assert Thread.objects.get(title="In the group").working_group == group


def test_a_huge_page_of_discussions_is_the_deepest_page(portal):
    client = member_client(portal)
    url = portal["community"].url + "discussions/"
    response = client.get(url, {"page": "99999999999999999999"})
    assert response.status_code == 200
    assert f'href="?page={MAX_PAGE - 1}"' in response.content.decode()
    thread = f"{url}{portal['thread'].pk}/"
    assert client.get(thread, {"page": "9" * 5000}).status_code == 200


def test_a_range_with_thousands_of_digits_is_capped_to_the_file(portal):
    client = Client()
    url = f"/en/library/download/{portal['file'].pk}/"
    size = int(client.get(url)["Content-Length"])
    whole = client.get(url, HTTP_RANGE="bytes=0-" + "9" * 5000)
    assert whole.status_code == 206
    assert whole["Content-Range"] == f"bytes 0-{size - 1}/{size}"
    assert len(b"".join(whole.streaming_content)) == size
    tail = client.get(url, HTTP_RANGE="bytes=-" + "9" * 5000)
    assert tail.status_code == 206 and tail["Content-Range"] == f"bytes 0-{size - 1}/{size}"
    past = client.get(url, HTTP_RANGE="bytes=" + "9" * 5000 + "-")
    assert past.status_code == 416 and past["Content-Range"] == f"bytes */{size}"


def test_ids_with_more_digits_than_any_id_are_not_found(portal):
    client = member_client(portal)
    token = feed_token(portal["member"])
    for url in (
        "/en/library/cite/99999999999999999999.bib",
        f"/en/community/99999999999999999999/feed/{token}.rss",
        "/documents/" + "9" * 5000 + "/report.pdf",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(portal["file"].document.url).status_code == 200


def test_a_second_click_on_join_says_you_are_already_a_member(portal):
    client = Client()
    client.force_login(UserFactory(username="newcomer", email="newcomer@example.org"))
    url = portal["community"].url + "membership/"
    first = client.post(url, {"action": "join"}, follow=True)
    assert "Welcome! You are now a member of this community." in first.content.decode()
    second = client.post(url, {"action": "join"})
    assert second.status_code == 302 and second["Location"] == portal["community"].url
    page = client.get(second["Location"]).content.decode()
    assert "You are already a member of this community." in page
    assert Membership.objects.filter(user__username="newcomer", status="active").count() == 1


def test_a_second_request_to_join_says_it_is_pending(portal):
    client = Client()
    client.force_login(UserFactory(username="applicant", email="applicant@example.org"))
    url = portal["semi"].url + "membership/"
    client.post(url, {"action": "request", "message": "Hello"})
    second = client.post(url, {"action": "request", "message": "Hello again"})
    assert second.status_code == 302
    page = client.get(second["Location"]).content.decode()
    assert "You have already asked to join this community" in page
    request = Membership.objects.get(user__username="applicant")
    assert (request.status, request.message) == ("pending", "Hello")
    # The applicant clicking Join is told the same; a stranger's forged Join stays a 403.
    assert client.post(url, {"action": "join"}).status_code == 302
    client.force_login(UserFactory(username="stranger", email="stranger@example.org"))
    assert client.post(url, {"action": "join"}).status_code == 403


EVENT = {
    "title": "Planning meeting",
    "description": "Next steps",
    "start": "2030-05-01T10:00",
    "end": "2030-05-01T11:00",
    "time_zone": "America/New_York",
    "online": "on",
    "online_url": "https://example.org/meet",
}


def assert_calendar_surfaces_stay_up(client, portal):
    community = portal["community"]
    token = feed_token(portal["member"])
    event = f"{community.url}calendar/{portal['event'].pk}/"
    for url in (
        community.url + "calendar/",
        event,
        event + "ics/",
        f"/en/community/calendar/{token}.ics",
        f"/en/community/{community.pk}/feed/{token}.rss",
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Tokyo", "UTC"])
@pytest.mark.parametrize(
    "start, end",
    [("0001-01-01T00:00", "0001-01-01T01:00"), ("2030-05-01T10:00", "9999-12-31T23:59")],
)
def test_an_event_dated_outside_the_portal_years_is_refused_and_the_calendar_stays_up(
    portal, zone, start, end
):
    client = member_client(portal)
    data = {**EVENT, "start": start, "end": end, "time_zone": zone}
    response = client.post(portal["community"].url + "calendar/", data)
    assert response.status_code == 200
    assert "Enter a date between the years 1900 and 2100." in response.content.decode()
    assert not CommunityEvent.objects.filter(title="Planning meeting").exists()
    assert_calendar_surfaces_stay_up(client, portal)


def test_an_event_at_a_time_the_clocks_skip_is_refused(portal):
    client = member_client(portal)
    url = portal["community"].url + "calendar/"
    # New York skips 02:00-02:59 on 8 March 2026: 02:00-03:00 would be a zero-length event.
    skipped = {**EVENT, "start": "2026-03-08T02:00", "end": "2026-03-08T03:00"}
    response = client.post(url, skipped)
    assert response.status_code == 200
    assert (
        "02:00 does not exist in America/New_York on that day (the clocks change)."
        in response.content.decode()
    )
    assert not CommunityEvent.objects.filter(title="Planning meeting").exists()
    assert_calendar_surfaces_stay_up(client, portal)
    # A week later the same wall-clock hour exists (EDT, UTC-4).
    week_later = {**EVENT, "start": "2026-03-15T02:00", "end": "2026-03-15T03:00"}
    assert client.post(url, week_later).status_code == 302
    event = CommunityEvent.objects.get(title="Planning meeting")
    assert (event.start, event.end) == (
        dt.datetime(2026, 3, 15, 6, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 15, 7, 0, tzinfo=dt.UTC),
    )


def test_the_event_model_refuses_what_no_page_could_show(portal):
    event = CommunityEvent(
        community=portal["community"],
        author=portal["member"],
        title="Imported",
        start=dt.datetime(1, 1, 1, tzinfo=dt.UTC),
        end=dt.datetime(2030, 5, 1, tzinfo=dt.UTC),
        time_zone="America/New_York",
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["start"] == ["Enter a date between the years 1900 and 2100."]
    event.start, event.time_zone = dt.datetime(2030, 5, 2, tzinfo=dt.UTC), "Mars/Olympus"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert set(error.value.message_dict) == {"time_zone"}
    event.time_zone = "Europe/Paris"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["end"] == ["The event must end after it starts."]


def test_a_webinar_dated_0001_is_refused_by_its_clean_and_its_admin_form(portal):
    webinar = portal["webinar"]
    webinar.start_date, webinar.time_zone = dt.date(1, 1, 1), "America/New_York"
    with pytest.raises(ValidationError) as error:
        webinar.full_clean()
    assert error.value.message_dict["start_date"] == [
        "Enter a date between the years 1900 and 2100."
    ]
    admin = Client()
    admin.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    data = nested_form_data(
        {
            "title": "Long ago",
            "slug": "long-ago",
            "abstract": rich_text(""),
            "summary": rich_text(""),
            "start_date": "0001-01-01",
            "start_time": "00:00",
            "time_zone": "America/New_York",
            "duration_minutes": "60",
            "registration_mode": "built_in",
            "speaker_roles": inline_formset([]),
            "presentations": inline_formset([]),
            "questions": inline_formset([]),
            "related_links": inline_formset([]),
            "captions": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["languages"] = ["en"]
    url = f"/admin/pages/add/webinars/webinarpage/{portal['series'].pk}/"
    response = admin.post(url, data)
    assert response.status_code == 200
    assert "Enter a date between the years 1900 and 2100." in response.content.decode()
    assert not WebinarPage.objects.filter(slug="long-ago").exists()


def test_a_webinar_saved_with_a_date_out_of_range_is_unscheduled_and_its_pages_stay_up(portal):
    webinar = portal["webinar"]
    webinar.start_date, webinar.time_zone = dt.date(9999, 12, 31), "America/New_York"
    webinar.start_time = dt.time(23, 59)
    webinar.save(clean=False)  # as an import that skips validation would
    webinar.refresh_from_db()
    assert webinar.starts_at is None
    client = Client()
    for url in (webinar.url, webinar.url + "calendar/", portal["webinars"].url):
        assert client.get(url).status_code == 200, url


def test_a_webinar_at_a_time_the_clocks_skip_is_refused_with_a_message(portal):
    webinar = portal["webinar"]
    webinar.start_date, webinar.start_time = dt.date(2026, 3, 8), dt.time(2, 30)
    webinar.time_zone = "America/New_York"
    with pytest.raises(ValidationError) as error:
        webinar.full_clean()
    assert error.value.message_dict["start_time"] == [
        "02:30 does not exist in America/New_York on that day (the clocks change)."
    ]


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_new_messages_are_translated(language):
    english = [
        "Enter a date between the years %(earliest)s and %(latest)s.",
        "%(time)s does not exist in %(zone)s on that day (the clocks change).",
        "offset cannot be higher than %(maximum)d",
        "%(name)s: control characters are not allowed",
        "You are already a member of this community.",
        "Choose one of your working groups, or none.",
        "Choose a time zone such as Europe/Paris.",
    ]
    with translation.override(language):
        translated = [translation.gettext(message) for message in english]
    assert all(t != e for t, e in zip(translated, english, strict=True)), translated
