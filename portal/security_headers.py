"""The Content-Security-Policy header: the site's strict policy, the admin's own under /admin/.

django-csp sends ``CONTENT_SECURITY_POLICY`` on every response. Wagtail's admin cannot live
under it (its widgets and panels write inline scripts and style attributes), so responses
under the admin's URL get ``ADMIN_CONTENT_SECURITY_POLICY`` instead: the same origins, with
inline code allowed. A view's own ``csp_update``/``csp_replace`` decorators still apply.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy for the admin's URLs."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def is_admin_path(path):
    """Is ``path`` one of Wagtail's admin URLs (its pages, previews and choosers)?"""
    return path.startswith(reverse("wagtailadmin_home"))
