"""Members' saved searches: the button on a search's results, the page that lists them
(with the number of new results of each), renaming, alert frequency, deleting, opening."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import saved_searches
from portal.follow_views import back
from portal.forms import SavedSearchForm
from portal.locales import active_locale
from portal.models import SavedSearch
from portal.params import text_param


@login_required
@require_POST
def save_search(request):
    """POST ``scope`` and ``params`` (the search's query string) from the results page:
    save the search for the member, then back to ``next``."""
    scope = saved_searches.scopes().get(text_param(request.POST, "scope", max_length=30))
    if scope is None:
        raise Http404
    params = saved_searches.query_dict(text_param(request.POST, "params", max_length=2000))
    language = active_locale().language_code
    try:
        saved, created = saved_searches.save(request.user, scope, params, language)
    except saved_searches.SaveRefused as refused:
        messages.error(request, str(refused))
        return back(request, "portal:saved_searches")
    if created:
        messages.success(
            request,
            _("Search saved as “%(name)s”. Alerts: %(frequency)s.")
            % {"name": saved.name, "frequency": saved.get_frequency_display()},
        )
    else:
        messages.info(
            request, _("You saved this search already, as “%(name)s”.") % {"name": saved.name}
        )
    return back(request, "portal:saved_searches")


def _listing(request, invalid=None, status=200):
    """The saved searches page; ``invalid`` a bound form with errors, shown in its place
    (the search itself as saved, the form as the member typed it)."""
    rows, scopes = [], saved_searches.scopes()
    for saved in request.user.saved_searches.all():
        scope = scopes.get(saved.scope)
        if invalid is not None and invalid.instance.pk == saved.pk:
            form = invalid
        else:
            form = SavedSearchForm(instance=saved)
        rows.append(
            {
                "saved": saved,
                "form": form,
                "scope_label": scope.label if scope else "",
                "new": saved_searches.new_results(saved, request.user, limit=0).count,
            }
        )
    return render(request, "portal/saved_searches.html", {"rows": rows}, status=status)


@login_required
def saved_search_list(request):
    """The member's saved searches, newest first, each with its new results."""
    return _listing(request)


def _own(request, pk):
    return get_object_or_404(SavedSearch, pk=pk, user=request.user)


@login_required
@require_POST
def update_saved_search(request, pk):
    """Rename a saved search or change its alerts; a bad name is shown, nothing is lost."""
    saved = _own(request, pk)
    form = SavedSearchForm(request.POST, instance=saved)
    if not form.is_valid():
        return _listing(request, invalid=form, status=400)
    form.save()
    messages.success(request, _("“%(name)s” is saved.") % {"name": saved.name})
    return redirect("portal:saved_searches")


@login_required
@require_POST
def delete_saved_search(request, pk):
    """Delete a saved search (its alerts stop)."""
    saved = _own(request, pk)
    saved.delete()
    messages.success(request, _("“%(name)s” is deleted.") % {"name": saved.name})
    return redirect("portal:saved_searches")


@login_required
def open_saved_search(request, pk):
    """The search's results (the link of its alerts and of the list): what they show is
    no longer new."""
    saved = _own(request, pk)
    saved_searches.mark_seen(saved)
    return redirect(saved_searches.path_of(saved) or "portal:saved_searches")
