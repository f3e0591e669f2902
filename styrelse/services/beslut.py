"""Decisions: an item's decision as att-clauses; on an application the outcome
sets its state, and a grant flows into the insats's economy."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rapporter.models import Ekonomi
from samverkan import audit
from samverkan.models import Insats
from styrelse.models import Ansokan, Arende, Attsats, BeviljatBelopp, Beviljning
from styrelse.services.arende import las_arende
from styrelse.services.common import (
    byt_status,
    kontrollera_offentlig_text,
    kraver_status,
    las,
    record_change,
)

S = Ansokan.Status
UTFALL_TILL_STATUS = {
    Arende.Utfall.BEVILJA: S.BEVILJAD,
    Arende.Utfall.DELVIS: S.DELVIS_BEVILJAD,
    Arende.Utfall.AVSLA: S.AVSLAGEN,
    Arende.Utfall.ATERREMITTERA: S.ATERREMITTERAD,
}


@transaction.atomic
def arende_besluta(
    *,
    actor,
    arende: Arende,
    attsatser: list[str],
    utfall: str = Arende.Utfall.ALLMANT,
    belopp_per_ar: dict[int, int] | None = None,
    period_start: datetime.date | None = None,
    period_slut: datetime.date | None = None,
    villkor: str = "",
    request=None,
) -> Arende:
    """Record the decision of an item as att-clauses. On an application the
    outcome sets its state; a grant (bevilja, delvis) names the amounts per year
    and the period, and adds them to the insats's granted funds per year."""
    _sammantrade, arende = las_arende(actor, arende)
    if arende.typ != Arende.Typ.BESLUT:
        raise ValidationError(_("Bara beslutsärenden har beslut."), code="typ")
    if arende.beslutad is not None:
        raise ValidationError(_("Beslutet är redan registrerat."), code="beslutad")
    attsatser = [a.strip() for a in attsatser if a and a.strip()]
    if not attsatser:
        raise ValidationError({"attsatser": _("Skriv minst en att-sats.")})
    kontrollera_offentlig_text({"attsatser": "\n".join(attsatser), "villkor": villkor or ""})
    ansokan = arende.ansokan
    if ansokan is None and utfall != Arende.Utfall.ALLMANT:
        raise ValidationError({"utfall": _("Det här beslutet gäller en ansökan.")})
    if ansokan is not None and utfall == Arende.Utfall.ALLMANT:
        raise ValidationError(
            {"utfall": _("Välj om ansökan beviljas, avslås eller återremitteras.")}
        )

    arende.utfall = utfall
    arende.beslutad = timezone.now()
    arende.save(update_fields=["utfall", "beslutad"])
    for i, text in enumerate(attsatser, start=1):
        Attsats.objects.create(arende=arende, ordning=i, text=text)

    if ansokan is not None:
        ansokan = las(ansokan)
        kraver_status(ansokan, (S.PA_DAGORDNINGEN,), _("Ansökan är inte på dagordningen."))
        if utfall in (Arende.Utfall.BEVILJA, Arende.Utfall.DELVIS):
            _bevilja(
                actor=actor,
                arende=arende,
                ansokan=ansokan,
                belopp_per_ar=belopp_per_ar or {},
                period_start=period_start,
                period_slut=period_slut,
                villkor=villkor,
                request=request,
            )
        ansokan.beslutstext = "\n".join(f"att {a}" for a in attsatser)
        byt_status(
            actor=actor,
            obj=ansokan,
            till=UTFALL_TILL_STATUS[utfall],
            request=request,
            falt=("beslutstext", "insats", "andrad"),
            arende=arende.pk,
        )
    record_change(actor=actor, obj=arende, request=request, beslut=utfall)
    return arende


def _bevilja(*, actor, arende, ansokan, belopp_per_ar, period_start, period_slut, villkor, request):
    fel = {}
    if not belopp_per_ar or any(int(b) < 0 for b in belopp_per_ar.values()):
        fel["belopp_per_ar"] = _("Ange beviljat belopp för minst ett år.")
    if period_start is None or period_slut is None:
        fel["period_start"] = _("Ange perioden beslutet gäller.")
    elif period_slut < period_start:
        fel["period_slut"] = _("Periodens slut är före dess början.")
    elif any(not (period_start.year <= ar <= period_slut.year) for ar in belopp_per_ar):
        fel["belopp_per_ar"] = _("Beloppen ska gälla år inom perioden.")
    if fel:
        raise ValidationError(fel)

    insats = ansokan.insats
    if insats is None:
        # A new insats (or an external project) is created by the grant.
        namn = ansokan.insats_namn or str(ansokan)
        if Insats.objects.filter(forbund_id=ansokan.forbund_id, namn=namn).exists():
            raise ValidationError(
                {"insats": _("Det finns redan en insats med namnet %(namn)s.") % {"namn": namn}}
            )
        insats = Insats.objects.create(
            forbund_id=ansokan.forbund_id,
            namn=namn,
            typ=(
                Insats.Typ.STRUKTUR
                if ansokan.typ == Ansokan.Typ.MEDFINANSIERING
                else Insats.Typ.INDIVID
            ),
            beskrivning=ansokan.syfte,
            startdatum=period_start,
            slutdatum=period_slut,
        )
        audit.record(action=audit.Action.CREATE, actor=actor, obj=insats, request=request)
        ansokan.insats = insats
    beviljning = Beviljning.objects.create(
        arende=arende,
        ansokan=ansokan,
        insats=insats,
        period_start=period_start,
        period_slut=period_slut,
        villkor=villkor,
    )
    for ar, belopp in sorted(belopp_per_ar.items()):
        belopp = Decimal(int(belopp))
        BeviljatBelopp.objects.create(beviljning=beviljning, ar=ar, belopp=belopp)
        ekonomi, _skapad = Ekonomi.objects.select_for_update().get_or_create(insats=insats, ar=ar)
        ekonomi.beviljat = (ekonomi.beviljat or 0) + belopp
        ekonomi.save(update_fields=["beviljat", "andrad"])
        record_change(
            actor=actor,
            obj=ekonomi,
            request=request,
            beviljat_tillagt=int(belopp),
            arende=arende.pk,
        )
