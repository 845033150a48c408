"""The Content-Security-Policy header: the site's strict policy, the admin's own under /admin/.

django-csp sends ``CONTENT_SECURITY_POLICY`` on HTML pages. Wagtail's admin cannot live
under it (its widgets and panels write inline scripts and style attributes), so responses
under the admin's URL get ``ADMIN_CONTENT_SECURITY_POLICY`` instead: the same origins, with
inline code allowed. A view's own ``csp_update``/``csp_replace`` decorators still apply.

Other responses (documents, feeds, calendars, the API, the sitemap) carry no policy: it
guards what a page runs, and a browser showing a PDF inline runs its own viewer, which a
policy meant for our pages (``object-src 'none'``) must not get in the way of.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, for HTML pages, with the admin's policy for the admin's URLs."""

    def process_response(self, request, response):
        """Adds the policy to HTML responses only."""
        if not is_html(response):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        """The admin's policy under the admin's URL, unless a view chose its own."""
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def is_admin_path(path):
    """Is ``path`` one of Wagtail's admin URLs (its pages, previews and choosers)?"""
    return path.startswith(reverse("wagtailadmin_home"))


def is_html(response):
    """Is ``response`` a page (HTML), the kind of response a policy guards?"""
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type in ("text/html", "application/xhtml+xml")
