"""Keep the index true where Wagtail's own signal comes too early."""

from modelsearch.tasks import insert_or_update_object_task


def reindex_published_page(sender, instance, **kwargs):
    """Index a page again once it is published.

    Wagtail queues a page's indexing from its ``post_save`` signal, which a page sends
    before its parental relations (themes, countries, speakers…) are written: the immediate
    task backend would index the relations the page had before. ``page_published`` comes
    once they are written; the same task reads the page from the database again.
    """

    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )
