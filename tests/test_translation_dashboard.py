"""The editors' translation dashboard: per page type and language, what is translated, out
of date or missing, with dates and the link that fixes each; and its weekly email."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from portal import translation_status as status
from portal.demo_utils import translate_instance
from portal.factories import IndexPageFactory, StandardPageFactory, UserFactory
from portal.models import MemberProfile, NotificationPreference
from portal.models.members import NotificationKind

pytestmark = pytest.mark.django_db
URL = "/admin/reports/translations/"


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    def _translate(page, code, strings):
        with django_capture_on_commit_callbacks(execute=True):
            return translate_instance(page, code, strings)

    return _translate


@pytest.fixture
def pages(home, translate, django_capture_on_commit_callbacks):
    """About: translated into Spanish, then changed in English (Spanish out of date),
    never into French. Guide: translated into both and unchanged since."""
    for code in ("es", "fr"):
        translate(home, code, {})
    about = StandardPageFactory(parent=home, slug="about", title="About us")
    guide = StandardPageFactory(parent=home, slug="guide", title="Guide")
    translate(about, "es", {"About us": "Quiénes somos"})
    translate(guide, "es", {"Guide": "Guía"})
    translate(guide, "fr", {"Guide": "Guide"})
    about.title = "About the portal"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    return {"about": about, "guide": guide}


def counts_of(label):
    return next(row for row in status.summary(status.source_pages()) if str(row.label) == label)


def test_states_per_language_are_worked_out_from_wagtail_localize(pages):
    row = counts_of("standard pages")
    assert row.pages == 2
    assert row.by_language["es"] == {"translated": 1, "stale": 1, "missing": 0}
    assert row.by_language["fr"] == {"translated": 1, "stale": 0, "missing": 1}
    # Every page is listed once, as its source: never its translations.
    titles = [page.title for page in status.source_pages()]
    assert "Quiénes somos" not in titles and "About the portal" in titles


def test_a_page_written_in_spanish_is_its_own_source(home, locales):
    spanish_home = home.get_translation(locales["es"])
    page = StandardPageFactory(parent=spanish_home, slug="informe", title="Informe anual")
    [(source, cells)] = status.rows(status.source_pages().filter(pk=page.pk))
    states = {cell.code: cell.state for cell in cells}
    assert states == {"en": "missing", "es": "source", "fr": "missing"}


def test_editors_see_each_state_with_its_dates_and_the_link_that_fixes_it(client, editor, pages):
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    about = next(
        row for row in html.select(".translation-rows tbody tr") if "About the portal" in row.text
    )
    es, fr = about.select(".translation-stale"), about.select(".translation-missing")
    assert es and fr
    spanish = pages["about"].get_translation(Locale.objects.get(language_code="es"))
    assert es[0].find("a")["href"] == f"/admin/pages/{spanish.pk}/edit/"
    assert "Source changed" in es[0].text and "Updated" in es[0].text
    assert fr[0].find("a")["href"] == f"/admin/localize/submit/page/{pages['about'].pk}/"
    # A count links to the pages behind it.
    assert html.select_one(".translation-counts a[href*='state=stale']") is not None


def test_filters_by_language_state_section_and_type(client, editor, pages, home):
    library = IndexPageFactory(parent=home, slug="library", title="Library")
    StandardPageFactory(parent=library, slug="paper", title="A paper")
    client.force_login(editor)

    def titles(query):
        html = BeautifulSoup(client.get(URL + query).content, "html.parser")
        return {a.text for a in html.select(".translation-rows tbody th a")}

    assert titles("?language=fr&state=missing") == {"About the portal", "Library", "A paper"}
    assert titles("?language=es&state=stale") == {"About the portal"}
    assert titles("?language=fr&state=translated") == {"Home", "Guide"}
    assert titles(f"?section={library.pk}") == {"Library", "A paper"}
    # Filters nobody could have chosen show everything instead of an error.
    assert client.get(URL + "?section=x&type=y&language=zz&state=no&p=-3").status_code == 200


def test_spanish_editors_read_the_dashboard_in_spanish(client, editor, pages):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "es"  # the admin's own language setting
    profile.save()
    client.force_login(editor)
    html = client.get(URL).content.decode()
    assert "Desactualizada" in html and "Falta" in html


def test_the_query_count_does_not_grow_with_the_number_of_pages(client, editor, home):
    client.force_login(editor)
    StandardPageFactory(parent=home, slug="one", title="One")
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for n in range(6):
        StandardPageFactory(parent=home, slug=f"more-{n}", title=f"More {n}")
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(many) == len(few)


def test_readers_cannot_open_the_dashboard(client, member, pages):
    assert client.get(URL).status_code == 302
    client.force_login(member)
    assert client.get(URL).status_code in (302, 403)


def test_editors_ask_for_the_weekly_email_and_get_it_in_their_language(client, editor, pages):
    client.force_login(editor)
    client.post(URL, {"weekly": "on"})
    MemberProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "fr"})
    reader = UserFactory(username="reader")
    NotificationPreference.objects.create(
        user=reader, kind=NotificationKind.TRANSLATIONS, frequency="immediately"
    )
    UserFactory(username="editor2", is_staff=True)  # never asked: gets nothing
    assert status.send_weekly_reports() == 1
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert "Traductions : 2 pages à traduire ou à mettre à jour" in message.subject
    assert "Espagnol : traduites 2, obsolètes 1, manquantes 0" in message.body
    assert "Pages standard (2 pages)" in message.body and "&#x27;" not in message.body
    assert "Anglais" not in message.body  # nothing is translated into English here
    assert "/admin/reports/translations/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    client.post(URL, {})
    assert status.send_weekly_reports() == 0


def test_members_settings_do_not_offer_the_editors_report(member_client):
    html = member_client.get("/en/profile/notifications/").content.decode()
    assert "translation report" not in html
