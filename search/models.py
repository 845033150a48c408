"""PostgreSQL: a narrow copy of the titles of Wagtail's database index entries."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class TitleEntry(models.Model):
    """The title vector and norm of one of Wagtail's index entries (``entry_id``).

    A broad query's best titles are ranked by reading the title of every entry whose title
    matches; Wagtail's entries also hold bodies, texts and autocomplete vectors, so those
    reads touch most of the index. This table holds only what title ranking reads. A trigger
    on the entries (migration 0004) keeps it in step with every write and delete; the ORM
    never writes it. PostgreSQL only: the table does not exist elsewhere.
    """

    entry_id = models.IntegerField(primary_key=True)
    content_type_id = models.IntegerField()
    object_id = models.CharField(max_length=50)
    title = SearchVectorField()
    title_norm = models.FloatField()

    class Meta:
        managed = False
        db_table = "portal_search_titleentry"

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class PendingIndexUpdate(models.Model):
    """An object whose change Elasticsearch missed (it was down or answered an error).

    One row per object, whatever the number of changes: the replay
    (``search.pending.replay``, ``manage.py replay_search_updates``) reads the object as it
    is then, indexes it if it still exists and is indexed, and deletes its document
    otherwise.
    """

    app_label = models.CharField(max_length=100)
    model_name = models.CharField(max_length=100)
    object_id = models.CharField(max_length=50)
    missed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["app_label", "model_name", "object_id"],
                name="one_pending_update_per_object",
            )
        ]
        ordering = ["missed_at", "pk"]

    def __str__(self):
        return f"{self.app_label}.{self.model_name}:{self.object_id}"
