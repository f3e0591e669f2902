"""The one shape every figure travels in: selectors fill it, suppression hides
cells in it, and the page, the charts, the PDF and the exports all read it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

Varde = int | float | Decimal | str | None

# Column types: what a cell holds and how it is protected.
ANTAL = "antal"  # a count of persons or enrolments: primary and secondary suppression
ANDEL = "andel"  # a percentage 0–100 of `underlag`; hidden when a count behind it is small
DAGAR = "dagar"  # a median number of days over `underlag` persons; hidden when underlag is small
BELOPP = "belopp"  # kronor; about money, not persons: never suppressed
TAL = "tal"  # any other figure not about persons (targets, rates): never suppressed
TEXT = "text"  # a word such as "Ja"/"Nej": never suppressed
# The difference of two ANTAL columns of the same row (`Kolumn.av`): hidden when either is.
SKILLNAD = "skillnad"


@dataclass(frozen=True)
class Kolumn:
    nyckel: str
    rubrik: str
    typ: str = ANTAL
    av: tuple[str, str] | None = None  # SKILLNAD: (minuend, subtrahend) column keys


def kon_kolumner(typ: str = ANTAL) -> list[Kolumn]:
    """The default split of every report: by kön, with the total last."""
    return [
        Kolumn("kvinna", str(_("Kvinnor")), typ),
        Kolumn("man", str(_("Män")), typ),
        Kolumn("annat", str(_("Annat/ej uppgett")), typ),
        Kolumn("totalt", str(_("Totalt")), typ),
    ]


KON_NYCKLAR = ("kvinna", "man", "annat")


@dataclass(frozen=True)
class Dold:
    """A hidden cell. Primary: the count itself is small. Secondary: hidden so
    that a small count cannot be worked out from totals or other cells; when the
    shown figures already bound it, it carries that interval (`spann`, lowest and
    highest value they allow) and is shown as "32–35" instead of "..". Set only by
    rapporter.sekretess."""

    grans: int
    sekundar: bool = False
    spann: tuple[int, int] | None = None

    @property
    def markering(self) -> str:
        """The mark of the kind of hiding, whether or not an interval is known."""
        return ".." if self.sekundar else f"<{self.grans}"

    def __str__(self) -> str:
        if self.spann is not None:
            return f"{self.spann[0]}–{self.spann[1]}"
        return self.markering


@dataclass
class Rad:
    etikett: str
    varden: dict[str, Varde | Dold]
    # For ANDEL and DAGAR columns: how many persons/enrolments the value rests on,
    # and for ANDEL the numerator. Keyed like `varden`.
    underlag: dict[str, int] = field(default_factory=dict)
    taljare: dict[str, int] = field(default_factory=dict)
    nyckel: str = ""  # the code behind the label, for exports and tests
    typ: str = ""  # overrides the columns' type for every cell of this row (e.g. a median row)


@dataclass
class Tabell:
    nyckel: str  # stable slug: file names of exports, anchors, tests
    rubrik: str
    radrubrik: str
    kolumner: list[Kolumn]
    rader: list[Rad]
    # The total row, when the rows add up to it (one row per person/enrolment).
    # Tables where one person can sit in several rows (försörjning) have none.
    summa: Rad | None = None
    beskrivning: str = ""
    # The column that is the sum of the other ANTAL columns of its row, if any.
    radsumma: str | None = "totalt"
    # False for tables not about persons (economy): nothing is suppressed.
    skyddas: bool = True
    # Set by suppression: the threshold used, so the page can explain "<5".
    grans: int | None = None
    # Set by suppression when no cell of the table could be shown safely.
    undanhallen: bool = False
    # Figures beside the table that the report's summary reads (the economy's
    # granted funds); never about persons.
    extra: dict = field(default_factory=dict)

    def rad(self, nyckel: str) -> Rad:
        for rad in self.rader:
            if rad.nyckel == nyckel:
                return rad
        raise KeyError(nyckel)

    def alla_rader(self) -> list[Rad]:
        return [*self.rader, *([self.summa] if self.summa else [])]

    def kopia(self) -> Tabell:
        return replace(
            self,
            rader=[replace(r, varden=dict(r.varden)) for r in self.rader],
            summa=replace(self.summa, varden=dict(self.summa.varden)) if self.summa else None,
        )


@dataclass
class Avsnitt:
    """A section of the statistics page and the report: a heading and its tables."""

    nyckel: str
    rubrik: str
    tabeller: list[Tabell]
    text: str = ""
