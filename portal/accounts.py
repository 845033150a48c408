"""django-allauth adapter: usernames from emails, a profile for every new member, and log-in
limits that stop password guessing without locking the owner out.

allauth's own limit counts failed log-ins per account and refuses even the right password
once it is used up, so anyone who knows an address can lock its owner out. Here failures are
counted in three places, none of which the owner shares with an attacker:

* per client (``login_failed_client``, per ``portal.clients.client_ip``): a guessing client
  is refused whichever accounts it tries;
* per account, for browsers the account has not logged in from (``login_failed``, keyed by
  the address typed): a guesser spread over many clients is refused for that account;
* per *trusted browser* (the same rate, keyed by the browser): a browser that has logged in
  to the account before carries a signed cookie saying so, and its attempts are counted on
  their own, so an attacker's failures never refuse the owner on their usual browser.

When an account is refused to unknown browsers, its address is emailed (at most once per
``login_unlock_email`` period) a link that makes the browser it is opened in a trusted one
for the account; the password is still needed. A password reset does the same for the
browser it is completed in. Limits are checked before the password is and a failure is
counted after it (a success uses up nothing), so a refused attempt learns nothing about the
password.
"""

import secrets
import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import ratelimit
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.core import signing
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.clients import client_ip
from portal.emails import compose, render_subject, render_text
from portal.models import MemberProfile
from portal.notifications import notify_address, preferred_language
from portal.reader_urls import absolute_url

TRUSTED_BROWSER_COOKIE = "portal_browser"
TRUSTED_BROWSER_SALT = "portal.trusted-browser"
TRUSTED_BROWSER_MAX_AGE = 365 * 24 * 3600
TRUSTED_BROWSER_MAX_ACCOUNTS = 5
SESSION_TRUSTED_USERS = "portal_trusted_users"
UNLOCK_SALT = "portal.login-unlock"
UNLOCK_MAX_AGE = 24 * 3600

LOGIN_FAILED_CLIENT = "login_failed_client"
LOGIN_FAILED_ACCOUNT = "login_failed"
UNLOCK_EMAIL = "login_unlock_email"


def login_identity(credentials):
    """The address (or username) a log-in attempt names, as failures are counted by it."""
    return (credentials.get("email") or credentials.get("username") or "").strip().lower()


def users_for_login(login):
    """Ids of the active accounts ``login`` names (their primary or any added address)."""
    if not login:
        return set()
    users = get_user_model().objects.filter(
        Q(email__iexact=login) | Q(emailaddress__email__iexact=login), is_active=True
    )
    return set(users.values_list("pk", flat=True))


def read_trusted_browser(request):
    """``(browser id, account ids)`` from the browser's signed cookie, or ``(None, [])``."""
    value = request.COOKIES.get(TRUSTED_BROWSER_COOKIE)
    if not value:
        return None, []
    try:
        data = signing.loads(value, salt=TRUSTED_BROWSER_SALT, max_age=TRUSTED_BROWSER_MAX_AGE)
    except signing.BadSignature:
        return None, []
    users = [u for u in data.get("u", []) if isinstance(u, int)]
    return data.get("b"), users


def trust_browser(request, response, user):
    """Mark the browser of ``request`` as one ``user`` logs in from (a cookie on ``response``)."""
    browser, users = read_trusted_browser(request)
    browser = browser or secrets.token_urlsafe(12)
    users = [user.pk] + [u for u in users if u != user.pk]
    response.set_cookie(
        TRUSTED_BROWSER_COOKIE,
        signing.dumps(
            {"b": browser, "u": users[:TRUSTED_BROWSER_MAX_ACCOUNTS]}, salt=TRUSTED_BROWSER_SALT
        ),
        max_age=TRUSTED_BROWSER_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def trusted_account(request, login):
    """``(browser id, account id)`` when this browser is trusted for the account ``login``
    names (its cookie, or a password reset done in this session), else None."""
    browser, users = read_trusted_browser(request)
    session = getattr(request, "session", None)
    session_users = session.get(SESSION_TRUSTED_USERS, []) if session is not None else []
    candidates = set(users) | set(session_users)
    if not candidates:
        return None
    matches = candidates & users_for_login(login)
    if not matches:
        return None
    return browser or f"session:{session.session_key}", min(matches)


def failure_key(request, login):
    """``(key, trusted)``: what a failed log-in for ``login`` from this browser is counted
    against, and whether that is a trusted browser's own allowance."""
    trusted = trusted_account(request, login)
    if trusted:
        browser, user_id = trusted
        return f"browser:{browser}:{user_id}", True
    return f"account:{login}", False


def unlock_token(user):
    """A signed token naming ``user`` for an unlock link (read by :func:`read_unlock_token`)."""
    return signing.dumps({"u": user.pk, "n": uuid.uuid4().hex[:8]}, salt=UNLOCK_SALT)


def read_unlock_token(token):
    """The active user an unlock link was sent to, or None (tampered, expired, gone)."""
    try:
        data = signing.loads(token, salt=UNLOCK_SALT, max_age=UNLOCK_MAX_AGE)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()


def send_unlock_email(request, login):
    """Email the accounts ``login`` names a link that trusts the browser it is opened in.

    At most once per ``login_unlock_email`` period per address, so an attacker hammering the
    account does not flood its owner's mailbox. Says nothing about whether an account exists.
    """
    if not ratelimit.consume(request, action=UNLOCK_EMAIL, key=login):
        return 0
    sent = 0
    for user in get_user_model().objects.filter(pk__in=users_for_login(login)):
        language = preferred_language(user)
        with translation.override(language):
            url = reverse("portal:login_unlock", args=[unlock_token(user)])
        notify_address(
            user.email or login,
            "portal/emails/login_unlock",
            {"user": user},
            url=url,
            language=language,
        )
        sent += 1
    return sent


def trust_browser_after_password_reset(sender, request, user, **kwargs):
    """Whoever just reset the password from the emailed link owns the mailbox: the browser
    they did it in logs in on its own allowance (for this session). Connected to allauth's
    ``password_reset`` signal in ``PortalConfig.ready``."""
    if request is not None and hasattr(request, "session"):
        trusted = request.session.get(SESSION_TRUSTED_USERS, [])
        if user.pk not in trusted:
            request.session[SESSION_TRUSTED_USERS] = [*trusted, user.pk]


def user_display(user):
    """How allauth names a member in its pages and emails (``ACCOUNT_USER_DISPLAY``): their
    name, else their address; never the generated username."""
    return user.get_full_name() or user.email


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter for the portal: log-in limits per client and per account and browser,
    email as the log-in, a profile for each new member, emails in the member's language."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Too many failed login attempts from your connection. Please wait a few minutes "
            "and try again."
        ),
        "account_locked_for_browser": _(
            "Too many failed login attempts for this account from browsers it has not been "
            "used in. If the address belongs to an account, we have emailed it a link: open "
            "it in this browser, then log in with your password."
        ),
    }

    def get_client_ip(self, request):
        """The client's address as the portal reads it (:func:`portal.clients.client_ip`)."""
        # Every allauth rate limit keys on this: the same client address as the portal's.
        return client_ip(request)

    def populate_username(self, request, user):
        """Gives a new user a unique internal username (members log in with their email)."""
        # Members log in with their email; the username is an internal, unique handle.
        if not user.username:
            user.username = f"m-{uuid.uuid4().hex[:12]}"

    def save_user(self, request, user, form, commit=True):
        """Also creates the member's profile, in the language they signed up in."""
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            MemberProfile.objects.get_or_create(
                user=user,
                defaults={"preferred_language": translation.get_language() or "en"},
            )
        return user

    # -- emails: the portal's shape, the recipient's language, links from BASE_URL --------

    def send_mail(self, template_prefix, email, context):
        """allauth's messages (confirmations, password resets, notices) as every portal
        email: text and HTML, in the language of the member they are about (the reader's
        for an address without an account)."""
        user = context.get("user")
        language = (
            preferred_language(user)
            if user is not None and user.pk
            else translation.get_language() or settings.LANGUAGE_CODE
        )
        with translation.override(language):
            context = {"email": email, "current_site": get_current_site(None), **context}
            subject = self.format_email_subject(
                render_subject(f"{template_prefix}_subject.txt", context)
            )
            text = render_text(f"{template_prefix}_message.txt", context)
        compose(email, subject, text, language=language).send()

    def send_password_reset_mail(self, user, email, context):
        """The reset link opens in the member's language, at ``BASE_URL``."""
        # The link opens the reset form in the member's language, at the portal's address.
        with translation.override(preferred_language(user)):
            path = reverse(
                "account_reset_password_from_key",
                kwargs={"uidb36": context["uid"], "key": context["key"]},
            )
        context["password_reset_url"] = absolute_url(path)
        return super().send_password_reset_mail(user, email, context)

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The confirmation link, in the member's language, at ``BASE_URL``."""
        # The link opens in the member's language, at the portal's address.
        with translation.override(preferred_language(emailconfirmation.email_address.user)):
            path = reverse("account_confirm_email", args=[emailconfirmation.key])
        return absolute_url(path)

    # -- log-in limits (see the module docstring) ------------------------------------------

    def pre_authenticate(self, request, **credentials):
        """Refuses a log-in when the client, or the account from this browser, has failed too
        often; an untrusted browser's lock-out emails the account an unlock link."""
        # Replaces allauth's check, which counts per account for every browser alike.
        login = login_identity(credentials)
        self._failure_key, trusted = failure_key(request, login)
        if not ratelimit.consume(request, action=LOGIN_FAILED_CLIENT, dry_run=True):
            raise self.validation_error("too_many_login_attempts")
        if not ratelimit.consume(
            request, action=LOGIN_FAILED_ACCOUNT, key=self._failure_key, dry_run=True
        ):
            if trusted:
                raise self.validation_error("too_many_login_attempts")
            send_unlock_email(request, login)
            raise self.validation_error("account_locked_for_browser")

    def authentication_failed(self, request, **credentials):
        """Counts the failure against the client and against the account (or trusted browser)."""
        key = getattr(self, "_failure_key", None)
        if key is None:
            key, _trusted = failure_key(request, login_identity(credentials))
        ratelimit.consume(request, action=LOGIN_FAILED_CLIENT)
        ratelimit.consume(request, action=LOGIN_FAILED_ACCOUNT, key=key)

    def post_login(self, request, user, **kwargs):
        """Also marks the browser as one the member logs in from."""
        response = super().post_login(request, user, **kwargs)
        return trust_browser(request, response, user)
