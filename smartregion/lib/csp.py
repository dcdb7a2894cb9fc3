from django.conf import settings


class StaffBackendCSPMiddleware:
    """Let the Wagtail backend keep its inline style attributes.

    Wagtail's admin sets CSS custom properties in style="" attributes, which
    a strict style-src blocks. Scripts stay strict everywhere; the backend's
    only inline scripts (date pickers of scheduled publishing) then do not
    run, and those fields stay plain text inputs that accept typed dates.
    Must sit after csp.middleware.CSPMiddleware in MIDDLEWARE, so that it sees
    the response first.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + settings.STAFF_BACKEND_PATH

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.prefix):
            response._csp_update = {"style-src": ["'unsafe-inline'"]}
        return response
