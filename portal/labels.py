"""Taxonomy labels in the reader's language, without a query per term.

A term is a translatable row (one per locale, sharing a ``translation_key``); relations
point at the source-locale row. A taxonomy is small (hundreds of rows), so each process
keeps one map of labels per model and language, dropped when any term of that model is
saved or deleted: the version lives in the shared cache, so every worker sees the change.
Term models register with :func:`track_labels`.
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

_label_maps = {}


def _version_key(model):
    return f"taxonomy-labels-version:{model._meta.label_lower}"


def forget_labels(sender, **kwargs):
    """Signal receiver: a term of ``sender`` changed, so every process's map is stale."""
    cache.set(_version_key(sender), uuid.uuid4().hex, None)


def track_labels(model):
    """Keep ``model``'s label maps true: forget them when one of its terms is saved or
    deleted."""
    post_save.connect(forget_labels, sender=model, dispatch_uid=f"labels-{model._meta.label}")
    post_delete.connect(forget_labels, sender=model, dispatch_uid=f"labels-d-{model._meta.label}")


def _label_version(model):
    """The model's label version; a cache that knows none (new, cleared, or restarted) gets
    one that no process has seen, so no process keeps a map from before."""
    key = _version_key(model)
    version = cache.get(key)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(key, version, None):
            version = cache.get(key) or version
    return version


def term_label(term, language_code=None):
    """The label of ``term`` in ``language_code`` (default: the active language)."""
    if term is None:
        return ""
    model = type(term)
    code = (language_code or get_language() or "en")[:2]
    version = _label_version(model)
    cached = _label_maps.get((model, code))
    if cached is None or cached[0] != version:
        labels = dict(
            model.objects.filter(locale__language_code=code).values_list("translation_key", "name")
        )
        cached = _label_maps[(model, code)] = (version, labels)
    return cached[1].get(term.translation_key, term.name)
