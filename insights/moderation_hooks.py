"""The Moderation screen in the admin, with what waits for the reader in its menu label."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem

from insights.moderation import counts, may_moderate
from insights.moderation_views import moderation_queue
from portal.models.members import NotificationKind


class ModerationMenuItem(MenuItem):
    """Shown to those who moderate something; its label counts what waits for them."""

    def is_shown(self, request):
        """Only for staff, reviewers of submissions and community administrators."""
        return may_moderate(request.user)

    def render_component(self, request):
        """The label with the number waiting for this reader, none when nothing waits."""
        waiting = sum(counts(request.user).values())
        label = _("Moderation (%(count)s)") % {"count": waiting} if waiting else _("Moderation")
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name)


@hooks.register("register_admin_urls")
def moderation_urls():
    """The Moderation screen."""
    return [path("moderation/", moderation_queue, name="insights_moderation")]


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    """The Moderation screen in the admin menu."""
    return ModerationMenuItem(
        gettext_lazy("Moderation"),
        reverse("insights_moderation"),
        name="moderation",
        icon_name="tasks",
        order=440,
    )


@hooks.register("portal_notification_kinds")
def moderation_notification_kind(user, kinds):
    """The daily list of what waits is offered only to those who moderate something."""
    if may_moderate(user):
        return kinds
    return [kind for kind in kinds if kind != NotificationKind.MODERATION]
