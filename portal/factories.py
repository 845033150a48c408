"""Factories for the portal's models, used by tests and benchmarks."""

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from wagtail.models import Locale

from portal.models import Country, HomePage, IndexPage, MemberProfile, StandardPage, Theme


class UserFactory(factory.django.DjangoModelFactory):
    """A member with a verified primary email and a profile (test factory)."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Adds the verified email address and the profile, unless ``verified=False``."""
        if create and extracted is not False:
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )
            MemberProfile.objects.get_or_create(user=obj)


class DocumentFactory(factory.django.DjangoModelFactory):
    """A Wagtail document in the root collection; ``file__data`` sets its content."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="document.txt", data=b"A document.")


def locale(code="en"):
    """The locale of ``code``, created if needed."""
    return Locale.objects.get_or_create(language_code=code)[0]


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page (test factory)."""

    class Meta:
        model = HomePage

    title = "Home"
    hero_title = "Learning from each other"


class StandardPageFactory(wagtail_factories.PageFactory):
    """A standard page with a heading and a paragraph (test factory)."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "An introduction."
    body = factory.LazyFunction(
        lambda: [("heading", "A heading"), ("paragraph", "<p>Some text.</p>")]
    )


class IndexPageFactory(wagtail_factories.PageFactory):
    """A section index page (test factory)."""

    class Meta:
        model = IndexPage

    title = factory.Sequence(lambda n: f"Section {n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    """An English theme (test factory)."""

    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(lambda: locale("en"))


class CountryFactory(factory.django.DjangoModelFactory):
    """An English country, Brazil by default (test factory; reused by ISO code)."""

    class Meta:
        model = Country
        django_get_or_create = ("iso_code", "locale")

    name = "Brazil"
    iso_code = "BR"
    locale = factory.LazyFunction(lambda: locale("en"))
