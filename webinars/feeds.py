"""RSS of the webinars index: the latest scheduled sessions the reader may see."""

from django.http import HttpResponse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags

from portal.reader_urls import absolute_url

from .listings import visible_webinars


def rss_response(index_page, request, limit=30):
    feed = Rss201rev2Feed(
        title=index_page.title,
        link=absolute_url(index_page.url or "/"),
        description=index_page.introduction or index_page.title,
        language=index_page.locale.language_code,
    )
    webinars = visible_webinars(request.user, index_page.locale).order_by("-starts_at")[:limit]
    for webinar in webinars:
        url = absolute_url(webinar.url or "/")
        feed.add_item(
            title=webinar.title,
            link=url,
            unique_id=url,
            description=webinar.introduction or strip_tags(webinar.abstract or ""),
            pubdate=webinar.first_published_at or webinar.starts_at,
            updateddate=webinar.starts_at,
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
