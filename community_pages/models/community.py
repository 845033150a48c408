"""What happens inside a community: memberships, invitations, working groups, announcements,
discussions, files and events.

Everything points at the canonical community page (see ``CommunityPage.canonical``). Content
mixes in ``RestrictedMixin``: its ``audience`` is ``c<pk>`` (readable as the community's
privacy allows), ``cm<pk>`` (the community's members only, whatever the setting: files) or
``g<pk>`` (a working group's members).
"""

import secrets

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index

from community_pages.models.pages import CommunityPage
from community_pages.storage import private_storage
from portal.access import can_view_page
from portal.datetimes import time_zone, validate_portal_date
from portal.models import RestrictedMixin
from portal.models.members import Frequency
from portal.models.usage import DailyCount
from portal.translation import synchronized, translated


class Membership(models.Model):
    """A person's relation to a community: a request, an invitation or a membership."""

    class Role(models.TextChoices):
        """A member's role: member or administrator."""

        MEMBER = "member", _("Member")
        ADMIN = "admin", _("Administrator")

    class Status(models.TextChoices):
        """Where a membership stands: requested, invited, active, rejected."""

        PENDING = "pending", _("Request pending")
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Member")
        REJECTED = "rejected", _("Request rejected")

    community = models.ForeignKey(
        "community_pages.CommunityPage", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    message = models.TextField(
        _("message"),
        blank=True,
        max_length=1000,
        help_text=_("Why you would like to join (optional)."),
    )
    reason = models.TextField(
        _("reason"),
        blank=True,
        max_length=1000,
        help_text=_("Optional reason for the decision, sent to the applicant."),
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        unique_together = [("community", "user")]
        indexes = [models.Index(fields=["community", "status", "role"])]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} · {self.community} ({self.status})"

    @property
    def is_active(self):
        """An active member of the community."""
        return self.status == self.Status.ACTIVE

    @property
    def is_admin(self):
        """An active administrator of the community."""
        return self.is_active and self.role == self.Role.ADMIN


def new_token():
    """A random token for an invitation link."""
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """An invitation by email; the link leads through sign-up straight into the community."""

    community = models.ForeignKey(
        "community_pages.CommunityPage", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.community}"


class PersonalFeedKey(models.Model):
    """Which generation of a member's personal feed links works.

    The calendar feed and the community RSS feeds of a member carry one signed token
    (``community_pages.calendar.feed_token``) naming the member and this generation. Renewing
    the links moves ``generation`` on, so every token of an older generation stops working at
    once. A member without a row is at generation 0, the links issued before links could be
    renewed, so the addresses members had subscribed to keep working until they renew them.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_key"
    )
    generation = models.PositiveIntegerField(default=0)
    renewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("personal feed key")
        verbose_name_plural = _("personal feed keys")

    def __str__(self):
        return f"{self.user} · {self.generation}"


class WorkingGroup(TranslatableMixin, models.Model):
    """A sub-community of a main community with its own members.

    Only members of the main community can see or join it; leaving the main community
    removes a member from its working groups. Translations share the members of the
    source row (``canonical``).
    """

    community = models.ForeignKey(
        "community_pages.CommunityPage",
        on_delete=models.CASCADE,
        related_name="working_groups",
        verbose_name=_("community"),
        help_text=_("The main community; only its members can see or join the group."),
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("The working group's name."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the group works on (optional).")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    translatable_fields = translated("name", "description") + synchronized("community")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self):
        return self.name

    @property
    def canonical_pk(self):
        """The primary key of the source row of this group's translations (its members' row)."""
        return (
            WorkingGroup.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )


class WorkingGroupMembership(models.Model):
    """A member of a working group."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="working_groups"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        unique_together = [("group", "user")]
        verbose_name = _("working group membership")
        verbose_name_plural = _("working group memberships")

    def __str__(self):
        return f"{self.user} · {self.group}"


class CommunityContent(RestrictedMixin, models.Model):
    """Fields every piece of content inside a community shares."""

    community = models.ForeignKey("community_pages.CommunityPage", on_delete=models.CASCADE)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Save; new content records activity in its community."""
        new = self.pk is None
        super().save(*args, **kwargs)
        if new:
            CommunityPage.record_activity(self.community_id, self.created_at)

    @property
    def governing_community_id(self):
        """Content is read as its community's privacy setting says."""
        return self.community_id


class Announcement(CommunityContent, index.Indexed):
    """A message from the administrators to every member, emailed per preference."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=20000)
    public_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("public version"),
        help_text=_("A page anyone can read that says the same, for example a news article."),
    )

    search_fields = RestrictedMixin.search_fields + [
        index.SearchField("title"),
        index.SearchField("body"),
        # The site search leaves out, by primary key, what holds an excluded word where the
        # engine cannot exclude inside the query (search.service.matching).
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The item's page in its community."""
        community = self.community
        return community.url + community.reverse_subpage("announcement", args=[self.pk])

    def public_counterpart(self):
        """The public version, while it is live and anyone may still read it (it may have
        been unpublished or restricted since the announcement was sent), else ``None``."""
        page = self.public_page
        if page is None or not page.live or not can_view_page(AnonymousUser(), page):
            return None
        return page.specific


# A discussion's author's choice for replies there.
REPLY_CHOICES = [
    ("", _("As my notification settings say")),
    (Frequency.IMMEDIATELY, _("One email per reply")),
    (Frequency.DAILY, _("In my daily digest")),
    (Frequency.WEEKLY, _("In my weekly digest")),
]


class Thread(CommunityContent, index.Indexed):
    """A discussion started by a member; optionally inside a working group."""

    working_group = models.ForeignKey(
        WorkingGroup,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("working group"),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=20000)
    updated_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    comment_count = models.PositiveIntegerField(default=0)
    removed = models.BooleanField(default=False)
    # How the author hears of replies here: one email each, or in a digest; empty: as their
    # notification settings say for discussions (``community_pages.tasks``).
    author_replies = models.CharField(
        _("replies to the author"), max_length=12, choices=REPLY_CHOICES, blank=True, default=""
    )

    search_fields = RestrictedMixin.search_fields + [
        index.SearchField("title"),
        index.SearchField("body"),
        index.FilterField("removed"),
        index.FilterField("id"),  # as Announcement's
    ]

    class Meta:
        ordering = ["-last_activity_at"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The item's page in its community."""
        community = self.community
        return community.url + community.reverse_subpage("thread", args=[self.pk])

    @property
    def governing_working_group_id(self):
        """A discussion in a working group is read by that group."""
        return self.working_group_id


class Comment(models.Model):
    """A comment on a discussion, or a reply to another comment (one level)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("text"), max_length=20000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    removed = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.author} on {self.thread}"


class Attachment(models.Model):
    """A file attached to a discussion or to one of its comments.

    Stored in the private storage like community files and served only by a view that asks
    the access policy about the thread (an attachment is read exactly as its thread is).
    """

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="attachments")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to="discussions/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class CommunityFile(CommunityContent):
    """A members-only working document, stored outside the public media root."""

    category = models.CharField(_("category"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    file = models.FileField(_("file"), storage=private_storage, upload_to="communities/%Y/%m/")
    original_name = models.CharField(max_length=255, editable=False)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["category", "title"]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.title

    @property
    def members_only_community_id(self):
        """Files are for the community's members whatever its setting."""
        return self.community_id


class CommunityEvent(CommunityContent):
    """A date in the community's calendar, online or in person."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        help_text=_("The organiser's time zone, e.g. Europe/Paris."),
    )
    online = models.BooleanField(_("online"), default=True)
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("link to join"), blank=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The item's page in its community."""
        community = self.community
        return community.url + community.reverse_subpage("event", args=[self.pk])

    def clean(self):
        """Refuse what no page could show: a date outside the portal's years (shifted to
        UTC it may leave the calendar), an unknown time zone, an end before the start."""
        super().clean()
        errors = {}
        for name in ("start", "end"):
            try:
                validate_portal_date(getattr(self, name), self.time_zone)
            except ValidationError as error:
                errors[name] = error.messages
        if self.time_zone and time_zone(self.time_zone) is None:
            errors["time_zone"] = [_("Choose a time zone such as Europe/Paris.")]
        if not errors and self.start and self.end and self.end <= self.start:
            errors["end"] = [_("The event must end after it starts.")]
        if errors:
            raise ValidationError(errors)


class Report(models.Model):
    """A member's report of a discussion or a comment to the community's administrators.

    The administrators are emailed and find every report on the Manage community page; a
    report stays on record when it is dealt with (the post removed or kept), with who closed
    it, when, what they decided and their comment, so a pattern of reports can be seen; the
    reporter, and the poster of a removed post, are told the decision.
    """

    class Status(models.TextChoices):
        """Where a report stands: open or dealt with."""

        OPEN = "open", _("Open")
        CLOSED = "closed", _("Dealt with")

    class Decision(models.TextChoices):
        """What the moderator who closed a report decided about the reported post."""

        REMOVED = "removed", _("Post removed")
        KEPT = "kept", _("Post kept")

    community = models.ForeignKey(
        "community_pages.CommunityPage", on_delete=models.CASCADE, related_name="reports"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="reports", verbose_name=_("discussion")
    )
    comment = models.ForeignKey(
        Comment,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("comment"),
        help_text=_("Empty when the discussion itself is reported."),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reason = models.TextField(_("reason"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    closed_at = models.DateTimeField(_("dealt with at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dealt with by"),
    )
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, blank=True, default=""
    )
    closing_comment = models.TextField(
        _("comment on the decision"),
        blank=True,
        max_length=1000,
        help_text=_("What the moderator who dealt with the report noted (optional)."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            # One open report per member and item: reporting again adds nothing.
            models.UniqueConstraint(
                fields=["reporter", "thread"],
                condition=models.Q(comment=None, status="open"),
                name="community_one_open_thread_report",
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=models.Q(status="open"),
                name="community_one_open_comment_report",
            ),
        ]

    def __str__(self):
        return f"{self.reporter} → {self.comment or self.thread}"

    @property
    def item(self):
        """What was reported: the comment, or the discussion."""
        return self.comment or self.thread


class CommunityFileDownload(DailyCount):
    """How many times a community file was downloaded on one day, by members of one country
    (where they gave one; else empty): for the staff dashboard (``portal.usage`` counts)."""

    item_field = "file"

    file = models.ForeignKey(
        CommunityFile, on_delete=models.CASCADE, related_name="downloads", verbose_name=_("file")
    )

    class Meta:
        verbose_name = _("community file downloads")
        verbose_name_plural = _("community file downloads")
        constraints = [
            models.UniqueConstraint(
                fields=["file", "day", "country"], name="community_file_download_per_day"
            )
        ]


class AttachmentDownload(DailyCount):
    """How many times a discussion's attachment was downloaded on one day, by members of one
    country (where they gave one; else empty): for the staff dashboard."""

    item_field = "attachment"

    attachment = models.ForeignKey(
        Attachment,
        on_delete=models.CASCADE,
        related_name="downloads",
        verbose_name=_("attachment"),
    )

    class Meta:
        verbose_name = _("attachment downloads")
        verbose_name_plural = _("attachment downloads")
        constraints = [
            models.UniqueConstraint(
                fields=["attachment", "day", "country"], name="community_attachment_download_day"
            )
        ]


class AdministratorReminder(models.Model):
    """A reminder sent to a community's administrators about requests to join that wait.

    Kept so that the scheduler reminds them at most once in ``COMMUNITY_REQUEST_WAIT_DAYS``
    (``community_pages.health``), and so staff see when a community was last reminded; a row
    per reminder rather than a date on the page, which is translated and revised.
    """

    community = models.ForeignKey(
        "community_pages.CommunityPage", on_delete=models.CASCADE, related_name="reminders"
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    requests = models.PositiveIntegerField(_("requests listed"), default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent by"),
        help_text=_("The staff member who sent it from the health page; empty: the scheduler."),
    )

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder to administrators")
        verbose_name_plural = _("reminders to administrators")

    def __str__(self):
        return f"{self.community} · {self.sent_at:%Y-%m-%d}"
