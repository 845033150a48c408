"""Factories for the news app's pages, used by tests."""

import datetime

import factory
import wagtail_factories

from news.models import NewsArticlePage, NewsIndexPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    """A news index page (test factory)."""

    class Meta:
        model = NewsIndexPage

    title = "News"
    slug = "news"


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    """A dated news article (test factory); ``terms={"themes": [...]}`` files it."""

    class Meta:
        model = NewsArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"News article {n}")
    summary = "A short account of what happened."
    author = "Portal team"
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>What happened, and why it matters.</p>")]
    )
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))

    @factory.post_generation
    def terms(obj, create, extracted, **kwargs):
        """``terms={"themes": [...], "regions": [...], ...}`` then save once."""
        if not create or not extracted:
            return
        for name, values in extracted.items():
            setattr(obj, name, values)
        obj.save()
