"""Demo content of the dashboard: a year of plausible use, so that ``make run`` shows it alive.

Every live page gets a year of daily views that follow its weight (the home page and the
sections' index pages most, older pages less), with fewer views at weekends and a rise
in the months before today. About a fifth of the views are by members of the countries of the
demo's programmes (Kenya, Brazil, Mexico, the Philippines, Senegal, South Africa, India,
Bolivia, Colombia and France). Publications with a file get downloads on the same pattern,
by members of those countries (the library's own demo gives the downloads of unknown readers
of the last 90 days); so do the other documents (slides, recordings) and community files. The demo members' sign-up days are spread over the year.

The figures come from each page's title, so they are the same on every run, and running
the loader again changes nothing: it writes only where there are no views yet.
"""

import datetime
import hashlib

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from community_pages.models import (
    Attachment,
    AttachmentDownload,
    CommunityFile,
    CommunityFileDownload,
)
from library.models import DownloadCount, PublicationFile, PublicationPage
from portal.models import DocumentDownload, PageView

DAYS = 365
Document = get_document_model()
COUNTRIES = ["KE", "BR", "MX", "PH", "SN", "ZA", "IN", "BO", "CO", "FR"]


def weight(page):
    """A page's daily views on an ordinary weekday: more for pages near the top of the tree."""
    seed = hashlib.sha256(page.title.encode()).digest()
    return max(1, {2: 120, 3: 40, 4: 12}.get(page.depth, 5) * (seed[0] % 5 + 1) // 3)


def day_factor(day, today):
    """Weekends are quiet; the months before today busier (the audience grows)."""
    weekend = 0.35 if day.weekday() >= 5 else 1.0
    growth = 0.55 + 0.45 * (1 - (today - day).days / DAYS)
    return weekend * growth


def daily_figures(seed_text, base, today):
    """``[(day, anonymous views, {country: views})]`` over the year, from ``seed_text``."""
    seed = hashlib.sha256(seed_text.encode()).digest()
    figures = []
    for age in range(DAYS):
        day = today - datetime.timedelta(days=age)
        wobble = seed[age % 32] / 255  # 0..1, the same on every run
        total = int(base * day_factor(day, today) * (0.6 + 0.8 * wobble))
        if total <= 0:
            continue
        # Members' views are written every third day, as three days' worth (fewer rows).
        members = 3 * total // 5 if age % 3 == 0 else 0
        countries = {}
        if members:
            for n in range(1 + seed[(age + 7) % 32] % 2):
                code = COUNTRIES[(seed[(age + n) % 32] + n) % len(COUNTRIES)]
                countries[code] = countries.get(code, 0) + max(1, members // (n + 1))
        figures.append((day, total - (members // 3 if members else 0), countries))
    return figures


@transaction.atomic
def load(command=None):
    """Writes the year of views and downloads (once) and spreads the demo sign-ups."""
    if PageView.objects.exists():
        if command:
            command.stdout.write("  Usage figures already there: kept.")
        return []
    today = timezone.localdate()
    views = []
    for page in Page.objects.live().filter(depth__gt=1).only("pk", "title", "depth"):
        for day, anonymous, countries in daily_figures(page.title, weight(page), today):
            views.append(PageView(page_id=page.pk, day=day, country="", count=anonymous))
            views.extend(
                PageView(page_id=page.pk, day=day, country=code, count=count)
                for code, count in countries.items()
            )
    PageView.objects.bulk_create(views, batch_size=5000)
    files = []
    publications = PublicationPage.objects.live().prefetch_related("files")
    for publication in publications:
        first = publication.files.all()[:1]
        if not first or not first[0].document_id:
            continue
        base = max(1, weight(publication) // 3)
        for day, _anonymous, countries in daily_figures(publication.title + " files", base, today):
            files.extend(
                DownloadCount(
                    publication=publication,
                    document_id=first[0].document_id,
                    day=day,
                    country=code,
                    count=count,
                )
                for code, count in countries.items()
            )
    DownloadCount.objects.bulk_create(files, batch_size=5000, ignore_conflicts=True)
    others = []
    used_by_publications = PublicationFile.objects.values("document_id")
    for document in Document.objects.exclude(pk__in=used_by_publications):
        for day, anonymous, _countries in daily_figures(document.title + " file", 2, today):
            others.append(DocumentDownload(document=document, day=day, count=anonymous))
    for file in CommunityFile.objects.all():
        for day, _anonymous, countries in daily_figures(file.title + " file", 3, today):
            others.extend(
                CommunityFileDownload(file=file, day=day, country=code, count=count)
                for code, count in countries.items()
            )
    for attachment in Attachment.objects.all():
        for day, _anonymous, countries in daily_figures(attachment.original_name, 1, today):
            others.extend(
                AttachmentDownload(attachment=attachment, day=day, country=code, count=count)
                for code, count in countries.items()
            )
    for model in (DocumentDownload, CommunityFileDownload, AttachmentDownload):
        model.objects.bulk_create(
            [row for row in others if isinstance(row, model)], batch_size=5000
        )
    spread_sign_ups(today)
    if command:
        command.stdout.write(f"  {len(views)} days of page views, {len(files)} of downloads.")
    return []


def spread_sign_ups(today):
    """Demo members who joined today joined, instead, on a day of the last year."""
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    users = get_user_model().objects.filter(date_joined__gte=start, is_superuser=False)
    for user in users:
        seed = hashlib.sha256(user.email.encode()).digest()
        age = int.from_bytes(seed[:2], "big") % DAYS
        user.date_joined = timezone.now() - datetime.timedelta(days=age)
        user.save(update_fields=["date_joined"])
