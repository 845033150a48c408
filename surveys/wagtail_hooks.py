"""Surveys join the site: a community's navigation, members' timelines, the site search and
the demo content."""

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.access import visible_queryset
from portal.following import Entry
from portal.index_pages import index_page
from portal.locales import active_locale
from portal.locales import locale_codes as site_locale_codes
from portal.reader_urls import reader_path
from surveys import demo
from surveys.models import SurveyIndexPage, SurveyPage
from surveys.views import community_names


@hooks.register("community_section_links")
def community_surveys_link(request, community, rights):
    """ "Surveys" in a community's navigation, for its members (they answer them)."""
    if not rights.read_members_only:
        return None
    index = index_page(request, SurveyIndexPage, active_locale())
    if index is None:
        return None
    return {
        "label": _("Surveys"),
        "url": f"{index.get_url(request)}?community={community.canonical_pk}",
    }


@hooks.register("portal_timeline")
def timeline_surveys(user, follows, locale, limit):
    """Surveys the member is asked to answer (of their communities, or of every member),
    as they open; their own aside. Two queries, however many there are."""
    surveys = list(
        visible_queryset(SurveyPage.objects.live(), user)
        .filter(opens_at__lte=timezone.now())
        .exclude(owner=user)
        .select_related("community")
        .order_by("-opens_at", "-pk")[:limit]
    )
    names = community_names([survey.community for survey in surveys], locale)
    codes = site_locale_codes()
    return [
        Entry(
            at=survey.opens_at,
            title=survey.title,
            url=reader_path(survey, locale.language_code, translate=False),
            what=str(_("New survey")),
            why=names.get(survey.community_id) or str(_("All members")),
            summary=strip_tags(survey.introduction),
            language="" if survey.locale_id == locale.pk else codes.get(survey.locale_id, ""),
            key=f"survey:{survey.pk}",
        )
        for survey in surveys
    ]


@hooks.register("register_search_model")
def register_surveys():
    """Members find surveys with the site search (as the access policy lets them)."""
    return [{"model": SurveyPage, "label": _("Surveys"), "type": "survey"}]


@hooks.register("register_demo_content", order=60)
def load_surveys_demo(command):
    """The demo surveys: a community's, answered by its members, and the whole membership's
    (after the communities)."""
    return demo.load(command)
