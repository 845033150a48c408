"""Text extraction from attached PDFs: indexed when readable, skipped (logged) otherwise."""

import logging

from library.models import PublicationFile, PublicationPage
from library.tasks import extract_publication_text
from search.service import search_ids
from tests.library.conftest import make_pdf


def attach(page, document):
    PublicationFile.objects.create(page=page, document=document)
    page.save_revision().publish()
    return PublicationPage.objects.get(pk=page.pk)


def test_pdf_text_is_extracted_on_publish_and_searchable(publish, pdf_document):
    page = attach(
        publish("Plain title"), pdf_document(content=make_pdf("Graduation pathways in Rwanda"))
    )
    assert "Graduation pathways in Rwanda" in page.extracted_text
    assert search_ids(PublicationPage.objects.live(), "graduation") == [page.pk]


def test_broken_pdf_is_logged_and_skipped(publish, pdf_document, caplog):
    caplog.set_level(logging.WARNING, logger="library.pdfs")
    page = attach(publish(), pdf_document(content=b"%PDF-1.4 this is not really a pdf"))
    assert page.live and page.extracted_text == ""
    assert "could not be read" in caplog.text


def test_encrypted_pdf_is_logged_and_skipped(publish, pdf_document, caplog):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for p in PdfReader(io.BytesIO(make_pdf("secret text"))).pages:
        writer.add_page(p)
    writer.encrypt(user_password="pw", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    caplog.set_level(logging.WARNING, logger="library.pdfs")
    page = attach(publish(), pdf_document(content=out.getvalue()))
    assert page.live and page.extracted_text == ""
    assert "encrypted" in caplog.text


def test_image_only_pdf_gives_no_text(publish, pdf_document, caplog):
    caplog.set_level(logging.INFO, logger="library.pdfs")
    page = attach(publish(), pdf_document(content=make_pdf("")))
    assert page.extracted_text == ""
    assert "no text layer" in caplog.text


def test_missing_file_never_fails_the_task(publish, pdf_document):
    page = attach(publish(), pdf_document())
    document = page.files.get().document
    document.file.storage.delete(document.file.name)
    assert extract_publication_text.call(page.pk) == "0 characters"
