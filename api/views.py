"""The API's views (`/api/v1/`). Thin, like the pages: the rules live in the
remiss services and the report selectors; these translate JSON to them."""

import base64
import binascii
import hashlib
import json
import re
import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as s
from api.auth import KlientThrottle, StatistikThrottle
from api.models import Idempotens, Scope
from api.pagination import SidPaginering
from api.problem import Problem, valideringsfel
from rapporter.period import Period
from rapporter.sammanstallning import sammanstall
from rapporter.sekretess import skydda
from rapporter.selectors.finsam import finsam
from rapporter.tabell import Dold
from remisser import services as remiss_services
from remisser.forms import RemissForm
from remisser.models import Remiss, Status
from samverkan import audit, sakerhetslogg
from samverkan.models import Insats

PROBLEM = "application/problem+json"


def _problem(kod, text):
    return {(kod, PROBLEM): OpenApiResponse(s.ProblemSerializer, description=text)}


FEL = {
    **_problem(400, "Fel i begäran (problem details, fälten i errors)."),
    **_problem(401, "Nyckel saknas, är ogiltig, återkallad eller har gått ut."),
    **_problem(403, "Klienten saknar behörigheten."),
    **_problem(404, "Finns inte (eller hör inte till klienten)."),
    **_problem(429, "För många anrop; vänta så många sekunder som Retry-After anger."),
}
# A 10 MB consent file is about 13.4 MB in base64; the rest of a remiss is small.
MAX_BODY = 14 * 1024 * 1024
IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,100}$")


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


def _remiss_data(request, remiss: Remiss) -> dict:
    beslut = None
    if remiss.status in (Status.ANTAGEN, Status.AVBOJD):
        beslut = {
            "utfall": remiss.status,
            "beslutad": remiss.beslutad,
            "skal": remiss.avbojd_orsak or None,
            "skal_text": remiss.get_avbojd_orsak_display() if remiss.avbojd_orsak else None,
            "motivering": remiss.beslut_text,
        }
    komplettering = None
    if remiss.status == Status.KOMPLETTERING:
        komplettering = {
            "begard": remiss.komplettering_begard,
            "text": remiss.komplettering_text,
        }
    url = reverse("api:remiss-detail", kwargs={"uuid": remiss.uuid})
    return s.RemissSerializer(
        {
            "uuid": remiss.uuid,
            "insats": remiss.insats.uuid,
            "status": remiss.status,
            "status_text": remiss.get_status_display(),
            "inkommen": remiss.inkommen,
            "svarsfrist_dagar": remiss.insats.svarsfrist_dagar,
            "beslut": beslut,
            "komplettering": komplettering,
            "links": {"self": request.build_absolute_uri(url)},
        }
    ).data


def _begaran_hash(data) -> str:
    return hashlib.sha256(
        json.dumps(data, sort_keys=True, separators=(",", ":"), default=str).encode()
    ).hexdigest()


class RemissCreateView(KlientView):
    scope = Scope.REMISSER

    @extend_schema(
        operation_id="remiss_skicka",
        summary="Skicka en remiss",
        description=(
            "Samma regler som formuläret: fälten kontrolleras, samtycket kontrolleras utifrån "
            "innehållet, och en person som redan har en öppen remiss eller ett pågående ärende "
            "i insatsen ger 409 om inte skicka_anda är satt. Idempotent: samma "
            "Idempotency-Key och samma innehåll ger samma svar och skapar inget nytt; samma "
            "nyckel med annat innehåll ger 422."
        ),
        request=s.RemissInSerializer,
        parameters=[
            OpenApiParameter(
                "Idempotency-Key",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                required=True,
                description="En unik nyckel per remiss (t.ex. ett UUID), 1–100 tecken.",
            )
        ],
        responses={
            201: s.RemissSerializer,
            **FEL,
            **_problem(409, "Personen har redan en öppen remiss eller ett ärende i insatsen."),
            **_problem(413, "Begäran är för stor (samtycket högst 10 MB)."),
            **_problem(422, "Idempotency-Key redan använd med annat innehåll."),
        },
        tags=["remisser"],
    )
    def post(self, request):
        try:
            storlek = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            storlek = 0
        if storlek > MAX_BODY:
            # Before the body is read: the proxy's limit is the first line, this the second.
            raise Problem(
                status_kod=413,
                typ="for-stor",
                titel=_("Begäran är för stor."),
                detalj=_("Samtycket får vara högst 10 MB."),
            )
        nyckel = request.headers.get("Idempotency-Key", "")
        if not IDEMPOTENCY_KEY.match(nyckel):
            raise valideringsfel(
                {"": [_("Ange headern Idempotency-Key: 1–100 synliga ASCII-tecken.")]}
            )
        indata = s.RemissInSerializer(data=request.data)
        indata.is_valid(raise_exception=True)
        begaran_hash = _begaran_hash(request.data)
        tidigare = self._tidigare(nyckel, begaran_hash)
        if tidigare is not None:
            return tidigare
        try:
            return self._skicka(request, indata.validated_data, nyckel, begaran_hash)
        except IntegrityError:
            # A parallel retry with the same key won the race: answer as it did.
            tidigare = self._tidigare(nyckel, begaran_hash)
            if tidigare is None:
                raise
            return tidigare

    def _tidigare(self, nyckel, begaran_hash):
        rad = Idempotens.objects.filter(klient=self.klient, nyckel=nyckel).first()
        if rad is None:
            return None
        if rad.begaran_hash != begaran_hash:
            raise Problem(
                status_kod=422,
                typ="idempotens-konflikt",
                titel=_("Idempotency-Key är redan använd."),
                detalj=_("Nyckeln användes tidigare för en begäran med annat innehåll."),
            )
        self.logga(action=audit.Action.READ, obj=rad.remiss, detail={"idempotens": "upprepad"})
        return Response(rad.svar, status=rad.status_kod)

    def _skicka(self, request, data, nyckel, begaran_hash):
        insats = (
            Insats.objects.filter(forbund=self.klient.forbund, typ=Insats.Typ.INDIVID)
            .aktiva()
            .filter(uuid=data["insats"])
            .first()
        )
        if insats is None:
            raise valideringsfel({"insats": [_("Välj en insats som tar emot remisser.")]})
        fil = None
        if "samtycke_fil" in data:
            try:
                innehall = base64.b64decode(data["samtycke_fil"]["innehall"], validate=True)
            except (binascii.Error, ValueError):
                raise valideringsfel(
                    {"samtycke_fil/innehall": [_("Filen är inte korrekt base64-kodad.")]}
                ) from None
            fil = SimpleUploadedFile(data["samtycke_fil"]["filnamn"], innehall)
        falt = {k: v for k, v in data.items() if k not in ("insats", "samtycke_fil")}
        form = RemissForm(data=falt, files={"samtycke_fil": fil} if fil else {})
        if not form.is_valid():
            sakerhetslogg.handelse("inmatning_avvisad", request)
            raise valideringsfel(form.errors)
        with transaction.atomic():
            try:
                remiss = remiss_services.remiss_spara_utkast(
                    actor=request.user,
                    insats=insats,
                    data={f: form.cleaned_data[f] for f in remiss_services.REFERRER_FIELDS},
                    fil=fil,
                    request=request,
                )
                remiss = remiss_services.remiss_skicka(
                    actor=request.user,
                    remiss=remiss,
                    trots_dubblett=form.cleaned_data["skicka_anda"],
                    request=request,
                )
            except ValidationError as error:
                # Raised out of the atomic block: the draft rolls back with the refused send.
                sakerhetslogg.handelse("regel_vagrad", request)
                if "skicka_anda" in getattr(error, "error_dict", {}):
                    raise Problem(
                        status_kod=409,
                        typ="dubblett",
                        titel=_("Personen finns redan i insatsen."),
                        detalj=" ".join(error.message_dict["skicka_anda"]),
                        fel=[
                            {"pointer": "/skicka_anda", "detail": m}
                            for m in error.message_dict["skicka_anda"]
                        ],
                    ) from None
                raise valideringsfel(error.message_dict) from None
            svar = _remiss_data(request, remiss)
            Idempotens.objects.create(
                klient=self.klient,
                nyckel=nyckel,
                begaran_hash=begaran_hash,
                remiss=remiss,
                status_kod=201,
                svar=json.loads(json.dumps(svar, default=str)),
            )
            self.logga(action=audit.Action.CREATE, obj=remiss, detail={"idempotens": "ny"})
        return Response(svar, status=201, headers={"Location": svar["links"]["self"]})


class RemissDetailView(KlientView):
    scope = Scope.REMISSER

    @extend_schema(
        operation_id="remiss_status",
        summary="En remiss status och beslut",
        description="Bara remisser från klientens egen organisation; andra ger 404.",
        responses={200: s.RemissSerializer, **FEL},
        tags=["remisser"],
    )
    def get(self, request, uuid):
        remiss = (
            Remiss.objects.filter(
                organisation=self.klient.organisation, uuid=uuid, gallrad__isnull=True
            )
            .exclude(status=Status.UTKAST)
            .select_related("insats")
            .first()
        )
        if remiss is None:
            utanfor = Remiss.objects.filter(uuid=uuid).select_related("insats").first()
            if utanfor is not None:
                # Filed under the client's förbund, the target's in the detail (audit's rule).
                audit.record_access_denied(
                    request=self.request,
                    actor=self.request.user,
                    obj=utanfor,
                    detail={"vy": "api:remiss-detail", "api_klient": self.klient.pk},
                )
                sakerhetslogg.handelse("atkomst_nekad", request, objekttyp="remisser.remiss")
            raise Problem(
                status_kod=404,
                typ="saknas",
                titel=_("Finns inte."),
                detalj=_("Resursen finns inte."),
            )
        self.logga(action=audit.Action.READ, obj=remiss)
        return Response(_remiss_data(request, remiss))


class InsatsListView(KlientView):
    pagination_class = SidPaginering

    @extend_schema(
        operation_id="insatser_lista",
        summary="Förbundets insatser",
        description="Sida för sida med länkar; tar_emot_remisser visar vart en remiss kan skickas.",
        responses={200: s.InsatsSerializer(many=True), **FEL},
        parameters=SidPaginering.parametrar(),
        tags=["insatser"],
    )
    def get(self, request):
        insatser = Insats.objects.filter(forbund=self.klient.forbund).order_by("namn", "pk")
        aktiva = set(insatser.aktiva().values_list("pk", flat=True))
        paginering = self.pagination_class()
        sida = paginering.paginate_queryset(insatser, request, view=self)
        data = s.InsatsSerializer(
            [
                {
                    "uuid": i.uuid,
                    "namn": i.namn,
                    "typ": i.typ,
                    "startdatum": i.startdatum,
                    "slutdatum": i.slutdatum,
                    "tar_emot_remisser": i.typ == Insats.Typ.INDIVID and i.pk in aktiva,
                }
                for i in sida
            ],
            many=True,
        ).data
        self.logga(action=audit.Action.READ, object_type="api.insatser")
        return paginering.get_paginated_response(data)


def _tabell(t) -> dict:
    def rad(r):
        return {
            "nyckel": r.nyckel,
            "etikett": str(r.etikett),
            "varden": {
                k: None if isinstance(v, Dold) else (float(v) if hasattr(v, "as_tuple") else v)
                for k, v in r.varden.items()
            },
            "dolda": {k: v.markering for k, v in r.varden.items() if isinstance(v, Dold)},
            "spann": {
                k: {"min": v.spann[0], "max": v.spann[1]}
                for k, v in r.varden.items()
                if isinstance(v, Dold) and v.spann
            },
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


class StatistikView(KlientView):
    scope = Scope.STATISTIK
    throttle_classes = [KlientThrottle, StatistikThrottle]

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


class FinsamView(KlientView):
    scope = Scope.FINSAM
    throttle_classes = [KlientThrottle, StatistikThrottle]

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
