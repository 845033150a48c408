"""Rate limits on the portal's public POSTs: one primitive that every app calls.

The counting is allauth's (``allauth.core.ratelimit``): the same cache, the same sliding
windows and the same client address (``portal.clients.client_ip``, through the account
adapter) as the log-in and sign-up limits. Each action's rates are a line of the
``ACCOUNT_RATE_LIMITS`` setting, in allauth's notation (``"5/m/user,20/h/ip"``: at most five
a minute per member and twenty an hour per client); an action without a line is not limited.
Only POSTs count: reading a page never uses up an allowance.

A view that is refused shows :func:`refused_message` where the reader is: as an error on the
form they filled in (re-rendered with what they typed, status 429) or, when there is nothing
to keep, the translated 429 page (:func:`too_many_requests`).
"""

from http import HTTPStatus

from allauth.core import ratelimit
from django.shortcuts import render
from django.utils.translation import gettext as _

TOO_MANY_REQUESTS = HTTPStatus.TOO_MANY_REQUESTS


def allow(request, action, *, key=None):
    """Count one attempt at ``action``; False when one of its rates is used up.

    ``key`` is what a ``/key`` rate counts per (an email address, a token); ``/user`` rates
    count per logged-in member and ``/ip`` rates per client address.
    """
    return ratelimit.consume(request, action=action, key=key)


def refused_message():
    """What a refused reader is told, in their language."""
    return _(
        "You have done this too many times in a short while. Please wait a few minutes "
        "and try again."
    )


def refuse_form(form):
    """Put the refusal on ``form`` (bound, so the reader's input is shown again)."""
    form.add_error(None, refused_message())
    return form


def too_many_requests(request, message=None):
    """The translated 429 page, for a refused POST that had no form to show again."""
    return render(
        request, "429.html", {"message": message or refused_message()}, status=TOO_MANY_REQUESTS
    )
