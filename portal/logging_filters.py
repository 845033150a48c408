"""Logging filters for failures that repeat on every request (Redis or the database down).

An outage fails every request the same way; logging each of them buries everything else in
the log and costs a traceback per request. ``OncePerInterval`` lets the first record of a
kind through and holds back the others of that kind for an interval; the next one let through
says how many were held back. Settings attach it to the loggers that report outages
(``LOGGING`` in ``portal/settings/base.py``).
"""

import logging
import threading
import weakref
from time import monotonic

# Kinds remembered at most; past it, the kinds whose interval is over are forgotten.
MAX_KINDS = 1000


class OncePerInterval(logging.Filter):
    """Let one record of each kind through per ``interval`` seconds.

    A record's kind is its logger, its level, its message template (not the formatted text:
    a path or a host in the arguments does not make a new kind) and the type of the exception
    it carries. With ``status_codes`` the filter only holds back records of responses with
    those statuses (``django.request`` logs every response of 500 and more, and only the 503s
    of an outage repeat by the thousand); other records all go through.

    The state is per process: with several workers, each logs a kind once per interval.
    """

    _instances = weakref.WeakSet()

    def __init__(self, interval=60, status_codes=None):
        super().__init__()
        self.interval = float(interval)
        self.status_codes = frozenset(status_codes) if status_codes else None
        self._lock = threading.Lock()
        self._kinds = {}  # kind -> [monotonic time it was let through, records held back since]
        OncePerInterval._instances.add(self)

    @classmethod
    def reset_all(cls):
        """Forget every kind seen, in every instance (tests start from a clean slate)."""
        for instance in list(cls._instances):
            instance.reset()

    def reset(self):
        """Forget every kind seen by this filter."""
        with self._lock:
            self._kinds.clear()

    def filter(self, record):
        """Lets the record through unless one of its kind went through less than ``interval`` ago;
        the next one let through says how many were held back."""
        if self.status_codes is not None:
            if getattr(record, "status_code", None) not in self.status_codes:
                return True
        error_type = type(record.exc_info[1]).__name__ if record.exc_info else None
        kind = (record.name, record.levelno, str(record.msg), error_type)
        now = monotonic()
        with self._lock:
            seen = self._kinds.get(kind)
            if seen is not None and now - seen[0] < self.interval:
                seen[1] += 1
                return False
            if seen is None and len(self._kinds) >= MAX_KINDS:
                self._forget_expired(now)
            self._kinds[kind] = [now, 0]
        if seen is not None and seen[1]:
            try:
                message = record.getMessage()
            except Exception:  # a bad format string is the handler's to report, not ours
                return True
            record.msg = (
                f"{message} ({seen[1]} more like this in the last {now - seen[0]:.0f} s "
                "were not logged)"
            )
            record.args = ()
        return True

    def _forget_expired(self, now):
        for kind, (since, _held) in list(self._kinds.items()):
            if now - since >= self.interval:
                del self._kinds[kind]
