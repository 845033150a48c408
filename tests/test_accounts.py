"""Member accounts: sign-up with verification, log-in, reset, profile, directory, rate limits."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portal.factories import CountryFactory, ThemeFactory, UserFactory
from portal.models import MemberProfile

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "a-Long-and-unusual-passphrase-42"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def signup(client, email="ana@example.org", lang="en", **extra):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "first_name": "Ana",
        "last_name": "Pérez",
        "organisation": "IPC-IG",
        **extra,
    }
    return client.post(f"/{lang}/accounts/signup/", data)


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_signup_sends_a_verification_email_and_verifying_logs_in(client, home):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="ana@example.org")
    assert user.first_name == "Ana" and user.profile.organisation == "IPC-IG"
    assert len(mail.outbox) == 1
    confirm_path = link_in(mail.outbox[0])
    assert client.get(confirm_path).status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert client.get("/en/profile/").status_code == 200


def test_signup_in_spanish_sets_language_and_speaks_spanish(client, home):
    response = signup(client, email="eva@example.org", lang="es")
    assert response.status_code == 302
    assert User.objects.get(email="eva@example.org").profile.preferred_language == "es"


def test_unverified_member_cannot_log_in(client, home):
    signup(client)
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "ana@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "confirm-email" in response.url
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "data,field",
    [
        ({"email": "not-an-email"}, "email"),
        ({"password2": "different-password-123"}, "password2"),
        ({"password1": "short", "password2": "short"}, "password1"),
        ({"first_name": ""}, "first_name"),
    ],
)
def test_signup_rejects_bad_input_with_a_clear_error_and_saves_nothing(client, home, data, field):
    response = signup(client, email=data.pop("email", "bad@example.org"), **data)
    assert response.status_code == 200
    assert response.context["form"].errors.get(field)
    assert not User.objects.filter(email="bad@example.org").exists()
    assert mail.outbox == []


def test_signup_error_messages_are_translated(client, home):
    response = signup(client, lang="fr", password2="autre-mot-de-passe-123")
    assert response.status_code == 200
    assert "Vous devez saisir deux fois le même mot de passe" in response.content.decode()


def test_duplicate_email_cannot_sign_up_twice(client, home, member):
    response = signup(client, email=member.email)
    assert response.status_code == 200 or User.objects.filter(email=member.email).count() == 1
    assert User.objects.filter(email__iexact=member.email).count() == 1


def test_login_and_logout(client, home, member):
    response = client.post(
        "/en/accounts/login/", {"login": member.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)
    client.post("/en/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_wrong_password_gives_a_clear_error(client, home, member):
    response = client.post("/es/accounts/login/", {"login": member.email, "password": "nope"})
    assert response.status_code == 200
    assert "no son correctas" in response.content.decode()


def test_failed_logins_are_rate_limited_per_client(client, home, member):
    # More on log-in limits (the owner's browser, the unlock email) in tests/test_rate_limits.py.
    for i in range(10):
        response = client.post("/en/accounts/login/", {"login": member.email, "password": f"x{i}"})
        assert "Too many failed login attempts" not in response.content.decode()
    # Past the limit this client is refused before any password is checked, with a clear message.
    response = client.post(
        "/en/accounts/login/", {"login": member.email, "password": "correct-horse-battery"}
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signups_are_rate_limited(client, home):
    statuses = [signup(client, email=f"n{i}@example.org").status_code for i in range(7)]
    assert 429 in statuses


def test_password_reset_flow(client, home, member):
    response = client.post("/en/accounts/password/reset/", {"email": member.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    reset_path = link_in(mail.outbox[0])
    response = client.get(reset_path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else reset_path
    response = client.post(form_path, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_profile_requires_login(client, home):
    response = client.get("/en/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def png_bytes(size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_member_edits_profile(member_client, member, home):
    country = CountryFactory()
    theme = ThemeFactory(name="Cash transfers")
    response = member_client.post(
        "/en/profile/",
        {
            "first_name": "María",
            "last_name": "López",
            "organisation": "UNICEF",
            "country": country.pk,
            "expertise": [theme.pk],
            "preferred_language": "fr",
            "bio": "Works on cash transfers.",
            "show_in_directory": "on",
            "photo": SimpleUploadedFile("me.png", png_bytes(), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=member)
    assert profile.organisation == "UNICEF" and profile.country == country
    assert list(profile.expertise.all()) == [theme]
    assert profile.preferred_language == "fr" and profile.photo
    member.refresh_from_db()
    assert member.first_name == "María"


def test_fake_image_is_refused_and_nothing_is_saved(member_client, member, home):
    response = member_client.post(
        "/en/profile/",
        {
            "first_name": "Changed",
            "last_name": "Name",
            "organisation": "Changed org",
            "preferred_language": "en",
            "photo": SimpleUploadedFile(
                "me.png", b"<script>not an image</script>", content_type="image/png"
            ),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["photo"]
    member.refresh_from_db()
    assert member.first_name != "Changed"
    assert MemberProfile.objects.get(user=member).organisation != "Changed org"


def test_directory_lists_members_who_opted_in_for_logged_in_members(client, member, home):
    hidden = UserFactory(username="hidden", first_name="Hidden", last_name="Person")
    MemberProfile.objects.filter(user=hidden).update(show_in_directory=False)
    UserFactory(username="listed", first_name="Listed", last_name="Person")
    assert client.get("/en/members/").status_code == 302  # anonymous: log in first
    client.force_login(member)
    body = client.get("/en/members/").content.decode()
    assert "Listed Person" in body and "Hidden Person" not in body
    assert client.get(f"/en/members/{hidden.profile.pk}/").status_code == 404


def test_directory_query_count_does_not_grow_with_members(
    client, member, home, django_assert_max_num_queries
):
    theme = ThemeFactory()
    for i in range(30):
        user = UserFactory(username=f"m{i}")
        user.profile.expertise.add(theme)
    client.force_login(member)
    with django_assert_max_num_queries(12):
        assert client.get("/en/members/").status_code == 200


def test_directory_filters(client, member, home):
    country = CountryFactory()
    other = UserFactory(username="br", first_name="Bruno", last_name="Silva")
    MemberProfile.objects.filter(user=other).update(country=country, organisation="MDS")
    UserFactory(username="nobody", first_name="Zed", last_name="Zulu")
    client.force_login(member)
    body = client.get(f"/en/members/?country={country.pk}").content.decode()
    assert "Bruno Silva" in body and "Zed Zulu" not in body
    body = client.get("/en/members/?q=MDS").content.decode()
    assert "Bruno Silva" in body and "Zed Zulu" not in body
