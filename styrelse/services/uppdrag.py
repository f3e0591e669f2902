"""Uppdrag ("uppdra till förbundschef att …"): given under an item, followed
until reported back in a later one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverkan import audit
from styrelse.models import Arende, Sammantrade, Uppdrag
from styrelse.services.common import kontrollera_offentlig_text, kraver_kansli, las, record_change


@transaction.atomic
def uppdrag_skapa(
    *,
    actor,
    arende: Arende,
    text: str,
    mottagare: str = "förbundschef",
    aterrapport_till: Sammantrade | None = None,
    request=None,
) -> Uppdrag:
    """An uppdrag becomes a follow-up item with the meeting it is due at."""
    kraver_kansli(actor, arende.forbund_id)
    kontrollera_offentlig_text({"text": text})
    if aterrapport_till is not None and (
        aterrapport_till.forbund_id != arende.forbund_id
        or aterrapport_till.datum <= arende.sammantrade.datum
    ):
        raise ValidationError(
            {"aterrapport_till": _("Välj ett senare sammanträde i samma förbund.")}
        )
    uppdrag = Uppdrag.objects.create(
        forbund_id=arende.forbund_id,
        arende=arende,
        text=text,
        mottagare=mottagare,
        aterrapport_till=aterrapport_till,
    )
    audit.record(action=audit.Action.CREATE, actor=actor, obj=uppdrag, request=request)
    return uppdrag


@transaction.atomic
def uppdrag_aterrapportera(*, actor, uppdrag: Uppdrag, arende: Arende, request=None) -> Uppdrag:
    """The item where the uppdrag was reported back; it then leaves the list."""
    uppdrag = las(uppdrag)
    kraver_kansli(actor, uppdrag.forbund_id)
    if arende.forbund_id != uppdrag.forbund_id:
        raise ValidationError({"arende": _("Ärendet hör till ett annat förbund.")})
    if uppdrag.aterrapporterat_i_id is not None:
        return uppdrag
    uppdrag.aterrapporterat_i = arende
    uppdrag.save(update_fields=["aterrapporterat_i"])
    record_change(actor=actor, obj=uppdrag, request=request, aterrapporterat_i=arende.pk)
    return uppdrag
