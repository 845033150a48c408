"""Signal handlers of the library: text extraction on publish, submitters told the outcome."""

import logging

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, workflow_rejected

logger = logging.getLogger(__name__)


@receiver(page_published)
def on_publication_published(sender, instance, **kwargs):
    from library.models import PublicationPage

    page = instance.specific if hasattr(instance, "specific") else instance
    if not isinstance(page, PublicationPage):
        return
    from library.tasks import extract_publication_text

    try:
        extract_publication_text.enqueue(page.pk)
    except Exception:  # noqa: BLE001 - never fail a publish because the queue is down
        logger.exception("Text extraction could not be queued for publication %s.", page.pk)
    from library.submissions import notify_submitter

    notify_submitter(page, accepted=True)


@receiver(workflow_rejected)
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    from library.models import PublicationPage
    from library.submissions import notify_submitter

    page = instance.content_object if hasattr(instance, "content_object") else None
    page = getattr(page, "specific", page)
    if isinstance(page, PublicationPage):
        notify_submitter(page, accepted=False)


@receiver(page_unpublished)
def on_publication_unpublished(sender, instance, **kwargs):
    """Unpublishing saves the page, but possibly as a plain ``Page``: refresh the listing."""
    from library.models import PublicationPage, refresh_listing

    if issubclass(instance.specific_class or type(instance), PublicationPage):
        refresh_listing(instance.translation_key)


@receiver(post_delete, sender="library.PublicationPage")
def on_publication_deleted(sender, instance, **kwargs):
    """A deleted translation hands its readers over to another translation."""
    from library.models import refresh_listing

    refresh_listing(instance.translation_key)
