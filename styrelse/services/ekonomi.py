"""The office's entry of the förbund's own income for a year."""

from __future__ import annotations

from django.db import transaction

from styrelse.models import ForbundEkonomiAr
from styrelse.services.common import andra_falt, kraver_kansli, record_change


@transaction.atomic
def forbundsekonomi_spara(*, actor, forbund, ar: int, data: dict, request=None) -> ForbundEkonomiAr:
    kraver_kansli(actor, forbund.pk)
    rad, _skapad = ForbundEkonomiAr.objects.select_for_update().get_or_create(
        forbund=forbund, ar=ar
    )
    andrade = andra_falt(rad, data)
    rad.full_clean()
    rad.save()
    record_change(actor=actor, obj=rad, request=request, ar=ar, falt=sorted(andrade))
    return rad
