"""Wagtail's moderation emails, sent only to people who can open the admin.

A member who submits content from the site (a library publication) is the requester of its
moderation workflow. Wagtail would email them the decision with links into an admin they
cannot open; the app that took the submission tells them in its own words instead (for the
library, ``library.submissions.notify_submitter``).
"""

from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected


class AdminUsersOnlyMixin:
    """Leaves out of a notifier's recipients everyone who cannot open the admin."""

    def get_recipient_users(self, workflow_state, **kwargs):
        """Wagtail's recipients who have access to the admin."""
        users = super().get_recipient_users(workflow_state, **kwargs)
        return {user for user in users if user.has_perm("wagtailadmin.access_admin")}


class ApprovalNotifier(AdminUsersOnlyMixin, WorkflowStateApprovalEmailNotifier):
    """Wagtail's approval email, to admin users only."""

    pass


class RejectionNotifier(AdminUsersOnlyMixin, WorkflowStateRejectionEmailNotifier):
    """Wagtail's rejection email, to admin users only."""

    pass


# Module-level: signals hold their receivers by weak reference.
approval_notifier = ApprovalNotifier()
rejection_notifier = RejectionNotifier()


def register():
    """Put these notifiers in the place of Wagtail's (same dispatch ids, whichever app is
    ready first: a receiver already connected under an id is not connected again)."""
    for signal, notifier, uid in (
        (workflow_approved, approval_notifier, "workflow_state_approved_email_notification"),
        (workflow_rejected, rejection_notifier, "workflow_state_rejected_email_notification"),
    ):
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(notifier, sender=WorkflowState, dispatch_uid=uid)
