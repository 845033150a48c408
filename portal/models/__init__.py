"""The portal's own models: pages, shared taxonomy, navigation, member profiles, notifications,
page views."""

from .following import Follow
from .members import MemberProfile, NotificationPreference, PendingNotification
from .navigation import NavigationMenu
from .pages import BasePage, HomePage, IndexPage, RestrictedMixin, StandardPage
from .saved_searches import AlertFrequency, SavedSearch
from .taxonomy import Country, Region, Theme
from .usage import DocumentDownload, PageView

__all__ = [
    "AlertFrequency",
    "BasePage",
    "Country",
    "DocumentDownload",
    "Follow",
    "HomePage",
    "IndexPage",
    "MemberProfile",
    "NavigationMenu",
    "NotificationPreference",
    "PageView",
    "PendingNotification",
    "Region",
    "SavedSearch",
    "RestrictedMixin",
    "StandardPage",
    "Theme",
]
