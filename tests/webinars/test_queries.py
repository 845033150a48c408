"""Listings do not issue a query per webinar."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from webinars.factories import WebinarPageFactory


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _add(series, n, offset):
    for i in range(n):
        WebinarPageFactory(
            parent=series,
            slug=f"s{offset + i}",
            starts_at=timezone.now() + dt.timedelta(days=i - n // 2),
        )


def test_index_and_series_query_counts_do_not_grow_with_the_number_of_sessions(
    client, webinar_index, series
):
    _add(series, 2, 0)
    small = (_count(client, webinar_index.url), _count(client, series.url))
    _add(series, 8, 10)
    large = (_count(client, webinar_index.url), _count(client, series.url))
    assert large[0] <= small[0] + 2
    assert large[1] <= small[1] + 2
