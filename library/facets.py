"""Facet keys: everything a publication is filed under, as one list on its row.

The library listing counts its facets in one pass over the result set's ``facet_keys``
(``library.listing.facet_counts``) instead of joining every relation table with the results.
A key is ``"<facet>:<term pk>"`` (``"theme:12"``, ``"country:40"``, ``"type:3"``) or
``"year:<year>"``. A publication's themes bring their ancestors, so a parent theme counts
each publication under it once.

Keys are written on every save of a publication (``PublicationPage.save``), by a task when
a theme moves in the tree (``library.tasks.refresh_theme_facet_keys``), and by
``manage.py refresh_facet_keys`` for the whole library.

On PostgreSQL the keys are a ``text[]`` array (``FacetKeysField``): ``unnest`` counts them
about twice as fast as ``jsonb`` elements, and a GIN index answers the listing's filters
(``&&``). Elsewhere they are JSON text, counted with ``json_each``.

Also on PostgreSQL, triggers keep the keys' totals per language and audience
(``FacetTotal``, migration 0008): a text query that matches most of a listing has its facets
counted from the few publications that do not match (``library.listing.facet_counts``).
"""

import json

from django.contrib.postgres.fields import ArrayField
from django.db import models

# Facet name: (many-to-many field of PublicationPage, term column of its through table).
# "type" and "year" are columns of the publication itself.
RELATIONS = {
    "theme": ("themes", "theme_id"),
    "region": ("regions", "region_id"),
    "country": ("countries", "country_id"),
    "language": ("languages", "documentlanguage_id"),
    "organisation": ("organisations", "organisation_id"),
}
BATCH = 500


class FacetKeysField(ArrayField):
    """A list of facet keys: ``text[]`` on PostgreSQL, a JSON list in a text column
    elsewhere. In Python it is always a list of strings."""

    def __init__(self, verbose_name=None, **kwargs):
        kwargs.pop("base_field", None)
        super().__init__(models.TextField(), verbose_name=verbose_name, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("base_field", None)
        return name, "library.facets.FacetKeysField", args, kwargs

    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return super().db_type(connection)
        return "text"

    def cast_db_type(self, connection):
        return self.db_type(connection)

    def get_placeholder(self, value, compiler, connection):
        if connection.vendor == "postgresql":
            return super().get_placeholder(value, compiler, connection)
        return "%s"

    def get_db_prep_value(self, value, connection, prepared=False):
        if connection.vendor == "postgresql" or value is None:
            return super().get_db_prep_value(value, connection, prepared)
        return json.dumps([str(key) for key in value])

    def from_db_value(self, value, expression, connection):
        return json.loads(value) if isinstance(value, str) else value


def theme_parents(theme_model=None):
    """{theme pk: parent pk or None} of every theme (a taxonomy is small: one query)."""
    if theme_model is None:
        from portal.models import Theme as theme_model

    return dict(theme_model.objects.values_list("pk", "parent_id"))


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


def refresh_facet_keys(queryset, batch=BATCH, theme_model=None):
    """Write the facet keys of every publication of ``queryset`` that has stale ones, and
    index those again where the engine keeps its own documents (Elasticsearch).

    Reads the relation tables in batches (one query per relation and batch), so a whole
    library is refreshed in bounded memory. Returns how many rows changed. A migration
    passes a queryset of its historical model and its historical ``theme_model`` (nothing
    is indexed then: ``update_index`` follows a migration).
    """
    publication_model = queryset.model
    parents = theme_parents(theme_model)
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    changed = []
    for offset in range(0, len(ids), batch):
        chunk = ids[offset : offset + batch]
        relations = {pk: {name: [] for name in RELATIONS} for pk in chunk}
        for name, (field, column) in RELATIONS.items():
            through = getattr(publication_model, field).through
            rows = through.objects.filter(publicationpage_id__in=chunk).values_list(
                "publicationpage_id", column
            )
            for pk, term in rows:
                relations[pk][name].append(term)
        stale = []
        rows = publication_model.objects.filter(pk__in=chunk).values_list(
            "pk", "document_type_id", "year", "facet_keys"
        )
        for pk, document_type_id, year, current in rows:
            keys = make_keys(relations[pk], document_type_id, year, parents)
            if keys != current:
                stale.append(publication_model(pk=pk, facet_keys=keys))
        publication_model.objects.bulk_update(stale, ["facet_keys"])
        changed.extend(row.pk for row in stale)
    if changed:
        from library.listing import listing_changed

        listing_changed()
        if theme_model is None:
            from library.models import reindex_publications

            reindex_publications(changed)
    return len(changed)


TOTALS_TABLE = "library_facettotal"
# A set-returning SQL function (migration 0008): the (language, audience, key) rows one
# publication row adds to the totals: a language for each word of its ``listed_in``.
TOTALS_KEYS = "library_facet_total_keys"


def on_totals(operation, using=None):
    """Run ``operation(cursor)`` (``recount_totals``, ``compact_totals``) on the database
    that holds the facet totals; nothing unless it is PostgreSQL. Returns whether it ran."""
    from django.db import connections, router

    from library.models import FacetTotal

    connection = connections[using or router.db_for_write(FacetTotal)]
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        operation(cursor)
    return True


def recount_totals(cursor):
    """Count every facet total again from the publications' rows (PostgreSQL). Emptied with
    ``TRUNCATE``, which leaves no dead rows behind for the listing to read past (after a
    bulk load the change rows can outnumber the totals a thousandfold)."""
    cursor.execute(f"TRUNCATE {TOTALS_TABLE}")
    cursor.execute(
        f"INSERT INTO {TOTALS_TABLE} (language, audience, key, n) "
        "SELECT k.language, k.audience, k.key, COUNT(*) FROM library_publicationpage p, "
        f"{TOTALS_KEYS}(p.listed_in, p.audience, p.facet_keys) k GROUP BY 1, 2, 3"
    )


def compact_totals(cursor):
    """Fold the changes the triggers wrote into one row per (language, audience, key).

    Rewrites only the totals that changed. Safe alongside writes and other compactions: a
    row is deleted by one statement only, and that statement writes its sum back.
    """
    cursor.execute(
        f"""
        WITH changed AS (
            SELECT language, audience, key FROM {TOTALS_TABLE}
            GROUP BY 1, 2, 3 HAVING COUNT(*) > 1 OR SUM(n) = 0
        ), folded AS (
            DELETE FROM {TOTALS_TABLE} t USING changed c
            WHERE (t.language, t.audience, t.key) = (c.language, c.audience, c.key)
            RETURNING t.language, t.audience, t.key, t.n
        )
        INSERT INTO {TOTALS_TABLE} (language, audience, key, n)
        SELECT language, audience, key, SUM(n) FROM folded GROUP BY 1, 2, 3 HAVING SUM(n) <> 0
        """
    )
