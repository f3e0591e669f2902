"""The agenda (dagordning): items added, corrected and removed while the
protocol is not drawn up. An application put on the agenda moves with it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from samverkan import audit
from styrelse.models import Ansokan, Arende, Sammantrade, Uppdrag
from styrelse.services.common import (
    andra_falt,
    byt_status,
    kontrollera_offentlig_text,
    kraver_status,
    las,
    las_oppet,
    record_change,
)

S = Ansokan.Status


def las_arende(actor, arende: Arende) -> tuple[Sammantrade, Arende]:
    """The item and its meeting locked, for the office, while the meeting is open."""
    sammantrade = las_oppet(actor, arende.sammantrade)
    return sammantrade, las(arende)


@transaction.atomic
def arende_skapa(
    *,
    actor,
    sammantrade: Sammantrade,
    typ: str,
    rubrik: str,
    text: str = "",
    forslag: str = "",
    ansokan: Ansokan | None = None,
    visa_ekonomi: bool = False,
    rapport=None,
    request=None,
) -> Arende:
    """An item on the agenda. An application put on it moves to "på dagordningen"."""
    sammantrade = las_oppet(actor, sammantrade)
    kontrollera_offentlig_text({"rubrik": rubrik, "text": text, "forslag": forslag})
    if ansokan is not None:
        ansokan = las(ansokan)
        if ansokan.forbund_id != sammantrade.forbund_id:
            raise ValidationError({"ansokan": _("Ansökan hör till ett annat förbund.")})
        kraver_status(
            ansokan,
            (S.UNDER_BEREDNING,),
            {"ansokan": _("Bara en ansökan under beredning kan sättas på dagordningen.")},
        )
        if typ != Arende.Typ.BESLUT:
            raise ValidationError({"typ": _("En ansökan är ett beslutsärende.")})
    if rapport is not None and (
        rapport.forbund_id != sammantrade.forbund_id or not rapport.ar_publicerad
    ):
        raise ValidationError({"rapport": _("Välj en publicerad rapport från förbundet.")})
    ordning = (sammantrade.arenden.aggregate(m=Max("ordning"))["m"] or 0) + 1
    arende = Arende(
        sammantrade=sammantrade,
        forbund_id=sammantrade.forbund_id,
        ordning=ordning,
        typ=typ,
        rubrik=rubrik,
        text=text,
        forslag=forslag,
        ansokan=ansokan,
        visa_ekonomi=visa_ekonomi,
        rapport=rapport,
    )
    arende.full_clean()
    arende.save()
    if ansokan is not None:
        byt_status(
            actor=actor,
            obj=ansokan,
            till=S.PA_DAGORDNINGEN,
            request=request,
            falt=("andrad",),
            arende=arende.pk,
        )
    audit.record(action=audit.Action.CREATE, actor=actor, obj=arende, request=request)
    return arende


@transaction.atomic
def arende_andra(*, actor, arende: Arende, request=None, **falt) -> Arende:
    """Correct an agenda item before the protocol is drawn up. The application
    it concerns stays (remove the item and add a new one to change it); an
    item with a recorded decision keeps its kind."""
    _sammantrade, arende = las_arende(actor, arende)
    falt = {f: v for f, v in falt.items() if f in Arende.UPPGIFTER}
    kontrollera_offentlig_text(
        {f: falt[f] or "" for f in ("rubrik", "text", "forslag") if f in falt}
    )
    typ = falt.get("typ", arende.typ)
    if typ != arende.typ:
        if arende.beslutad is not None:
            raise ValidationError(
                {"typ": _("Beslutet är registrerat: ärendets typ kan inte ändras.")}
            )
        if arende.ansokan_id is not None:
            raise ValidationError({"typ": _("En ansökan är ett beslutsärende.")})
    andrade = andra_falt(arende, falt)
    arende.full_clean()
    if andrade:
        arende.save(update_fields=andrade)
        record_change(actor=actor, obj=arende, request=request, falt=andrade)
    return arende


@transaction.atomic
def arende_ta_bort(*, actor, arende: Arende, request=None) -> None:
    """Remove an item from the agenda before the protocol is drawn up. It never
    had a paragraph number (they are given at upprättande), so none is lost. An
    application on it goes back to beredning; the items after it move up."""
    sammantrade, arende = las_arende(actor, arende)
    if arende.beslutad is not None:
        raise ValidationError(
            _("Beslutet är registrerat: ärendet kan inte tas bort."), code="beslutad"
        )
    if Uppdrag.objects.filter(models.Q(arende=arende) | models.Q(aterrapporterat_i=arende)):
        raise ValidationError(
            _("Ärendet har ett uppdrag kopplat till sig och kan inte tas bort."), code="uppdrag"
        )
    ansokan = arende.ansokan
    pk, ordning = arende.pk, arende.ordning
    audit.record(
        action=audit.Action.DELETE,
        actor=actor,
        obj=arende,
        request=request,
        detail={"sammantrade": sammantrade.pk, "rubrik": arende.rubrik},
    )
    arende.delete()
    # Close the gap in agenda order, front to back so (meeting, order) stays unique.
    for senare in sammantrade.arenden.filter(ordning__gt=ordning).order_by("ordning"):
        senare.ordning -= 1
        senare.save(update_fields=["ordning"])
    if ansokan is not None:
        ansokan = las(ansokan)
        if ansokan.status == S.PA_DAGORDNINGEN:
            byt_status(
                actor=actor,
                obj=ansokan,
                till=S.UNDER_BEREDNING,
                request=request,
                falt=("andrad",),
                arende_borttaget=pk,
            )
