"""Publishing a board report: the period it covers, and the outcome of the rendering
task (tasks.py): the file stored once with its checksum, or the failure.

Kept apart from the services (services/rapport.py), which queue the task: the
services import the task and the task imports this, without a circle.
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from rapporter.models import Rapport, RapportStatus, Rapporttyp
from rapporter.period import AR, HALVAR, KVARTAL, Period
from samverkan import audit

PERIODTYP_TILL_RAPPORTTYP = {
    KVARTAL: Rapporttyp.KVARTAL,
    HALVAR: Rapporttyp.HALVAR,
    AR: Rapporttyp.AR,
}


def _periodtyp(rapport):
    for periodtyp, rapporttyp in PERIODTYP_TILL_RAPPORTTYP.items():
        if rapporttyp == rapport.typ:
            return periodtyp
    raise ValueError(rapport.typ)


def rapport_period(rapport: Rapport) -> Period:
    return Period(rapport.period_start, rapport.period_slut, _periodtyp(rapport))


@transaction.atomic
def rapport_spara_pdf(*, rapport_id: int, pdf: bytes) -> Rapport:
    """Store the rendered file once, with its checksum, and publish."""
    rapport = Rapport.objects.select_for_update().get(pk=rapport_id)
    if rapport.ar_publicerad:
        return rapport  # frozen: a retried task never replaces the file
    rapport.fil.save(rapport_path_name(rapport), ContentFile(pdf), save=False)
    rapport.sha256 = hashlib.sha256(pdf).hexdigest()
    rapport.storlek = len(pdf)
    rapport.status = RapportStatus.PUBLICERAD
    rapport.publicerad = timezone.now()
    rapport.fel = ""
    rapport.save()
    audit.record(
        action=audit.Action.CHANGE,
        actor=rapport.publicerad_av,
        obj=rapport,
        # No checksum here: a hex digest can hold twelve digits in a row, which the
        # audit trail refuses as a possible personnummer. The row keeps it.
        detail={"publicerad": rapport.version},
    )
    return rapport


def rapport_path_name(rapport) -> str:
    return f"{rapport.uuid}.pdf"


@transaction.atomic
def rapport_misslyckad(*, rapport_id: int, fel: str) -> None:
    rapport = Rapport.objects.select_for_update().get(pk=rapport_id)
    if rapport.ar_publicerad:
        return
    rapport.status = RapportStatus.MISSLYCKAD
    rapport.fel = fel[:2000]
    rapport.save(update_fields=["status", "fel"])
