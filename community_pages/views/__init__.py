"""Views of communities, one module per section.

``CommunityPage`` (a routable page) names every route and calls these views with the
community: the community's URL is the prefix of all its sections. ``frame`` holds what they
share (the reader's rights, the frame of every screen, refusals); the rules are methods of
:class:`community_pages.access.Rights` and functions of ``community_pages.services``.
"""

from community_pages.views import (
    announcements,
    calendar,
    discussions,
    files,
    frame,
    home,
    invitations,
    manage,
    members,
    membership,
    posts,
)

__all__ = [
    "announcements",
    "calendar",
    "discussions",
    "files",
    "frame",
    "home",
    "invitations",
    "manage",
    "members",
    "membership",
    "posts",
]
