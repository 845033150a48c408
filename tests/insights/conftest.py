"""The insights tests read what every app keeps: they share the library's fixtures."""

from tests.library.conftest import library, pdf_document, publish, taxonomy  # noqa: F401
