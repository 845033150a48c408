"""Outages: with Redis down the site still answers, and logs the failure once.

Redis down is real: the cache is the settings' own django-redis cache pointed at a port where
nothing listens.
"""

import logging
import socket

import pytest
from django.core.cache import cache

from library.factories import LibraryIndexPageFactory
from portal import logging_filters
from portal.factories import UserFactory
from portal.logging_filters import OncePerInterval
from portal.settings.base import redis_cache

pytestmark = pytest.mark.django_db

CLOSED_REDIS_PORT = 6390
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
    # Positive control: with a working cache, after five failures the right password is refused.
    for _ in range(5):
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
