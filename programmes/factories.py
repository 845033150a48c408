"""Factories for the programmes app's taxonomy and pages, used by tests."""

import factory
import wagtail_factories

from portal.factories import locale
from programmes.models import ProgrammeIndexPage, ProgrammePage, ProgrammeType, TargetGroup


class ProgrammeTypeFactory(factory.django.DjangoModelFactory):
    """An English programme type (test factory; reused by slug)."""

    class Meta:
        model = ProgrammeType
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Programme type {n}")
    slug = factory.Sequence(lambda n: f"programme-type-{n}")
    locale = factory.LazyFunction(lambda: locale("en"))


class TargetGroupFactory(factory.django.DjangoModelFactory):
    """An English target group (test factory; reused by slug)."""

    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Target group {n}")
    slug = factory.Sequence(lambda n: f"target-group-{n}")
    locale = factory.LazyFunction(lambda: locale("en"))


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    """A programme index page (test factory)."""

    class Meta:
        model = ProgrammeIndexPage

    title = "Programmes"
    slug = "programmes"


class ProgrammePageFactory(wagtail_factories.PageFactory):
    """A programme started in 2005 (test factory); ``terms={"countries": [...]}`` files it."""

    class Meta:
        model = ProgrammePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Programme {n}")
    introduction = "A programme of cash transfers to poor households."
    year_started = 2005
    benefit_description = "<p>A monthly transfer per household.</p>"

    @factory.post_generation
    def terms(obj, create, extracted, **kwargs):
        """``terms={"countries": [...], "target_groups": [...], ...}`` then save once."""
        if not create or not extracted:
            return
        for name, values in extracted.items():
            setattr(obj, name, values)
        obj.save()
