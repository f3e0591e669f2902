"""Remisser from a partner's system: send one (idempotent), read its status."""

import base64
import binascii
import hashlib
import json
import re

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from api import serializers as s
from api.models import Idempotens, Scope
from api.problem import Problem, valideringsfel
from api.views.bas import FEL, KlientView, problemsvar
from remisser import services as remiss_services
from remisser.forms import RemissForm
from remisser.models import Remiss, Status
from samverkan import audit, sakerhetslogg
from samverkan.models import Insats

# A 10 MB consent file is about 13.4 MB in base64; the rest of a remiss is small.
MAX_BODY = 14 * 1024 * 1024
IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,100}$")


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
            **problemsvar(409, "Personen har redan en öppen remiss eller ett ärende i insatsen."),
            **problemsvar(413, "Begäran är för stor (samtycket högst 10 MB)."),
            **problemsvar(422, "Idempotency-Key redan använd med annat innehåll."),
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
