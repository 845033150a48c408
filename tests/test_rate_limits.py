"""Rate limits that stop abuse without locking people out: the client address behind a
trusted proxy, log-in limits that never refuse the owner's browser, the unlock email, the
unsubscribe endpoint and the shared primitive."""

import re

import pytest
from django.core import mail
from django.test import RequestFactory

from portal import ratelimits
from portal.accounts import TRUSTED_BROWSER_COOKIE
from portal.clients import client_ip
from portal.factories import UserFactory
from portal.models import NotificationPreference
from portal.notifications import unsubscribe_token

pytestmark = pytest.mark.django_db
RIGHT = "correct-horse-battery"
LOGIN = "/en/accounts/login/"


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def attempt(client, email, password, peer="203.0.113.50", **headers):
    return client.post(LOGIN, {"login": email, "password": password}, REMOTE_ADDR=peer, **headers)


def logged_in_as(client, user):
    return client.session.get("_auth_user_id") == str(user.pk)


def owners_browser(client_factory, member):
    """A browser the member has logged in from before (it carries the trusted cookie)."""
    browser = client_factory()
    response = attempt(browser, member.email, RIGHT, peer="198.51.100.7")
    assert response.status_code == 302 and TRUSTED_BROWSER_COOKIE in response.cookies
    browser.post("/en/accounts/logout/")
    return browser


# -- the client address ------------------------------------------------------------------


def request_from(peer, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=peer, **headers)


def test_x_forwarded_for_is_ignored_from_a_peer_that_is_not_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from("10.0.0.2", "198.51.100.1")) == "10.0.0.2"


def test_x_forwarded_for_from_a_trusted_proxy_gives_the_right_most_untrusted_address(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.10"]
    assert client_ip(request_from("10.0.0.2", "198.51.100.1")) == "198.51.100.1"
    # The client wrote the left-most entries itself: only the chain of trusted proxies counts.
    forged = "1.1.1.1, 198.51.100.1, 192.0.2.10"
    assert client_ip(request_from("10.0.0.2", forged)) == "198.51.100.1"
    assert client_ip(request_from("10.0.0.2", "[2001:db8::5]:443, 198.51.100.1:5000")) == (
        "198.51.100.1"
    )
    assert client_ip(request_from("10.0.0.2", "2001:db8::5")) == "2001:db8::5"


def test_a_trusted_proxy_without_a_usable_header_is_the_client(settings):
    settings.TRUSTED_PROXIES = "10.0.0.0/8"
    assert client_ip(request_from("10.0.0.2")) == "10.0.0.2"
    assert client_ip(request_from("10.0.0.2", "not-an-address")) == "10.0.0.2"
    assert client_ip(request_from("10.0.0.2", "garbage, 10.0.0.7")) == "10.0.0.7"


def test_rate_limits_key_on_the_forwarded_client_behind_a_trusted_proxy(client, home, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed_client": "2/m/ip"}
    for n in range(2):
        attempt(
            client,
            f"x{n}@example.org",
            "nope",
            peer="10.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.1",
        )
    refused = attempt(
        client, "x@example.org", "nope", peer="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )
    assert "Too many failed login attempts from your connection" in refused.content.decode()
    # Another visitor behind the same proxy is another client.
    other = attempt(
        client, "x@example.org", "nope", peer="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert "Too many failed login attempts" not in other.content.decode()
    # A forged header from outside the proxy changes nothing: that peer is the client.
    for forged in ("198.51.100.3", "198.51.100.4", "198.51.100.5"):
        last = attempt(
            client, "x@example.org", "nope", peer="203.0.113.66", HTTP_X_FORWARDED_FOR=forged
        )
    assert "Too many failed login attempts from your connection" in last.content.decode()


# -- log-ins -----------------------------------------------------------------------------


def test_owner_logs_in_with_the_right_password_after_many_wrong_attempts_by_someone_else(
    client_factory, home, member
):
    browser = owners_browser(client_factory, member)
    attacker = client_factory()
    for n in range(40):  # from many clients, so that no per-client limit stops them first
        attempt(attacker, member.email, f"guess-{n}", peer=f"203.0.113.{n + 1}")
    refused = attempt(attacker, member.email, RIGHT, peer="203.0.113.99")
    assert not logged_in_as(attacker, member)
    assert "browsers it has not been used in" in refused.content.decode()
    response = attempt(browser, member.email, RIGHT, peer="198.51.100.7")
    assert response.status_code == 302
    assert logged_in_as(browser, member)


def test_attackers_client_is_refused_past_its_failures_even_for_other_accounts(
    client, home, member
):
    for n in range(10):
        response = attempt(client, f"someone{n}@example.org", "guess")
        assert "Too many failed login attempts" not in response.content.decode()
    response = attempt(client, member.email, "guess")
    assert "Too many failed login attempts from your connection" in response.content.decode()
    # Refused before the password is checked: even the right one teaches the client nothing.
    response = attempt(client, member.email, RIGHT)
    assert response.status_code == 200 and not logged_in_as(client, member)


def test_a_successful_log_in_uses_up_no_allowance(client_factory, home, member, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed_client": "2/m/ip"}
    for _n in range(5):
        browser = client_factory()
        assert attempt(browser, member.email, RIGHT).status_code == 302


def test_locked_account_emails_its_owner_a_link_that_trusts_a_new_browser(
    client_factory, home, member
):
    for n in range(20):
        attempt(client_factory(), member.email, f"guess-{n}", peer=f"203.0.113.{n + 1}")
    new_browser = client_factory()
    refused = attempt(new_browser, member.email, RIGHT, peer="198.51.100.20")
    assert "we have emailed it a link" in refused.content.decode()
    [email] = mail.outbox
    assert email.to == [member.email] and "new browser" in email.body
    # More refusals do not flood the owner's mailbox.
    attempt(new_browser, member.email, RIGHT, peer="198.51.100.20")
    assert len(mail.outbox) == 1
    link = link_in(email)
    assert new_browser.get(link).status_code == 200  # a button, for mail scanners' sake
    response = new_browser.post(link)
    assert response.status_code == 302 and TRUSTED_BROWSER_COOKIE in response.cookies
    assert attempt(new_browser, member.email, RIGHT, peer="198.51.100.20").status_code == 302
    assert logged_in_as(new_browser, member)


def test_unknown_addresses_are_refused_alike_and_nobody_is_emailed(client_factory, home):
    for n in range(21):
        last = attempt(client_factory(), "nobody@example.org", "guess", peer=f"203.0.113.{n + 1}")
    assert "we have emailed it a link" in last.content.decode()
    assert mail.outbox == []


def test_a_forged_or_stale_unlock_link_trusts_nothing(client, home, member):
    response = client.post("/en/accounts/trust-browser/not-a-token/")
    assert response.status_code == 400
    assert TRUSTED_BROWSER_COOKIE not in response.cookies
    stale = client.get("/en/accounts/trust-browser/x/")
    assert stale.status_code == 400 and "not valid or has expired" in stale.content.decode()


def test_a_password_reset_lets_its_browser_log_in_to_a_locked_account(client_factory, home, member):
    for n in range(20):
        attempt(client_factory(), member.email, f"guess-{n}", peer=f"203.0.113.{n + 1}")
    browser = client_factory()
    browser.post("/en/accounts/password/reset/", {"email": member.email})
    reset_path = link_in(mail.outbox[-1])
    response = browser.get(reset_path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else reset_path
    new = "a-Long-and-unusual-passphrase-42"
    browser.post(form_path, {"password1": new, "password2": new})
    assert attempt(browser, member.email, new).status_code == 302
    assert logged_in_as(browser, member)


def test_trusted_browser_has_its_own_allowance(client_factory, home, member):
    browser = owners_browser(client_factory, member)
    for n in range(20):
        attempt(browser, member.email, f"typo-{n}", peer=f"198.51.100.{n + 1}")
    response = attempt(browser, member.email, RIGHT, peer="198.51.100.77")
    assert "Too many failed login attempts" in response.content.decode()
    # The owner's own typos lock only that browser, not the account elsewhere.
    assert attempt(client_factory(), member.email, RIGHT, peer="198.51.100.78").status_code == 302


def test_the_refusal_is_translated(client_factory, home, member):
    for n in range(20):
        attempt(client_factory(), member.email, f"guess-{n}", peer=f"203.0.113.{n + 1}")
    body = (
        client_factory()
        .post(
            "/fr/accounts/login/",
            {"login": member.email, "password": RIGHT},
            REMOTE_ADDR="198.51.100.3",
        )
        .content.decode()
    )
    assert "Trop de tentatives de connexion échouées à ce compte" in body


# -- unsubscribe and the primitive ------------------------------------------------------------


def test_unsubscribe_posts_are_limited_per_recipient_with_the_message(client, home, member):
    url = f"/en/notifications/unsubscribe/{unsubscribe_token(member, 'discussions')}/"
    for _n in range(10):
        assert client.post(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 429
    assert "too many times in a short while" in response.content.decode()
    assert NotificationPreference.objects.filter(user=member, kind="discussions").exists()
    # Another member's one-click from the same mail provider's address still works.
    other = UserFactory(username="other")
    other_url = f"/en/notifications/unsubscribe/{unsubscribe_token(other, 'discussions')}/"
    assert client.post(other_url).status_code == 200


def test_invalid_unsubscribe_tokens_are_limited_per_client(client, home):
    for n in range(10):
        assert client.post(f"/en/notifications/unsubscribe/bad{n}/").status_code == 400
    response = client.post("/es/notifications/unsubscribe/bad/")
    assert response.status_code == 429
    assert "Demasiados intentos" in response.content.decode()


def test_reading_never_uses_up_an_allowance(client, home, member):
    url = f"/en/notifications/unsubscribe/{unsubscribe_token(member, 'discussions')}/"
    for _n in range(30):
        assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200


def test_allow_counts_per_action_and_key(rf, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "probe": "2/m/key"}
    request = rf.post("/")
    assert ratelimits.allow(request, "probe", key="a") and ratelimits.allow(
        request, "probe", key="a"
    )
    assert not ratelimits.allow(request, "probe", key="a")
    assert ratelimits.allow(request, "probe", key="b")
    assert ratelimits.allow(request, "not-configured")
