"""The economy of an insats for a year: granted amount, budget, forecast and costs by
month, written in one transaction with its audit event."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from rapporter.models import Budgetpost, Ekonomi, Kostnad, Kostnadstyp
from rapporter.permissions import kraver_mal_ekonomi_admin
from samverkan import audit
from samverkan.models import Insats


@transaction.atomic
def ekonomi_spara(
    *,
    actor,
    insats: Insats,
    ar: int,
    beviljat: int | Decimal,
    budget: dict[str, int | Decimal | None],
    prognos: dict[str, int | Decimal | None],
    kostnader: dict[tuple[int, str], int | Decimal | None],
    antal_nadda: int | None = None,
    kommentar: str | None = None,
    request=None,
) -> Ekonomi:
    """The insats's economy for one year, all of it at once: granted funds, budget and
    forecast per cost type, and the monthly costs (month, cost type) → amount.

    A cost or budget left out or None has no row. `antal_nadda` is stored for
    strukturövergripande insatser only; it means nothing for the others.
    Any invalid value raises ValidationError and nothing is saved.
    """
    kraver_mal_ekonomi_admin(actor, insats)
    ekonomi, skapad = Ekonomi.objects.select_for_update().get_or_create(insats=insats, ar=ar)
    ekonomi.beviljat = beviljat
    if insats.typ == Insats.Typ.STRUKTUR:
        ekonomi.antal_nadda = antal_nadda
    if kommentar is not None:
        ekonomi.kommentar = kommentar
    ekonomi.full_clean()
    ekonomi.save()

    poster = []
    for typ in Kostnadstyp.values:
        b, p = budget.get(typ), prognos.get(typ)
        if b is None and p is None:
            continue
        poster.append(Budgetpost(ekonomi=ekonomi, kostnadstyp=typ, budget=b or 0, prognos=p))
    rader = [
        Kostnad(ekonomi=ekonomi, manad=manad, kostnadstyp=typ, belopp=belopp)
        for (manad, typ), belopp in sorted(kostnader.items())
        if belopp is not None
    ]
    fel = {}
    for obj in [*poster, *rader]:
        try:
            # Field validators only: the keys are unique by construction, and the
            # database checks of a row (one query each) would grow with the grid.
            obj.full_clean(exclude=["ekonomi"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for falt, meddelanden in exc.message_dict.items():
                fel.setdefault(_felnyckel(obj, falt), meddelanden)
    if fel:
        raise ValidationError(fel)

    # Replace rather than diff: the whole year is one form, and one statement each.
    ekonomi.budgetposter.all().delete()
    ekonomi.kostnader.all().delete()
    Budgetpost.objects.bulk_create(poster)
    Kostnad.objects.bulk_create(rader)
    audit.record(
        action=audit.Action.CREATE if skapad else audit.Action.CHANGE,
        actor=actor,
        obj=ekonomi,
        forbund=insats.forbund,
        request=request,
        detail={
            "insats": insats.pk,
            "ar": ar,
            "budgetposter": len(poster),
            "kostnader": len(rader),
        },
    )
    return ekonomi


def _felnyckel(obj, falt: str) -> str:
    """The form field an error of a budget or cost row belongs to."""
    if isinstance(obj, Kostnad):
        return f"kostnad_{obj.manad}_{obj.kostnadstyp}"
    return f"{'prognos' if falt == 'prognos' else 'budget'}_{obj.kostnadstyp}"
