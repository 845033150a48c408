"""Index updates Elasticsearch missed, kept in the database and replayed when it answers.

While the cluster is down (or answers errors), a save or delete cannot reach it. The
portal's index (``search.backends.elasticsearch.PortalElasticsearchIndex``) then records the
object here instead of losing the change, and the failure is logged once per interval.
:func:`replay` brings the index up to date from the objects as they are now; it runs when
the cluster answers again (a task, queued by the first request that reaches it) and from
``manage.py replay_search_updates`` on the scheduler, in case no request comes.
"""

import logging

from django.apps import apps
from django.db import IntegrityError, transaction

logger = logging.getLogger("search")

REPLAY_BATCH = 500


def remember(item):
    """Record that the index missed a change of ``item``."""
    from search.models import PendingIndexUpdate

    meta = item._meta.concrete_model._meta
    try:
        with transaction.atomic():
            PendingIndexUpdate.objects.update_or_create(
                app_label=meta.app_label, model_name=meta.model_name, object_id=str(item.pk)
            )
    except IntegrityError:  # recorded by a concurrent save meanwhile
        pass


def pending_count():
    from search.models import PendingIndexUpdate

    return PendingIndexUpdate.objects.count()


def replay(backend=None, limit=None):
    """Send the missed updates to ``backend`` (the default one); returns how many were sent.

    Stops at the first failure (the cluster is still down: the rest waits for the next
    replay). Each row is deleted once its update is acknowledged, unless the object changed
    again meanwhile (then it stays, and the next replay sends that change).
    """
    from wagtail.search.backends import get_search_backend

    from search.models import PendingIndexUpdate

    backend = backend or get_search_backend()
    sent = 0
    while limit is None or sent < limit:
        batch = list(PendingIndexUpdate.objects.all()[:REPLAY_BATCH])
        if not batch:
            break
        for row in batch:
            if not _send(backend, row):
                return sent
            PendingIndexUpdate.objects.filter(pk=row.pk, missed_at=row.missed_at).delete()
            sent += 1
            if limit is not None and sent >= limit:
                break
    if sent:
        logger.info("Replayed %d index updates that Elasticsearch had missed.", sent)
    return sent


def _send(backend, row):
    from search.backends.elasticsearch import ES_ERRORS, record_failure

    try:
        model = apps.get_model(row.app_label, row.model_name)
    except LookupError:
        return True  # the model is gone: nothing to index
    found = None
    if hasattr(model, "get_indexed_objects"):
        found = model.get_indexed_objects().filter(pk=row.object_id).first()
    if found is not None and hasattr(found, "get_indexed_instance"):
        found = found.get_indexed_instance()
    index = backend.get_index_for_model(model)
    try:
        if found is not None:
            index.write_item(found)
        else:
            index.erase_item(model(pk=model._meta.pk.to_python(row.object_id)))
    except ES_ERRORS as error:
        record_failure(error)
        return False
    return True
