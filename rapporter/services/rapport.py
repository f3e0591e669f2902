"""Writes of the board reports: draft, narrative, publish, new version, download.

A published report is frozen: its stored PDF and checksum never change, and
publishing the same period again makes a new version.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rapporter.models import Rapport, RapportStatus
from rapporter.period import Period
from rapporter.permissions import far_skriva_rapport
from rapporter.publicering import PERIODTYP_TILL_RAPPORTTYP, rapport_period
from rapporter.tasks import skapa_rapport
from samverkan import audit


def _kraver_skribent(actor, forbund, insats):
    if not far_skriva_rapport(actor, forbund, insats):
        raise PermissionDenied(_("Du får inte skriva rapporter för den här insatsen."))


def _nasta_version(forbund, insats, period) -> int:
    senaste = Rapport.objects.filter(
        forbund=forbund,
        insats=insats,
        period_start=period.start,
        period_slut=period.slut,
    ).aggregate(v=Max("version"))["v"]
    return (senaste or 0) + 1


@transaction.atomic
def rapport_skapa(*, actor, forbund, period: Period, insats=None, request=None) -> Rapport:
    """A draft report for a quarter, half-year or year; texts carried over from
    the period's latest version, if any."""
    _kraver_skribent(actor, forbund, insats)
    if insats is not None and insats.forbund_id != forbund.pk:
        raise ValidationError({"insats": _("Insatsen hör till ett annat förbund.")})
    typ = PERIODTYP_TILL_RAPPORTTYP.get(period.typ)
    if typ is None:
        raise ValidationError(
            {"period": _("En styrelserapport gäller ett kvartal, ett halvår eller ett år.")}
        )
    if period.slut >= timezone.localdate():
        raise ValidationError({"period": _("Perioden är inte avslutad än.")})
    tidigare = (
        Rapport.objects.filter(
            forbund=forbund, insats=insats, period_start=period.start, period_slut=period.slut
        )
        .order_by("-version")
        .first()
    )
    if tidigare is not None and not tidigare.ar_publicerad:
        raise ValidationError(
            {"period": _("Det finns redan ett utkast för perioden. Fortsätt på det.")},
            code="utkast_finns",
        )
    rapport = Rapport.objects.create(
        forbund=forbund,
        insats=insats,
        typ=typ,
        period_start=period.start,
        period_slut=period.slut,
        version=_nasta_version(forbund, insats, period),
        skapad_av=actor,
        **{f: getattr(tidigare, f) for f in Rapport.TEXTFALT} if tidigare else {},
    )
    audit.record(action=audit.Action.CREATE, actor=actor, obj=rapport, request=request)
    return rapport


@transaction.atomic
def rapport_spara_text(*, actor, rapport: Rapport, texter: dict, request=None) -> Rapport:
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
    _kraver_skribent(actor, rapport.forbund, rapport.insats)
    if rapport.status not in (RapportStatus.UTKAST, RapportStatus.MISSLYCKAD):
        raise ValidationError(_("En publicerad rapport kan inte ändras. Skapa en ny version."))
    andrade = [f for f in Rapport.TEXTFALT if f in texter and texter[f] != getattr(rapport, f)]
    for f in andrade:
        setattr(rapport, f, texter[f])
    if andrade:
        rapport.save(update_fields=andrade)
        audit.record(
            action=audit.Action.CHANGE,
            actor=actor,
            obj=rapport,
            request=request,
            detail={"falt": andrade},
        )
    return rapport


@transaction.atomic
def rapport_publicera(*, actor, rapport: Rapport, request=None) -> Rapport:
    """Queue the rendering; the task freezes the file. Asking twice queues once."""
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
    _kraver_skribent(actor, rapport.forbund, rapport.insats)
    if rapport.status == RapportStatus.GENERERAS or rapport.ar_publicerad:
        return rapport
    rapport.status = RapportStatus.GENERERAS
    rapport.publicerad_av = actor
    rapport.fel = ""
    rapport.forsok = 0
    rapport.save(update_fields=["status", "publicerad_av", "fel", "forsok"])
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=rapport,
        request=request,
        detail={"publicera": rapport.version},
    )
    transaction.on_commit(lambda: skapa_rapport.delay(rapport.pk))
    return rapport


@transaction.atomic
def rapport_ny_version(*, actor, rapport: Rapport, request=None) -> Rapport:
    """A new draft of a published report's period, with its texts."""
    return rapport_skapa(
        actor=actor,
        forbund=rapport.forbund,
        period=rapport_period(rapport),
        insats=rapport.insats,
        request=request,
    )


def rapport_hamtad(*, actor, rapport: Rapport, request=None) -> None:
    """Every download of a report is an audit event."""
    audit.record(
        action=audit.Action.EXPORT,
        actor=actor,
        obj=rapport,
        request=request,
        detail={"version": rapport.version},
    )
