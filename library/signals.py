"""Signal handlers of the library: text extraction on publish, submitters told the outcome,
listing entries kept true when publications or themes change."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, workflow_rejected

from library.facets import theme_parents, with_ancestors
from library.indexing import refresh_listing
from library.models import PublicationPage
from library.oai import set_specs, update_tombstone, was_public
from library.submissions import notify_submitter
from library.tasks import extract_publication_text, refresh_publication_entries
from portal.access import PUBLIC
from search.service import forget_taxonomy

logger = logging.getLogger(__name__)


@receiver(page_published)
def on_publication_published(sender, instance, **kwargs):
    """A publication is published: queue the extraction of its files' text and tell its
    submitter (if a member submitted it)."""

    page = instance.specific if hasattr(instance, "specific") else instance
    if not isinstance(page, PublicationPage):
        return

    try:
        extract_publication_text.enqueue(page.pk)
    except Exception:  # noqa: BLE001 - never fail a publish because the queue is down
        logger.exception("Text extraction could not be queued for publication %s.", page.pk)

    notify_submitter(page, accepted=True)


@receiver(workflow_rejected)
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    """A publication's moderation is rejected: tell its submitter."""

    page = instance.content_object if hasattr(instance, "content_object") else None
    page = getattr(page, "specific", page)
    if isinstance(page, PublicationPage):
        task_state = instance.current_task_state
        comment = task_state.specific.get_comment() if task_state is not None else ""
        notify_submitter(page, accepted=False, comment=comment)


@receiver(page_unpublished)
def on_publication_unpublished(sender, instance, **kwargs):
    """Unpublishing saves the page, but possibly as a plain ``Page``: refresh the listing."""

    if issubclass(instance.specific_class or type(instance), PublicationPage):
        refresh_listing(instance.translation_key)


@receiver(post_delete, sender="library.PublicationPage")
def on_publication_deleted(sender, instance, **kwargs):
    """A deleted translation hands its readers over to another translation."""

    refresh_listing(instance.translation_key)


def _refresh_entries_later(publication_ids):

    ids = sorted(set(publication_ids))
    if ids:
        transaction.on_commit(lambda: refresh_publication_entries.enqueue(ids))


def _publications_under(theme_ids):

    through = PublicationPage.themes.through
    return through.objects.filter(theme_id__in=theme_ids).values_list(
        "publicationpage_id", flat=True
    )


@receiver(pre_save, sender="portal.Theme")
def on_theme_moving(sender, instance, raw=False, **kwargs):
    """A theme given another parent changes the ancestors, hence the facet keys, of every
    publication filed under it or below it (``library.facets``): their listing entries are
    written again."""
    if raw or instance.pk is None:
        return
    old_parent = sender.objects.filter(pk=instance.pk).values_list("parent_id", flat=True)
    if instance.parent_id == old_parent.first():
        return

    parents = theme_parents()
    below = {pk for pk in parents if instance.pk in with_ancestors([pk], parents)}
    _refresh_entries_later(_publications_under(below))


# The field of ``PublicationPage`` that files a publication under each kind of term.
TERM_FIELDS = {
    "portal.Theme": "themes",
    "portal.Region": "regions",
    "portal.Country": "countries",
    "library.DocumentType": "document_type",
    "library.Organisation": "organisations",
    "library.DocumentLanguage": "languages",
}


def _publications_filed_under(sender, term):
    """Publications filed under ``term`` in any of its languages (its translations share a
    ``translation_key``): the labels of every translation are part of their text."""

    field = TERM_FIELDS[sender._meta.label]
    return PublicationPage.objects.filter(
        **{f"{field}__translation_key": term.translation_key}
    ).values_list("pk", flat=True)


def on_term_saving(sender, instance, raw=False, **kwargs):
    """A term renamed, or translated into another language, changes the text of every
    publication filed under it (``PublicationPage.taxonomy_text``): their listing entries,
    and their Elasticsearch documents, are written again once the change is committed."""
    if raw:
        return
    old_name = sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    if instance.pk is None or old_name != instance.name:
        _refresh_entries_later(_publications_filed_under(sender, instance))


def on_term_deleting(sender, instance, **kwargs):
    """The publications filed under a deleted term (or one of its translations) are written
    again once it is gone: its key and its label leave their entries."""
    _refresh_entries_later(_publications_filed_under(sender, instance))


for _label in TERM_FIELDS:
    pre_save.connect(on_term_saving, sender=_label, dispatch_uid=f"library-term-saving-{_label}")
    pre_delete.connect(on_term_deleting, sender=_label, dispatch_uid=f"library-term-del-{_label}")

# The site search suggests themes, countries and organisations (``library.wagtail_hooks``):
# its cached terms are forgotten when one changes.
for _label in ("portal.Theme", "portal.Country", "library.Organisation"):
    post_save.connect(forget_taxonomy, sender=_label, dispatch_uid=f"search-{_label}")
    post_delete.connect(forget_taxonomy, sender=_label, dispatch_uid=f"search-d-{_label}")


# -- OAI-PMH deleted records (library.oai) -------------------------------------------------


@receiver(pre_save, sender="library.PublicationPage")
def remember_oai_exposure(sender, instance, raw=False, **kwargs):
    """Note whether harvesters could read the page as stored, before this save changes it."""
    if raw or instance.pk is None:
        return

    stored = PublicationPage.objects.filter(pk=instance.pk).only("live", "audience", "alias_of")
    stored = stored.first()
    instance._oai_was_public = stored is not None and was_public(stored)


@receiver(post_save, sender="library.PublicationPage")
def on_publication_saved_for_oai(sender, instance, raw=False, **kwargs):
    """A page made members-only (or otherwise hidden) leaves a deleted record; a page
    published for everyone again takes its tombstone away."""
    if raw:
        return

    exposed = (lambda: set_specs(instance)) if getattr(instance, "_oai_was_public", False) else None
    update_tombstone(instance.translation_key, exposed)


@receiver(page_unpublished)
def on_publication_unpublished_for_oai(sender, instance, **kwargs):
    """An unpublished public page leaves a deleted record (unless a translation is public)."""

    page = instance.specific
    if not isinstance(page, PublicationPage):
        return
    exposed = (lambda: set_specs(page)) if page.audience == PUBLIC else None
    update_tombstone(page.translation_key, exposed)


@receiver(pre_delete, sender="library.PublicationPage")
def remember_oai_sets(sender, instance, **kwargs):
    """The sets of a public page being deleted, read while its relations still exist."""

    instance._oai_sets = set_specs(instance) if was_public(instance) else None


@receiver(post_delete, sender="library.PublicationPage")
def on_publication_deleted_for_oai(sender, instance, **kwargs):
    """A deleted public page leaves a deleted record (unless a translation is public)."""

    update_tombstone(instance.translation_key, getattr(instance, "_oai_sets", None))
