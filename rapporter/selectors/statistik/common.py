"""What the statistics count, and the few SQL shapes every table is built from.

Every figure is one aggregate query (or part of one), grouped by kön in the
database; Python only adds up the three kön rows of a result into the total and
lays the codes of a code list out as rows. Nothing loops over participants.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.db.models import (
    Case,
    Count,
    F,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils.translation import gettext as _

from deltagare.koder import VagUt
from deltagare.models import Inskrivning
from rapporter.period import Period
from rapporter.tabell import KON_NYCKLAR, Rad
from remisser.models import Remiss, Status
from samverkan.dbfunktioner import DagarMellan  # noqa: F401 (the statistics' own name)
from samverkan.models import Insats, Organisation

FELREG = VagUt.FELREGISTRERING
OKAND = "okand"
EJ_REGISTRERAD = "ej_registrerad"


def kon_nyckel(falt: str) -> Case:
    """kvinna, man, or annat for anything else (annat, or not given: "")."""
    return Case(
        When(**{falt: "kvinna"}, then=Value("kvinna")),
        When(**{falt: "man"}, then=Value("man")),
        default=Value("annat"),
    )


def tom_rad() -> dict[str, int]:
    return {k: 0 for k in (*KON_NYCKLAR, "totalt")}


@dataclass(frozen=True)
class Urval:
    """The enrolments and remisser a call of statistik() is about."""

    forbund: object
    period: Period
    insats: object | None = None

    def __post_init__(self):
        if self.insats is not None and self.insats.forbund_id != self.forbund.pk:
            raise ValueError("Insatsen hör inte till förbundet.")

    @cached_property
    def insats_ids(self) -> list[int]:
        """The insatser counted, read once: every query then filters on the enrolments'
        own indexed column instead of joining the insatser again."""
        if self.insats is not None:
            return [self.insats.pk]
        return list(
            Insats.objects.filter(forbund=self.forbund, typ=Insats.Typ.INDIVID).values_list(
                "pk", flat=True
            )
        )

    def insats_q(self, prefix: str = "insats") -> Q:
        return Q(**{f"{prefix}_id__in": self.insats_ids})

    def raknas_q(self, prefix: str = "") -> Q:
        """An enrolment that counts at all: of the insatser counted, enrolled (a date),
        and not a felregistrering. `prefix` applies it across a join
        (`"inskrivning__"`), where IN (…) would read every enrolment of the förbund."""
        return self.insats_q(f"{prefix}insats") & Q(
            **{f"{prefix}inskrivningsdatum__isnull": False, f"{prefix}felregistrerad": False}
        )

    def inskrivningar(self):
        """Enrolments that count at all (`raknas_q`)."""
        return Inskrivning.objects.filter(self.raknas_q()).order_by()

    def aktiva(self):
        """Active at some day of the period: enrolled by its last day, not exited before
        its first."""
        p = self.period
        return self.inskrivningar().filter(
            Q(avslutsdatum__isnull=True) | Q(avslutsdatum__gte=p.start),
            inskrivningsdatum__lte=p.slut,
        )

    def avslutade(self):
        """Exited during the period."""
        return self.inskrivningar().filter(
            avslutsdatum__gte=self.period.start, avslutsdatum__lte=self.period.slut
        )

    def beslutade_remisser(self):
        """Remisser decided (accepted or declined) on a day of the period, local time."""
        return Remiss.objects.filter(
            self.insats_q(),
            status__in=[Status.ANTAGEN, Status.AVBOJD],
            beslutad__date__gte=self.period.start,
            beslutad__date__lte=self.period.slut,
        ).order_by()

    @cached_property
    def organisationer(self) -> list[dict]:
        """The förbund's partner organisations (one query, shared by two tables)."""
        return list(
            Organisation.objects.filter(forbund=self.forbund)
            .order_by("typ", "namn", "pk")
            .values("pk", "uuid", "namn", "typ", "kommunkod", "aktiv")
        )


def rakna(qs, *, kon: str = "deltagare__kon", grupp=(), **matt) -> dict:
    """One grouped aggregate: `{matt: {grupp: {kvinna, man, annat, totalt}}}`.

    The query groups by kön and by the expressions in `grupp` (the key is the value of
    the one expression, a tuple of values for several, None for none). The total is the
    sum of the kön rows, which is right even for distinct persons: a person has one kön.
    """
    matt = matt or {"antal": Count("pk")}
    grupp = grupp if isinstance(grupp, list | tuple) else [grupp]
    alias = {f"_g{i}": uttryck for i, uttryck in enumerate(grupp)}
    rader = qs.values(_kon=kon_nyckel(kon), **alias).annotate(**matt).order_by()
    resultat = {namn: defaultdict(tom_rad) for namn in matt}
    for rad in rader:
        nyckel = tuple(rad[a] for a in alias)
        nyckel = nyckel[0] if len(nyckel) == 1 else (nyckel or None)
        for namn in matt:
            celler = resultat[namn][nyckel]
            celler[rad["_kon"]] += rad[namn]
            celler["totalt"] += rad[namn]
    return resultat


def median(qs, varde, *, kon: str = "deltagare__kon") -> tuple[dict, dict]:
    """The median of `varde` per kön and in total, in one query: each row is numbered
    within its kön and overall, and only the middle one or two rows of each come back.
    Returns `(medianer, antal)`, both keyed kvinna, man, annat, totalt; the median is
    None where there is nothing to take it of."""
    # Row r of n is a middle row when n ≤ 2r ≤ n + 2 (the middle one, or the two).
    qs = (
        qs.annotate(_v=varde, _k=kon_nyckel(kon))
        .filter(_v__isnull=False)
        .annotate(
            _rk=Window(RowNumber(), partition_by=[F("_k")], order_by=[F("_v").asc()]),
            _nk=Window(Count("pk"), partition_by=[F("_k")]),
            _ra=Window(RowNumber(), order_by=[F("_v").asc()]),
            _na=Window(Count("pk")),
        )
        .annotate(
            _mitt=Case(
                When(_mitten_av("_rk", "_nk") | _mitten_av("_ra", "_na"), then=Value(1)),
                default=Value(0),
            )
        )
        .filter(_mitt=1)
        .values("_k", "_v", "_rk", "_nk", "_ra", "_na")
        .order_by()
    )
    mitten: dict[str, list] = defaultdict(list)
    antal = dict.fromkeys((*KON_NYCKLAR, "totalt"), 0)
    for rad in qs:
        if rad["_nk"] <= 2 * rad["_rk"] <= rad["_nk"] + 2:
            mitten[rad["_k"]].append(rad["_v"])
            antal[rad["_k"]] = rad["_nk"]
        if rad["_na"] <= 2 * rad["_ra"] <= rad["_na"] + 2:
            mitten["totalt"].append(rad["_v"])
            antal["totalt"] = rad["_na"]
    return {k: _mitten(mitten[k]) for k in antal}, antal


def _mitten_av(nummer: str, antal: str) -> Q:
    dubbelt = F(nummer) * 2
    return Q(GreaterThanOrEqual(dubbelt, F(antal))) & Q(LessThanOrEqual(dubbelt, F(antal) + 2))


def _mitten(varden: list) -> int | float | None:
    if not varden:
        return None
    m = sum(varden) / len(varden)
    return int(m) if m == int(m) else m


def andel(taljare: int, underlag: int) -> float | None:
    """A percentage 0–100 with one decimal; None when there is nothing to divide."""
    return round(100 * taljare / underlag, 1) if underlag else None


def rad(nyckel: str, etikett, celler: dict | None, **extra) -> Rad:
    celler = celler or tom_rad()
    return Rad(
        str(etikett),
        {k: celler.get(k, 0) for k in (*KON_NYCKLAR, "totalt")},
        nyckel=nyckel,
        **extra,
    )


def summa(rader: list[Rad]) -> Rad:
    """The total row of a table where every enrolment sits in exactly one row."""
    return Rad(
        _("Totalt"),
        {k: sum(r.varden[k] for r in rader) for k in (*KON_NYCKLAR, "totalt")},
        nyckel="totalt",
    )


def kodrader(koder, resultat: dict, *, utom=()) -> list[Rad]:
    """One row per code of a code list, in its order, zero where nothing was counted."""
    return [rad(k.value, k.label, resultat.get(k.value)) for k in koder if k.value not in utom]
