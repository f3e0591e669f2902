"""The economy table of the board report: budget, outcome and forecast per cost type."""

from __future__ import annotations

from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from rapporter.models import Budgetpost, Ekonomi, Kostnad, Kostnadstyp
from rapporter.period import Period
from rapporter.tabell import BELOPP, Kolumn, Rad, Tabell


def manadsnamn(manad: int) -> str:
    """The Swedish month name, lower case (1 = januari)."""
    return {
        1: _("januari"),
        2: _("februari"),
        3: _("mars"),
        4: _("april"),
        5: _("maj"),
        6: _("juni"),
        7: _("juli"),
        8: _("augusti"),
        9: _("september"),
        10: _("oktober"),
        11: _("november"),
        12: _("december"),
    }[manad]


def ekonomi(*, forbund, period: Period, insats=None) -> Tabell:
    """Budget, outcome in the period and so far in the year, and forecast, per
    cost type, for the period's year. Summed over every insats when insats=None."""
    ar = period.slut.year
    omfang = Q(ekonomi__insats__forbund=forbund, ekonomi__ar=ar)
    if insats is not None:
        omfang &= Q(ekonomi__insats=insats)

    budget = {
        b["kostnadstyp"]: b
        for b in Budgetpost.objects.filter(omfang)
        .values("kostnadstyp")
        .annotate(summa_budget=Sum("budget"), summa_prognos=Sum(Coalesce("prognos", "budget")))
    }
    # Costs are entered per month: a period counts the months it touches in the year.
    forsta_manad = period.start.month if period.start.year == ar else 1
    utfall = {
        k["kostnadstyp"]: k
        for k in Kostnad.objects.filter(omfang, manad__lte=period.slut.month)
        .values("kostnadstyp")
        .annotate(
            period=Sum("belopp", filter=Q(manad__gte=forsta_manad)),
            ar=Sum("belopp"),
        )
    }

    rader = []
    for typ in Kostnadstyp:
        b = budget.get(typ.value, {})
        k = utfall.get(typ.value, {})
        rader.append(
            _rad(
                typ.label,
                typ.value,
                budget=b.get("summa_budget"),
                period=k.get("period"),
                ar=k.get("ar"),
                prognos=b.get("summa_prognos"),
            )
        )
    summa = Rad(
        etikett=_("Totalt"),
        varden={
            nyckel: sum(r.varden[nyckel] for r in rader)
            for nyckel in ("budget", "utfall_period", "utfall_ar", "prognos", "avvikelse")
        },
        nyckel="totalt",
    )

    ekonomi_qs = Ekonomi.objects.filter(insats__forbund=forbund, ar=ar)
    if insats is not None:
        ekonomi_qs = ekonomi_qs.filter(insats=insats)
    beviljat = int(ekonomi_qs.aggregate(s=Sum("beviljat"))["s"] or 0)

    return Tabell(
        nyckel="ekonomi",
        rubrik=_("Ekonomi %(ar)s (kronor)") % {"ar": ar},
        radrubrik=_("Kostnadstyp"),
        kolumner=[
            Kolumn("budget", _("Budget %(ar)s") % {"ar": ar}, BELOPP),
            Kolumn("utfall_period", _("Utfall under perioden"), BELOPP),
            Kolumn(
                "utfall_ar",
                _("Utfall januari–%(manad)s") % {"manad": manadsnamn(period.slut.month)},
                BELOPP,
            ),
            Kolumn("prognos", _("Prognos helår"), BELOPP),
            Kolumn("avvikelse", _("Avvikelse prognos mot budget"), BELOPP),
        ],
        rader=rader,
        summa=summa,
        radsumma=None,
        skyddas=False,
        beskrivning=_beskrivning(ar, beviljat, summa.varden["budget"]),
        extra={"beviljat": beviljat, "ar": ar},
    )


def _rad(etikett, nyckel, *, budget, period, ar, prognos) -> Rad:
    budget = int(budget or 0)
    prognos = int(prognos if prognos is not None else budget)
    return Rad(
        etikett=str(etikett),
        varden={
            "budget": budget,
            "utfall_period": int(period or 0),
            "utfall_ar": int(ar or 0),
            "prognos": prognos,
            "avvikelse": prognos - budget,
        },
        nyckel=nyckel,
    )


def kronor(belopp: int) -> str:
    """12 500 kr, with a non-breaking space between the thousands."""
    return _("%(belopp)s kr") % {"belopp": f"{belopp:,}".replace(",", "\u00a0")}


def _beskrivning(ar: int, beviljat: int, budget: int) -> str:
    if not beviljat:
        return _(
            "Inga beviljade medel är registrerade för %(ar)s. Prognosen är budgeten "
            "där ingen egen prognos är angiven."
        ) % {"ar": ar}
    andel = f"{100 * budget / beviljat:.1f}".replace(".", ",")
    return _(
        "Beviljade medel för %(ar)s: %(beviljat)s. Budgeten omfattar %(budget)s, "
        "%(andel)s %% av de beviljade medlen. Prognosen är budgeten där ingen egen "
        "prognos är angiven."
    ) % {"ar": ar, "beviljat": kronor(beviljat), "budget": kronor(budget), "andel": andel}


def arssumma(model, falt, ar: int, uttryck=None):
    """Subquery for an `Insats` queryset: the sum of a field (or `uttryck`) of the
    insats's economy rows (`Budgetpost`, `Kostnad`) of the year, 0 when none."""
    belopp = DecimalField(max_digits=14, decimal_places=0)
    qs = (
        model.objects.filter(ekonomi__insats=OuterRef("pk"), ekonomi__ar=ar)
        .order_by()
        .values("ekonomi__insats")
        .annotate(s=Sum(uttryck if uttryck is not None else falt))
        .values("s")
    )
    return Coalesce(Subquery(qs, output_field=belopp), Value(0), output_field=belopp)
