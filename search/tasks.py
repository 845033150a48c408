"""Background work of the search app."""

from django_tasks import task

from search.pending import replay


@task()
def replay_index_updates():
    """Send Elasticsearch the changes it missed while it was down (``search.pending``)."""
    return replay()
