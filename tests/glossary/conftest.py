"""Fixtures of the glossary tests: a glossary in each language with a few terms."""

import pytest

from glossary.factories import GlossaryIndexPageFactory, GlossaryTermPageFactory
from glossary.models import GlossaryIndexPage


@pytest.fixture
def glossaries(home, locales):
    """The English glossary index and its Spanish and French translations."""
    english = GlossaryIndexPageFactory(parent=home, locale=locales["en"])
    indexes = {"en": english}
    for code, title in (("es", "Glosario"), ("fr", "Glossaire")):
        copy = english.copy_for_translation(locales[code])
        copy.title = title
        copy.save_revision().publish()
        indexes[code] = GlossaryIndexPage.objects.get(pk=copy.pk)
    return indexes


@pytest.fixture
def term(glossaries):
    """``term(language, title, **fields)``: a live term in that language's glossary."""

    def make(language, title, **fields):
        index = glossaries[language]
        return GlossaryTermPageFactory(parent=index, locale=index.locale, title=title, **fields)

    return make
