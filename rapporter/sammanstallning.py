"""One assembly of the figures for a period, shared by the statistics page,
the board PDF and the `rapport` command, so that they always agree."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from rapporter.avsnitt import extra_avsnitt
from rapporter.diagram import stapeldiagram
from rapporter.period import Period
from rapporter.sekretess import skydda, skydda_avsnitt
from rapporter.selectors.ekonomi import ekonomi
from rapporter.selectors.mal import malupfyllelse
from rapporter.selectors.statistik import statistik
from rapporter.selectors.statistik.common import Urval
from rapporter.selectors.statistik.deltagare import oversikt
from rapporter.tabell import ANDEL, ANTAL, DAGAR, SKILLNAD, TEXT, Avsnitt, Dold, Tabell
from rapporter.templatetags.rapporter import formatera
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
    """A figure of the summary page, read from the protected tables so that it can
    never show what they hide; beside it the split by kön and the previous period's
    figure with the change, where given."""

    rubrik: str
    varde: object  # int, float, Dold, str or None
    typ: str = ANTAL  # how the figure is written (rapporter.templatetags.rapporter.formatera)
    kvinnor: object = None
    man: object = None
    forra: object = None  # the same figure in the previous period of the same length
    forandring: object = None  # varde − forra; hidden when either is

    @property
    def text(self) -> str:
        return formatera(self.varde, self.typ)

    @property
    def uppdelad(self) -> bool:
        return self.kvinnor is not None

    @property
    def kvinnor_text(self) -> str:
        return formatera(self.kvinnor, ANTAL)

    @property
    def man_text(self) -> str:
        return formatera(self.man, ANTAL)

    @property
    def forra_text(self) -> str:
        return formatera(self.forra, ANTAL)

    @property
    def forandring_text(self) -> str:
        return formatera(self.forandring, SKILLNAD)


@dataclass
class Sammanstallning:
    forbund: object
    insats: object | None
    period: Period
    avsnitt: list[Avsnitt]
    nyckeltal: list[Nyckeltal]
    grans: int | None  # None: exact figures
    skapad: object = field(default_factory=timezone.now)
    # The overview of the previous period of the same length (protected like the rest),
    # when asked for: the summary's change from it.
    forra_period: Period | None = None
    forra_oversikt: Tabell | None = None

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


def sammanstall(
    *, forbund, period: Period, insats=None, exakt: bool = False, jamfor: bool = False
) -> Sammanstallning:
    """Statistics, goal fulfilment and economy for the period, protected by the
    förbund's small-cell threshold unless `exakt` (never for board material). With
    `jamfor`, also the overview of the previous period of the same length (two
    queries more, through the same selector) for the summary's change."""
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
    if jamfor:
        resultat.forra_period = period.foregaende()
        forra = oversikt(Urval(forbund=forbund, period=resultat.forra_period, insats=insats))
        resultat.forra_oversikt = forra if grans is None else skydda(forra, grans)
    resultat.nyckeltal = _nyckeltal(resultat)
    return resultat


def _skillnad(varde, forra, grans):
    if varde is None or forra is None:
        return None
    if isinstance(varde, Dold) or isinstance(forra, Dold):
        return Dold(grans, sekundar=True)
    return varde - forra


def _deltagartal(s: Sammanstallning, rubrik: str, nyckel: str) -> Nyckeltal:
    rad = s.tabell("oversikt").rad(nyckel).varden
    forra = s.forra_oversikt.rad(nyckel).varden["totalt"] if s.forra_oversikt else None
    return Nyckeltal(
        rubrik,
        rad["totalt"],
        kvinnor=rad["kvinna"],
        man=rad["man"],
        forra=forra,
        forandring=_skillnad(rad["totalt"], forra, s.grans),
    )


def _nyckeltal(s: Sammanstallning) -> list[Nyckeltal]:
    """The summary on the first page, read from the protected tables so it can
    never show what the tables hide."""
    mal = s.tabell("mal")
    uppfyllda = sum(1 for r in mal.rader if r.varden.get("uppfyllt") == _("Ja"))
    return [
        _deltagartal(s, _("Aktiva deltagare"), "aktiva"),
        _deltagartal(s, _("Nya deltagare"), "nya"),
        _deltagartal(s, _("Avslutade"), "avslutade"),
        Nyckeltal(
            _("Till arbete eller studier"),
            s.tabell("arbete_studier").rader[0].varden["totalt"],
            ANDEL,
        ),
        Nyckeltal(
            _("Dagar i insatsen (median)"),
            s.tabell("dagar_i_insats").rader[0].varden["totalt"],
            DAGAR,
        ),
        Nyckeltal(
            _("Svarstid på remiss, dagar (median)"),
            s.tabell("svarstid").rad("median").varden["totalt"],
            DAGAR,
        ),
        Nyckeltal(
            _("Uppfyllda mål"),
            _("%(n)s av %(m)s") % {"n": uppfyllda, "m": len(mal.rader)} if mal.rader else None,
            TEXT,
        ),
    ]


def rapport_titel(typ_namn: str, s: Sammanstallning) -> str:
    return f"{typ_namn} {s.period.namn} – {s.omfang}"


def skapa_pdf(*, forbund, period: Period, insats=None, rapport=None, typ_namn: str = "") -> bytes:
    """The board report as PDF/UA. Always suppressed: it is a public document."""
    s = sammanstall(forbund=forbund, period=period, insats=insats, jamfor=True)
    typ_namn = typ_namn or (rapport.get_typ_display() if rapport else _("Rapport"))
    titel = rapport_titel(typ_namn, s)
    return render_pdf(
        "pdf/rapport.html",
        {"s": s, "rapport": rapport, "typ_namn": typ_namn, "Dold": Dold},
        title=titel,
    )
