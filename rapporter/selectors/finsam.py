"""Uppföljning Finsam: what the national successor of SUS asks of a förbund per year.

Counts per insats split by kön, the number reached by strukturövergripande
insatser, and money per insats. Three queries, whatever the data.
"""

from __future__ import annotations

import datetime

from django.db.models import (
    Count,
    DecimalField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from rapporter.models import Budgetpost, Ekonomi, Kostnad
from rapporter.selectors.ekonomi import arssumma
from rapporter.tabell import BELOPP, KON_NYCKLAR, TAL, Kolumn, Rad, Tabell, kon_kolumner
from samverkan.models import Insats


def finsam(*, forbund, ar: int) -> list[Tabell]:
    return [
        _individ(forbund, ar),
        _struktur(forbund, ar),
        _ekonomi(forbund, ar),
    ]


def _under_aret(ar: int) -> Q:
    """Insatser running at some day of the year."""
    return Q(startdatum__lte=datetime.date(ar, 12, 31)) & (
        Q(slutdatum__isnull=True) | Q(slutdatum__gte=datetime.date(ar, 1, 1))
    )


def _individ(forbund, ar: int) -> Tabell:
    """Persons active in each individinriktad insats during the year, by kön.

    A person counts once per insats (several enrolments in the same insats are one
    participant there) and once in each insats they took part in.
    """
    aktiv = Q(inskrivningar__inskrivningsdatum__lte=datetime.date(ar, 12, 31)) & (
        Q(inskrivningar__avslutsdatum__isnull=True)
        | (
            Q(inskrivningar__avslutsdatum__gte=datetime.date(ar, 1, 1))
            & Q(inskrivningar__felregistrerad=False)
        )
    )
    antal = {
        kon: Count(
            "inskrivningar__deltagare",
            distinct=True,
            filter=aktiv & Q(inskrivningar__deltagare__kon=kon),
        )
        for kon in KON_NYCKLAR
    }
    insatser = (
        Insats.objects.filter(forbund=forbund, typ=Insats.Typ.INDIVID)
        .annotate(**antal, totalt=Count("inskrivningar__deltagare", distinct=True, filter=aktiv))
        .filter(_under_aret(ar) | Q(totalt__gt=0))
        .order_by("namn", "pk")
    )
    rader = [
        Rad(
            etikett=i.namn,
            varden={k: getattr(i, k) for k in (*KON_NYCKLAR, "totalt")},
            nyckel=str(i.uuid),
        )
        for i in insatser
    ]
    return Tabell(
        nyckel="finsam_individ",
        rubrik=_("Deltagare i individinriktade insatser %(ar)s") % {"ar": ar},
        radrubrik=_("Insats"),
        kolumner=kon_kolumner(),
        rader=rader,
        summa=_summa(rader, (*KON_NYCKLAR, "totalt")),
        beskrivning=_(
            "Personer som var inskrivna någon dag under året. En person räknas en gång "
            "per insats, också med flera inskrivningar där; den som deltagit i flera "
            "insatser räknas i var och en. Felregistreringar räknas inte."
        ),
    )


def _struktur(forbund, ar: int) -> Tabell:
    nadda = Ekonomi.objects.filter(insats=OuterRef("pk"), ar=ar).values("antal_nadda")[:1]
    insatser = (
        Insats.objects.filter(forbund=forbund, typ=Insats.Typ.STRUKTUR)
        .annotate(
            antal_nadda=Subquery(nadda), har_ekonomi=Count("ekonomi", filter=Q(ekonomi__ar=ar))
        )
        .filter(_under_aret(ar) | Q(har_ekonomi__gt=0))
        .order_by("namn", "pk")
    )
    rader = [
        Rad(etikett=i.namn, varden={"antal_nadda": i.antal_nadda}, nyckel=str(i.uuid))
        for i in insatser
    ]
    summa = Rad(
        etikett=_("Totalt"),
        varden={"antal_nadda": sum(r.varden["antal_nadda"] or 0 for r in rader)},
        nyckel="totalt",
    )
    return Tabell(
        nyckel="finsam_struktur",
        rubrik=_("Nådda personer i strukturövergripande insatser %(ar)s") % {"ar": ar},
        radrubrik=_("Insats"),
        kolumner=[Kolumn("antal_nadda", _("Antal personer som nåtts"), TAL)],
        rader=rader,
        summa=summa,
        radsumma=None,
        # An aggregate the office reports (course and network attendance), not a
        # count of registered participants: nothing to protect.
        skyddas=False,
        beskrivning=_(
            "Antalet som förbundets kansli har registrerat för året, t.ex. deltagare i "
            "utbildningar och nätverk. Tomt där inget är registrerat."
        ),
    )


def _ekonomi(forbund, ar: int) -> Tabell:
    belopp = DecimalField(max_digits=14, decimal_places=0)
    beviljat = Ekonomi.objects.filter(insats=OuterRef("pk"), ar=ar).values("beviljat")[:1]
    insatser = (
        Insats.objects.filter(forbund=forbund)
        .annotate(
            beviljat=Coalesce(
                Subquery(beviljat, output_field=belopp), Value(0), output_field=belopp
            ),
            budget=arssumma(Budgetpost, "budget", ar),
            prognos=arssumma(Budgetpost, None, ar, Coalesce("prognos", "budget")),
            utfall=arssumma(Kostnad, "belopp", ar),
            har_ekonomi=Count("ekonomi", filter=Q(ekonomi__ar=ar)),
        )
        .filter(_under_aret(ar) | Q(har_ekonomi__gt=0))
        .order_by("namn", "pk")
    )
    nycklar = ("beviljat", "budget", "utfall", "prognos")
    rader = [
        Rad(
            etikett=i.namn,
            varden={k: int(getattr(i, k) or 0) for k in nycklar},
            nyckel=str(i.uuid),
        )
        for i in insatser
    ]
    return Tabell(
        nyckel="finsam_ekonomi",
        rubrik=_("Ekonomi per insats %(ar)s (kronor)") % {"ar": ar},
        radrubrik=_("Insats"),
        kolumner=[
            Kolumn("beviljat", _("Beviljade medel"), BELOPP),
            Kolumn("budget", _("Budget"), BELOPP),
            Kolumn("utfall", _("Utfall"), BELOPP),
            Kolumn("prognos", _("Prognos helår"), BELOPP),
        ],
        rader=rader,
        summa=_summa(rader, nycklar),
        radsumma=None,
        skyddas=False,
        beskrivning=_(
            "Budget och prognos är summan av budgetposterna; prognosen är budgeten där "
            "ingen egen prognos är angiven. Utfallet är årets registrerade kostnader."
        ),
    )


def _summa(rader: list[Rad], nycklar) -> Rad:
    return Rad(
        etikett=_("Totalt"),
        varden={k: sum(r.varden[k] or 0 for r in rader) for k in nycklar},
        nyckel="totalt",
    )
