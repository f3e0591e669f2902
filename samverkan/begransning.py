"""Per-user limits on heavy and mass reads (ASVS 2.4.1, 15.2.2).

A person reads participants, prints and exports at human speed; a script or a
stolen session reading the register page by page does not. Each request to a
limited view counts against its kind for the signed-in user, in fixed windows
in the cache (Redis, shared by every app server, in production). Past a limit
the answer is a Swedish 429 page; the first refusal in a window is an audit
event and every refusal a line in the security log.

The kinds and their limits are documented in ``docs/security.md#limits-per-user``.
"""

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render

from samverkan import audit, sakerhetslogg

# View name -> kind. Participant pages are every deltagare view of one person.
UTSKRIFT = {
    "deltagare:handlingsplan-pdf",
    "deltagare:overlamning-pdf",
    "remisser:remiss-overlamning-pdf",
    "rapporter:rapport-pdf",
}
EXPORT = {"samverkan:logg-export", "rapporter:statistik-export", "rapporter:finsam-export"}
STATISTIK = {"rapporter:statistik", "rapporter:finsam"}
# Posted, without a uuid: a search for a person; the office's registerutdrag (a PDF).
SOK = "deltagare:sok"
REGISTERUTDRAG = "deltagare:registerutdrag"

_ENHETER = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@functools.lru_cache(maxsize=8)
def parse(text: str) -> dict[str, list[tuple[int, int]]]:
    """``"deltagare=600/10m+2000/d,export=30/10m"`` -> {kind: [(count, seconds), …]}."""
    limits = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        kind, _, rules = part.partition("=")
        windows = []
        for rule in rules.split("+"):
            try:
                count, _, period = rule.strip().partition("/")
                number = period[:-1] or "1"
                windows.append((int(count), int(number) * _ENHETER[period[-1]]))
            except (KeyError, ValueError, IndexError) as error:
                raise ImproperlyConfigured(f"Ogiltig hastighetsgräns: {part!r}") from error
        limits[kind.strip()] = windows
    return limits


def slag(request) -> str | None:
    """The kind of a request, or None when it is not limited."""
    match = request.resolver_match
    name = match.view_name if match is not None else ""
    if name in UTSKRIFT or (name == REGISTERUTDRAG and request.method == "POST"):
        return "utskrift"
    if name in EXPORT:
        return "export"
    if name in STATISTIK:
        return "statistik"
    if name == "remisser:remiss-detail" or (name == SOK and request.method == "POST"):
        return "deltagare"
    if match is not None and match.namespace == "deltagare" and "uuid" in match.kwargs:
        return "deltagare"
    return None


def _over_limit(kind: str, user_id: int, windows) -> tuple[bool, int, bool]:
    """Counts this request; (over, seconds to wait, first refusal in the window)."""
    now = int(time.time())
    over, wait, first = False, 0, False
    for count, seconds in windows:
        window = now // seconds
        key = f"samverkan:grans:{kind}:{user_id}:{seconds}:{window}"
        cache.add(key, 0, timeout=seconds + 5)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds + 5)
            used = 1
        if used > count:
            over = True
            wait = max(wait, (window + 1) * seconds - now)
            first = first or used == count + 1
    return over, wait, first


class HastighetsgransMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        kind = slag(request)
        windows = parse(settings.SAMVERKAN_HASTIGHETSGRANSER).get(kind) if kind else None
        if not windows:
            return None
        over, wait, first = _over_limit(kind, user.pk, windows)
        if not over:
            return None
        sakerhetslogg.handelse("hastighetsgrans", request, slag=kind)
        if first:
            # Once per window: a script hammering on must not flood the trail.
            audit.record_access_denied(
                request=request,
                object_type="hastighetsgrans",
                object_id=kind,
                detail={"orsak": "hastighetsgrans", "slag": kind},
            )
        response = render(request, "429.html", {"vanta_minuter": max(1, wait // 60)}, status=429)
        response["Retry-After"] = str(wait)
        return response
