"""The office's entry of the förbund's own income for a year."""

from __future__ import annotations

from django.db import transaction

from samverkan import audit
from styrelse.models import ForbundEkonomiAr
from styrelse.services.common import kraver_kansli


@transaction.atomic
def forbundsekonomi_spara(*, actor, forbund, ar: int, data: dict, request=None) -> ForbundEkonomiAr:
    kraver_kansli(actor, forbund.pk)
    rad, _skapad = ForbundEkonomiAr.objects.select_for_update().get_or_create(
        forbund=forbund, ar=ar
    )
    andrade = [k for k, v in data.items() if getattr(rad, k) != v]
    for k in andrade:
        setattr(rad, k, data[k])
    rad.full_clean()
    rad.save()
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=rad,
        forbund=forbund,
        request=request,
        detail={"ar": ar, "falt": sorted(andrade)},
    )
    return rad
