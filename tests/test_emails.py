"""Every email reads right in text and HTML mail clients, in the recipient's language, with
links into that language's site at the portal's address (BASE_URL)."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

from portal.factories import UserFactory
from portal.models import NotificationPreference
from portal.models.members import Frequency
from portal.notifications import notify, notify_address
from tests.nu_checker import nu_errors

pytestmark = pytest.mark.django_db
PASSWORD = "a-Long-and-unusual-passphrase-42"
TEMPLATE = "portal/emails/test_notice"


@pytest.fixture(autouse=True)
def _templates(settings, tmp_path):
    folder = tmp_path / "templates" / "portal" / "emails"
    folder.mkdir(parents=True)
    (folder / "test_notice_subject.txt").write_text("{{ title }}")
    (folder / "test_notice.txt").write_text(
        "{% load i18n %}{% translate 'Notification settings' %}\n\n{{ title }}\n\n{{ url }}"
    )
    settings.TEMPLATES = [
        {**engine, "DIRS": [tmp_path / "templates", *engine["DIRS"]]}
        for engine in settings.TEMPLATES
    ]


def parts(message):
    """(text, html) of a sent message."""
    html = [body for body, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(html) == 1, "every email has exactly one HTML alternative"
    return message.body, html[0]


def links(text):
    return re.findall(r"https?://\S+", text)


def assert_readable_html(html, language):
    assert re.search(rf'<html lang="{language}"', html)
    # Offline-safe: nothing fetched from elsewhere, no scripts.
    assert not re.search(r"<(img|link|script|iframe)\b", html)
    assert "url(" not in html
    assert nu_errors(html) == []


def test_a_notification_is_text_and_html_and_its_text_is_not_escaped(member):
    title = "Rural women's groups: welcome & thanks <all>"
    notify(member, "announcements", TEMPLATE, {"title": title}, url="/en/communities/x/")
    message = mail.outbox[0]
    text, html = parts(message)
    assert title in message.subject
    assert title in text and "&#x27;" not in text and "&amp;" not in text
    assert "Rural women&#x27;s groups: welcome &amp; thanks &lt;all&gt;" in html
    assert '<a href="http://127.0.0.1:8000/en/communities/x/"' in html
    # The unsubscribe footer is in both parts, as a link in the HTML one.
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in text and f'href="{unsubscribe}"' in html
    assert_readable_html(html, "en")


def test_a_spanish_members_email_is_spanish_in_both_parts_with_spanish_links(member):
    member.profile.preferred_language = "es"
    member.profile.save()
    notify(member, "announcements", TEMPLATE, {"title": "Convocatoria"}, url="/es/x/")
    text, html = parts(mail.outbox[0])
    assert "Configuración de notificaciones" in text and "Configuración de notificaciones" in html
    assert all(link.startswith("http://127.0.0.1:8000/es/") for link in links(text))
    assert_readable_html(html, "es")


def test_links_follow_base_url(settings, member):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.net"
    notify(member, "announcements", TEMPLATE, {"title": "x"}, url="/en/x/")
    text, _html = parts(mail.outbox[0])
    assert links(text) and all(
        link.startswith("https://portal.example.net/") for link in links(text)
    )


def test_an_email_to_an_address_is_text_and_html_in_its_language(home):
    notify_address("guest@example.org", TEMPLATE, {"title": "Séance"}, url="/fr/x/", language="fr")
    text, html = parts(mail.outbox[0])
    assert "Paramètres de notification" in text
    assert_readable_html(html, "fr")


def test_the_daily_digest_unsubscribes_in_one_click_without_logging_in(client, member, home):
    for kind in ("announcements", "discussions"):
        NotificationPreference.objects.create(user=member, kind=kind, frequency=Frequency.DAILY)
    notify(member, "announcements", TEMPLATE, {"title": "First"})
    notify(member, "discussions", TEMPLATE, {"title": "Second"})
    call_command("send_digests")
    message = mail.outbox[0]
    text, html = parts(message)
    assert "First" in text and "Second" in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in text
    assert_readable_html(html, "en")
    # What a mail client does on "Unsubscribe": a POST, no session, no CSRF token.
    anonymous = client.__class__(enforce_csrf_checks=True)
    response = anonymous.post(unsubscribe.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    assert set(member.notification_preferences.values_list("frequency", flat=True)) == {
        Frequency.NEVER
    }


def signup(client, language, email):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "first_name": "Inés",
            "last_name": "O'Neill",
            "organisation": "",
        },
    )


@pytest.mark.parametrize(
    "language, subject_word", [("en", "confirm"), ("es", "confirme"), ("fr", "confirm")]
)
def test_the_sign_up_confirmation_is_the_portals_in_the_members_language(
    client, home, language, subject_word
):
    assert signup(client, language, f"ines.{language}@example.org").status_code == 302
    message = mail.outbox[0]
    text, html = parts(message)
    assert subject_word in message.subject.lower()
    # The portal's name, not a host; the member's name or address, not a generated username.
    assert "Social Protection Knowledge Portal" in text
    assert "example.com" not in text and not re.search(r"\bm-[0-9a-f]{12}\b", text)
    confirm = [link for link in links(text) if "/accounts/confirm-email/" in link]
    assert confirm and confirm[0].startswith(f"http://127.0.0.1:8000/{language}/accounts/")
    assert_readable_html(html, language)
    assert client.get(confirm[0].removeprefix("http://127.0.0.1:8000")).status_code == 200


def test_a_password_reset_is_in_the_members_language_whatever_page_asked(client, home):
    user = UserFactory(email="amelie@example.org")
    user.profile.preferred_language = "fr"
    user.profile.save()
    assert client.post("/en/accounts/password/reset/", {"email": user.email}).status_code == 302
    message = mail.outbox[0]
    text, html = parts(message)
    assert "mot de passe" in message.subject.lower()
    reset = [link for link in links(text) if "/password/reset/key/" in link]
    assert reset and reset[0].startswith("http://127.0.0.1:8000/fr/accounts/password/reset/key/")
    assert user.username not in text
    assert_readable_html(html, "fr")
    response = client.get(reset[0].removeprefix("http://127.0.0.1:8000"), follow=True)
    assert response.status_code == 200
