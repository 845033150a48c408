"""Template helpers of communities: pages filtered by the access policy, the reader's rights
on an item, member names."""

from django import template

from portal.access import can_view_page

register = template.Library()


@register.simple_tag(takes_context=True)
def visible_to_reader(context, pages):
    """The pages of a block the current reader may see (members-only ones are left out)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return [p.specific for p in pages if p is not None and p.live and can_view_page(user, p)]


@register.filter
def may_change(rights, item):
    """``{% if rights|may_change:comment %}``: may the reader edit or remove ``item``?"""
    return rights.may_change(item)


@register.filter
def may_report(rights, item):
    """``{% if rights|may_report:thread %}``: is the reader offered to report ``item``?"""
    return rights.may_report(item)


@register.filter
def display_name(user):
    """A member's name as the portal shows it: full name, or the start of their address."""
    if user is None:
        return ""
    return user.get_full_name() or user.email.split("@")[0]
