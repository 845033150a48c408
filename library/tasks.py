"""Background work of the library (django-tasks): text extraction from attached PDFs, and
listing entries written again when the theme tree changes (the counts view's refresh is a
task of ``library.indexing``)."""

import logging

from django_tasks import task
from wagtail.search import index

from library.indexing import refresh_listing, refresh_translations, reindex_publications
from library.models import PublicationPage
from library.pdfs import MAX_EXTRACTED_CHARS, extract_text

logger = logging.getLogger(__name__)


@task()
def extract_publication_text(page_id):
    """Extract the text of a publication's PDF files and index it with the publication.

    A broken, encrypted or image-only PDF is logged and skipped; this task never raises,
    so a publication is saved and published whatever its files hold.
    """
    page = PublicationPage.objects.filter(pk=page_id).first()
    if page is None:
        return ""
    texts = []
    for item in page.files.select_related("document"):
        document = item.document
        if document.file_extension.lower() != "pdf":
            continue
        try:
            with document.file.open("rb") as handle:
                texts.append(extract_text(handle, name=document.filename))
        except Exception:  # noqa: BLE001 - a missing file must not break anything
            logger.warning("File of document %s could not be opened.", document.pk, exc_info=True)
    text = " ".join(t for t in texts if t)[:MAX_EXTRACTED_CHARS]
    if text != page.extracted_text:
        PublicationPage.objects.filter(pk=page.pk).update(extracted_text=text)
        page.extracted_text = text
        try:
            index.insert_or_update_object(page)
        except Exception:  # noqa: BLE001 - the search engine may be down; logged
            logger.warning("Publication %s could not be reindexed.", page.pk, exc_info=True)
        refresh_listing(page.translation_key)  # its listing entries match the new text
    return f"{len(text)} characters"


@task()
def refresh_publication_entries(publication_ids):
    """Write again the listing entries of these publications (a theme above them moved or
    went, so their facet keys changed)."""
    keys = PublicationPage.objects.filter(pk__in=publication_ids).values_list(
        "translation_key", flat=True
    )
    refresh_translations(set(keys))
    reindex_publications(publication_ids)  # Elasticsearch documents carry the facet keys
    return f"{len(publication_ids)} publications"
