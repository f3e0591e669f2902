"""RFC 9457 problem details for every error of the API (the DIGG REST API profile).

`type` is a URN naming the kind of problem (listed in docs/integration.md),
`title` a short Swedish summary, `status` the HTTP status, `detail` what happened
this time, `instance` the request's path (which never holds personal data), and
`errors` the per-field messages of a 400, each with a JSON Pointer into the body.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response

logger = logging.getLogger(__name__)

CONTENT_TYPE = "application/problem+json"
URN = "urn:samverkan:problem:"


class Problem(exceptions.APIException):
    """An error with its own problem type, raised by the views."""

    def __init__(self, *, status_kod, typ, titel, detalj="", fel=None, headers=None):
        self.status_code = status_kod
        self.typ = typ
        self.titel = titel
        self.detalj = detalj
        self.fel = fel or []
        self.headers = headers or {}
        super().__init__(detalj or titel)


def pekare(falt: str) -> str:
    return "" if falt in ("", "__all__") else "/" + falt


def fel_fran(errors: dict) -> list[dict]:
    """Django's {field: [messages]} as [{pointer, detail}], the body's field as the pointer."""
    return [
        {"pointer": pekare(falt), "detail": str(text)}
        for falt, texts in errors.items()
        for text in (texts if isinstance(texts, list | tuple) else [texts])
    ]


def valideringsfel(errors: dict, *, detalj="") -> Problem:
    return Problem(
        status_kod=400,
        typ="validering",
        titel=_("Begäran innehåller fel."),
        detalj=detalj or _("Rätta fälten som anges i errors och försök igen."),
        fel=fel_fran(errors),
    )


def _drf_fel(data, prefix="") -> list[dict]:
    if isinstance(data, dict):
        return [e for k, v in data.items() for e in _drf_fel(v, f"{prefix}/{k}")]
    if isinstance(data, list):
        if all(not isinstance(v, dict | list) for v in data):
            return [{"pointer": prefix, "detail": str(v)} for v in data]
        return [e for i, v in enumerate(data) for e in _drf_fel(v, f"{prefix}/{i}")]
    return [{"pointer": prefix, "detail": str(data)}]


def body(*, request, status_kod, typ, titel, detalj="", fel=None) -> dict:
    data = {
        "type": URN + typ if typ else "about:blank",
        "title": titel,
        "status": status_kod,
        "detail": detalj or titel,
        "instance": request.path if request is not None else "",
    }
    if fel:
        data["errors"] = fel
    return data


def svar(request, status_kod, typ, titel, detalj="", fel=None, headers=None) -> Response:
    return Response(
        body(request=request, status_kod=status_kod, typ=typ, titel=titel, detalj=detalj, fel=fel),
        status=status_kod,
        headers=headers,
        content_type=CONTENT_TYPE,
    )


def exception_handler(exc, context):
    """DRF's hook: every exception of an API view becomes a problem."""
    request = context.get("request")
    if isinstance(exc, Problem):
        return svar(request, exc.status_code, exc.typ, exc.titel, exc.detalj, exc.fel, exc.headers)
    if isinstance(exc, Http404 | exceptions.NotFound):
        return svar(request, 404, "saknas", _("Finns inte."), _("Resursen finns inte."))
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        return svar(
            request,
            401,
            "ej-autentiserad",
            _("Autentisering krävs."),
            str(exc.detail),
            headers={"WWW-Authenticate": 'Bearer realm="samverkan"'},
        )
    if isinstance(exc, PermissionDenied | exceptions.PermissionDenied):
        detalj = exc.detail if isinstance(exc, exceptions.PermissionDenied) else ""
        return svar(request, 403, "behorighet-saknas", _("Behörighet saknas."), str(detalj))
    if isinstance(exc, exceptions.Throttled):
        vanta = int(exc.wait or 1)
        return svar(
            request,
            429,
            "hastighetsgrans",
            _("För många anrop."),
            _("Försök igen om %(s)s sekunder.") % {"s": vanta},
            headers={"Retry-After": str(vanta)},
        )
    if isinstance(exc, ValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
        return exception_handler(valideringsfel(errors), context)
    if isinstance(exc, exceptions.ValidationError | exceptions.ParseError):
        fel = _drf_fel(exc.detail) if isinstance(exc, exceptions.ValidationError) else []
        return svar(
            request,
            400,
            "validering",
            _("Begäran innehåller fel."),
            str(exc.detail) if isinstance(exc, exceptions.ParseError) else "",
            fel,
        )
    if isinstance(exc, exceptions.MethodNotAllowed):
        return svar(
            request, 405, "", _("Metoden är inte tillåten."), _("Metoden är inte tillåten.")
        )
    if isinstance(exc, exceptions.UnsupportedMediaType | exceptions.NotAcceptable):
        return svar(request, exc.status_code, "", _("Formatet stöds inte."), str(exc.detail))
    if isinstance(exc, exceptions.APIException):
        return svar(request, exc.status_code, "", str(exc.detail))
    return None  # a bug: Django's 500 handling and error report


def saknas_vy(request, *args, **kwargs):
    """Any path under /api/v1/ that names nothing: a 404 problem, not the HTML page."""
    return JsonResponse(
        body(
            request=request,
            status_kod=404,
            typ="saknas",
            titel=_("Finns inte."),
            detalj=_("Resursen finns inte."),
        ),
        status=status.HTTP_404_NOT_FOUND,
        content_type=CONTENT_TYPE,
    )
