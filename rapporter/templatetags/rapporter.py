"""Display of table cells, shared by the web page, the PDF and the charts.

{% load rapporter %}
{% cell rad kolumn %}             the cell as text: "12 345", "35,5 %", "<5"
{% cell rad kolumn as c %}        a Cellvisning: c.text, c.dold, c.numerisk
{% if kolumn|numerisk %}          right-align a column heading
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.translation import gettext as _

from rapporter.sekretess.villkor import celltyp
from rapporter.tabell import ANDEL, BELOPP, DAGAR, SKILLNAD, TEXT, Dold, Kolumn, Rad

register = template.Library()

TUSENTAL = "\u202f"  # narrow no-break space: "12 345"
HARD = "\u00a0"  # no-break space before a unit: "35,5 %"
MINUS = "\u2212"


def _avrunda(varde, decimaler: int) -> Decimal:
    # Half up, as people round by hand (Python's round() rounds half to even).
    return Decimal(str(varde)).quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)


def _siffror(varde, decimaler: int = 0, *, fasta: bool = False) -> str:
    """Swedish digits: thousands apart, decimal comma, a real minus sign. Up to
    `decimaler` decimals; all of them when `fasta`, else trailing zeros dropped."""
    tal = _avrunda(varde, decimaler)
    if not fasta and tal == tal.to_integral_value():
        tal = tal.quantize(Decimal(1))
    text = f"{abs(tal):,}".replace(",", TUSENTAL).replace(".", ",")
    return f"{MINUS}{text}" if tal < 0 else text


def formatera(varde, typ: str) -> str:
    """One cell as Swedish text for display."""
    if varde is None:
        return "–"
    if isinstance(varde, Dold) and varde.spann:
        return "–".join(_siffror(v) for v in varde.spann)
    if isinstance(varde, Dold | str) or typ == TEXT:
        return str(varde)
    if isinstance(varde, bool):
        return _("Ja") if varde else _("Nej")
    if typ == ANDEL:
        return f"{_siffror(varde, 1, fasta=True)}{HARD}%"
    if typ == BELOPP:
        return f"{_siffror(varde)}{HARD}kr"
    if typ == SKILLNAD:
        return f"+{_siffror(varde)}" if varde > 0 else _siffror(varde)
    if typ == DAGAR:
        return _siffror(varde, 1)
    # ANTAL and TAL: whole numbers as they are, anything else with one decimal.
    return _siffror(varde, 1)


@dataclass(frozen=True)
class Cellvisning:
    text: str
    dold: Dold | None
    numerisk: bool
    typ: str

    def __str__(self) -> str:
        return self.text


def cellvisning(rad: Rad, kolumn: Kolumn) -> Cellvisning:
    typ = celltyp(rad, kolumn)
    varde = rad.varden.get(kolumn.nyckel)
    return Cellvisning(
        text=formatera(varde, typ),
        dold=varde if isinstance(varde, Dold) else None,
        numerisk=typ != TEXT,
        typ=typ,
    )


@register.simple_tag(name="cell")
def cell(rad: Rad, kolumn: Kolumn) -> Cellvisning:
    """`{% cell rad kolumn %}` prints the cell's text (escaped); with `as c` the
    template gets the Cellvisning to lay out a hidden cell."""
    return cellvisning(rad, kolumn)


@register.filter
def numerisk(kolumn: Kolumn) -> bool:
    return kolumn.typ != TEXT


@register.filter
def tabell(sammanstallning, nyckel: str):
    """`{% with t=s|tabell:"mal" %}`: one table of a Sammanstallning by its key."""
    return sammanstallning.tabell(nyckel)


@register.filter
def belopp(varde) -> str:
    return formatera(varde, BELOPP)
