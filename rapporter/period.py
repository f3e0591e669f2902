"""Reporting periods: quarter, half-year, year or custom dates."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

KVARTAL = "kvartal"
HALVAR = "halvar"
AR = "ar"
EGEN = "egen"

_KOD = re.compile(r"^(?P<ar>\d{4})(?:-(?P<typ>[QqHh])(?P<nr>\d))?$")


@dataclass(frozen=True)
class Period:
    start: datetime.date
    slut: datetime.date  # inclusive
    typ: str = EGEN

    def __post_init__(self):
        if self.slut < self.start:
            raise ValueError(_("Periodens slut kan inte vara före dess början."))

    @classmethod
    def kvartal(cls, ar: int, nr: int) -> Period:
        if nr not in (1, 2, 3, 4):
            raise ValueError(_("Kvartal är 1–4."))
        start = datetime.date(ar, 3 * nr - 2, 1)
        return cls(start, _manadens_slut(ar, 3 * nr), KVARTAL)

    @classmethod
    def halvar(cls, ar: int, nr: int) -> Period:
        if nr not in (1, 2):
            raise ValueError(_("Halvår är 1 eller 2."))
        return cls(datetime.date(ar, 6 * nr - 5, 1), _manadens_slut(ar, 6 * nr), HALVAR)

    @classmethod
    def helar(cls, ar: int) -> Period:
        return cls(datetime.date(ar, 1, 1), datetime.date(ar, 12, 31), AR)

    @classmethod
    def fran_kod(cls, kod: str) -> Period:
        """'2026-Q3', '2026-H1' or '2026'."""
        m = _KOD.match(kod.strip())
        if not m:
            raise ValueError(_("Ange perioden som 2026-Q3, 2026-H1 eller 2026."))
        ar = int(m["ar"])
        if not 2000 <= ar <= 2100:
            raise ValueError(_("Året måste ligga mellan 2000 och 2100."))
        if m["typ"] is None:
            return cls.helar(ar)
        if m["typ"].upper() == "Q":
            return cls.kvartal(ar, int(m["nr"]))
        return cls.halvar(ar, int(m["nr"]))

    @classmethod
    def senaste_hela_kvartal(cls, idag: datetime.date) -> Period:
        nr = (idag.month - 1) // 3  # the current quarter's number minus one
        return cls.kvartal(idag.year - 1, 4) if nr == 0 else cls.kvartal(idag.year, nr)

    @property
    def kod(self) -> str:
        if self.typ == KVARTAL:
            return f"{self.start.year}-Q{(self.start.month + 2) // 3}"
        if self.typ == HALVAR:
            return f"{self.start.year}-H{1 if self.start.month == 1 else 2}"
        if self.typ == AR:
            return f"{self.start.year}"
        return f"{self.start:%Y%m%d}-{self.slut:%Y%m%d}"

    @property
    def namn(self) -> str:
        if self.typ == KVARTAL:
            return _("kvartal %(nr)s %(ar)s") % {
                "nr": (self.start.month + 2) // 3,
                "ar": self.start.year,
            }
        if self.typ == HALVAR:
            return _("halvår %(nr)s %(ar)s") % {
                "nr": 1 if self.start.month == 1 else 2,
                "ar": self.start.year,
            }
        if self.typ == AR:
            return _("år %(ar)s") % {"ar": self.start.year}
        return f"{self.start:%Y-%m-%d} – {self.slut:%Y-%m-%d}"

    @property
    def dagar(self) -> int:
        return (self.slut - self.start).days + 1

    def foregaende(self) -> Period:
        """The period of the same length just before: the previous quarter, half-year
        or year, or as many days before for own dates."""
        if self.typ == KVARTAL:
            nr = (self.start.month + 2) // 3
            return (
                Period.kvartal(self.start.year - 1, 4)
                if nr == 1
                else Period.kvartal(self.start.year, nr - 1)
            )
        if self.typ == HALVAR:
            if self.start.month == 1:
                return Period.halvar(self.start.year - 1, 2)
            return Period.halvar(self.start.year, 1)
        if self.typ == AR:
            return Period.helar(self.start.year - 1)
        slut = self.start - datetime.timedelta(days=1)
        return Period(slut - datetime.timedelta(days=self.dagar - 1), slut, self.typ)

    @property
    def ar_start(self) -> datetime.date:
        """1 January of the period's year: year-to-date figures start here."""
        return datetime.date(self.slut.year, 1, 1)


def _manadens_slut(ar: int, manad: int) -> datetime.date:
    if manad == 12:
        return datetime.date(ar, 12, 31)
    return datetime.date(ar, manad + 1, 1) - datetime.timedelta(days=1)
