"""Factories for the library's models, used by tests and the benchmark."""

import factory
import wagtail_factories

from library.models import (
    DocumentLanguage,
    DocumentType,
    LibraryIndexPage,
    Organisation,
    OrganisationIndexPage,
    OrganisationPage,
    PublicationPage,
)
from portal.factories import locale


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    """An English document type (test factory; reused by slug)."""

    class Meta:
        model = DocumentType
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Type {n}")
    slug = factory.Sequence(lambda n: f"type-{n}")
    locale = factory.LazyFunction(lambda: locale("en"))


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An English organisation (test factory; reused by slug)."""

    class Meta:
        model = Organisation
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    locale = factory.LazyFunction(lambda: locale("en"))


class DocumentLanguageFactory(factory.django.DjangoModelFactory):
    """A document language, English by default (test factory; reused by code)."""

    class Meta:
        model = DocumentLanguage
        django_get_or_create = ("code", "locale")

    name = "English"
    code = "en"
    locale = factory.LazyFunction(lambda: locale("en"))


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    """A library index page (test factory)."""

    class Meta:
        model = LibraryIndexPage

    title = "Library"
    slug = "library"


class OrganisationIndexPageFactory(wagtail_factories.PageFactory):
    """An organisations directory (test factory)."""

    class Meta:
        model = OrganisationIndexPage

    title = "Organisations"
    slug = "organisations"


class OrganisationPageFactory(wagtail_factories.PageFactory):
    """A profile of a new organisation of the taxonomy (test factory)."""

    class Meta:
        model = OrganisationPage

    title = factory.Sequence(lambda n: f"Organisation profile {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    kind = "ngo"
    description = "What the organisation does."


class PublicationPageFactory(wagtail_factories.PageFactory):
    """A publication by two authors (test factory)."""

    class Meta:
        model = PublicationPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Publication {n}")
    abstract = "A study of social protection programmes."
    authors = "Silva, Ana\nMartin, Paul"
    year = 2020

    @factory.post_generation
    def terms(obj, create, extracted, **kwargs):
        """``terms={"themes": [...], "countries": [...], ...}`` then save once."""
        if not create or not extracted:
            return
        for name, values in extracted.items():
            setattr(obj, name, values)
        obj.save()
