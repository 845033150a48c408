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
    class Meta:
        model = CommunityIndexPage

    title = "Communities"
    slug = "communities"


class CommunityPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CommunityPage

    title = factory.Sequence(lambda n: f"Community {n}")
    introduction = "A space for practitioners."
    privacy = "public"


class CommunityResourcePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CommunityResourcePage

    title = factory.Sequence(lambda n: f"Resources {n}")
    topic = "Background"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Key readings.</p>")])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    status = Membership.Status.ACTIVE
    role = Membership.Role.MEMBER


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    title = factory.Sequence(lambda n: f"Discussion {n}")
    body = "<p>What have you observed?</p>"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    body = "<p>In our country the programme grew quickly.</p>"


class AnnouncementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Announcement

    title = factory.Sequence(lambda n: f"Announcement {n}")
    body = "<p>The next meeting is scheduled.</p>"


class CommunityEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunityEvent

    title = factory.Sequence(lambda n: f"Meeting {n}")
    time_zone = "Europe/Paris"
