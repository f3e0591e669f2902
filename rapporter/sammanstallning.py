"""One assembly of the figures for a period, shared by the statistics page,
the board PDF and the `rapport` command, so that they always agree."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from rapporter.avsnitt import extra_avsnitt
from rapporter.diagram import stapeldiagram
from rapporter.period import Period
from rapporter.sekretess import skydda_avsnitt
from rapporter.selectors.ekonomi import ekonomi
from rapporter.selectors.mal import malupfyllelse
from rapporter.selectors.statistik import statistik
from rapporter.tabell import Avsnitt, Dold, Tabell
from samverkan.pdf import render_pdf

# Tables drawn as charts as well; the rest are tables only.
DIAGRAM = {
    "alder",
    "utbildning",
    "remittent",
    "forsorjning_start",
    "forsorjning_avslut",
    "sysselsattning_start",
    "sysselsattning_avslut",
    "vag_ut",
    "ansvarig_efter",
    "aktivitetstyp",
}


@dataclass
class Nyckeltal:
    rubrik: str
    varde: object  # int, float, Dold or None
    enhet: str = ""

    @property
    def text(self) -> str:
        if self.varde is None:
            return "–"
        if isinstance(self.varde, Dold | str):
            return str(self.varde)
        if isinstance(self.varde, float):
            tal = f"{self.varde:.1f}".replace(".", ",")
        else:
            tal = f"{self.varde:,}".replace(",", "\u00a0")
        return f"{tal}\u00a0{self.enhet}" if self.enhet else tal


@dataclass
class Sammanstallning:
    forbund: object
    insats: object | None
    period: Period
    avsnitt: list[Avsnitt]
    nyckeltal: list[Nyckeltal]
    grans: int | None  # None: exact figures
    skapad: object = field(default_factory=timezone.now)

    @property
    def omfang(self) -> str:
        return self.insats.namn if self.insats else _("Hela förbundet")

    def tabell(self, nyckel: str) -> Tabell:
        for avsnitt in self.avsnitt:
            for tabell in avsnitt.tabeller:
                if tabell.nyckel == nyckel:
                    return tabell
        raise KeyError(nyckel)

    def alla_tabeller(self) -> list[Tabell]:
        return [t for a in self.avsnitt for t in a.tabeller]


def sammanstall(*, forbund, period: Period, insats=None, exakt: bool = False) -> Sammanstallning:
    """Statistics, goal fulfilment and economy for the period, protected by the
    förbund's small-cell threshold unless `exakt` (never for board material)."""
    avsnitt = statistik(forbund=forbund, period=period, insats=insats)
    avsnitt.append(
        Avsnitt(
            "mal",
            _("Måluppfyllelse"),
            [malupfyllelse(forbund=forbund, period=period, insats=insats)],
        )
    )
    avsnitt.append(
        Avsnitt("ekonomi", _("Ekonomi"), [ekonomi(forbund=forbund, period=period, insats=insats)])
    )
    grans = None if exakt else forbund.smacellsgrans
    if grans is not None:
        avsnitt = skydda_avsnitt(avsnitt, grans)
    for a in avsnitt:
        for t in a.tabeller:
            t.diagram = stapeldiagram(t) if t.nyckel in DIAGRAM else ""
    # Sections of later apps (enkäter), already protected and drawn: rapporter/avsnitt.py.
    avsnitt += extra_avsnitt(forbund=forbund, period=period, insats=insats, grans=grans)
    resultat = Sammanstallning(forbund, insats, period, avsnitt, [], grans)
    resultat.nyckeltal = _nyckeltal(resultat)
    return resultat


def _nyckeltal(s: Sammanstallning) -> list[Nyckeltal]:
    """The summary on the first page, read from the protected tables so it can
    never show what the tables hide."""
    oversikt = s.tabell("oversikt")
    mal = s.tabell("mal")
    uppfyllda = sum(1 for r in mal.rader if r.varden.get("uppfyllt") == _("Ja"))
    return [
        Nyckeltal(_("Aktiva deltagare"), oversikt.rad("aktiva").varden["totalt"]),
        Nyckeltal(_("Nya deltagare"), oversikt.rad("nya").varden["totalt"]),
        Nyckeltal(_("Avslutade"), oversikt.rad("avslutade").varden["totalt"]),
        Nyckeltal(
            _("Till arbete eller studier"),
            s.tabell("arbete_studier").rader[0].varden["totalt"],
            "%",
        ),
        Nyckeltal(
            _("Dagar i insatsen (median)"),
            s.tabell("dagar_i_insats").rader[0].varden["totalt"],
        ),
        Nyckeltal(
            _("Svarstid på remiss, dagar (median)"),
            s.tabell("svarstid").rad("median").varden["totalt"],
        ),
        Nyckeltal(
            _("Uppfyllda mål"),
            _("%(n)s av %(m)s") % {"n": uppfyllda, "m": len(mal.rader)} if mal.rader else None,
        ),
    ]


def rapport_titel(typ_namn: str, s: Sammanstallning) -> str:
    return f"{typ_namn} {s.period.namn} – {s.omfang}"


def skapa_pdf(*, forbund, period: Period, insats=None, rapport=None, typ_namn: str = "") -> bytes:
    """The board report as PDF/UA. Always suppressed: it is a public document."""
    s = sammanstall(forbund=forbund, period=period, insats=insats)
    typ_namn = typ_namn or (rapport.get_typ_display() if rapport else _("Rapport"))
    titel = rapport_titel(typ_namn, s)
    return render_pdf(
        "pdf/rapport.html",
        {"s": s, "rapport": rapport, "typ_namn": typ_namn, "Dold": Dold},
        title=titel,
    )
