from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings


class CSPMiddleware(BaseCSPMiddleware):
    """The site's Content-Security-Policy, with the one exception the staff
    backend needs.

    The public site keeps the strict policy of settings.CONTENT_SECURITY_POLICY:
    scripts only from our own files, never inline.

    Wagtail's admin (under /STAFF_BACKEND_PATH) cannot run under it. Wagtail 8
    writes inline scripts into its forms whose text depends on the form
    (InlinePanel and MultipleChooserPanel set themselves up with their
    formset's options, the date and time pickers with the widget's id), and
    its modal choosers insert HTML with such scripts, which jQuery runs. Their
    text changes with every form, so hashes cannot list them, and Wagtail
    offers no way to give them a nonce. The backend therefore allows inline
    scripts and inline styles (its components set CSS custom properties in
    style="" attributes). Everything else stays as tight as on the public
    site: scripts only from this origin (no 'unsafe-eval', no other host),
    no plugins, forms only to this origin; only the preview of a page, shown
    in a frame of the backend, may be framed by the backend itself.

    Browsers ignore 'unsafe-inline' in a directive that also carries a nonce,
    so the backend's policy never carries one, even when a template there
    asked for request.csp_nonce.

    Extends get_policy_parts, the extension point django-csp documents.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.backend_prefix = "/" + settings.STAFF_BACKEND_PATH

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path.startswith(self.backend_prefix):
            parts.nonce = None
            parts.update = {
                **(parts.update or {}),
                "script-src": ["'unsafe-inline'"],
                "style-src": ["'unsafe-inline'"],
            }
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts
