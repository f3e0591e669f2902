"""Error reports (mail to ADMINS, the debug page) without personal data.

Django's own filter hides only what a view marks as sensitive; here every form
field, query parameter and local variable is hidden, because almost every
request carries something about a person. The stack trace (files, lines,
functions) is what operations need.
"""

import re

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter


class UtanPersonuppgifter(SafeExceptionReporterFilter):
    # Connection URLs carry passwords (database, Redis, mail) under names Django misses.
    hidden_settings = re.compile(
        "API|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|URL|DATABASES|CACHES|BROKER|EMAIL"
        "|RESULT_BACKEND",
        flags=re.IGNORECASE,
    )

    def is_active(self, request):
        return True  # in DEBUG too: developers test with realistic data

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {k: self.cleansed_substitute for k in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        # The query string can hold filters; the path never holds a personnummer.
        for key in ("QUERY_STRING", "HTTP_REFERER", "HTTP_COOKIE"):
            if key in meta:
                meta[key] = self.cleansed_substitute
        return meta


class Felrapport(ExceptionReporter):
    """Django's report, with the query string, GET values and file names hidden too
    (the filter above never sees them)."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        dold = self.filter.cleansed_substitute
        if self.request is not None:
            data["request_GET_items"] = [(k, dold) for k in self.request.GET]
            data["request_FILES_items"] = [(k, dold) for k in self.request.FILES]
            data["request_insecure_uri"] = self.request.path
        return data
