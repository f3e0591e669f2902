"""Bearer tokens of the API clients, and the per-client rate limit.

A token is `sv_` + 32 random bytes (URL-safe base64), as strong as an OAuth 2
client-credentials secret; the client sends it in `Authorization: Bearer …`
over TLS. Only its SHA-256 is stored (see `models.hash_nyckel`).
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions, permissions, throttling

from api.models import ApiKlient, hash_nyckel
from samverkan import audit, sakerhetslogg

# senast_anvand is written at most this often per client: one UPDATE less per call.
SENAST_ANVAND_NOGGRANNHET = datetime.timedelta(minutes=1)


class BearerAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        keyword, _sep, token = header.partition(" ")
        if keyword.lower() != self.keyword.lower() or not token.strip():
            raise exceptions.AuthenticationFailed(_("Ange nyckeln som Authorization: Bearer."))
        klient = (
            ApiKlient.objects.select_related("anvandare", "organisation", "forbund")
            .filter(nyckel_hash=hash_nyckel(token.strip()))
            .first()
        )
        now = timezone.now()
        if klient is None or not klient.giltig(now):
            # One answer for unknown, revoked and expired: nothing to learn by probing.
            # Django's request: DRF's would authenticate again to name the user.
            sakerhetslogg.handelse("atkomst_nekad", request._request, objekttyp="api.nyckel")
            raise exceptions.AuthenticationFailed(
                _("Nyckeln är ogiltig, återkallad eller har gått ut.")
            )
        if klient.senast_anvand is None or now - klient.senast_anvand > SENAST_ANVAND_NOGGRANNHET:
            ApiKlient.objects.filter(pk=klient.pk).update(senast_anvand=now)
            klient.senast_anvand = now
        return klient.anvandare, klient

    def authenticate_header(self, request):
        return f'{self.keyword} realm="samverkan"'


class ArKlient(permissions.BasePermission):
    """Only a valid client's token; a browser session gets 401 (no session auth here)."""

    def has_permission(self, request, view):
        if not isinstance(request.auth, ApiKlient):
            raise exceptions.NotAuthenticated(_("Ange klientens nyckel som Authorization: Bearer."))
        scope = getattr(view, "scope", None)
        if scope and not request.auth.har_scope(scope):
            raise exceptions.PermissionDenied(
                _("Klienten saknar behörigheten %(scope)s.") % {"scope": scope}
            )
        return True


class KlientThrottle(throttling.SimpleRateThrottle):
    """Calls per client in fixed windows in the shared cache (Redis in production).
    The first refusal of a window is an audit event, every refusal a security-log line."""

    installning = "SAMVERKAN_API_GRANS"
    slag = "api"

    def get_rate(self):
        return getattr(settings, self.installning)

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiKlient):
            return None
        return f"samverkan:api:grans:{self.slag}:{request.auth.pk}"

    def allow_request(self, request, view):
        if super().allow_request(request, view):
            return True
        sakerhetslogg.handelse("hastighetsgrans", request._request, slag=self.slag)
        if cache.add(f"{self.key}:nekad:{int(self.now // self.duration)}", 1, self.duration + 5):
            audit.record_access_denied(
                actor=request.user,
                object_type="hastighetsgrans",
                object_id=self.slag,
                request=request,
                detail={
                    "orsak": "hastighetsgrans",
                    "slag": self.slag,
                    "api_klient": request.auth.pk,
                },
            )
        return False


class StatistikThrottle(KlientThrottle):
    """Statistics and Finsam on top: the heaviest reads (aggregates over the förbund)."""

    installning = "SAMVERKAN_API_GRANS_STATISTIK"
    slag = "api_statistik"
