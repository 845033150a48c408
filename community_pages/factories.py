"""Factories for communities, used by tests, the benchmark and the demo content."""

import factory
import wagtail_factories

from community_pages.models import (
    Announcement,
    Comment,
    CommunityEvent,
    CommunityIndexPage,
    CommunityPage,
    CommunityResourcePage,
    Membership,
    Thread,
)


class CommunityIndexPageFactory(wagtail_factories.PageFactory):
    """A communities directory page (test factory)."""

    class Meta:
        model = CommunityIndexPage

    title = "Communities"
    slug = "communities"


class CommunityPageFactory(wagtail_factories.PageFactory):
    """A public community (test factory)."""

    class Meta:
        model = CommunityPage

    title = factory.Sequence(lambda n: f"Community {n}")
    introduction = "A space for practitioners."
    privacy = "public"


class CommunityResourcePageFactory(wagtail_factories.PageFactory):
    """A community page with one paragraph (test factory)."""

    class Meta:
        model = CommunityResourcePage

    title = factory.Sequence(lambda n: f"Resources {n}")
    topic = "Background"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Key readings.</p>")])


class MembershipFactory(factory.django.DjangoModelFactory):
    """An active, non-admin membership (test factory)."""

    class Meta:
        model = Membership

    status = Membership.Status.ACTIVE
    role = Membership.Role.MEMBER


class ThreadFactory(factory.django.DjangoModelFactory):
    """A discussion (test factory)."""

    class Meta:
        model = Thread

    title = factory.Sequence(lambda n: f"Discussion {n}")
    body = "<p>What have you observed?</p>"


class CommentFactory(factory.django.DjangoModelFactory):
    """A comment (test factory)."""

    class Meta:
        model = Comment

    body = "<p>In our country the programme grew quickly.</p>"


class AnnouncementFactory(factory.django.DjangoModelFactory):
    """A community announcement (test factory)."""

    class Meta:
        model = Announcement

    title = factory.Sequence(lambda n: f"Announcement {n}")
    body = "<p>The next meeting is scheduled.</p>"


class CommunityEventFactory(factory.django.DjangoModelFactory):
    """A community event in Paris time (test factory)."""

    class Meta:
        model = CommunityEvent

    title = factory.Sequence(lambda n: f"Meeting {n}")
    time_zone = "Europe/Paris"
