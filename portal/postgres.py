"""Support for migrations that run PostgreSQL statements and do nothing on other databases
(the quick start's SQLite): text search configurations, GIN indexes, copies kept by
triggers."""

import functools


def on_postgresql(operation):
    """Make ``operation(cursor)`` a ``RunPython`` function that runs it with a cursor of the
    migrated database when that is PostgreSQL, and does nothing elsewhere."""

    @functools.wraps(operation)
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            operation(cursor)

    return run
