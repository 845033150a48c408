"""Wagtail's moderation emails reach people who can open the admin, not site members."""

from types import SimpleNamespace

from portal.moderation import approval_notifier, rejection_notifier


def test_moderation_emails_go_to_admin_users_only(editor, member):
    for notifier in (approval_notifier, rejection_notifier):
        by_editor = SimpleNamespace(requested_by=editor)
        by_member = SimpleNamespace(requested_by=member)
        assert notifier.get_recipient_users(by_editor, user=None) == {editor}
        assert notifier.get_recipient_users(by_member, user=None) == set()
