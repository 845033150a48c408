"""Views of a community: its home, sections, items and actions.

Every view asks the access policy (``access.rights``) before showing or changing anything;
business rules live in ``services``. Routes are those of ``CommunityPage`` (a routable page),
so the community's URL is the prefix of all its sections.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community_pages import access, services
from community_pages.calendar import events_calendar, renew_feed_token
from community_pages.forms import (
    AnnouncementForm,
    CommentEditForm,
    CommentForm,
    DecisionForm,
    EventForm,
    FileForm,
    InviteForm,
    ReportForm,
    RequestForm,
    ResourcePageForm,
    ThreadEditForm,
    ThreadForm,
    WorkingGroupForm,
)
from community_pages.models import (
    Announcement,
    Attachment,
    Comment,
    CommunityEvent,
    CommunityFile,
    CommunityPage,
    CommunityResourcePage,
    Membership,
    Thread,
    WorkingGroup,
)
from portal import calendars, ratelimits
from portal.access import can_read_audience, visible_pages, visible_queryset
from portal.params import MAX_PAGE, int_param, parse_int

PAGE_SIZE = 25
COMMENTS_PER_PAGE = 50


def _deny(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def resource_pages(request, community):
    """The community's resource pages the reader may see, grouped by topic."""
    pages = (
        CommunityResourcePage.objects.child_of(community)
        .live()
        .only("id", "title", "url_path", "topic", "path", "depth", "locale_id", "audience")
        .order_by("topic", "path")
    )
    pages = visible_queryset(pages, request.user)
    groups = {}
    for page in pages:
        groups.setdefault(page.topic or "", []).append(page)
    return [{"topic": topic, "pages": items} for topic, items in groups.items()]


def reader_rights(request, community):
    """The reader's rights in ``community``, worked out once per request."""
    cache = request.__dict__.setdefault("_community_rights", {})
    if community.pk not in cache:
        cache[community.pk] = access.rights(request.user, community)
    return cache[community.pk]


def community_frame(request, community):
    """What every screen of a community shows: header, join buttons, navigation."""
    if community is None:
        return {}
    rights = reader_rights(request, community)
    context = {
        "community": community,
        "rights": rights,
        "community_url": community.get_url(request),
        "topics": resource_pages(request, community) if rights.read else [],
        "request_form": RequestForm(),
    }
    return context


def render(request, community, template, context=None, status=200):
    ctx = {"page": community, **community_frame(request, community), **(context or {})}
    return TemplateResponse(request, template, ctx, status=status)


def _content(model, community):
    return model.objects.filter(community_id=community.canonical_pk)


def community_home(request, community):
    """The community's home: about (everyone who sees the page) and sections per rights."""
    if request.method == "POST":
        return HttpResponseNotAllowed(["GET"])
    frame = community_frame(request, community)
    rights = frame["rights"]
    context = {"page": community, "self": community, **frame}
    canonical_pk = community.canonical_pk
    context["admins"] = (
        Membership.objects.filter(
            community_id=canonical_pk,
            status=Membership.Status.ACTIVE,
            role=Membership.Role.ADMIN,
        )
        .select_related("user")
        .order_by("user__last_name")
    )
    context["member_count"] = Membership.objects.filter(
        community_id=canonical_pk, status=Membership.Status.ACTIVE
    ).count()
    related = community.related_communities.live().filter(locale_id=community.locale_id)
    context["related"] = [c for c in visible_pages(related, request.user)]
    context["themes"] = list(community.themes.all())
    context["regions"] = list(community.regions.all())
    if rights.read:
        context["announcements"] = list(
            _content(Announcement, community).select_related("author")[:3]
        )
        context["threads"] = list(
            visible_queryset(_content(Thread, community), request.user)
            .filter(removed=False)
            .select_related("author")[:5]
        )
        context["events"] = list(
            _content(CommunityEvent, community).filter(end__gte=timezone.now())[:3]
        )
    if rights.read_members_only:
        context["file_count"] = _content(CommunityFile, community).count()
        context["working_groups"] = list(
            WorkingGroup.objects.filter(community_id=canonical_pk).annotate(
                size=Count("memberships")
            )
        )
    from community_pages.feeds import feed_url_for

    context["feed_url"] = feed_url_for(request, community, rights)
    if rights.manage:
        context["pending_count"] = Membership.objects.filter(
            community_id=canonical_pk, status=Membership.Status.PENDING
        ).count()
    return TemplateResponse(request, community.get_template(request), context)


SECTIONS = {
    "announcements",
    "discussions",
    "files",
    "calendar",
    "feed",
    "members",
    "manage",
    "membership",
    "working-groups",
}


def community_section(request, community, section):
    if section not in SECTIONS:
        raise Http404
    rights = reader_rights(request, community)
    handler = globals()["section_" + section.replace("-", "_")]
    return handler(request, community, rights)


def section_feed(request, community, rights):
    """The public RSS feed (what anonymous readers may read); members have their own."""
    from community_pages.feeds import public_feed

    return public_feed(request, community)


def section_membership(request, community, rights):
    """POST only: join, ask to join, accept an invitation, leave."""
    if request.method != "POST":
        return redirect(community.get_url(request))
    if not request.user.is_authenticated:
        return redirect_to_login(community.get_url(request))
    action = request.POST.get("action")
    if action in ("join", "request") and not ratelimits.allow(request, "community_join"):
        # The request form comes back with the message the reader wrote.
        return render(
            request,
            community,
            "community_pages/refused.html",
            {"request_form": RequestForm(request.POST), "refused": ratelimits.refused_message()},
            status=ratelimits.TOO_MANY_REQUESTS,
        )
    try:
        if action == "join":
            services.join(request.user, community)
            messages.success(request, _("Welcome! You are now a member of this community."))
        elif action == "request":
            form = RequestForm(request.POST)
            message = form.cleaned_data["message"] if form.is_valid() else ""
            services.request_membership(request.user, community, message)
            messages.success(
                request, _("Your request has been sent to the community's administrators.")
            )
        elif action == "accept":
            invitation = None
            if rights.accept_invitation:
                invitation = community.canonical.invitations.filter(
                    email__iexact=request.user.email, accepted_at__isnull=True
                ).first()
            if invitation is None:
                services.refuse_membership(
                    request.user, community, _("You have no invitation to this community.")
                )
            services.accept_invitation(request.user, invitation)
            messages.success(request, _("Welcome! You are now a member of this community."))
        elif action == "cancel":
            services.cancel_request(request.user, community)
            messages.success(request, _("Your request to join has been withdrawn."))
        elif action == "leave":
            services.leave(request.user, community)
            messages.success(request, _("You have left the community."))
        else:
            raise PermissionDenied
    except ValidationError as error:
        # A second click finds the reader already in: news, not a failure.
        already = getattr(error, "code", None) in ("already_member", "request_pending")
        level = messages.INFO if already else messages.ERROR
        messages.add_message(request, level, " ".join(error.messages))
    return redirect(community.get_url(request))


def section_announcements(request, community, rights):
    if not rights.read:
        return _deny(request)
    form = None
    if rights.manage and not community.archived:
        form = AnnouncementForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            services.announce(
                request.user, community, form.cleaned_data["title"], form.cleaned_data["body"]
            )
            messages.success(request, _("The announcement has been sent to the members."))
            return redirect(request.path)
    elif request.method == "POST":
        raise PermissionDenied
    items = _content(Announcement, community).select_related("author")[:PAGE_SIZE]
    return render(
        request, community, "community_pages/announcements.html", {"items": items, "form": form}
    )


def discussion_list(request, community):
    """The discussions of a community the reader may see, most recently active first."""
    return (
        visible_queryset(_content(Thread, community), request.user)
        .filter(removed=False)
        .select_related("author", "working_group")
        .only(
            "id",
            "title",
            "created_at",
            "last_activity_at",
            "comment_count",
            "audience",
            "community_id",
            "author__first_name",
            "author__last_name",
            "author__email",
            "working_group__name",
        )
    )


def section_discussions(request, community, rights):
    if not rights.read:
        return _deny(request)
    form = None
    groups = WorkingGroup.objects.none()
    status = 200
    if rights.post:
        form = ThreadForm(request.POST or None, request.FILES or None)
        groups = WorkingGroup.objects.filter(community_id=community.canonical_pk)
        if not rights.manage:
            groups = groups.filter(memberships__user=request.user)
        if request.method == "POST":
            group = _chosen_group(form, groups, request.POST.get("working_group"))
            if form.is_valid() and not _allowed_to_post(request, form):
                status = ratelimits.TOO_MANY_REQUESTS
            elif form.is_valid():
                thread = form.save(commit=False)
                thread.working_group = group
                services.start_thread(
                    request.user, community, thread, form.cleaned_data["attachments"]
                )
                return redirect(f"{community.get_url(request)}discussions/{thread.pk}/")
            else:
                status = 400
    elif request.method == "POST":
        raise PermissionDenied
    page_number = _page_number(request)
    start = (page_number - 1) * PAGE_SIZE
    threads = list(discussion_list(request, community)[start : start + PAGE_SIZE + 1])
    return render(
        request,
        community,
        "community_pages/discussions.html",
        {
            "threads": threads[:PAGE_SIZE],
            "next_page": page_number + 1 if len(threads) > PAGE_SIZE else None,
            "previous_page": page_number - 1 if page_number > 1 else None,
            "form": form,
            "groups": list(groups),
        },
        status=status,
    )


def _chosen_group(form, groups, value):
    """The working group a new discussion is posted in (``None``: the whole community); a
    value that is none of ``groups`` is a form error, whatever was sent."""
    if not value:
        return None
    group_id = parse_int(value)
    group = groups.filter(pk=group_id).first() if group_id is not None else None
    if group is None:
        form.add_error(None, _("Choose one of your working groups, or none."))
    return group


def section_files(request, community, rights):
    if not rights.read_members_only:
        return _deny(request)
    form = None
    if rights.post:
        form = FileForm(request.POST or None, request.FILES or None)
        status = 200
        if request.method == "POST" and form.is_valid() and not _allowed_to_post(request, form):
            status = ratelimits.TOO_MANY_REQUESTS
        elif request.method == "POST" and form.is_valid():
            item = form.save(commit=False)
            item.community_id = community.canonical_pk
            item.author = request.user
            item.save()
            messages.success(request, _("The file has been uploaded."))
            return redirect(request.path)
        elif request.method == "POST":
            status = 400
    elif request.method == "POST":
        raise PermissionDenied
    else:
        status = 200
    items = _content(CommunityFile, community).select_related("author")
    return render(
        request,
        community,
        "community_pages/files.html",
        {"items": items, "form": form},
        status=status,
    )


def section_calendar(request, community, rights):
    if not rights.read:
        return _deny(request)
    form = None
    status = 200
    if rights.post:
        form = EventForm(request.POST or None, initial={"time_zone": "UTC"})
        if request.method == "POST" and form.is_valid() and not _allowed_to_post(request, form):
            status = ratelimits.TOO_MANY_REQUESTS
        elif request.method == "POST" and form.is_valid():
            event = form.save(commit=False)
            event.community_id = community.canonical_pk
            event.author = request.user
            event.save()
            return redirect(request.path)
    elif request.method == "POST":
        raise PermissionDenied
    events = _content(CommunityEvent, community).filter(
        end__gte=timezone.now() - timezone.timedelta(days=90)
    )
    feed_url = None
    if rights.is_member or rights.staff:
        from community_pages.calendar import feed_url as make_feed_url

        feed_url = make_feed_url(request.user)
    return render(
        request,
        community,
        "community_pages/calendar.html",
        {"events": events, "form": form, "feed_url": feed_url},
        status=status,
    )


def section_members(request, community, rights):
    if not rights.read_members_only:
        return _deny(request)
    members = (
        Membership.objects.filter(community_id=community.canonical_pk, status="active")
        .select_related("user", "user__profile")
        .order_by("-role", "user__last_name", "user__first_name")
    )
    return render(request, community, "community_pages/members.html", {"members": members})


def section_working_groups(request, community, rights):
    if not rights.read_members_only:
        return _deny(request)
    form = None
    if rights.manage and not community.archived:
        form = WorkingGroupForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            WorkingGroup.objects.create(
                community_id=community.canonical_pk,
                locale_id=community.canonical.locale_id,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
            return redirect(request.path)
    elif request.method == "POST":
        raise PermissionDenied
    groups = WorkingGroup.objects.filter(community_id=community.canonical_pk).annotate(
        size=Count("memberships"),
        mine=Count("memberships", filter=Q(memberships__user_id=request.user.pk or 0)),
    )
    return render(
        request,
        community,
        "community_pages/working_groups.html",
        {"groups": groups, "form": form},
    )


def section_manage(request, community, rights):
    """The front-end "Manage community" page: pending queue, invitations, members."""
    if not rights.manage:
        return _deny(request)
    if request.method == "POST":
        action = request.POST.get("action")
        membership_id = request.POST.get("membership")
        try:
            membership_id = int(membership_id) if membership_id else None
            reason = DecisionForm(request.POST)
            reason = reason.cleaned_data["reason"] if reason.is_valid() else ""
            if action == "approve":
                services.approve(request.user, community, membership_id, reason)
            elif action == "reject":
                services.reject(request.user, community, membership_id, reason)
            elif action == "remove":
                services.remove(request.user, community, membership_id)
            elif action == "promote":
                services.set_role(request.user, community, membership_id, Membership.Role.ADMIN)
            elif action == "demote":
                services.set_role(request.user, community, membership_id, Membership.Role.MEMBER)
            elif action == "add_page":
                form = ResourcePageForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Please give the page a title and some text."))
                page = services.add_resource_page(request.user, community, **form.cleaned_data)
                messages.success(request, _("The community page has been published."))
                return redirect(page.get_url(request))
            elif action == "close_report":
                services.close_report(request.user, community, int(request.POST.get("report", "")))
            elif action == "invite":
                form = InviteForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Please enter a valid email address."))
                services.invite(request.user, community, form.cleaned_data["email"])
            else:
                raise PermissionDenied
            messages.success(request, _("Done."))
        except ValueError as error:
            raise PermissionDenied from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(request.path)
    memberships = Membership.objects.filter(community_id=community.canonical_pk).select_related(
        "user"
    )
    open_reports, closed_reports = services.reports_for(community)
    return render(
        request,
        community,
        "community_pages/manage.html",
        {
            "pending": memberships.filter(status=Membership.Status.PENDING).order_by("created_at"),
            "invited": community.canonical.invitations.filter(accepted_at__isnull=True),
            "members": memberships.filter(status=Membership.Status.ACTIVE).order_by(
                "-role", "user__last_name"
            ),
            "open_reports": open_reports,
            "closed_reports": closed_reports,
            "invite_form": InviteForm(),
            "page_form": ResourcePageForm(),
            "decision_form": DecisionForm(),
        },
    )


# -- items ------------------------------------------------------------------------------


def community_item(request, community, section, item_id, action=""):
    rights = reader_rights(request, community)
    if section == "discussions":
        return thread_view(request, community, rights, item_id, action)
    if section == "attachments":
        return attachment_view(request, community, rights, item_id, action)
    if section == "comments":
        return comment_view(request, community, rights, item_id, action)
    if section == "announcements" and not action:
        return announcement_view(request, community, rights, item_id)
    if section == "files":
        return file_view(request, community, rights, item_id, action)
    if section == "calendar":
        return event_view(request, community, rights, item_id, action)
    if section == "working-groups" and action in ("join", "leave"):
        return working_group_action(request, community, rights, item_id, action)
    raise Http404


def _readable(request, queryset, item_id):
    """The item if it exists in this community and the reader may see it; 404 otherwise."""
    item = queryset.filter(pk=item_id).first()
    if item is None:
        raise Http404
    if not can_read_audience(request.user, item.audience):
        return None
    return item


def thread_view(request, community, rights, thread_id, action):
    thread = _readable(
        request, _content(Thread, community).select_related("author", "working_group"), thread_id
    )
    if thread is None:
        return _deny(request)
    if thread.removed and not rights.moderate:
        raise Http404
    own = request.user.is_authenticated and thread.author_id == request.user.pk
    if action == "report":
        return report_view(request, community, rights, thread)
    if action == "edit":
        if not ((own and rights.post) or rights.moderate):
            raise PermissionDenied
        form = ThreadEditForm(request.POST or None, instance=thread)
        if request.method == "POST" and form.is_valid():
            thread = form.save(commit=False)
            thread.updated_at = timezone.now()
            thread.save()
            return redirect(f"{community.get_url(request)}discussions/{thread.pk}/")
        return render(
            request, community, "community_pages/edit.html", {"form": form, "item": thread}
        )
    if action == "delete":
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not ((own and rights.post) or rights.moderate):
            raise PermissionDenied
        thread.removed = True
        thread.save(update_fields=["removed", "audience"])
        messages.success(request, _("The discussion has been removed."))
        return redirect(f"{community.get_url(request)}discussions/")
    if action:
        raise Http404
    form = None
    status = 200
    if rights.post:
        form = CommentForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid() and not _allowed_to_post(request, form):
            status = ratelimits.TOO_MANY_REQUESTS
        elif request.method == "POST" and form.is_valid():
            parent_id = form.cleaned_data.get("parent")
            parent = None
            if parent_id:
                parent = get_object_or_404(Comment, pk=parent_id, thread=thread, parent=None)
            comment = services.add_comment(
                request.user,
                community,
                thread,
                form.cleaned_data["body"],
                parent=parent,
                files=form.cleaned_data["attachments"],
            )
            return redirect(f"{request.path}#comment-{comment.pk}")
        elif request.method == "POST":
            status = 400
    elif request.method == "POST":
        raise PermissionDenied
    page_number = _page_number(request)
    start = (page_number - 1) * COMMENTS_PER_PAGE
    # One page of top-level comments, then their replies: three queries at any length.
    top = list(
        thread.comments.filter(parent=None)
        .select_related("author")
        .order_by("created_at", "pk")[start : start + COMMENTS_PER_PAGE + 1]
    )
    has_next = len(top) > COMMENTS_PER_PAGE
    top = top[:COMMENTS_PER_PAGE]
    replies = {}
    for reply in (
        Comment.objects.filter(parent__in=[c.pk for c in top])
        .select_related("author")
        .order_by("created_at", "pk")
    ):
        replies.setdefault(reply.parent_id, []).append(reply)
    # Attachments of the thread and of the comments on this page: one query.
    shown = [c.pk for c in top] + [r.pk for items in replies.values() for r in items]
    attached = {}
    for item in thread.attachments.filter(Q(comment=None) | Q(comment_id__in=shown)).only(
        "id", "thread_id", "comment_id", "original_name", "size", "content_type"
    ):
        attached.setdefault(item.comment_id, []).append(item)
    for comment in top:
        comment.reply_list = replies.get(comment.pk, [])
        comment.attachment_list = attached.get(comment.pk, [])
        for reply in comment.reply_list:
            reply.attachment_list = attached.get(reply.pk, [])
    return render(
        request,
        community,
        "community_pages/thread.html",
        {
            "thread": thread,
            "thread_attachments": attached.get(None, []),
            "comments": top,
            "form": form,
            "own": own,
            "next_page": page_number + 1 if has_next else None,
            "previous_page": page_number - 1 if page_number > 1 else None,
        },
        status=status,
    )


def attachment_view(request, community, rights, attachment_id, action):
    """Download an attachment: read exactly as its discussion (and its comment) are."""
    if action != "download":
        raise Http404
    item = (
        Attachment.objects.select_related("thread", "comment")
        .filter(pk=attachment_id, thread__community_id=community.canonical_pk)
        .first()
    )
    if item is None:
        raise Http404
    if not can_read_audience(request.user, item.thread.audience):
        return _deny(request)
    removed = item.thread.removed or (item.comment is not None and item.comment.removed)
    if removed and not rights.moderate:
        raise Http404
    return _private_file_response(item)


def _private_file_response(item):
    """A members' file from the private storage, as a download that is never cached."""
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def comment_view(request, community, rights, comment_id, action):
    comment = get_object_or_404(
        Comment.objects.select_related("thread"),
        pk=comment_id,
        thread__community_id=community.canonical_pk,
    )
    if not can_read_audience(request.user, comment.thread.audience):
        return _deny(request)
    if action == "report":
        if comment.thread.removed:
            raise Http404
        return report_view(request, community, rights, comment.thread, comment)
    own = request.user.is_authenticated and comment.author_id == request.user.pk
    if not ((own and rights.post) or rights.moderate):
        raise PermissionDenied
    back = f"{community.get_url(request)}discussions/{comment.thread_id}/"
    if action == "edit":
        form = CommentEditForm(request.POST or None, initial={"body": comment.body})
        if request.method == "POST" and form.is_valid():
            comment.body = form.cleaned_data["body"]
            comment.updated_at = timezone.now()
            comment.save()
            return redirect(back)
        return render(
            request, community, "community_pages/edit.html", {"form": form, "item": comment}
        )
    if action == "delete":
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        comment.removed = True
        comment.save(update_fields=["removed"])
        return redirect(back)
    raise Http404


def report_view(request, community, rights, thread, comment=None):
    """A member reports a discussion or a comment they can read to the administrators.

    Limited per member (``community_report``); a refusal keeps the reason they wrote.
    """
    if not rights.report:
        return _deny(request)
    if comment is not None and comment.removed:
        raise Http404
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if ratelimits.allow(request, "community_report"):
            services.report(
                request.user, community, thread, form.cleaned_data["reason"], comment=comment
            )
            messages.success(
                request,
                _("Thank you. The community's administrators have been told and will look at it."),
            )
            anchor = f"#comment-{comment.pk}" if comment is not None else ""
            return redirect(f"{community.get_url(request)}discussions/{thread.pk}/{anchor}")
        ratelimits.refuse_form(form)
        status = ratelimits.TOO_MANY_REQUESTS
    elif request.method == "POST":
        status = 400
    return render(
        request,
        community,
        "community_pages/report.html",
        {"form": form, "thread": thread, "comment": comment},
        status=status,
    )


def announcement_view(request, community, rights, announcement_id):
    item = _readable(request, _content(Announcement, community), announcement_id)
    if item is None:
        return _deny(request)
    return render(request, community, "community_pages/announcement.html", {"item": item})


def file_view(request, community, rights, file_id, action):
    item = _readable(request, _content(CommunityFile, community), file_id)
    if item is None:
        return _deny(request)
    if action == "download":
        return _private_file_response(item)
    if action == "delete":
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        own = item.author_id == request.user.pk
        if not ((own and rights.post) or rights.moderate):
            raise PermissionDenied
        item.file.delete(save=False)
        item.delete()
        return redirect(f"{community.get_url(request)}files/")
    raise Http404


def event_view(request, community, rights, event_id, action):
    event = _readable(request, _content(CommunityEvent, community), event_id)
    if event is None:
        return _deny(request)
    if action == "ics":
        return calendars.calendar_response(events_calendar([event]), f"event-{event.pk}.ics")
    if action:
        raise Http404
    return render(request, community, "community_pages/event.html", {"event": event})


def working_group_action(request, community, rights, group_id, action):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    group = get_object_or_404(WorkingGroup, pk=group_id, community_id=community.canonical_pk)
    if action == "join":
        services.join_working_group(request.user, group)
    else:
        services.leave_working_group(request.user, group)
    return redirect(f"{community.get_url(request)}working-groups/")


# -- outside a community: invitations, calendar feed, feed links -----------------------


def invitation_view(request, token):
    """The link in an invitation email: sign up or log in, then join."""
    from community_pages.models import Invitation

    invitation = Invitation.objects.filter(token=token).select_related("community").first()
    if invitation is None:
        raise Http404
    community = invitation.community
    localized = community.get_translation_or_none(request.LANGUAGE_CODE and _locale(request))
    target = localized or community
    if not request.user.is_authenticated:
        request.session["community_invitation"] = token
        from allauth.account.models import EmailAddress

        known = EmailAddress.objects.filter(email__iexact=invitation.email).exists()
        return TemplateResponse(
            request,
            "community_pages/invitation.html",
            {"invitation": invitation, "community": target, "has_account": known},
        )
    from allauth.account.models import EmailAddress

    verified = EmailAddress.objects.filter(
        user=request.user, email__iexact=invitation.email, verified=True
    ).exists()
    if not verified:
        raise PermissionDenied
    if invitation.accepted_at is None:
        try:
            services.accept_invitation(request.user, invitation)
            messages.success(request, _("Welcome! You are now a member of this community."))
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect(target.get_url(request))


def _locale(request):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=request.LANGUAGE_CODE).first()


def calendar_feed(request, token):
    """A member's subscribable feed: events of every community they may read."""
    from community_pages.calendar import feed_user

    user = feed_user(token)
    if user is None:
        raise Http404
    events = visible_queryset(CommunityEvent.objects.all(), user).order_by("start")
    events = events.filter(end__gte=timezone.now() - timezone.timedelta(days=365))
    return calendars.calendar_response(
        events_calendar(events.select_related("community")),
        "community-events.ics",
        attachment=False,
        private=True,
    )


@login_required
@require_POST
def renew_feed_links(request):
    """The profile page's button: the member's feed links are replaced, the old ones are dead."""
    renew_feed_token(request.user)
    messages.success(
        request,
        _(
            "Your old feed links no longer work. Subscribe again with the new links below in "
            "your calendar and your feed reader."
        ),
    )
    return redirect("portal:profile")


__all__ = ["CommunityPage"]


def _allowed_to_post(request, form):
    """Count a member's new discussion, comment, file or event (``community_post``); past
    the limit the form is shown again with what was typed and the refusal."""
    if ratelimits.allow(request, "community_post"):
        return True
    ratelimits.refuse_form(form)
    return False


def _page_number(request):
    """The 1-based ``?page=`` of a list (at most ``MAX_PAGE``); anything else is the first."""
    return int_param(request.GET, "page", 1, 1, MAX_PAGE)
