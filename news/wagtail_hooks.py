"""What the news app hands to the layers below: the home page's latest news, its articles in
the site search and its demo content."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from news import demo as news_demo
from portal.index_pages import index_page
from portal.reader_urls import reader_path

from .listing import latest_articles
from .models import NewsArticlePage, NewsIndexPage


@hooks.register("portal_home_sections")
def latest_news(request, locale):
    """The home page's section of the three newest articles of its language the reader may
    read (none when the language has no news section)."""
    index = index_page(request, NewsIndexPage, locale)
    if index is None:
        return None
    code = locale.language_code
    items = [
        {
            "title": article.title,
            "url": reader_path(article, code, translate=False),
            "summary": article.listing_summary,
            "meta": date_format(article.display_date) if article.display_date else "",
        }
        for article in latest_articles(request.user, locale)
    ]
    return {
        "title": _("Latest news"),
        "url": reader_path(index, code, translate=False),
        "more_label": _("All news"),
        "items": items,
        "pillar": "learn",
    }


@hooks.register("register_search_model")
def search_news():
    """Registers news articles with the site search (type ``news``)."""
    return {"model": NewsArticlePage, "label": _("News"), "type": "news"}


@hooks.register("register_demo_content", order=50)
def load_news_demo(command):
    """The demo news section and articles (after the other apps, whose pages they link to)."""
    return news_demo.load(command)
