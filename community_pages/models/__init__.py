"""Models of online communities."""

from community_pages.models.community import (
    AdministratorReminder,
    Announcement,
    Attachment,
    AttachmentDownload,
    Comment,
    CommunityEvent,
    CommunityFile,
    CommunityFileDownload,
    Invitation,
    Membership,
    PersonalFeedKey,
    Report,
    Thread,
    WorkingGroup,
    WorkingGroupMembership,
)
from community_pages.models.pages import (
    CommunityIndexPage,
    CommunityPage,
    CommunityResourcePage,
    Privacy,
)

__all__ = [
    "AdministratorReminder",
    "Announcement",
    "Attachment",
    "Comment",
    "CommunityEvent",
    "CommunityFile",
    "AttachmentDownload",
    "CommunityFileDownload",
    "CommunityIndexPage",
    "CommunityPage",
    "CommunityResourcePage",
    "Invitation",
    "Membership",
    "PersonalFeedKey",
    "Privacy",
    "Report",
    "Thread",
    "WorkingGroup",
    "WorkingGroupMembership",
]
