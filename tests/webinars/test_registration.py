"""Registration: one click for members, guest form, capacity, closing, duplicates, emails."""

import datetime as dt

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portal.factories import CountryFactory, UserFactory
from webinars.models import Registration
from webinars.registration import RegistrationRefused, register


def _guest(client, webinar, email="ana@example.org", **extra):
    data = {"name": "Ana Souza", "email": email, "organisation": "MDS", **extra}
    return client.post(webinar.url + "register/", data, follow=True)


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
    response = _guest(client, upcoming, country=brazil.pk)
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert (registration.name, registration.country) == ("Ana Souza", brazil)
    assert len(mail.outbox) == 1


def test_guest_form_errors_are_shown(client, upcoming):
    response = client.post(upcoming.url + "register/", {"name": "", "email": "not-an-email"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not Registration.objects.exists()


def test_duplicate_registration_is_recognised_case_insensitively(client, upcoming):
    _guest(client, upcoming)
    response = _guest(client, upcoming, email="ANA@Example.org")
    assert Registration.objects.count() == 1
    assert "already registered" in response.content.decode()
    assert len(mail.outbox) == 1


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
