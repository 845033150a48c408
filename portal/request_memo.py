"""Rows every part of a page asks for, read once per request.

The parts of one page (menus, language switcher, each home section, each listing) ask the
same questions of the database: which locale is Spanish, which pages are behind a Wagtail
view restriction. :func:`remember` answers each question once between the start and the
end of a request (Django's ``request_started`` and ``request_finished`` signals) and every
time outside one (a management command, a task, a test calling a function directly), so a
kept answer never outlives the request that read it. A save or delete in the request that
changes an answer forgets it (:func:`forget`).

Kept per thread: a threaded server's requests never share their answers.
"""

import threading

from django.core.signals import request_finished, request_started

_local = threading.local()


def remember(name, compute):
    """``compute()``, read once per request under ``name`` (every call outside one)."""
    kept = getattr(_local, "kept", None)
    if kept is None:
        return compute()
    if name not in kept:
        kept[name] = compute()
    return kept[name]


def forget(name):
    """Read ``name`` again at its next use in this request."""
    kept = getattr(_local, "kept", None)
    if kept is not None:
        kept.pop(name, None)


def stop():
    """Keep nothing until the next request starts (as when a request ends). A streamed
    response ends its request when its last byte is read: a test that leaves one unread
    calls this before the next test."""
    _local.kept = None


def _request_started(**kwargs):
    _local.kept = {}


def _request_finished(**kwargs):
    stop()


def connect():
    """Keep answers from the start to the end of each request."""
    request_started.connect(_request_started, dispatch_uid="portal_request_memo_start")
    request_finished.connect(_request_finished, dispatch_uid="portal_request_memo_finish")
