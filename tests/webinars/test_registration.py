"""Registration: one click for members, guest form confirmed by email, capacity, closing,
duplicates, emails, rate limits."""

import datetime as dt
import re

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portal.factories import CountryFactory, UserFactory
from tests.nu_checker import nu_errors
from webinars.models import Registration
from webinars.registration import RegistrationRefused, register


def _guest(client, webinar, email="ana@example.org", **extra):
    data = {"name": "Ana Souza", "email": email, "organisation": "MDS", **extra}
    return client.post(webinar.url + "register/", data, follow=True)


def _confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def _confirmed_guest(client, webinar, email="ana@example.org", **extra):
    """A guest registers and follows the link they are emailed."""
    _guest(client, webinar, email=email, **extra)
    link = _confirmation_link(mail.outbox[-1])
    return client.post(link, follow=True)


def test_member_registers_in_one_click_and_gets_an_ics(member_client, member, upcoming):
    response = member_client.post(upcoming.url + "register/", follow=True)
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.user == member and registration.email == member.email
    assert "You are registered" in response.content.decode()
    [email] = mail.outbox
    assert email.to == [member.email]
    filename, content, mimetype = email.attachments[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == upcoming.starts_at
    assert event["DTSTART"].params["TZID"] == "America/New_York"


def test_guest_registers_with_name_email_organisation_country(client, upcoming):
    brazil = CountryFactory()
    response = _confirmed_guest(client, upcoming, country=brazil.pk)
    assert response.status_code == 200
    assert "You are registered" in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.name, registration.country) == ("Ana Souza", brazil)
    assert registration.organisation == "MDS" and registration.user is None
    assert len(mail.outbox) == 2  # the link, then the confirmation with the calendar file
    assert mail.outbox[1].attachments[0][0].endswith(".ics")


def test_guest_registration_takes_no_seat_until_the_emailed_link_is_followed(client, upcoming):
    response = _guest(client, upcoming)
    assert "Almost done" in response.content.decode()
    assert not Registration.objects.exists()
    assert upcoming.registration_count == 0
    [email] = mail.outbox
    assert email.to == ["ana@example.org"] and not email.attachments
    link = _confirmation_link(email)
    # Opening the link (as a mail scanner would) registers nobody: the button does.
    page = client.get(link)
    assert page.status_code == 200 and "Confirm my registration" in page.content.decode()
    assert not Registration.objects.exists()
    client.post(link)
    assert Registration.objects.get().email == "ana@example.org"
    assert upcoming.registration_count == 1
    # Following it again finds the registration instead of making another.
    again = client.post(link, follow=True)
    assert "already registered" in again.content.decode()
    assert Registration.objects.count() == 1


def test_invented_addresses_cannot_fill_a_session(client, upcoming):
    for n in range(5):
        _guest(client, upcoming, email=f"invented{n}@example.org")
    assert upcoming.registration_state() == "open"
    assert not Registration.objects.exists()


def test_a_tampered_or_foreign_confirmation_link_registers_nobody(client, upcoming, past):
    _guest(client, upcoming)
    link = _confirmation_link(mail.outbox[-1])
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert client.post(link[:-3] + "xx/").status_code == 400
    # The link of one webinar does not register for another.
    assert client.post(f"{past.url}register/confirm/{token}/").status_code == 400
    assert not Registration.objects.exists()


def test_the_seat_is_checked_again_when_the_link_is_followed(client, upcoming):
    _guest(client, upcoming, email="late@example.org")
    link = _confirmation_link(mail.outbox[-1])
    for n in range(3):
        register(upcoming, email=f"p{n}@example.org", name=f"P{n}")
    response = client.post(link, follow=True)
    assert "This webinar is full" in response.content.decode()
    assert not Registration.objects.filter(email="late@example.org").exists()


def test_guest_registration_is_rate_limited_per_client_with_the_message_and_the_form_kept(
    client, upcoming
):
    upcoming.capacity = 300
    upcoming.save()
    statuses = []
    for n in range(12):
        data = {"name": f"Bot {n}", "email": f"bot{n}@example.org", "organisation": "Spam Inc"}
        statuses.append(client.post(upcoming.url + "register/", data).status_code)
    assert statuses[:10] == [302] * 10 and statuses[10:] == [429, 429]
    data = {"name": "Ana Souza", "email": "ana@example.org", "organisation": "MDS"}
    refused = client.post(upcoming.url + "register/", data)
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "too many times in a short while" in body
    assert 'value="Ana Souza"' in body and 'value="ana@example.org"' in body
    assert len(mail.outbox) == 10 and not Registration.objects.exists()


def test_one_address_gets_few_confirmation_emails(client_factory, upcoming, series):
    for n in range(6):
        client_factory().post(
            upcoming.url + "register/",
            {"name": "Victim", "email": "victim@example.org"},
            REMOTE_ADDR=f"203.0.113.{n + 1}",
        )
    assert len(mail.outbox) == 5


def test_member_one_click_is_rate_limited(member_client, member, upcoming, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "webinar_register": "1/m/key"}
    assert member_client.post(upcoming.url + "register/").status_code == 302
    refused = member_client.post(upcoming.url.replace("/en/", "/es/", 1) + "register/")
    assert refused.status_code == 429
    assert "Demasiados intentos" in refused.content.decode()


def test_guest_form_errors_are_shown(client, upcoming):
    response = client.post(upcoming.url + "register/", {"name": "", "email": "not-an-email"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not Registration.objects.exists()


def test_duplicate_registration_is_recognised_case_insensitively(client, upcoming):
    _confirmed_guest(client, upcoming)
    response = _guest(client, upcoming, email="ANA@Example.org")
    assert Registration.objects.count() == 1
    assert "already registered" in response.content.decode()
    assert len(mail.outbox) == 2  # no new link for an address that is registered


def test_duplicate_across_language_versions_is_recognised(upcoming, locales):
    spanish = upcoming.copy_for_translation(locales["es"], copy_parents=True)
    spanish.save_revision().publish()
    register(upcoming, email="a@example.org", name="A")
    registration, created = register(spanish.specific, email="a@example.org", name="A")
    assert not created
    assert Registration.objects.count() == 1


def test_capacity_refuses_once_full_but_still_recognises_the_registered(upcoming):
    for n in range(3):
        register(upcoming, email=f"p{n}@example.org", name=f"P{n}")
    with pytest.raises(RegistrationRefused) as refused:
        register(upcoming, email="late@example.org", name="Late")
    assert refused.value.reason == "full"
    _registration, created = register(upcoming, email="p1@example.org", name="P1")
    assert not created


def test_full_webinar_says_so_on_the_page(client, upcoming):
    for n in range(3):
        register(upcoming, email=f"p{n}@example.org", name=f"P{n}")
    response = _guest(client, upcoming, email="late@example.org")
    assert "This webinar is full" in response.content.decode()
    assert Registration.objects.count() == 3


def test_registration_closes_at_the_closing_time(upcoming):
    upcoming.registration_closes_at = timezone.now() - dt.timedelta(minutes=1)
    upcoming.save()
    with pytest.raises(RegistrationRefused) as refused:
        register(upcoming, email="a@example.org", name="A")
    assert refused.value.reason == "closed"


def test_registration_closes_when_the_session_starts(upcoming):
    with pytest.raises(RegistrationRefused):
        register(
            upcoming,
            email="a@example.org",
            name="A",
            now=upcoming.starts_at + dt.timedelta(seconds=1),
        )


def test_external_registration_shows_the_link_and_refuses_built_in(client, upcoming):
    upcoming.registration_mode = "external"
    upcoming.registration_url = "https://example.org/register"
    upcoming.save()
    assert "https://example.org/register" in client.get(upcoming.url).content.decode()
    with pytest.raises(RegistrationRefused):
        register(upcoming, email="a@example.org", name="A")


def test_reminders_go_once_to_registrants_of_sessions_starting_soon(upcoming, past):
    upcoming.schedule(timezone.now() + dt.timedelta(hours=5), "Asia/Bangkok")
    upcoming.save()
    register(upcoming, email="a@example.org", name="A", language="fr")
    register(upcoming, email="b@example.org", name="B")
    mail.outbox.clear()
    call_command("send_webinar_reminders", "--hours", "24")
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    french = next(m for m in mail.outbox if m.to == ["a@example.org"])
    assert "Rappel" in french.subject
    assert Registration.objects.filter(reminded_at__isnull=True).count() == 0
    call_command("send_webinar_reminders", "--hours", "24")
    assert len(mail.outbox) == 2


def test_registered_member_sees_that_they_are_registered(member_client, member, upcoming):
    register(upcoming, email=member.email.upper(), name="Maria", user=member)
    html = member_client.get(upcoming.url).content.decode()
    assert "You are registered" in html


def test_registration_data_stays_off_public_pages(client, upcoming):
    register(upcoming, email="secret.person@example.org", name="Secret Person")
    other = UserFactory(username="other")
    client.force_login(other)
    html = client.get(upcoming.url).content.decode()
    assert "secret.person" not in html
    assert "Audience figures" not in html


def test_a_spanish_guests_emails_are_spanish_text_and_html_with_a_publish_invitation(
    client, upcoming
):
    """The link to confirm and the confirmation with its calendar file, as a Spanish guest
    reads them: both parts in Spanish, links into /es/, the file's METHOD the MIME type's."""
    spanish_url = upcoming.url.replace("/en/", "/es/", 1)
    client.post(spanish_url + "register/", {"name": "Ana Souza", "email": "ana@example.org"})
    client.post(_confirmation_link(mail.outbox[-1]), follow=True)
    assert Registration.objects.get().language == "es"
    for message in mail.outbox:
        [html] = [body for body, mimetype in message.alternatives if mimetype == "text/html"]
        assert '<html lang="es"' in html and nu_errors(html) == []
        links = re.findall(r"https?://\S+", message.body)
        assert links and all(link.startswith("http://127.0.0.1:8000/es/") for link in links)
    confirmation = mail.outbox[-1]
    assert "Financial inclusion" in confirmation.subject
    filename, content, mimetype = confirmation.attachments[0]
    assert "method=PUBLISH" in mimetype
    assert icalendar.Calendar.from_ical(content)["METHOD"] == "PUBLISH"
