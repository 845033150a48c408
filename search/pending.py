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
from django.db.models import Q
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from search.backends.cluster import ES_ERRORS, record_failure
from search.models import PendingIndexUpdate

logger = logging.getLogger("search")

REPLAY_BATCH = 500


def remember(items):
    """Record that the index missed a change of each of ``items`` (one query however many:
    an object already waiting gets a newer ``missed_at``, so the replay sends it again)."""
    now = timezone.now()
    rows = {}
    for item in items:
        meta = item._meta.concrete_model._meta
        key = (meta.app_label, meta.model_name, str(item.pk))
        rows[key] = PendingIndexUpdate(
            app_label=key[0], model_name=key[1], object_id=key[2], missed_at=now
        )
    if rows:
        PendingIndexUpdate.objects.bulk_create(
            rows.values(),
            update_conflicts=True,
            unique_fields=["app_label", "model_name", "object_id"],
            update_fields=["missed_at"],
        )


def pending_count():
    """How many objects wait for their change to be replayed."""
    return PendingIndexUpdate.objects.count()


def replay(backend=None, limit=None):
    """Send the missed updates to ``backend`` (the default one); returns how many were sent.

    Stops at the first failure (the cluster is still down: the rest waits for the next
    replay). The rows acknowledged are deleted, unless the object changed again meanwhile
    (then it stays, and the next replay sends that change). Queries: one per batch of rows,
    one per model in it for the objects, one to delete what was sent.
    """
    backend = backend or get_search_backend()
    sent = 0
    while limit is None or sent < limit:
        size = REPLAY_BATCH if limit is None else min(REPLAY_BATCH, limit - sent)
        batch = list(PendingIndexUpdate.objects.all()[:size])
        if not batch:
            break
        done, failed = _send_batch(backend, batch)
        if done:
            acknowledged = Q()
            for row in done:
                acknowledged |= Q(pk=row.pk, missed_at=row.missed_at)
            PendingIndexUpdate.objects.filter(acknowledged).delete()
            sent += len(done)
        if failed:
            break
    if sent:
        logger.info("Replayed %d index updates that Elasticsearch had missed.", sent)
    return sent


def _send_batch(backend, batch):
    """``(rows sent, whether a send failed)``; the objects are read one query per model."""
    by_model = {}
    for row in batch:
        by_model.setdefault((row.app_label, row.model_name), []).append(row)
    found = {}
    for (app_label, model_name), rows in by_model.items():
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue  # the model is gone: nothing to index
        pks = [model._meta.pk.to_python(row.object_id) for row in rows]
        objects = model.get_indexed_objects() if hasattr(model, "get_indexed_objects") else None
        found[(app_label, model_name)] = (
            model,
            objects.in_bulk(pks) if objects is not None else {},
        )
    done = []
    for row in batch:
        key = (row.app_label, row.model_name)
        if key not in found:
            done.append(row)
            continue
        model, objects = found[key]
        pk = model._meta.pk.to_python(row.object_id)
        index = backend.get_index_for_model(model)
        try:
            if pk in objects:
                index.write_item(objects[pk])
            else:
                index.erase_item(model(pk=pk))
        except ES_ERRORS as error:
            record_failure(error)
            return done, True
        done.append(row)
    return done, False
