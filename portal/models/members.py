"""Member profiles and notification preferences."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.validators import validate_image_upload


class NotificationKind(models.TextChoices):
    """The features that send email; each has its own preference per member."""

    ANNOUNCEMENTS = "announcements", _("Community announcements")
    DISCUSSIONS = "discussions", _("Replies and new discussions in my communities")
    SURVEYS = "surveys", _("Surveys in my communities")
    MEMBERSHIP = "membership", _("Membership requests and decisions")
    WEBINARS = "webinars", _("Webinar series I follow")
    FOLLOWING = "following", _("New in what I follow (themes, countries, communities…)")
    SAVED_SEARCHES = "saved_searches", _("New results of my saved searches")
    LIBRARY = "library", _("Publications I submit")
    REPORTS = "reports", _("Reports of posts in communities I administer")
    DECISIONS = "decisions", _("Moderators' decisions on posts I reported or wrote")
    # Editors only, and only those who ask (``portal.admin_views``): "immediately" means
    # every week for this kind.
    TRANSLATIONS = "translations", _("Weekly translation report (editors)")
    # Moderators only (staff, reviewers of submissions, community administrators): one
    # email a day listing what waits for their decision; "immediately" means every day.
    MODERATION = "moderation", _("Daily list of what waits for my decision (moderators)")


class Frequency(models.TextChoices):
    """How often a member gets one kind of notification."""

    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("Never")


class MemberProfile(models.Model):
    """What a member tells the community about themselves; one per user account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("The organisation you work for, if any."),
    )
    country = models.ForeignKey(
        "portal.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The country where you work."),
    )
    expertise = models.ManyToManyField(
        "portal.Theme",
        verbose_name=_("areas of expertise"),
        blank=True,
        related_name="+",
        help_text=_("Themes you know well."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the emails the portal sends you."),
    )
    bio = models.TextField(
        _("short biography"),
        max_length=800,
        blank=True,
        help_text=_("A few sentences about your work (800 characters at most)."),
    )
    photo = models.ImageField(
        _("photo"),
        upload_to="members/photos/",
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"]), validate_image_upload],
        help_text=_("A square JPEG, PNG or WebP image of 2 MB at most."),
    )
    show_in_directory = models.BooleanField(
        _("show me in the member directory"),
        default=True,
        help_text=_("Other members can find your profile in the directory."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Until when the member has been told of what is new in what they follow
    # (``portal.following.send_follow_updates``).
    follow_updates_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """The member's full name, else the part of their email before the ``@``."""
        return self.user.get_full_name() or self.user.email.split("@")[0]

    def frequency_for(self, kind):
        """The member's chosen frequency for one kind of notification (default: immediately)."""
        for preference in self.user.notification_preferences.all():
            if preference.kind == kind:
                return preference.frequency
        return Frequency.IMMEDIATELY


class NotificationPreference(models.Model):
    """How often a member wants email about one feature. No row means "immediately"."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=40, choices=NotificationKind.choices)
    frequency = models.CharField(
        max_length=20, choices=Frequency.choices, default=Frequency.IMMEDIATELY
    )

    class Meta:
        unique_together = [("user", "kind")]
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user} {self.kind}: {self.frequency}"


class PendingNotification(models.Model):
    """A notification waiting for the member's daily or weekly digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_notifications"
    )
    kind = models.CharField(max_length=40, choices=NotificationKind.choices)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    url = models.CharField(max_length=500, blank=True)
    # The digest it waits for: Frequency.DAILY or Frequency.WEEKLY.
    digest = models.CharField(max_length=10, default=Frequency.DAILY, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("pending notification")
        verbose_name_plural = _("pending notifications")

    def __str__(self):
        return self.subject
