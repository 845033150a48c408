"""Community page types: the directory, communities, working groups and resource pages.

Every page that lives inside a community carries two denormalised, indexed fields that the
access policy filters on (see ``community_pages.access``): ``community`` (the canonical
community whose membership governs who reads the page) and ``community_visibility``
(``public``: anyone; ``members``: only readers for whom that community is readable). They
are recomputed on every save and re-synchronised when a community's privacy changes, so
a listing, the API, the sitemap or a search index never needs one clause per page.
"""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from community_pages.blocks import PartnerBlock, ResourceBodyBlock, TimelineActivityBlock
from portal.models import BasePage


class Privacy(models.TextChoices):
    """The operators' five privacy settings (PRODUCT.md has the table)."""

    PRIVATE = "private", _("Private")
    SEMI_PRIVATE = "semi-private", _("Semi-private")
    PUBLIC = "public", _("Public")
    OPEN = "open", _("Open")
    HIDDEN = "hidden", _("Hidden")


class Visibility(models.TextChoices):
    """Who may read a page inside a community (the denormalised search filter value)."""

    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members of the community")


class CommunityContent(models.Model):
    """Fields every page inside a community carries so that visibility filters scale."""

    community = models.ForeignKey(
        "community_pages.CommunityPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The community whose membership decides who reads this page."),
    )
    community_visibility = models.CharField(
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
        editable=False,
        db_index=True,
    )

    community_search_fields = [
        index.FilterField("community_id"),
        index.FilterField("community_visibility"),
    ]

    class Meta:
        abstract = True

    def governing_community(self):
        """The canonical community that decides who reads this page (None outside one)."""
        parent = self.get_parent() if self.pk or self.path else None
        community = (
            CommunityPage.objects.filter(path__in=_ancestor_paths(self, parent))
            .order_by("-depth")
            .first()
            if parent is not None
            else None
        )
        return community.canonical if community else None

    def expected_visibility(self, community):
        if community is None:
            return Visibility.PUBLIC
        return Visibility.PUBLIC if community.content_is_public else Visibility.MEMBERS

    def refresh_community_fields(self):
        community = self.governing_community()
        self.community = community
        self.community_visibility = self.expected_visibility(community)


def _ancestor_paths(page, parent):
    """Tree paths of ``page``'s ancestors (from its parent's path: no query)."""
    path = parent.path if parent is not None else page.path[: -Page.steplen]
    return [path[:i] for i in range(Page.steplen, len(path) + 1, Page.steplen)]


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

    class Meta:
        verbose_name = _("community directory")

    def get_context(self, request, *args, **kwargs):
        from community_pages.directory import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(request, self))
        return context


class CommunityPage(RoutablePageMixin, CommunityContent, BasePage):
    """An online community: concept note, privacy, members and its sections.

    Memberships, announcements, discussions, files and events point at the *canonical*
    community (the first page of its translation group), so a Spanish reader of the
    Spanish translation sees the same members and discussions. ``privacy`` and
    ``archived`` are always read from the canonical page.
    """

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
        help_text=_("Who may join (required for semi-private communities)."),
    )
    partners = StreamField(
        [("partner", PartnerBlock())],
        verbose_name=_("sponsors and partners"),
        blank=True,
        help_text=_("Organisations that sponsor or partner with the community."),
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
        FieldPanel("partners"),
        FieldPanel("themes", widget=None),
        FieldPanel("regions"),
        FieldPanel("related_communities"),
    ]
    settings_panels = BasePage.settings_panels + [
        MultiFieldPanel([FieldPanel("privacy"), FieldPanel("archived")], heading=_("Community"))
    ]
    search_fields = (
        BasePage.search_fields
        + CommunityContent.community_search_fields
        + [
            index.SearchField("description"),
            index.SearchField("overview"),
            index.SearchField("purpose"),
            index.FilterField("privacy"),
            index.FilterField("archived"),
        ]
    )
    api_fields = BasePage.api_fields + ["privacy", "archived", "description"]
    parent_page_types = ["community_pages.CommunityIndexPage"]
    subpage_types = ["community_pages.CommunityResourcePage", "community_pages.WorkingGroupPage"]
    page_description = _("An online community with members, discussions, files and events.")
    template = "community_pages/community_page.html"

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.title

    # -- canonical community --------------------------------------------------------------

    @property
    def canonical(self):
        """The first page of this community's translation group (cached on the instance)."""
        cached = self.__dict__.get("_canonical")
        if cached is not None:
            return cached
        if self.pk is None:
            return self
        first = (
            CommunityPage.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .first()
        )
        canonical = self if first is None or first.pk == self.pk else first
        if canonical.pk != self.pk:
            canonical = canonical.specific
        self.__dict__["_canonical"] = canonical
        return canonical

    @property
    def is_working_group(self):
        return False

    @property
    def main_community(self):
        """For a working group, the community it belongs to; None for a main community."""
        return None

    @property
    def content_is_public(self):
        """Open main communities are the only ones whose content anyone may read."""
        return self.canonical.privacy == Privacy.OPEN and not self.is_working_group

    @property
    def is_listed_publicly(self):
        return self.canonical.privacy != Privacy.HIDDEN

    # -- saving ---------------------------------------------------------------------------

    def governing_community(self):
        # A main community governs itself; a working group is governed by its main
        # community for its own page (see WorkingGroupPage).
        return self.canonical if self.pk else None

    def expected_visibility(self, community):
        return Visibility.MEMBERS if self.canonical.privacy == Privacy.HIDDEN else Visibility.PUBLIC

    def save(self, *args, **kwargs):
        canonical = self.canonical if self.pk else self
        if canonical.pk != self.pk:
            # Privacy and archiving belong to the community, not to one translation.
            self.privacy = canonical.privacy
            self.archived = canonical.archived
            self.archived_at = canonical.archived_at
        if self.archived and self.archived_at is None:
            self.archived_at = timezone.now()
        if not self.archived:
            self.archived_at = None
        previous = (
            CommunityPage.objects.filter(pk=self.pk).values("privacy", "archived").first()
            if self.pk
            else None
        )
        if self.pk:
            self.refresh_community_fields()
        result = super().save(*args, **kwargs)
        if self.community_id is None:
            self.refresh_community_fields()
            type(self).objects.filter(pk=self.pk).update(
                community=self.community, community_visibility=self.community_visibility
            )
        if previous is None or previous != {"privacy": self.privacy, "archived": self.archived}:
            if canonical.pk == self.pk:
                transaction.on_commit(lambda: sync_community_visibility(self.pk))
                sync_community_visibility(self.pk)
        return result

    def touch(self, when=None):
        """Record new content now: the directory sorts by it and inactivity is based on it."""
        when = when or timezone.now()
        CommunityPage.objects.filter(translation_key=self.translation_key).update(
            last_activity_at=when
        )
        self.last_activity_at = when

    # -- serving: sections are routes of the community page -------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from community_pages.views.community import community_home_context

        context.update(community_home_context(request, self))
        return context


from community_pages.views.routes import install_routes  # noqa: E402

install_routes(CommunityPage)


class WorkingGroupPage(CommunityPage):
    """A sub-community of a main community, with its own members.

    Only members of the main community can see it, join it or read its content; leaving
    the main community removes a member from its working groups.
    """

    parent_page_types = ["community_pages.CommunityPage"]
    subpage_types = ["community_pages.CommunityResourcePage"]
    page_description = _("A working group inside a community, with its own members.")
    template = "community_pages/community_page.html"

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    @property
    def is_working_group(self):
        return True

    @property
    def main_community(self):
        cached = self.__dict__.get("_main_community")
        if cached is None:
            parent = self.get_parent()
            cached = parent.specific.canonical if parent is not None else None
            self.__dict__["_main_community"] = cached
        return cached

    def governing_community(self):
        # The working group's own page is read by members of the main community.
        main = self.main_community
        return main

    def expected_visibility(self, community):
        return Visibility.MEMBERS


class CommunityResourcePage(CommunityContent, BasePage):
    """A community page ('resources'): content organised by topic inside a community.

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
        ResourceBodyBlock(), verbose_name=_("body"), help_text=_("The page's content.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("topic"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = (
        BasePage.search_fields
        + CommunityContent.community_search_fields
        + [index.SearchField("body"), index.FilterField("topic")]
    )
    api_fields = BasePage.api_fields + ["topic", "body"]
    parent_page_types = ["community_pages.CommunityPage", "community_pages.WorkingGroupPage"]
    subpage_types = []
    page_description = _("A resource page inside a community, grouped by topic.")
    template = "community_pages/community_resource_page.html"

    class Meta:
        verbose_name = _("community resource page")
        verbose_name_plural = _("community resource pages")

    def save(self, *args, **kwargs):
        self.refresh_community_fields()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from community_pages.views.community import community_frame_context

        community = self.get_parent().specific
        context.update(community_frame_context(request, community))
        return context


COMMUNITY_CONTENT_MODELS = (CommunityPage, CommunityResourcePage)


def sync_community_visibility(community_pk):
    """Bring every page governed by a community in line with its current privacy.

    Runs when a community's privacy changes: translations get the same setting, pages
    inside it (and its working groups' landing pages) get the new visibility value, and
    the search index is updated for those pages so the change shows at once everywhere.
    """
    from wagtail.search.index import insert_or_update_object

    community = CommunityPage.objects.get(pk=community_pk).specific
    CommunityPage.objects.filter(translation_key=community.translation_key).exclude(
        pk=community.pk
    ).update(privacy=community.privacy, archived=community.archived,
             archived_at=community.archived_at)
    changed = []
    group = CommunityPage.objects.filter(translation_key=community.translation_key)
    for page in group:
        page = page.specific
        visibility = page.expected_visibility(community)
        if page.community_visibility != visibility or page.community_id != community.pk:
            CommunityPage.objects.filter(pk=page.pk).update(
                community_visibility=visibility, community=community.pk
            )
            changed.append(page.pk)
    resources = CommunityResourcePage.objects.filter(community=community.pk)
    wanted = Visibility.PUBLIC if community.content_is_public else Visibility.MEMBERS
    changed += list(resources.exclude(community_visibility=wanted).values_list("pk", flat=True))
    resources.update(community_visibility=wanted)
    for page in Page.objects.filter(pk__in=changed).specific():
        insert_or_update_object(page)
    return len(changed)
