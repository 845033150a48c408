"""The state of the Elasticsearch cluster as this process sees it.

When the cluster cannot be reached or answers with an error, :func:`record_failure` notes
it: searches are answered by the database engine for ``SEARCH_FALLBACK_RETRY_AFTER``
seconds, and the failure is logged once per ``SEARCH_FALLBACK_LOG_INTERVAL`` seconds.
Changes the index could not send are kept (``search.pending``) and :func:`writes_missed`
notes it, so the first answer after the outage queues their replay.
"""

import logging
import threading
import time

from django.conf import settings
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import TransportError
from elasticsearch import ApiError

logger = logging.getLogger("search")

ES_ERRORS = (TransportConnectionError, TransportError, ApiError, ConnectionError, TimeoutError)

_state = {"down_until": 0.0, "last_logged": 0.0, "last_error": "", "missed": False}
_state_lock = threading.Lock()


def reset_fallback_state():
    """Forget recorded failures: the cluster is asked again at once (tests use it)."""
    with _state_lock:
        _state.update(down_until=0.0, last_logged=0.0, last_error="", missed=False)


def last_failure():
    """The last failure recorded since the state was reset ("" if none)."""
    return _state["last_error"]


def _log_interval():
    return settings.SEARCH_FALLBACK_LOG_INTERVAL


def _retry_after():
    return settings.SEARCH_FALLBACK_RETRY_AFTER


def record_failure(error):
    """Remember that the cluster failed; log it at most once per interval."""
    now = time.monotonic()
    with _state_lock:
        _state["down_until"] = now + _retry_after()
        _state["last_error"] = f"{type(error).__name__}: {str(error)[:500]}"
        should_log = now - _state["last_logged"] >= _log_interval() or not _state["last_logged"]
        if should_log:
            _state["last_logged"] = now
    if should_log:
        logger.error(
            "Elasticsearch failed (%s: %s); answering searches from the database engine.",
            type(error).__name__,
            str(error)[:200],
        )


def writes_missed():
    """Some change could not be sent: replay the pending ones once the cluster answers."""
    _state["missed"] = True


def take_missed():
    """Did this process keep changes since the last call (they are then to be replayed)?"""
    with _state_lock:
        missed, _state["missed"] = _state["missed"], False
    return missed


def cluster_resting():
    """Is the cluster left alone for now (it failed less than the retry interval ago)?"""
    return time.monotonic() < _state["down_until"]
