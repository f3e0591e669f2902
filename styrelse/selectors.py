"""The förbund's economy for a year (the economic report to the board): income
from the huvudmän by FINSAM's split, costs per insats from the insatser's own
economy (rapporter), result to date, prognosis, eget kapital against the
recommended limit, and the room left for new grants. Aggregated in the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DecimalField, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from rapporter.models import Budgetpost, Ekonomi, Kostnad
from rapporter.selectors.ekonomi import arssumma
from samverkan.models import Insats, Medlemskap, Organisation, Roll
from styrelse.models import ForbundEkonomiAr, Forbundsinstallning

BELOPP = DecimalField(max_digits=14, decimal_places=0)


@dataclass
class Intakt:
    namn: str
    belopp: int
    andel: str = ""


@dataclass
class InsatsRad:
    namn: str
    beviljat: int
    utfall: int
    prognos: int


@dataclass
class Forbundsekonomi:
    ar: int
    registrerad: bool
    intakter: list[Intakt] = field(default_factory=list)
    intakter_totalt: int = 0
    insatser: list[InsatsRad] = field(default_factory=list)
    administration: int = 0
    manader: int = 0
    kostnader_hittills: int = 0
    resultat_hittills: int = 0
    kostnader_prognos: int = 0
    resultat_prognos: int = 0
    ingaende_eget_kapital: int = 0
    utgaende_eget_kapital: int = 0
    grans_procent: Decimal = Decimal(20)
    grans: int = 0
    utrymme: int = 0


def forbundets_ekonomi(*, forbund, ar: int) -> Forbundsekonomi:
    rad = (
        ForbundEkonomiAr.objects.filter(forbund=forbund, ar=ar)
        .prefetch_related("kommunandelar__organisation")
        .first()
    )
    installning = Forbundsinstallning.objects.filter(forbund=forbund).first()
    e = Forbundsekonomi(ar=ar, registrerad=rad is not None)
    if installning is not None:
        e.grans_procent = installning.eget_kapital_grans_procent

    # Income: the state half through Försäkringskassan; the region and the
    # kommuner a quarter each, the kommuner's quarter split by their shares.
    if rad is not None:
        staten = int(rad.statligt_bidrag)
        kvart = staten // 2
        e.intakter.append(Intakt(_("Staten via Försäkringskassan"), staten, "50 %"))
        regioner = list(
            Organisation.objects.filter(forbund=forbund, typ=Organisation.Typ.REGION).values_list(
                "namn", flat=True
            )
        )
        e.intakter.append(Intakt(regioner[0] if regioner else _("Regionen"), kvart, "25 %"))
        andelar = list(rad.kommunandelar.all())
        if andelar:
            for k in andelar:
                belopp = int(Decimal(kvart) * k.andel_procent / 100)
                andel = f"{k.andel_procent * Decimal('0.25'):.2f} %".replace(".", ",")
                e.intakter.append(Intakt(k.organisation.namn, belopp, andel))
        else:
            e.intakter.append(Intakt(_("Kommunerna"), kvart, "25 %"))
        e.intakter.append(Intakt(_("Övriga intäkter"), int(rad.ovriga_intakter)))
        e.intakter_totalt = sum(i.belopp for i in e.intakter)
        e.administration = int(rad.administration)
        e.ingaende_eget_kapital = int(rad.ingaende_eget_kapital)

    beviljat = Ekonomi.objects.filter(insats=OuterRef("pk"), ar=ar).values("beviljat")[:1]
    insatser = (
        Insats.objects.filter(forbund=forbund)
        .filter(Q(ekonomi__ar=ar))
        .distinct()
        .annotate(
            beviljat_ar=Coalesce(
                Subquery(beviljat, output_field=BELOPP), Value(0), output_field=BELOPP
            ),
            utfall=arssumma(Kostnad, "belopp", ar),
            prognos=arssumma(Budgetpost, None, ar, Coalesce("prognos", "budget")),
        )
        .order_by("namn")
    )
    for i in insatser:
        # With no budget the grant is the best prognosis of what it will cost.
        prognos = int(i.prognos) or int(i.beviljat_ar)
        e.insatser.append(InsatsRad(i.namn, int(i.beviljat_ar), int(i.utfall), prognos))

    e.manader = (
        Kostnad.objects.filter(ekonomi__insats__forbund=forbund, ekonomi__ar=ar).aggregate(
            m=Max("manad")
        )["m"]
        or 0
    )
    utfall = sum(r.utfall for r in e.insatser)
    e.kostnader_hittills = utfall + e.administration * e.manader // 12
    e.resultat_hittills = e.intakter_totalt * e.manader // 12 - e.kostnader_hittills
    e.kostnader_prognos = sum(r.prognos for r in e.insatser) + e.administration
    e.resultat_prognos = e.intakter_totalt - e.kostnader_prognos
    e.utgaende_eget_kapital = e.ingaende_eget_kapital + e.resultat_prognos
    e.grans = int(Decimal(e.intakter_totalt) * e.grans_procent / 100)
    e.utrymme = max(0, e.utgaende_eget_kapital - e.grans)
    return e


def kallelsens_mottagare(forbund_id) -> list[str]:
    """The e-mail addresses of the förbund's board members today (active accounts)."""
    return sorted(
        set(
            Medlemskap.objects.aktiva()
            .filter(forbund_id=forbund_id, roll=Roll.STYRELSE, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )
