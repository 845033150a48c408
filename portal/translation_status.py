"""Which pages are translated, missing or stale in each language: the editors' translation
dashboard (``portal.admin_views``) and its weekly email (``send_translation_report``).

**Source pages.** A page is listed once, as its source: the page wagtail-localize translates
from (the locale of its ``TranslationSource``) or, for a page never sent for translation, its
default-language version, or, when it has none (a Spanish report with no English version),
the page itself.

**States**, per source page and per other language:

* ``translated``: a live translation whose every source string is translated;
* ``stale``: the source changed after the translation was last written: wagtail-localize
  holds source strings (extracted again whenever the source is published, see
  ``portal.translation.sync_translations``) that have no translation in that language yet;
* ``missing``: no live page in that language.

Everything is worked out in SQL from wagtail-localize's public models (``TranslationSource``,
``Translation``, ``StringSegment``, ``StringTranslation``): the counts in one query, a screen
of rows in three, whatever the number of pages.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from portal.models.members import Frequency, NotificationKind
from portal.notifications import notify
from portal.translation import source_language

TRANSLATED, STALE, MISSING, SOURCE = "translated", "stale", "missing", "source"
STATES = (TRANSLATED, STALE, MISSING)


def languages():
    """The content languages, in the settings' order: [(code, Locale)]."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return [(code, locales[code]) for code, _name in settings.LANGUAGES if code in locales]


def _untranslated_segments(translation_ref):
    """Source strings of a translation's source without a translation in its language."""
    done = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef(translation_ref)),
        has_error=False,
    )
    return StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(Exists(done))


def _stale_translations():
    """Translations (wagtail-localize's) waiting for strings of a changed source."""
    return Translation.objects.filter(
        Exists(_untranslated_segments("target_locale_id")), enabled=True
    )


def source_pages(section=None, content_type=None):
    """Live pages listed on the dashboard, each once, as its source (see the module)."""
    default = Locale.objects.filter(language_code=source_language()).first()
    sources = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    has_default = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=getattr(default, "pk", None)
    )
    pages = (
        Page.objects.live()
        .filter(depth__gt=1)
        .filter(
            Exists(sources.filter(locale_id=OuterRef("locale_id")))
            | (
                ~Exists(sources)
                & (Q(locale_id=getattr(default, "pk", None)) | ~Exists(has_default))
            )
        )
    )
    if content_type is not None:
        pages = pages.filter(content_type=content_type)
    if section is not None:
        roots = Page.objects.filter(translation_key=section.translation_key)
        within = Q()
        for root in roots.values_list("path", flat=True):
            within |= Q(path__startswith=root)
        pages = pages.filter(within)
    return pages


def with_states(pages, langs=None):
    """``pages`` annotated, per other language ``<code>``, with ``has_<code>`` (a live
    translation exists) and ``stale_<code>`` (it waits for strings of a changed source)."""
    annotations = {}
    for code, locale in langs or languages():
        annotations[f"has_{code}"] = Exists(
            Page.objects.live().filter(
                translation_key=OuterRef("translation_key"), locale_id=locale.pk
            )
        )
        annotations[f"stale_{code}"] = Exists(
            _stale_translations().filter(
                source__object_id=OuterRef("translation_key"),
                source__locale_id=OuterRef("locale_id"),
                target_locale_id=locale.pk,
            )
        )
    return pages.annotate(**annotations)


def state_filter(language, state):
    """A filter on :func:`with_states` pages: ``language`` is in ``state`` (and is not the
    page's own language)."""
    code, locale = language
    other = ~Q(locale_id=locale.pk)
    if state == MISSING:
        return other & Q(**{f"has_{code}": False})
    if state == STALE:
        return other & Q(**{f"has_{code}": True, f"stale_{code}": True})
    return other & Q(**{f"has_{code}": True, f"stale_{code}": False})


@dataclass
class TypeCounts:
    """The counts of one page type: how many source pages, and per language how many are
    translated, stale and missing."""

    label: object  # the page type's (lazy) plural name; "" for the total
    content_type_id: int
    pages: int
    by_language: dict = field(default_factory=dict)


def summary(pages):
    """One :class:`TypeCounts` per page type of ``pages`` (from :func:`source_pages`), with
    a total row first: one query."""
    langs = languages()
    aggregates = {}
    for language in langs:
        code = language[0]
        for state in STATES:
            aggregates[f"{state}_{code}"] = Count("pk", filter=state_filter(language, state))
    rows = (
        with_states(pages, langs)
        .order_by()
        .values("content_type")
        .annotate(pages=Count("pk"), **aggregates)
    )
    result = []
    for row in rows:
        # ContentType's manager caches: one query per page type, once per process.
        model = ContentType.objects.get_for_id(row["content_type"]).model_class()
        # Lazy: the dashboard and each editor's email show it in their own language.
        label = model._meta.verbose_name_plural if model else str(row["content_type"])
        counts = TypeCounts(label, row["content_type"], row["pages"])
        for code, _locale in langs:
            counts.by_language[code] = {state: row[f"{state}_{code}"] for state in STATES}
        result.append(counts)
    result.sort(key=lambda counts: str(counts.label).lower())
    if result:
        total = TypeCounts("", 0, sum(counts.pages for counts in result))
        for code, _locale in langs:
            total.by_language[code] = {
                state: sum(counts.by_language[code][state] for counts in result) for state in STATES
            }
        result.insert(0, total)
    return result


@dataclass
class Cell:
    """One language of one source page on the dashboard."""

    code: str
    state: str
    page: Page | None = None
    # When the source's strings were last extracted, and the translation last written.
    source_changed_at: object = None
    translated_at: object = None
    action_url: str = ""


def rows(pages):
    """Dashboard rows for ``pages`` (one screen of source pages): ``(page, [Cell])`` per
    page, each language's state with its dates and the link that updates it. Three queries
    whatever the number of pages."""
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    versions = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.live().filter(translation_key__in=keys)
    }
    translations = {
        (t.source.object_id, t.source.locale_id, t.target_locale_id): t
        for t in Translation.objects.filter(source__object_id__in=keys)
        .select_related("source")
        .annotate(stale=Exists(_untranslated_segments("target_locale_id")))
    }
    langs = languages()
    result = []
    for page in pages:
        cells = []
        for code, locale in langs:
            if locale.pk == page.locale_id:
                cells.append(Cell(code, SOURCE, page))
                continue
            version = versions.get((page.translation_key, locale.pk))
            record = translations.get((page.translation_key, page.locale_id, locale.pk))
            if version is None:
                cells.append(
                    Cell(
                        code,
                        MISSING,
                        action_url=reverse(
                            "wagtail_localize:submit_page_translation", args=[page.pk]
                        ),
                    )
                )
                continue
            stale = bool(record and record.enabled and record.stale)
            cells.append(
                Cell(
                    code,
                    STALE if stale else TRANSLATED,
                    version,
                    source_changed_at=record.source.last_updated_at if record else None,
                    translated_at=(record.destination_last_updated_at if record else None)
                    or version.last_published_at,
                    action_url=reverse("wagtailadmin_pages:edit", args=[version.pk]),
                )
            )
        result.append((page, cells))
    return result


def sections():
    """The portal's sections (the children of the default-language home page), by which
    the dashboard filters."""
    default = Locale.objects.filter(language_code=source_language()).first()
    return list(Page.objects.filter(depth=3, locale=default).order_by("path").only("title", "pk"))


def pending(counts):
    """How many (page, language) pairs wait for a translator: out of date or missing."""
    if not counts:
        return 0
    return sum(by_state[STALE] + by_state[MISSING] for by_state in counts[0].by_language.values())


def send_weekly_reports():
    """The dashboard's counts, by email, to every active editor who asked for them (a
    preference set on the dashboard); each in their language, with the usual one-click
    unsubscribe. Returns the number sent."""
    editors = get_user_model().objects.filter(
        is_active=True,
        notification_preferences__kind=NotificationKind.TRANSLATIONS,
        notification_preferences__frequency=Frequency.IMMEDIATELY,
    )
    counts = summary(source_pages())
    sent = 0
    for editor in editors.select_related("profile").distinct():
        if not editor.has_perm("wagtailadmin.access_admin"):
            continue  # no longer an editor: the report links into the admin
        result = notify(
            editor,
            NotificationKind.TRANSLATIONS,
            "portal/emails/translation_report",
            {"counts": counts, "pending": pending(counts)},
            url=reverse("portal_translation_dashboard"),
        )
        sent += result == "sent"
    return sent
