"""Board meetings and who was there. The agenda is in arende.py, decisions in
beslut.py, the kallelse in kallelse.py, the protocol in protokoll.py."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverkan import audit
from styrelse.models import Narvaro, Sammantrade
from styrelse.services.common import (
    andra_falt,
    kraver_kansli,
    las,
    las_oppet,
    record_change,
)


@transaction.atomic
def sammantrade_skapa(
    *,
    actor,
    forbund,
    datum: datetime.date,
    starttid: datetime.time,
    plats: str,
    typ: str = Sammantrade.Typ.ORDINARIE,
    sluttid: datetime.time | None = None,
    request=None,
) -> Sammantrade:
    kraver_kansli(actor, forbund.pk)
    sammantrade = Sammantrade(
        forbund=forbund, datum=datum, starttid=starttid, sluttid=sluttid, plats=plats, typ=typ
    )
    sammantrade.full_clean()
    sammantrade.save()
    audit.record(action=audit.Action.CREATE, actor=actor, obj=sammantrade, request=request)
    return sammantrade


def _kontrollera_narvaro(narvaro):
    if narvaro.justerare and narvaro.user_id is None:
        raise ValidationError(
            {"user": _("En justerare behöver ett konto för att kunna justera i tjänsten.")}
        )
    if narvaro.ankom and narvaro.lamnade and narvaro.lamnade <= narvaro.ankom:
        raise ValidationError({"lamnade": _("Tiden då personen lämnade är före ankomsten.")})
    narvaro.full_clean()


@transaction.atomic
def narvaro_lagg_till(*, actor, sammantrade: Sammantrade, request=None, **falt) -> Narvaro:
    """Someone present: role, beslutande, justerare, and when they joined or left."""
    sammantrade = las_oppet(actor, sammantrade)
    narvaro = Narvaro(sammantrade=sammantrade, **falt)
    _kontrollera_narvaro(narvaro)
    narvaro.save()
    record_change(actor=actor, obj=sammantrade, request=request, narvaro=narvaro.pk)
    return narvaro


@transaction.atomic
def narvaro_andra(*, actor, narvaro: Narvaro, request=None, **falt) -> Narvaro:
    """Correct a närvaro row while the protocol is not yet drawn up."""
    sammantrade = las_oppet(actor, narvaro.sammantrade)
    narvaro = las(narvaro, sammantrade=sammantrade)
    andrade = andra_falt(narvaro, {f: falt[f] for f in Narvaro.UPPGIFTER if f in falt})
    _kontrollera_narvaro(narvaro)
    if andrade:
        narvaro.save(update_fields=andrade)
        record_change(
            actor=actor, obj=sammantrade, request=request, narvaro=narvaro.pk, falt=andrade
        )
    return narvaro


@transaction.atomic
def narvaro_ta_bort(*, actor, narvaro: Narvaro, request=None) -> None:
    sammantrade = las_oppet(actor, narvaro.sammantrade)
    pk = narvaro.pk
    Narvaro.objects.filter(pk=pk, sammantrade=sammantrade).delete()
    record_change(actor=actor, obj=sammantrade, request=request, narvaro_borttagen=pk)


# demo_styrelse (moved to the demo app on another branch, not to be edited here)
# still calls these through this module: remove once it imports them from their own.
from styrelse.services.arende import arende_skapa  # noqa: E402, F401
from styrelse.services.beslut import arende_besluta  # noqa: E402, F401
from styrelse.services.paragraf import forsta_paragraf_satt  # noqa: E402, F401
from styrelse.services.protokoll import protokoll_justera, protokoll_uppratta  # noqa: E402, F401
from styrelse.services.uppdrag import uppdrag_skapa  # noqa: E402, F401
