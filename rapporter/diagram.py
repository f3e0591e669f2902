"""Bar charts drawn on the server as inline SVG, for the web page and the PDF alike.

Why this way: no JavaScript and no files to fetch (the page works without
scripts, WeasyPrint draws the same markup into the PDF), and the chart reads
the protected Tabell, so it can never show what the table hides.

Accessibility: the SVG is one image (`role="img"`) named by its <title> and
described by a <desc> that lists every value; every bar has its value printed
beside it; the series differ by colour (each at least 3:1 against white) and by
fill pattern, with a legend. Hidden cells get no bar, only their text ("<5", "..").

The Content-Security-Policy forbids inline styles, so everything is drawn with
presentation attributes; only basic elements are used (svg, title, desc, defs,
pattern, g, rect, path, line, text, tspan), which WeasyPrint renders.
"""

from __future__ import annotations

import math
import re
import textwrap

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from rapporter.sekretess.villkor import celltyp
from rapporter.tabell import ANDEL, ANTAL, BELOPP, DAGAR, KON_NYCKLAR, TAL, Dold, Kolumn, Tabell
from rapporter.templatetags.rapporter import formatera

NUMERISKA = (ANTAL, ANDEL, DAGAR, TAL, BELOPP)

# (colour, pattern): each colour has at least 3:1 contrast against white (WCAG 1.4.11).
SERIER = [
    ("#0a4fb5", "hel"),  # blue 7.5:1, solid
    ("#a33a00", "rander"),  # rust 6.6:1, diagonal stripes
    ("#2b6e2f", "prickar"),  # green 6.2:1, dots
    ("#6a3d9a", "linjer"),  # purple 7.6:1, horizontal lines
    ("#4a535c", "rutor"),  # slate 7.8:1, checks
]
TEXTFARG = "#1a1a1a"
AXELFARG = "#595959"
RUTNAT = "#d9d9d9"
TOM = SafeString("")
FONT = "'Source Sans 3', system-ui, sans-serif"

BREDD = 720
ETIKETT_BREDD = 220  # the row labels on the left
VARDE_BREDD = 72  # room for the value printed after the longest bar
STAPEL = 14
STAPEL_LUCKA = 3
GRUPP_LUCKA = 12
RADHOJD = 15  # of a wrapped row label
TECKEN = 6.8  # a rough width of one character at font-size 13, for layout only


def stapeldiagram(
    tabell: Tabell, *, kolumner: list[str] | None = None, max_rader: int = 20
) -> SafeString:
    """A horizontal grouped bar chart of a (protected) table: one group per row
    (not the summa row), one bar per kön column (or per `kolumner`, or per
    numeric column when the table has no kön columns). '' when there is nothing
    to draw or more than `max_rader` rows (the table alone reads better then)."""
    serier = _serier(tabell, kolumner)
    if not serier:
        return TOM
    typ = serier[0].typ
    rader = [r for r in tabell.rader if all(celltyp(r, k) == typ for k in serier) and r.varden]
    if not rader or len(rader) > max_rader:
        return TOM
    varden = [v for r in rader for k in serier if _tal(v := r.varden.get(k.nyckel))]
    if not varden:
        return TOM
    return mark_safe(_Ritning(tabell, serier, rader, typ).svg())  # noqa: S308 - escaped below


def _tal(v) -> bool:
    return v is not None and not isinstance(v, bool | str | Dold)


def _serier(tabell: Tabell, kolumner: list[str] | None) -> list[Kolumn]:
    efter_nyckel = {k.nyckel: k for k in tabell.kolumner}
    if kolumner is not None:
        valda = [efter_nyckel[n] for n in kolumner if n in efter_nyckel]
    elif any(n in efter_nyckel for n in KON_NYCKLAR):
        valda = [efter_nyckel[n] for n in KON_NYCKLAR if n in efter_nyckel]
    else:
        valda = [k for k in tabell.kolumner if k.nyckel != tabell.radsumma]
    valda = [k for k in valda if k.typ in NUMERISKA]
    # One axis: the series must be of one type (counts and shares do not share a scale).
    return [k for k in valda if k.typ == valda[0].typ][: len(SERIER)] if valda else []


def _id(nyckel: str) -> str:
    return "diagram-" + (re.sub(r"[^a-z0-9]+", "-", nyckel.lower()).strip("-") or "tabell")


def _rund(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


def _skalmax(typ: str, storsta: float) -> tuple[float, float]:
    """The axis maximum and tick step: 0–100 for shares, else a round number."""
    if typ == ANDEL:
        return 100.0, 25.0
    if storsta <= 0:
        return 1.0, 1.0
    steg_grov = storsta / 4
    magnitud = 10 ** math.floor(math.log10(steg_grov))
    for faktor in (1, 2, 2.5, 5, 10):
        steg = faktor * magnitud
        if steg >= steg_grov:
            break
    if typ in (ANTAL, DAGAR) and steg < 1:
        steg = 1
    return steg * math.ceil(storsta / steg), steg


class _Ritning:
    def __init__(self, tabell: Tabell, serier: list[Kolumn], rader, typ: str):
        self.tabell = tabell
        self.serier = serier
        self.rader = rader
        self.typ = typ
        self.id = _id(tabell.nyckel)
        storsta = max(
            (float(v) for r in rader for k in serier if _tal(v := r.varden.get(k.nyckel))),
            default=0.0,
        )
        self.max, self.steg = _skalmax(typ, storsta)
        self.x0 = ETIKETT_BREDD
        self.plot = BREDD - ETIKETT_BREDD - VARDE_BREDD

    def svg(self) -> str:
        delar: list[str] = []
        y = self._forklaring(delar, 4)
        topp = y + 6
        y = topp
        staplar: list[str] = []
        for rad in self.rader:
            y = self._grupp(staplar, rad, y)
        botten = y
        delar.append(self._axel(topp, botten))
        delar.extend(staplar)
        hojd = botten + 24
        titel = escape(self.tabell.rubrik)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" '
            f'viewBox="0 0 {BREDD} {_rund(hojd)}" preserveAspectRatio="xMinYMin meet" '
            f'aria-labelledby="{self.id}-titel {self.id}-besk" font-family="{FONT}" '
            f'font-size="13" class="stapeldiagram">'
            f'<title id="{self.id}-titel">{titel}</title>'
            f'<desc id="{self.id}-besk">{escape(self._beskrivning())}</desc>'
            f"<defs>{self._monster()}</defs>" + "".join(delar) + "</svg>"
        )

    def _beskrivning(self) -> str:
        grupper = []
        for rad in self.rader:
            varden = ", ".join(
                f"{k.rubrik} {formatera(rad.varden.get(k.nyckel), self.typ)}" for k in self.serier
            )
            grupper.append(f"{rad.etikett}: {varden}")
        return _("Stapeldiagram. %(grupper)s.") % {"grupper": "; ".join(grupper)}

    def _fyllning(self, n: int) -> str:
        farg, monster = SERIER[n]
        return farg if monster == "hel" else f"url(#{self.id}-m{n})"

    def _monster(self) -> str:
        delar = []
        for n, _k in enumerate(self.serier):
            farg, monster = SERIER[n]
            if monster == "hel":
                continue
            innehall = {
                "rander": (
                    f'<path d="M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6" stroke="{farg}" '
                    f'stroke-width="2.5"/>'
                ),
                "prickar": f'<rect x="1" y="1" width="3.5" height="3.5" fill="{farg}"/>',
                "linjer": f'<rect x="0" y="0" width="8" height="3" fill="{farg}"/>',
                "rutor": (
                    f'<rect x="0" y="0" width="4" height="4" fill="{farg}"/>'
                    f'<rect x="4" y="4" width="4" height="4" fill="{farg}"/>'
                ),
            }[monster]
            storlek = 6 if monster == "prickar" else 8
            delar.append(
                f'<pattern id="{self.id}-m{n}" width="{storlek}" height="{storlek}" '
                f'patternUnits="userSpaceOnUse">'
                f'<rect width="{storlek}" height="{storlek}" fill="#ffffff"/>{innehall}</pattern>'
            )
        return "".join(delar)

    def _forklaring(self, delar: list[str], y: float) -> float:
        """The legend, wrapped onto more lines when needed; returns the y below it."""
        x = float(self.x0)
        rad_y = y
        for n, kolumn in enumerate(self.serier):
            farg, _m = SERIER[n]
            bredd = 22 + len(kolumn.rubrik) * TECKEN + 18
            if x + bredd > BREDD and x > self.x0:
                x, rad_y = float(self.x0), rad_y + 20
            delar.append(
                f'<rect x="{_rund(x)}" y="{_rund(rad_y)}" width="16" height="12" '
                f'fill="{self._fyllning(n)}" stroke="{farg}" stroke-width="1"/>'
                f'<text x="{_rund(x + 22)}" y="{_rund(rad_y + 10.5)}" fill="{TEXTFARG}">'
                f"{escape(kolumn.rubrik)}</text>"
            )
            x += bredd
        return rad_y + 20

    def _grupp(self, delar: list[str], rad, y: float) -> float:
        rader = _radbryt(rad.etikett)
        staplar_hojd = len(self.serier) * STAPEL + (len(self.serier) - 1) * STAPEL_LUCKA
        hojd = max(staplar_hojd, len(rader) * RADHOJD)
        mitt = y + GRUPP_LUCKA / 2 + hojd / 2
        forsta = mitt - (len(rader) - 1) * RADHOJD / 2 + 4.5
        tspan = "".join(
            f'<tspan x="{self.x0 - 8}" y="{_rund(forsta + n * RADHOJD)}">{escape(t)}</tspan>'
            for n, t in enumerate(rader)
        )
        delar.append(f'<g><text text-anchor="end" fill="{TEXTFARG}">{tspan}</text>')
        stapel_y = mitt - staplar_hojd / 2
        for n, kolumn in enumerate(self.serier):
            v = rad.varden.get(kolumn.nyckel)
            text_x = self.x0 + 4
            if _tal(v) and float(v) > 0:
                bredd = max(float(v) / self.max * self.plot, 1.0)
                farg, _m = SERIER[n]
                delar.append(
                    f'<rect x="{self.x0}" y="{_rund(stapel_y)}" width="{_rund(bredd)}" '
                    f'height="{STAPEL}" fill="{self._fyllning(n)}" stroke="{farg}" '
                    f'stroke-width="1"/>'
                )
                text_x = self.x0 + bredd + 4
            delar.append(
                f'<text x="{_rund(text_x)}" y="{_rund(stapel_y + STAPEL - 3)}" '
                f'font-size="12" fill="{TEXTFARG}">{escape(formatera(v, self.typ))}</text>'
            )
            stapel_y += STAPEL + STAPEL_LUCKA
        delar.append("</g>")
        return y + GRUPP_LUCKA + hojd

    def _axel(self, topp: float, botten: float) -> str:
        delar = []
        antal = round(self.max / self.steg)
        for n in range(antal + 1):
            varde = n * self.steg
            x = self.x0 + varde / self.max * self.plot
            delar.append(
                f'<line x1="{_rund(x)}" y1="{_rund(topp)}" x2="{_rund(x)}" '
                f'y2="{_rund(botten)}" stroke="{RUTNAT if n else AXELFARG}" stroke-width="1"/>'
                f'<text x="{_rund(x)}" y="{_rund(botten + 16)}" text-anchor="middle" '
                f'font-size="11" fill="{AXELFARG}">{escape(formatera(varde, self.typ))}</text>'
            )
        return "<g>" + "".join(delar) + "</g>"


def _radbryt(etikett: str, bredd: int = 30, max_rader: int = 3) -> list[str]:
    rader = textwrap.wrap(str(etikett), bredd, break_long_words=True) or [""]
    if len(rader) > max_rader:
        rader = [
            *rader[: max_rader - 1],
            textwrap.shorten(" ".join(rader[max_rader - 1 :]), bredd, placeholder=" …"),
        ]
    return rader
