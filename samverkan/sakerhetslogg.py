"""Security events in the application log (ASVS 16.3.3), beside the audit trail.

One logger, ``samverkan.sakerhet``, one line per event, ``key=value`` fields
(or JSON with ``LOG_FORMAT=json``). Fields are ids and names of code, never
what a user typed: no personnummer, name, e-mail or free text ever reaches it.
The events are listed in ``docs/security.md#security-events-in-the-log``.
"""

import logging
from contextvars import ContextVar

logger = logging.getLogger("samverkan.sakerhet")

# The request being answered, for refusals found deep inside form validation
# (`samverkan.fields`), where no view hands the request down. Set by the middleware.
_request = ContextVar("samverkan_request", default=None)


def aktuell_request():
    return _request.get()


# event -> what it means; the documentation lists the same names.
HANDELSER = {
    "hastighetsgrans": "a per-user limit on reads, prints, exports or statistics was reached",
    "inmatning_avvisad": "a form was refused (validation failure or a business rule at the form)",
    "regel_vagrad": "a service refused an action and the user was told so",
    "atkomst_nekad": "an object outside the user's scope, or a page the role may not open",
    "csrf_avvisad": "a request without a valid CSRF token",
    "virus_hittat": "an uploaded file was refused because the virus scanner found malware",
    "virusskanning_misslyckad": "an upload was refused because the virus scanner did not answer",
}


def _vy(request):
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else "-"


def _anvandare(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return str(getattr(user, "uuid", user.pk))
    return "-"


def handelse(handelse: str, request=None, **falt) -> None:
    """Log one security event; extra fields must be ids or code names."""
    if handelse not in HANDELSER:
        raise ValueError(f"Unknown security event {handelse!r}")
    fields = {
        "handelse": handelse,
        "anvandare": _anvandare(request) if request is not None else "-",
        "vy": _vy(request) if request is not None else "-",
        "metod": request.method if request is not None else "-",
        **{k: str(v) for k, v in falt.items()},
    }
    text = " ".join(f"{k}={v}" for k, v in fields.items())
    logger.warning(text, extra={"sakerhet": fields})


class SakerhetsloggMiddleware:
    """Logs refused input, which the views answer in one recognisable way.

    Every view follows POST/redirect/GET: a POST that succeeds redirects, so a
    POST answered with an HTML page (200, or 400/422) is a form shown again
    with its errors (a PDF answered to a POST, the registerutdrag, is no refusal).
    A service's refusal reported on the next page arrives as an error
    message. Neither is logged with its content.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _request.reset(token)
        if request.method == "POST":
            page = response.get("Content-Type", "").startswith("text/html")
            if page and response.status_code in (200, 400, 422):
                handelse("inmatning_avvisad", request, status=response.status_code)
            elif _har_felmeddelande(request):
                handelse("regel_vagrad", request, status=response.status_code)
        return response


def _har_felmeddelande(request):
    from django.contrib.messages import constants

    storage = getattr(request, "_messages", None)
    # Messages added during this request and not yet stored (Django's BaseStorage).
    queued = getattr(storage, "_queued_messages", [])
    return any(m.level >= constants.ERROR for m in queued)
