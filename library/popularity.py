"""The most downloaded publications, for readers: the home page's and the library's "Most
read" (a publication's own count is ``PublicationPage.download_total``).

Counts come from ``DownloadCount`` (robots left out and double clicks counted once, see
``portal.usage``), summed over a publication's translations. "Most read" lists public
publications only, whoever reads, so a members-only title is never suggested to anyone and
the list is the same for every reader of a language (and cacheable).
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import ngettext

from library.listing import base_queryset
from library.models import DownloadCount


def most_read(locale, user=None, limit=5):
    """The ``limit`` public publications downloaded most in the last
    ``DownloadCount.RECENT_DAYS`` days, as the listing of ``locale``'s language shows them,
    each with ``recent_downloads``; one query. ``user`` is the reader: only an anonymous
    reader's rights are used (kept on the reader's object for the rest of the request)."""
    reader = user if user is not None and not user.is_authenticated else AnonymousUser()
    downloads = DownloadCount.total_for("translation_key", DownloadCount.RECENT_DAYS)
    return list(
        base_queryset(reader, locale)
        .annotate(recent_downloads=downloads)
        .filter(recent_downloads__gt=0)
        .order_by("-recent_downloads", "title", "pk")[:limit]
    )


def recent_label(count):
    """ "12 downloads in the last 90 days", in the active language."""
    days = DownloadCount.RECENT_DAYS
    text = ngettext(
        "%(count)s download in the last %(days)s days",
        "%(count)s downloads in the last %(days)s days",
        count,
    )
    return text % {"count": count, "days": days}
