"""The search app's models: what the index missed while Elasticsearch was down."""

from django.db import models


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
