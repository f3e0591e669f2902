"""The protocol: drawn up (paragraphs numbered), justerat by each justerare,
then published: rendered once to PDF/UA, stored with its SHA-256, never
changed; a correction publishes a new version. The protokollsutdrag is one §
as its own PDF, read from the frozen data of the meeting."""

from __future__ import annotations

import datetime
import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan import audit
from samverkan.pdf import render_pdf
from styrelse.models import Arende, Forbundsinstallning, Protokollversion, Sammantrade
from styrelse.services.common import (
    OPPNA,
    kraver_kansli,
    kraver_status,
    las,
    record_change,
)
from styrelse.services.paragraf import paragrafer_tilldela

M = Sammantrade.Status
# Kommunallagen: a decision can be appealed within three weeks of the notice
# of justering on the anslagstavla.
ANSLAGSTID = datetime.timedelta(weeks=3)


@transaction.atomic
def protokoll_uppratta(*, actor, sammantrade: Sammantrade, request=None) -> Sammantrade:
    """Draw up the protocol: every decision recorded, justerare named; the
    items get the förbund's next paragraph numbers in agenda order."""
    sammantrade = las(sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    if sammantrade.status not in OPPNA:
        return sammantrade  # drawn up once; twice changes nothing
    arenden = list(sammantrade.arenden.order_by("ordning"))
    fel = []
    if not arenden:
        fel.append(_("Dagordningen är tom."))
    if any(a.typ == Arende.Typ.BESLUT and a.beslutad is None for a in arenden):
        fel.append(_("Alla beslutsärenden behöver ett registrerat beslut."))
    narvaro = list(sammantrade.narvaro.all())
    if not any(n.justerare for n in narvaro):
        fel.append(_("Utse minst en justerare."))
    if not any(n.beslutande for n in narvaro):
        fel.append(_("Ange vilka som är beslutande."))
    if fel:
        raise ValidationError(fel, code="ofullstandigt")
    nummer = paragrafer_tilldela(forbund_id=sammantrade.forbund_id, antal=len(arenden))
    for arende, paragraf in zip(arenden, nummer, strict=True):
        arende.paragraf = paragraf
        arende.save(update_fields=["paragraf"])
    sammantrade.status = M.UPPRATTAT
    sammantrade.upprattat = timezone.now()
    sammantrade.save(update_fields=["status", "upprattat"])
    record_change(actor=actor, obj=sammantrade, request=request, paragrafer=[nummer[0], nummer[-1]])
    return sammantrade


@transaction.atomic
def protokoll_justera(*, actor, sammantrade: Sammantrade, request=None) -> Sammantrade:
    """A justerare confirms the protocol, with the date. When all have, it is justerat."""
    sammantrade = las(sammantrade)
    kraver_status(
        sammantrade, (M.UPPRATTAT, M.JUSTERAT), _("Protokollet är inte upprättat för justering.")
    )
    narvaro = sammantrade.narvaro.filter(justerare=True, user=actor).first()
    if narvaro is None:
        raise PermissionDenied(_("Du är inte justerare för det här protokollet."))
    if narvaro.justerat is None:
        narvaro.justerat = timezone.now()
        narvaro.save(update_fields=["justerat"])
        record_change(actor=actor, obj=sammantrade, request=request, justerat_av=narvaro.pk)
    if not sammantrade.narvaro.filter(justerare=True, justerat__isnull=True).exists():
        sammantrade.status = M.JUSTERAT
        sammantrade.save(update_fields=["status"])
    return sammantrade


def protokoll_kontext(sammantrade: Sammantrade) -> dict:
    arenden = sammantrade.arenden.order_by("ordning").prefetch_related(
        "attsatser",
        "uppdrag",
        Prefetch("beviljning__belopp_per_ar"),
    )
    narvaro = list(sammantrade.narvaro.all())
    installning = Forbundsinstallning.objects.filter(forbund_id=sammantrade.forbund_id).first()
    return {
        "sammantrade": sammantrade,
        "forbund": sammantrade.forbund,
        "arenden": list(arenden),
        "beslutande": [n for n in narvaro if n.beslutande],
        "ovriga": [n for n in narvaro if not n.beslutande],
        "justerare": [n for n in narvaro if n.justerare],
        "ordforande": next((n for n in narvaro if n.roll == "ordforande"), None),
        "sekreterare": next((n for n in narvaro if n.roll == "sekreterare"), None),
        "paragrafer": sammantrade.paragrafer,
        "installning": installning,
    }


def protokoll_pdf(sammantrade: Sammantrade) -> bytes:
    titel = _("Protokoll %(datum)s") % {"datum": f"{sammantrade.datum:%Y-%m-%d}"}
    return render_pdf("pdf/styrelse_protokoll.html", protokoll_kontext(sammantrade), title=titel)


@transaction.atomic
def protokoll_publicera(
    *,
    actor,
    sammantrade: Sammantrade,
    anslag_uppsatt: datetime.date | None = None,
    rattelse: str = "",
    request=None,
) -> Protokollversion:
    """Publish the justerat protocol, or (with a reason) a corrected new version."""
    sammantrade = las(sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    if sammantrade.status == M.PUBLICERAT:
        if not rattelse.strip():
            raise ValidationError(
                {"rattelse": _("Beskriv rättelsen: en ny version ersätter den publicerade.")}
            )
    else:
        kraver_status(
            sammantrade, (M.JUSTERAT,), _("Protokollet är inte justerat av alla justerare.")
        )
    if sammantrade.anslag_uppsatt is None:
        uppsatt = anslag_uppsatt or timezone.localdate()
        sammantrade.anslag_uppsatt = uppsatt
        sammantrade.anslag_nedtas = uppsatt + ANSLAGSTID
    pdf = protokoll_pdf(sammantrade)
    version = (sammantrade.protokollversioner.aggregate(v=Max("version"))["v"] or 0) + 1
    protokoll = Protokollversion(
        sammantrade=sammantrade,
        version=version,
        sha256=hashlib.sha256(pdf).hexdigest(),
        storlek=len(pdf),
        rattelse=rattelse,
        publicerad=timezone.now(),
        publicerad_av=actor,
    )
    protokoll.fil.save("protokoll.pdf", ContentFile(pdf), save=False)
    protokoll.save()
    sammantrade.status = M.PUBLICERAT
    sammantrade.save(update_fields=["status", "anslag_uppsatt", "anslag_nedtas"])
    record_change(actor=actor, obj=sammantrade, request=request, publicerad_version=version)
    return protokoll


def protokoll_hamtat(*, actor, protokoll: Protokollversion, request=None) -> None:
    """Every download of a protocol is an audit event."""
    audit.record(
        action=audit.Action.EXPORT,
        actor=actor,
        obj=protokoll.sammantrade,
        request=request,
        detail={"protokoll_version": protokoll.version},
    )


def protokollsutdrag_pdf(*, actor, arende: Arende, request=None) -> bytes:
    """One § of a published protocol as its own PDF, with utdragsbestyrkande."""
    sammantrade = Sammantrade.objects.select_related("forbund").get(pk=arende.sammantrade_id)
    if sammantrade.status != M.PUBLICERAT or arende.paragraf is None:
        raise ValidationError(_("Utdrag kan bara göras ur ett publicerat protokoll."))
    kontext = protokoll_kontext(sammantrade)
    kontext["arenden"] = [a for a in kontext["arenden"] if a.pk == arende.pk]
    kontext["utdrag"] = True
    pdf = render_pdf(
        "pdf/styrelse_protokoll.html",
        kontext,
        title=_("Protokollsutdrag § %(paragraf)s") % {"paragraf": arende.paragraf},
    )
    audit.record(
        action=audit.Action.PRINT,
        actor=actor,
        obj=sammantrade,
        request=request,
        detail={"utdrag_paragraf": arende.paragraf},
    )
    return pdf
