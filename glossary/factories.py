"""Factories for the glossary's pages, used by tests."""

import factory
import wagtail_factories

from glossary.models import GlossaryIndexPage, GlossaryTermPage


class GlossaryIndexPageFactory(wagtail_factories.PageFactory):
    """A glossary index page (test factory)."""

    class Meta:
        model = GlossaryIndexPage

    title = "Glossary"
    slug = "glossary"


class GlossaryTermPageFactory(wagtail_factories.PageFactory):
    """A glossary term with a one-sentence definition (test factory)."""

    class Meta:
        model = GlossaryTermPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Term {n}")
    definition = "<p>A word of social protection.</p>"

    @factory.post_generation
    def relations(obj, create, extracted, **kwargs):
        """``relations={"related_terms": [...], "themes": [...]}`` then save once."""
        if not create or not extracted:
            return
        for name, values in extracted.items():
            setattr(obj, name, values)
        obj.save()
