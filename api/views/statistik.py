"""Aggregated statistics and Uppföljning Finsam: the same figures as the board's
reports, always with the förbund's small-cell suppression."""

import uuid

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from api import serializers as s
from api.auth import KlientThrottle, StatistikThrottle
from api.models import Scope
from api.problem import valideringsfel
from api.views.bas import FEL, KlientView
from rapporter.period import Period
from rapporter.sammanstallning import sammanstall
from rapporter.sekretess import skydda
from rapporter.selectors.finsam import finsam
from rapporter.tabell import Dold
from samverkan import audit
from samverkan.models import Insats


def _tabell(t) -> dict:
    def rad(r):
        return {
            "nyckel": r.nyckel,
            "etikett": str(r.etikett),
            "varden": {
                k: None if isinstance(v, Dold) else (float(v) if hasattr(v, "as_tuple") else v)
                for k, v in r.varden.items()
            },
            "dolda": {k: str(v) for k, v in r.varden.items() if isinstance(v, Dold)},
        }

    return {
        "nyckel": t.nyckel,
        "rubrik": str(t.rubrik),
        "radrubrik": str(t.radrubrik),
        "kolumner": [
            {"nyckel": k.nyckel, "rubrik": str(k.rubrik), "typ": k.typ} for k in t.kolumner
        ],
        "rader": [] if t.undanhallen else [rad(r) for r in t.rader],
        "summa": rad(t.summa) if t.summa and not t.undanhallen else None,
        "undanhallen": t.undanhallen,
    }


class _TalView(KlientView):
    # The heaviest reads (aggregates over the förbund): a tighter limit on top of the client's.
    throttle_classes = [KlientThrottle, StatistikThrottle]


class StatistikView(_TalView):
    scope = Scope.STATISTIK

    @extend_schema(
        operation_id="statistik",
        summary="Aggregerad statistik för en period",
        description=(
            "Samma tal som styrelsens rapport: små celler undertrycks enligt förbundets gräns, "
            "och celler som skulle avslöja dem också."
        ),
        parameters=[
            OpenApiParameter(
                "period",
                OpenApiTypes.STR,
                required=True,
                description="2026-Q3, 2026-H1 eller 2026.",
            ),
            OpenApiParameter(
                "insats",
                OpenApiTypes.UUID,
                required=False,
                description="En insats uuid; utan: hela förbundet.",
            ),
        ],
        responses={200: s.StatistikSerializer, **FEL},
        tags=["statistik"],
    )
    def get(self, request):
        fel = {}
        try:
            period = Period.fran_kod(request.query_params.get("period", ""))
        except ValueError as error:
            fel["period"] = [str(error)]
        insats = None
        if request.query_params.get("insats"):
            insats = (
                Insats.objects.filter(forbund=self.klient.forbund)
                .filter(uuid__in=_uuid_or_none(request.query_params["insats"]))
                .first()
            )
            if insats is None:
                fel["insats"] = [_("Välj en insats i förbundet.")]
        if fel:
            raise valideringsfel(fel)
        resultat = sammanstall(forbund=self.klient.forbund, period=period, insats=insats)
        self.logga(
            action=audit.Action.READ,
            object_type="api.statistik",
            object_id=period.kod,
            detail={"insats": str(insats.uuid) if insats else ""},
        )
        return Response(
            s.StatistikSerializer(
                {
                    "period": {"kod": period.kod, "start": period.start, "slut": period.slut},
                    "insats": insats.uuid if insats else None,
                    "smacellsgrans": resultat.grans,
                    "tabeller": [_tabell(t) for t in resultat.alla_tabeller()],
                }
            ).data
        )


def _uuid_or_none(text):
    try:
        return [uuid.UUID(text)]
    except ValueError:
        return []


class FinsamView(_TalView):
    scope = Scope.FINSAM

    @extend_schema(
        operation_id="finsam",
        summary="Uppföljning Finsam för ett år",
        description="Antal per insats och kön, nådda i strukturövergripande insatser och ekonomi, "
        "med förbundets gräns för små celler.",
        parameters=[
            OpenApiParameter("ar", OpenApiTypes.INT, required=True, description="Året, t.ex. 2025.")
        ],
        responses={200: s.FinsamSerializer, **FEL},
        tags=["statistik"],
    )
    def get(self, request):
        text = request.query_params.get("ar", "")
        if not (text.isdigit() and 2000 <= int(text) <= 2100):
            raise valideringsfel({"ar": [_("Ange ett år mellan 2000 och 2100.")]})
        ar = int(text)
        grans = self.klient.forbund.smacellsgrans
        tabeller = [skydda(t, grans) for t in finsam(forbund=self.klient.forbund, ar=ar)]
        self.logga(action=audit.Action.READ, object_type="api.finsam", object_id=str(ar))
        return Response(
            s.FinsamSerializer(
                {"ar": ar, "smacellsgrans": grans, "tabeller": [_tabell(t) for t in tabeller]}
            ).data
        )
