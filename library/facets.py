"""Facet keys: everything a publication is filed under, as one list on its listing entry.

The library listing counts its facets in one pass over the result set's ``facet_keys``
(``library.listing.facet_counts``) instead of joining every relation table with the results.
A key is ``"<facet>:<term pk>"`` (``"theme:12"``, ``"country:40"``, ``"type:3"``) or
``"year:<year>"``. A publication's themes bring their ancestors, so a parent theme counts
each publication under it once.

Keys are written with the listing entries (``library.indexing``): on every save of a
publication, by a task when a theme moves in the tree, and by ``manage.py rebuild_listing``.

On PostgreSQL the keys are a ``text[]`` array (``FacetKeysField``): ``unnest`` counts them
about twice as fast as ``jsonb`` elements, and a GIN index answers the listing's filters
(``&&``). Elsewhere they are JSON text, counted with ``json_each``.
"""

import json

from django.contrib.postgres.fields import ArrayField
from django.db import models

from portal.models import Theme

# Facet name: (many-to-many field of PublicationPage, term column of its through table).
# "type" and "year" are columns of the publication itself.
RELATIONS = {
    "theme": ("themes", "theme_id"),
    "region": ("regions", "region_id"),
    "country": ("countries", "country_id"),
    "language": ("languages", "documentlanguage_id"),
    "organisation": ("organisations", "organisation_id"),
}


class FacetKeysField(ArrayField):
    """A list of facet keys: ``text[]`` on PostgreSQL, a JSON list in a text column
    elsewhere. In Python it is always a list of strings."""

    def __init__(self, verbose_name=None, **kwargs):
        kwargs.pop("base_field", None)
        super().__init__(models.TextField(), verbose_name=verbose_name, **kwargs)

    def deconstruct(self):
        """Leaves ``base_field`` out: it is always a text field."""
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("base_field", None)
        return name, "library.facets.FacetKeysField", args, kwargs

    def db_type(self, connection):
        """``text[]`` on PostgreSQL, ``text`` elsewhere."""
        if connection.vendor == "postgresql":
            return super().db_type(connection)
        return "text"

    def cast_db_type(self, connection):
        """The same type as the column."""
        return self.db_type(connection)

    def get_placeholder(self, value, compiler, connection):
        """A plain placeholder outside PostgreSQL."""
        if connection.vendor == "postgresql":
            return super().get_placeholder(value, compiler, connection)
        return "%s"

    def get_db_prep_value(self, value, connection, prepared=False):
        """The keys as a JSON list outside PostgreSQL."""
        if connection.vendor == "postgresql" or value is None:
            return super().get_db_prep_value(value, connection, prepared)
        return json.dumps([str(key) for key in value])

    def from_db_value(self, value, expression, connection):
        """The list of keys (JSON text decoded outside PostgreSQL)."""
        return json.loads(value) if isinstance(value, str) else value


def theme_parents(theme_model=None):
    """{theme pk: parent pk or None} of every theme (a taxonomy is small: one query)."""
    return dict((theme_model or Theme).objects.values_list("pk", "parent_id"))


def with_ancestors(theme_ids, parents):
    """``theme_ids`` and every theme above them, per ``parents`` ({pk: parent pk})."""
    found = set()
    for pk in theme_ids:
        while pk is not None and pk not in found:
            found.add(pk)
            pk = parents.get(pk)
    return found


def make_keys(relations, document_type_id, year, parents):
    """The sorted facet keys of one publication.

    ``relations``: {facet name: term pks} for the names of ``RELATIONS``; themes are
    completed with their ancestors from ``parents``.
    """
    keys = set()
    for name, ids in relations.items():
        if name == "theme":
            ids = with_ancestors(ids, parents)
        keys.update(f"{name}:{pk}" for pk in ids)
    if document_type_id:
        keys.add(f"type:{document_type_id}")
    if year:
        keys.add(f"year:{year}")
    return sorted(keys)


def publication_keys(page, parents=None):
    """The facet keys of ``page`` from its relations as they are in memory (a page being
    saved, a revision being published)."""
    relations = {
        name: [term.pk for term in getattr(page, field).all()]
        for name, (field, _column) in RELATIONS.items()
    }
    parents = theme_parents() if parents is None else parents
    return make_keys(relations, page.document_type_id, page.year, parents)


def parse(key):
    """``("theme", 12)`` from ``"theme:12"`` (``None`` for a key this version cannot read)."""
    name, _sep, value = str(key).partition(":")
    return (name, int(value)) if value.isdigit() else None
