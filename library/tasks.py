"""Background work of the library (django-tasks): text extraction from attached PDFs."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def extract_publication_text(page_id):
    """Extract the text of a publication's PDF files and index it with the publication.

    A broken, encrypted or image-only PDF is logged and skipped; this task never raises,
    so a publication is saved and published whatever its files hold.
    """
    from wagtail.search import index

    from library.models import PublicationPage
    from library.pdfs import MAX_EXTRACTED_CHARS, extract_text

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
        from library.listing import listing_changed

        listing_changed()  # text queries may now match it: cached counts are stale
    return f"{len(text)} characters"


@task()
def refresh_publication_facet_keys(publication_ids):
    """Write again the facet keys of these publications (a theme above them moved or went)."""
    from library.facets import refresh_facet_keys
    from library.models import PublicationPage

    changed = refresh_facet_keys(PublicationPage.objects.filter(pk__in=publication_ids))
    return f"{changed} publications"
