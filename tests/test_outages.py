"""Outages: with Redis or the database down the site still answers, and logs each failure once.

Redis down is real: the cache is the settings' own django-redis cache pointed at a port where
nothing listens. The database down is simulated with Django's ``connection.execute_wrapper``
(every query raises the error a refused or lost connection raises), on SQLite as on
PostgreSQL; on PostgreSQL one more test points the connection at a closed port.
"""

import logging
import socket
from contextlib import contextmanager

import psycopg
import pytest
from django.core.cache import cache
from django.db import OperationalError, ProgrammingError, connection
from django.test import Client

from library.factories import LibraryIndexPageFactory
from portal import logging_filters
from portal.factories import UserFactory
from portal.logging_filters import OncePerInterval
from portal.settings.base import redis_cache

pytestmark = pytest.mark.django_db

CLOSED_REDIS_PORT = 6390
REFUSED = OperationalError(
    'connection failed: connection to server at "127.0.0.1", port 5432 failed: Connection refused'
)
PASSWORD = "correct-horse-battery"  # UserFactory's


@pytest.fixture(autouse=True)
def _fresh_log_filters():
    OncePerInterval.reset_all()
    cache.clear()
    yield
    OncePerInterval.reset_all()


def port_is_closed(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def point_cache_at_closed_port(settings):
    """The settings' Redis cache (django-redis), pointed at a port where nothing listens."""
    if not port_is_closed(CLOSED_REDIS_PORT):
        pytest.skip(f"something listens on 127.0.0.1:{CLOSED_REDIS_PORT}")
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{CLOSED_REDIS_PORT}/0")}
    return settings


@pytest.fixture
def redis_down(settings):
    return point_cache_at_closed_port(settings)


@contextmanager
def database_down(error=REFUSED, when=lambda sql: True):
    """Every query (or those ``when`` picks) fails with ``error``, as when the server is gone."""

    def refuse(execute, sql, params, many, context):
        if when(sql):
            raise error
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


def records(caplog, name):
    return [record for record in caplog.records if record.name == name]


# --- the filter --------------------------------------------------------------------------------


def test_filter_lets_one_record_of_a_kind_through_per_interval_and_counts_the_others(
    monkeypatch,
):
    now = [1000.0]
    monkeypatch.setattr(logging_filters, "monotonic", lambda: now[0])
    log_filter = OncePerInterval(interval=60)

    def record(msg, *args, name="portal.test"):
        return logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args, None)

    assert log_filter.filter(record("Cannot reach %s", "db1"))
    # The same template with other arguments is the same kind; another template is not.
    assert not log_filter.filter(record("Cannot reach %s", "db2"))
    assert not log_filter.filter(record("Cannot reach %s", "db3"))
    assert log_filter.filter(record("Something else"))
    assert log_filter.filter(record("Cannot reach %s", "db1", name="portal.other"))
    now[0] += 61
    later = record("Cannot reach %s", "db4")
    assert log_filter.filter(later)
    assert later.getMessage() == (
        "Cannot reach db4 (2 more like this in the last 61 s were not logged)"
    )


def test_filter_with_status_codes_holds_back_only_those_responses():
    log_filter = OncePerInterval(interval=60, status_codes=[503])

    def response_record(status):
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "%s: %s", ("x", "/en/"), None
        )
        record.status_code = status
        return record

    assert log_filter.filter(response_record(503))
    assert not log_filter.filter(response_record(503))
    assert log_filter.filter(response_record(500))
    assert log_filter.filter(response_record(500))


# --- Redis down --------------------------------------------------------------------------------


def test_sessions_are_kept_in_the_database_not_only_in_the_cache(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_pages_and_log_in_work_while_redis_is_down_and_the_failure_is_logged_once(
    client, home, redis_down, caplog
):
    LibraryIndexPageFactory(parent=home)
    member = UserFactory(username="rosa", email="rosa@example.org")
    cache.set("probe", 1)
    assert cache.get("probe") is None  # the cache is really down: every call misses
    assert client.get("/en/").status_code == 200
    assert client.get("/en/library/").status_code == 200
    assert client.get("/es/library/?theme=x").status_code == 200
    assert client.get("/en/accounts/login/").status_code == 200
    response = client.post("/en/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    # The session was stored (in the database): the next request is logged in.
    assert client.get("/en/profile/").status_code == 200

    cache_records = records(caplog, "portal.cache")
    assert len(cache_records) == 1
    assert "Connection refused" in str(cache_records[0].exc_info[1])
    assert records(caplog, "django.request") == []


def test_log_in_rate_limits_are_not_applied_while_redis_is_down(client, home, settings, caplog):
    member = UserFactory(username="rosa", email="rosa@example.org")
    wrong = {"login": member.email, "password": "not-the-password"}
    right = {"login": member.email, "password": PASSWORD}
    # Positive control: with a working cache, a client past its failures is refused (before
    # its password is checked).
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed_client": "3/m/ip"}
    for _ in range(3):
        client.post("/en/accounts/login/", wrong)
    response = client.post("/en/accounts/login/", right)
    assert "Too many failed login attempts" in response.content.decode()

    point_cache_at_closed_port(settings)
    statuses = [client.post("/en/accounts/login/", wrong).status_code for _ in range(8)]
    assert statuses == [200] * 8  # the form's error, never 429
    response = client.post("/en/accounts/login/", right)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert len(records(caplog, "portal.cache")) == 1


# --- the database down -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, language, heading",
    [
        ("/en/", "en", "The portal is temporarily unavailable"),
        ("/es/", "es", "El portal no está disponible temporalmente"),
        ("/fr/", "fr", "Le portail est momentanément indisponible"),
        ("/fr/library/", "fr", "Le portail est momentanément indisponible"),
    ],
)
def test_database_down_answers_503_with_retry_after_in_the_urls_language(
    client, home, path, language, heading
):
    assert client.get(f"/{language}/").status_code == 200  # positive control
    with database_down():
        response = client.get(path, headers={"accept-language": "de, en;q=0.5"})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Content-Language"] == language
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert heading in html


@pytest.mark.parametrize(
    "accept_language, language, heading",
    [
        ("es-ES,es;q=0.9", "es", "El portal no está disponible temporalmente"),
        ("fr-CA,fr;q=0.8,en;q=0.5", "fr", "Le portail est momentanément indisponible"),
        ("de", "en", "The portal is temporarily unavailable"),
    ],
)
def test_database_down_without_a_language_prefix_answers_in_the_browsers_language(
    home, accept_language, language, heading
):
    # "/" fails outside any view (the redirects' lookup on its 404): handler500 answers.
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Content-Language"] == language
    assert heading in response.content.decode()


def test_database_failing_while_a_template_renders_answers_503(client, home):
    # The home page's view runs; its footer menu is read while the template renders.
    with database_down(when=lambda sql: "portal_navigationmenu" in sql):
        response = client.get("/es/")
    assert response.status_code == 503
    assert "El portal no está disponible temporalmente" in response.content.decode()


@pytest.mark.parametrize(
    "error",
    [
        psycopg.OperationalError("server closed the connection unexpectedly"),
        psycopg.InterfaceError("the connection is closed"),
    ],
    ids=["psycopg-operational", "psycopg-interface"],
)
def test_psycopgs_own_errors_also_answer_503(client, home, error):
    with database_down(error=error):
        assert client.get("/en/").status_code == 503


def test_a_bug_in_a_query_is_still_a_server_error_not_the_maintenance_page(home):
    client = Client(raise_request_exception=False)
    with database_down(error=ProgrammingError("column does not exist")):
        response = client.get("/en/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_database_down_is_logged_once_over_many_requests(client, home, caplog):
    with database_down():
        for path in ["/en/", "/es/", "/fr/", "/en/library/", "/es/accounts/login/"] * 2:
            assert client.get(path).status_code == 503
        Client(raise_request_exception=False).get("/")
    outage_records = records(caplog, "portal.outages")
    assert len(outage_records) == 1
    assert outage_records[0].exc_info[1] is REFUSED
    # Django's own record of each 503 response is held back the same way (one per kind:
    # the answers of the middleware, and the one handler500 gave with the traceback).
    responses = records(caplog, "django.request")
    assert 1 <= len(responses) <= 2
    assert all(record.status_code == 503 for record in responses)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a real PostgreSQL connection")
# Like every transactional test here, it restores the migrations' rows (serialized rollback):
# a plain flush would re-create content types under new ids while other tests hold the old.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgresql_at_a_closed_port_answers_503(home, monkeypatch, caplog):
    if not port_is_closed(6391):
        pytest.skip("something listens on 127.0.0.1:6391")
    client = Client(raise_request_exception=False)
    connection.close()
    monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
    monkeypatch.setitem(connection.settings_dict, "PORT", "6391")
    try:
        responses = [client.get(path) for path in ("/en/", "/es/", "/")]
    finally:
        connection.close()
    assert [response.status_code for response in responses] == [503, 503, 503]
    assert "El portal no está disponible temporalmente" in responses[1].content.decode()
    outage_records = records(caplog, "portal.outages")
    assert len(outage_records) == 1
    assert "6391" in str(outage_records[0].exc_info[1])
