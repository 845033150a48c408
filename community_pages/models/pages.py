"""Community page types: the directory, communities and their resource pages.

A community is translated like any page; its memberships, discussions, files and events
belong to the *canonical* community (the first page of its translation group), so readers
of every language share one community. Privacy and archiving are kept identical on every
translation. Access is decided by ``portal.access`` from the ``audience`` column
(see ``portal.models.RestrictedMixin``):

* a community's own page (concept note, description) is public unless it is hidden, when
  its audience becomes ``c<pk>`` and it vanishes from listings, search, sitemap and API;
* a resource page inside a community always has audience ``c<pk>``; whether ``c<pk>`` is
  readable is worked out at query time from the privacy setting and the reader's membership,
  so a change of setting takes effect at once.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.index import insert_or_update_object

from community_pages.blocks import ResourceBodyBlock, TimelineActivityBlock
from portal.access import audience_for, invalidate
from portal.api_fields import TermsField
from portal.models import BasePage, RestrictedMixin
from portal.translation import synchronized, translated

# A community with no new content for this long is inactive (the admin flags it).
INACTIVITY = timedelta(days=365)


def section_views():
    """The community views (``community_pages.views``), for the page's routes to call."""
    from community_pages import views  # noqa: PLC0415 - the views import these page models

    return views


class Privacy(models.TextChoices):
    """The operators' five privacy settings (PRODUCT.md has the table)."""

    PRIVATE = "private", _("Private")
    SEMI_PRIVATE = "semi-private", _("Semi-private")
    PUBLIC = "public", _("Public")
    OPEN = "open", _("Open")
    HIDDEN = "hidden", _("Hidden")


class CommunityIndexPage(BasePage):
    """The community directory: the communities a reader may see, with filters."""

    body = RichTextField(
        _("body"), blank=True, help_text=_("Optional text shown above the directory.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    subpage_types = ["community_pages.CommunityPage"]
    parent_page_types = ["portal.HomePage"]
    page_description = _("The directory of online communities (one per language).")
    template = "community_pages/community_index_page.html"

    translatable_fields = BasePage.translatable_fields + translated("body")

    class Meta:
        verbose_name = _("community directory")
        verbose_name_plural = _("community directories")

    def get_context(self, request, *args, **kwargs):
        """The page's context and the directory's (the communities, filters and counts)."""
        from community_pages.directory import (  # noqa: PLC0415 - the directory reads these models
            directory_context,
        )

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(request, self))
        return context


class CommunityPage(RoutablePageMixin, RestrictedMixin, BasePage):
    """An online community: concept note, privacy setting, members and its sections."""

    privacy = models.CharField(
        _("privacy setting"),
        max_length=20,
        choices=Privacy.choices,
        default=Privacy.PUBLIC,
        db_index=True,
        help_text=_(
            "Private: invitation only. Semi-private: join on approval. Public: anyone may "
            "join, content for members. Open: anyone reads, members post. Hidden: listed "
            "only to its members, invitation only."
        ),
    )
    archived = models.BooleanField(
        _("archived"),
        default=False,
        db_index=True,
        help_text=_("Archived communities keep their content readable but accept no new members."),
    )
    archived_at = models.DateTimeField(_("archived on"), null=True, blank=True, editable=False)
    last_activity_at = models.DateTimeField(
        _("last activity"), null=True, blank=True, editable=False, db_index=True
    )
    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide image at the top of the community page."),
    )
    social_image_field = "banner"
    description = RichTextField(
        _("description"),
        blank=True,
        help_text=_("What the community is about and who it is for (shown to everyone)."),
    )
    overview = RichTextField(
        _("overview"),
        blank=True,
        help_text=_("Concept note: the topic, its background and the administrators' work."),
    )
    purpose = RichTextField(
        _("purpose"),
        blank=True,
        help_text=_("Concept note: why the community exists and the roles of its members."),
    )
    engagement_strategy = RichTextField(
        _("engagement strategy"),
        blank=True,
        help_text=_("Concept note: how members are recruited and kept engaged."),
    )
    timeline = StreamField(
        [("activity", TimelineActivityBlock())],
        verbose_name=_("timeline of activities"),
        blank=True,
        help_text=_("The planned activities, in order."),
    )
    eligibility = RichTextField(
        _("eligibility conditions"),
        blank=True,
        help_text=_("Who may join (shown on semi-private communities)."),
    )
    sponsor_organisations = ParentalManyToManyField(
        "library.Organisation",
        verbose_name=_("sponsors"),
        blank=True,
        related_name="sponsored_communities",
        help_text=_("Organisations that found and fund the community (their profiles list it)."),
    )
    partner_organisations = ParentalManyToManyField(
        "library.Organisation",
        verbose_name=_("partners"),
        blank=True,
        related_name="partnered_communities",
        help_text=_("Organisations that contribute to the community (their profiles list it)."),
    )
    themes = ParentalManyToManyField(
        "portal.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("Themes of the portal's taxonomy the community works on."),
    )
    regions = ParentalManyToManyField(
        "portal.Region",
        verbose_name=_("regions"),
        blank=True,
        related_name="+",
        help_text=_("World regions the community focuses on."),
    )
    related_communities = ParentalManyToManyField(
        "self",
        verbose_name=_("related communities"),
        blank=True,
        symmetrical=False,
        related_name="+",
        help_text=_("Other communities members may want to visit."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("banner"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("overview"),
                FieldPanel("purpose"),
                FieldPanel("engagement_strategy"),
                FieldPanel("timeline"),
            ],
            heading=_("Concept note"),
        ),
        FieldPanel("eligibility"),
        MultiFieldPanel(
            [FieldPanel("sponsor_organisations"), FieldPanel("partner_organisations")],
            heading=_("Sponsors and partners"),
        ),
        FieldPanel("themes"),
        FieldPanel("regions"),
        FieldPanel("related_communities"),
    ]
    settings_panels = BasePage.settings_panels + [
        MultiFieldPanel([FieldPanel("privacy"), FieldPanel("archived")], heading=_("Community"))
    ]
    search_fields = (
        BasePage.search_fields
        + RestrictedMixin.search_fields
        + [
            index.SearchField("description"),
            index.SearchField("overview"),
            index.SearchField("purpose"),
            index.AutocompleteField("title"),
            index.FilterField("privacy"),
            index.FilterField("archived"),
        ]
    )
    api_fields = BasePage.api_fields + [
        "privacy",
        "archived",
        APIField("sponsor_organisations", serializer=TermsField()),
        APIField("partner_organisations", serializer=TermsField()),
    ]
    parent_page_types = ["community_pages.CommunityIndexPage"]
    subpage_types = ["community_pages.CommunityResourcePage"]
    page_description = _("An online community with members, discussions, files and events.")
    template = "community_pages/community_page.html"

    translatable_fields = (
        BasePage.translatable_fields
        + translated(
            "description",
            "overview",
            "purpose",
            "engagement_strategy",
            "timeline",
            "eligibility",
        )
        + synchronized(
            "privacy",
            "archived",
            "themes",
            "regions",
            "related_communities",
            "sponsor_organisations",
            "partner_organisations",
        )
        + synchronized("banner", overridable=True)
    )

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        """The community's title."""
        return self.title

    # -- the canonical community ----------------------------------------------------------

    @property
    def canonical_pk(self):
        """Primary key of the first page of this community's translation group."""
        if "_canonical_pk" not in self.__dict__:
            first = None
            if self.pk is not None:
                first = (
                    CommunityPage.objects.filter(translation_key=self.translation_key)
                    .order_by("pk")
                    .values_list("pk", flat=True)
                    .first()
                )
            self.__dict__["_canonical_pk"] = first or self.pk
        return self.__dict__["_canonical_pk"]

    @property
    def canonical(self):
        """The canonical community page (memberships and content point at it)."""
        if self.canonical_pk == self.pk:
            return self
        if "_canonical" not in self.__dict__:
            self.__dict__["_canonical"] = CommunityPage.objects.get(pk=self.canonical_pk)
        return self.__dict__["_canonical"]

    @property
    def governing_community_id(self):
        """Hidden communities' own pages are read only as the community's content is."""
        if self.privacy == Privacy.HIDDEN and self.pk is not None:
            return self.canonical_pk
        return None

    @property
    def is_open(self):
        """Anyone may read the community's content (members post)."""
        return self.privacy == Privacy.OPEN

    # -- saving ---------------------------------------------------------------------------

    def save(self, *args, **kwargs):
        """Save; a translation takes the community's privacy and archiving, the canonical page
        passes them on to every translation."""
        canonical_pk = self.canonical_pk if self.pk else None
        if canonical_pk and canonical_pk != self.pk:
            # Privacy and archiving belong to the community, not to one translation.
            source = CommunityPage.objects.filter(pk=canonical_pk).values(
                "privacy", "archived", "archived_at"
            )[0]
            for name, value in source.items():
                setattr(self, name, value)
        if self.archived and self.archived_at is None:
            self.archived_at = timezone.now()
        if not self.archived:
            self.archived_at = None
        result = super().save(*args, **kwargs)
        if self.privacy == Privacy.HIDDEN and self.audience != f"c{self.canonical_pk}":
            # A new page only knows its key after the first save.
            self.audience = f"c{self.canonical_pk}"
            CommunityPage.objects.filter(pk=self.pk).update(audience=self.audience)
        if canonical_pk is None or canonical_pk == self.pk:
            self.sync_translations()
        return result

    def sync_translations(self):
        """Copy privacy and archiving to every translation and refresh their audience and index.

        Runs on every save of the canonical page, so a change of setting takes effect at once:
        content audiences (``c<pk>``) are read against the setting at query time, and only the
        community pages' own audience (hidden or not) needs rewriting.
        """
        audience = audience_for(self)
        group = CommunityPage.objects.filter(translation_key=self.translation_key)
        stale = group.exclude(privacy=self.privacy, archived=self.archived, audience=audience)
        changed = list(stale.exclude(pk=self.pk).values_list("pk", flat=True))
        group.update(
            privacy=self.privacy,
            archived=self.archived,
            archived_at=self.archived_at,
            audience=audience,
        )
        invalidate()
        for page in CommunityPage.objects.filter(pk__in=changed + [self.pk]):
            insert_or_update_object(page)

    @classmethod
    def record_activity(cls, community_pk, when=None):
        """Record new content in a community (every translation): the directory sorts by it
        and inactivity is measured from it."""
        when = when or timezone.now()
        key = cls.objects.filter(pk=community_pk).values_list("translation_key", flat=True)
        group = cls.objects.filter(translation_key__in=key)
        group.filter(last_activity_at__lt=when).update(last_activity_at=when)
        group.filter(last_activity_at__isnull=True).update(last_activity_at=when)

    # -- sections: routes of the community page -------------------------------------------

    def route(self, request, path_components):
        """A child page's slug leads to that page; anything else to the section routes."""
        # Child pages (community resource pages) win over the section routes.
        if path_components and self.get_children().filter(slug=path_components[0]).exists():
            return Page.route(self, request, path_components)
        return super().route(request, path_components)

    # Each route is named (``{% routablepageurl community "thread" thread.pk %}``, or
    # ``community.reverse_subpage("thread", args=[pk])`` in Python); the views are in
    # ``community_pages.views``, one module per section.

    @path("", name="home")
    def home_view(self, request):
        """The community's home."""
        return section_views().home.community_home(request, self)

    @path("membership/", name="membership")
    def membership_view(self, request):
        """Join, ask to join, accept an invitation, withdraw a request, leave (POST)."""
        return section_views().membership.membership(request, self)

    @path("feed/", name="feed")
    def feed_view(self, request):
        """The public RSS feed of the community."""
        return section_views().home.public_feed(request, self)

    @path("announcements/", name="announcements")
    def announcements_view(self, request):
        """The announcements (and, for administrators, the form to send one)."""
        return section_views().announcements.announcement_list(request, self)

    @path("announcements/<int:item_id>/", name="announcement")
    def announcement_view(self, request, item_id):
        """One announcement."""
        return section_views().announcements.announcement_detail(request, self, item_id)

    @path("discussions/", name="discussions")
    def discussions_view(self, request):
        """The discussions (and the form to start one)."""
        return section_views().discussions.discussion_list(request, self)

    @path("discussions/<int:item_id>/", name="thread")
    def thread_view(self, request, item_id):
        """One discussion, its comments and the form to comment."""
        return section_views().discussions.thread_detail(request, self, item_id)

    @path("discussions/<int:item_id>/edit/", name="thread_edit")
    def thread_edit_view(self, request, item_id):
        """Edit a discussion."""
        return section_views().posts.thread_edit(request, self, item_id)

    @path("discussions/<int:item_id>/replies/", name="thread_replies")
    def thread_replies_view(self, request, item_id):
        """The author's choice of how to hear of replies (POST)."""
        return section_views().posts.thread_replies(request, self, item_id)

    @path("discussions/<int:item_id>/delete/", name="thread_delete")
    def thread_delete_view(self, request, item_id):
        """Remove a discussion (POST)."""
        return section_views().posts.thread_delete(request, self, item_id)

    @path("discussions/<int:item_id>/report/", name="thread_report")
    def thread_report_view(self, request, item_id):
        """Report a discussion to the administrators."""
        return section_views().posts.thread_report(request, self, item_id)

    @path("comments/<int:item_id>/edit/", name="comment_edit")
    def comment_edit_view(self, request, item_id):
        """Edit a comment."""
        return section_views().posts.comment_edit(request, self, item_id)

    @path("comments/<int:item_id>/delete/", name="comment_delete")
    def comment_delete_view(self, request, item_id):
        """Remove a comment (POST)."""
        return section_views().posts.comment_delete(request, self, item_id)

    @path("comments/<int:item_id>/report/", name="comment_report")
    def comment_report_view(self, request, item_id):
        """Report a comment to the administrators."""
        return section_views().posts.comment_report(request, self, item_id)

    @path("attachments/<int:item_id>/download/", name="attachment_download")
    def attachment_download_view(self, request, item_id):
        """Download a discussion's attachment."""
        return section_views().posts.attachment_download(request, self, item_id)

    @path("files/", name="files")
    def files_view(self, request):
        """The members' files (and the form to upload one)."""
        return section_views().files.file_list(request, self)

    @path("files/<int:item_id>/download/", name="file_download")
    def file_download_view(self, request, item_id):
        """Download a members' file."""
        return section_views().files.file_download(request, self, item_id)

    @path("files/<int:item_id>/delete/", name="file_delete")
    def file_delete_view(self, request, item_id):
        """Delete a members' file (POST)."""
        return section_views().files.file_delete(request, self, item_id)

    @path("calendar/", name="calendar")
    def calendar_view(self, request):
        """The community's events (and the form to add one)."""
        return section_views().calendar.event_list(request, self)

    @path("calendar/<int:item_id>/", name="event")
    def event_view(self, request, item_id):
        """One event."""
        return section_views().calendar.event_detail(request, self, item_id)

    @path("calendar/<int:item_id>/ics/", name="event_ics")
    def event_ics_view(self, request, item_id):
        """One event as an iCalendar file."""
        return section_views().calendar.event_ics(request, self, item_id)

    @path("members/", name="members")
    def members_view(self, request):
        """The community's members."""
        return section_views().members.member_list(request, self)

    @path("working-groups/", name="working_groups")
    def working_groups_view(self, request):
        """The working groups (and, for administrators, the form to add one)."""
        return section_views().members.working_group_list(request, self)

    @path("working-groups/<int:item_id>/join/", name="working_group_join")
    def working_group_join_view(self, request, item_id):
        """Join a working group (POST)."""
        return section_views().members.working_group_join(request, self, item_id)

    @path("working-groups/<int:item_id>/leave/", name="working_group_leave")
    def working_group_leave_view(self, request, item_id):
        """Leave a working group (POST)."""
        return section_views().members.working_group_leave(request, self, item_id)

    @path("manage/", name="manage")
    def manage_view(self, request):
        """The administrators' page: requests, invitations, members, reports, pages."""
        return section_views().manage.manage(request, self)


class CommunityResourcePage(RestrictedMixin, BasePage):
    """A community page ("resources"): content organised by topic inside a community.

    Readers see it as the community's privacy allows; it can list webinars and library
    publications, which keep their own visibility.
    """

    topic = models.CharField(
        _("topic"),
        max_length=120,
        blank=True,
        help_text=_("Pages with the same topic are grouped in the community's navigation."),
    )
    body = StreamField(
        ResourceBodyBlock(), verbose_name=_("body"), blank=True, help_text=_("The page's content.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("topic"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = (
        BasePage.search_fields
        + RestrictedMixin.search_fields
        + [
            index.SearchField("body"),
            index.AutocompleteField("title"),
            index.FilterField("topic"),
        ]
    )
    api_fields = BasePage.api_fields + ["topic", "body"]
    parent_page_types = ["community_pages.CommunityPage"]
    subpage_types = []
    page_description = _("A resource page inside a community, grouped by topic.")
    template = "community_pages/community_resource_page.html"

    translatable_fields = BasePage.translatable_fields + translated("topic", "body")

    class Meta:
        verbose_name = _("community resource page")
        verbose_name_plural = _("community resource pages")

    @property
    def community(self):
        """The community the page is in (its parent), or None outside one."""
        if "_community" not in self.__dict__:
            parent = self.get_parent() if self.path else None
            parent = parent.specific if parent is not None else None
            self.__dict__["_community"] = parent if isinstance(parent, CommunityPage) else None
        return self.__dict__["_community"]

    @property
    def governing_community_id(self):
        """The page is read as its community's content is."""
        community = self.community
        return community.canonical_pk if community is not None else None

    def get_context(self, request, *args, **kwargs):
        """The page's context and its community's frame (header, navigation, rights)."""
        context = super().get_context(request, *args, **kwargs)
        context.update(section_views().frame.community_frame(request, self.community))
        return context
