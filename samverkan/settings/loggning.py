"""Logs and error reports."""

from samverkan.settings.base import env

# Logs carry ids, never personal data.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",  # with the offset: logs are compared across hosts
        },
        # One JSON object per line for a log processor (docs/operations.md#logs).
        "json": {"()": "samverkan.loggformat.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if env.str("LOG_FORMAT", default="text") == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

ADMINS = [("Drift", a) for a in env.list("ADMIN_EMAILS", default=[])]
# Error reports show the stack, never form data, query strings or variables.
DEFAULT_EXCEPTION_REPORTER_FILTER = "samverkan.felrapport.UtanPersonuppgifter"
DEFAULT_EXCEPTION_REPORTER = "samverkan.felrapport.Felrapport"
