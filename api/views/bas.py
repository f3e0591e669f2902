"""What every API view shares: the client from the token, the audit event, the
problem responses the schema names."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework.views import APIView

from api import serializers as s
from samverkan import audit

PROBLEM = "application/problem+json"


def problemsvar(kod, text):
    return {(kod, PROBLEM): OpenApiResponse(s.ProblemSerializer, description=text)}


FEL = {
    **problemsvar(400, "Fel i begäran (problem details, fälten i errors)."),
    **problemsvar(401, "Nyckel saknas, är ogiltig, återkallad eller har gått ut."),
    **problemsvar(403, "Klienten saknar behörigheten."),
    **problemsvar(404, "Finns inte (eller hör inte till klienten)."),
    **problemsvar(429, "För många anrop; vänta så många sekunder som Retry-After anger."),
}


class KlientView(APIView):
    # Base: the client comes from the bearer token (api.auth); every call is audited.

    scope = None

    @property
    def klient(self):
        return self.request.auth

    def logga(self, *, action, obj=None, object_type="", object_id="", detail=None):
        audit.record(
            action=action,
            actor=self.request.user,
            obj=obj,
            object_type=object_type,
            object_id=object_id,
            forbund=self.klient.forbund,
            request=self.request,
            detail={"api_klient": self.klient.pk, **(detail or {})},
        )
