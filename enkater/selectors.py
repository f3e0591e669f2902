"""Results of a questionnaire, computed in the database and protected by the
förbund's small-cell threshold, always: an answer is anonymous only while it
hides among at least `grans` others, so the office gets no exact small cells
either. Each table is a rapporter Tabell, so the page, charts and exports of
rapporter serve them as they are."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Sum
from django.utils.translation import gettext as _

from enkater.models import (
    VALTYPER,
    Alternativ,
    Enkat,
    Enkatversion,
    Fraga,
    Svar,
    Svarsrad,
    Text,
    Utskick,
)
from rapporter.diagram import stapeldiagram
from rapporter.sekretess import skydda
from rapporter.tabell import (
    ANTAL,
    DAGAR,
    KON_NYCKLAR,
    TAL,
    Dold,
    Kolumn,
    Rad,
    Tabell,
    kon_kolumner,
)


@dataclass
class Urval:
    enkat: Enkat
    ar: int
    kvartal: list[int] = field(default_factory=lambda: [1, 2, 3, 4])
    insats: object | None = None

    def svar(self):
        qs = Svar.objects.filter(version__enkat=self.enkat, ar=self.ar, kvartal__in=self.kvartal)
        return qs.filter(insats=self.insats) if self.insats is not None else qs

    def utskick(self):
        qs = Utskick.objects.filter(enkat=self.enkat, ar=self.ar, kvartal__in=self.kvartal)
        return qs.filter(insats=self.insats) if self.insats is not None else qs

    def forra_aret(self) -> Urval:
        return Urval(self.enkat, self.ar - 1, self.kvartal, self.insats)


def att_lamna_ut(forbund, typ: str):
    """The förbund's questionnaires of one kind with a published version, the
    default first: what a coordinator or the office may hand out."""
    publicerad = Enkatversion.objects.filter(enkat=OuterRef("pk"), publicerad__isnull=False)
    return (
        Enkat.objects.filter(forbund=forbund, typ=typ)
        .filter(Exists(publicerad))
        .order_by("-standard", "namn")
    )


def _kon(kon: str) -> str:
    return kon if kon in KON_NYCKLAR else "annat"


def texter(versioner, sprak: str = "sv") -> dict:
    """(falt, fraga_id, alternativ_id) -> text in `sprak`, Swedish where missing."""
    ut = {}
    rader = Text.objects.filter(version__in=versioner, sprak__in={sprak, "sv"})
    for t in sorted(rader, key=lambda t: t.sprak == sprak):  # the chosen language last, winning
        ut[(t.falt, t.fraga_id, t.alternativ_id)] = t.text
    return ut


def _fragor(enkat: Enkat) -> list[Fraga]:
    """The questions of the latest published version; earlier versions' answers
    are matched by order and dimension, so a reworded question stays comparable."""
    version = enkat.publicerad_version()
    if version is None:
        return []
    return list(version.fragor.all())


def svarsfrekvens(u: Urval, grans: int) -> Tabell:
    """Links issued and answers received per insats: two counts made apart."""
    utskick = dict(
        u.utskick().values("insats__namn").annotate(n=Sum("antal")).values_list("insats__namn", "n")
    )
    svar = dict(
        u.svar().values("insats__namn").annotate(n=Count("id")).values_list("insats__namn", "n")
    )
    rader = []
    for namn in sorted(set(utskick) | set(svar)):
        ut, sv = utskick.get(namn, 0), svar.get(namn, 0)
        # The rate would give the hidden count away with the links beside it.
        andel = round(100 * sv / ut, 1) if ut and not 0 < sv < grans else None
        rader.append(Rad(namn, {"utskick": ut, "svar": sv, "andel": andel}, nyckel=namn))
    tabell = Tabell(
        nyckel=f"{u.enkat.nyckel}-svarsfrekvens",
        rubrik=_("Svarsfrekvens: %(enkat)s") % {"enkat": u.enkat.namn},
        radrubrik=_("Insats"),
        kolumner=[
            Kolumn("utskick", _("Utskickade länkar"), TAL),
            Kolumn("svar", _("Svar"), ANTAL),
            Kolumn("andel", _("Svarsfrekvens (%)"), TAL),
        ],
        rader=rader,
        radsumma=None,
        beskrivning=_(
            "Länkar och svar räknas var för sig: ett svar kan inte kopplas till en länk."
        ),
    )
    return skydda(tabell, grans)


def _skaletikett(fraga: Fraga, steg: int, txt: dict) -> str:
    if steg == 1 and txt.get(("lag", fraga.pk, None)):
        return f"1 – {txt[('lag', fraga.pk, None)]}"
    if steg == fraga.skalsteg and txt.get(("hog", fraga.pk, None)):
        return f"{steg} – {txt[('hog', fraga.pk, None)]}"
    return str(steg)


def _matchande(u: Urval, fraga: Fraga):
    """Answer rows of this question in every version (same order and type)."""
    return Svarsrad.objects.filter(
        svar__in=u.svar(), fraga__ordning=fraga.ordning, fraga__typ=fraga.typ
    )


def fordelning(u: Urval, fraga: Fraga, txt: dict, grans: int) -> Tabell:
    """A scale statement: answers per step, by kön."""
    rader_qs = (
        _matchande(u, fraga)
        .exclude(varde=None)
        .values("varde", "svar__kon")
        .annotate(n=Count("id"))
    )
    antal = defaultdict(int)
    for r in rader_qs:
        antal[(r["varde"], _kon(r["svar__kon"]))] += r["n"]
    rader = []
    for steg in range(1, (fraga.skalsteg or 0) + 1):
        varden = {k: antal[(steg, k)] for k in KON_NYCKLAR}
        varden["totalt"] = sum(varden.values())
        rader.append(Rad(_skaletikett(fraga, steg, txt), varden, nyckel=str(steg)))
    summa = Rad(
        _("Antal svar"),
        {k: sum(r.varden[k] for r in rader) for k in [*KON_NYCKLAR, "totalt"]},
        nyckel="summa",
    )
    tabell = Tabell(
        nyckel=f"{u.enkat.nyckel}-fraga-{fraga.ordning}",
        rubrik=txt.get(("fraga", fraga.pk, None), str(fraga)),
        radrubrik=_("Svar"),
        kolumner=kon_kolumner(),
        rader=rader,
        summa=summa,
    )
    return _skydda_hela(tabell, summa.varden["totalt"], grans)


def val(u: Urval, fraga: Fraga, txt: dict, grans: int) -> Tabell:
    """Single or multiple choice: answers per option, by kön."""
    rader_qs = (
        _matchande(u, fraga)
        .exclude(alternativ=None)
        .values("alternativ__ordning", "svar__kon")
        .annotate(n=Count("id"))
    )
    antal = defaultdict(int)
    for r in rader_qs:
        antal[(r["alternativ__ordning"], _kon(r["svar__kon"]))] += r["n"]
    svarande = _matchande(u, fraga).exclude(alternativ=None).values("svar_id").distinct().count()
    rader = []
    for alt in Alternativ.objects.filter(fraga=fraga).order_by("ordning"):
        varden = {k: antal[(alt.ordning, k)] for k in KON_NYCKLAR}
        varden["totalt"] = sum(varden.values())
        rader.append(Rad(txt.get(("alternativ", None, alt.pk), str(alt.ordning)), varden))
    enval = fraga.typ == Fraga.Typ.ENVAL
    summa = None
    if enval:
        summa = Rad(
            _("Antal svar"),
            {k: sum(r.varden[k] for r in rader) for k in [*KON_NYCKLAR, "totalt"]},
        )
    tabell = Tabell(
        nyckel=f"{u.enkat.nyckel}-fraga-{fraga.ordning}",
        rubrik=txt.get(("fraga", fraga.pk, None), str(fraga)),
        radrubrik=_("Svarsalternativ"),
        kolumner=kon_kolumner(),
        rader=rader,
        summa=summa,
        beskrivning=""
        if enval
        else _("Flera svar möjliga: raderna summerar inte till antalet svarande."),
    )
    return _skydda_hela(tabell, svarande, grans)


def _skydda_hela(tabell: Tabell, svarande: int, grans: int) -> Tabell:
    """Protected as any table; and withheld whole below the threshold of answers."""
    skyddad = skydda(tabell, grans)
    if svarande < grans:
        skyddad.undanhallen = True
        for rad in skyddad.alla_rader():
            for k in list(rad.varden):
                rad.varden[k] = None
        skyddad.beskrivning = _("Färre än %(g)s svar: inget resultat visas.") % {"g": grans}
    else:
        skyddad.diagram = stapeldiagram(skyddad)
    return skyddad


def medelvarden(u: Urval, fragor: list[Fraga], txt: dict, grans: int, *, nyckel="medel") -> Tabell:
    """Mean per scale statement, by kön; a mean of fewer than `grans` answers is hidden."""
    skalor = [f for f in fragor if f.typ == Fraga.Typ.SKALA]
    statistik = _medel(u, skalor)
    rader = []
    for f in skalor:
        varden, underlag = {}, {}
        for k in [*KON_NYCKLAR, "totalt"]:
            summa, n = statistik.get((f.ordning, k), (0, 0))
            varden[k] = round(summa / n, 2) if n else None
            underlag[k] = n
        rader.append(
            Rad(
                txt.get(("fraga", f.pk, None), str(f)),
                varden,
                underlag=underlag,
                nyckel=str(f.ordning),
            )
        )
    tabell = Tabell(
        nyckel=f"{u.enkat.nyckel}-{nyckel}",
        rubrik=_("Medelvärde per påstående: %(enkat)s") % {"enkat": u.enkat.namn},
        radrubrik=_("Påstående"),
        kolumner=kon_kolumner(DAGAR),
        rader=rader,
        radsumma=None,
        beskrivning=_(
            "Medelvärde på skalan (1 = lägsta steget). Dolt när färre än %(g)s har svarat."
        )
        % {"g": grans},
    )
    skyddad = skydda(tabell, grans)
    for f, rad in zip(skalor, skyddad.rader, strict=True):
        if not _total_visas(statistik, f.ordning, grans):
            rad.varden["totalt"] = Dold(grans, sekundar=True)
    skyddad.diagram = stapeldiagram(skyddad)
    return skyddad


def _total_visas(statistik: dict, ordning: int, grans: int) -> bool:
    """The total mean only when it rests on `grans` answers and no kön's mean is
    hidden: with the total and the other means a hidden one could be worked out."""
    if statistik.get((ordning, "totalt"), (0, 0))[1] < grans:
        return False
    return not any(0 < statistik.get((ordning, k), (0, 0))[1] < grans for k in KON_NYCKLAR)


def _medel(u: Urval, skalor: list[Fraga]) -> dict:
    """(ordning, kön or "totalt") -> (sum of steps, number of answers), one query."""
    rader = (
        Svarsrad.objects.filter(
            svar__in=u.svar(),
            fraga__typ=Fraga.Typ.SKALA,
            fraga__ordning__in=[f.ordning for f in skalor],
        )
        .exclude(varde=None)
        .values("fraga__ordning", "svar__kon")
        .annotate(s=Sum("varde"), n=Count("id"))
    )
    ut = defaultdict(lambda: (0, 0))
    for r in rader:
        for k in (_kon(r["svar__kon"]), "totalt"):
            s, n = ut[(r["fraga__ordning"], k)]
            ut[(r["fraga__ordning"], k)] = (s + r["s"], n + r["n"])
    return dict(ut)


def forandring(u: Urval, fragor: list[Fraga], txt: dict, grans: int) -> Tabell:
    """The mean of each statement this year against last year."""
    skalor = [f for f in fragor if f.typ == Fraga.Typ.SKALA]
    nu, forra = _medel(u, skalor), _medel(u.forra_aret(), skalor)
    rader = []
    for f in skalor:
        s1, n1 = forra.get((f.ordning, "totalt"), (0, 0))
        s2, n2 = nu.get((f.ordning, "totalt"), (0, 0))
        m1 = round(s1 / n1, 2) if _total_visas(forra, f.ordning, grans) else None
        m2 = round(s2 / n2, 2) if _total_visas(nu, f.ordning, grans) else None
        skillnad = round(m2 - m1, 2) if m1 is not None and m2 is not None else None
        rader.append(
            Rad(
                txt.get(("fraga", f.pk, None), str(f)),
                {"forra": m1, "nu": m2, "skillnad": skillnad},
                nyckel=str(f.ordning),
            )
        )
    return Tabell(
        nyckel=f"{u.enkat.nyckel}-forandring",
        rubrik=_("Förändring mot året innan: %(enkat)s") % {"enkat": u.enkat.namn},
        radrubrik=_("Påstående"),
        kolumner=[
            Kolumn("forra", str(u.ar - 1), TAL),
            Kolumn("nu", str(u.ar), TAL),
            Kolumn("skillnad", _("Förändring"), TAL),
        ],
        rader=rader,
        radsumma=None,
        skyddas=False,
        grans=grans,
        beskrivning=_("Medelvärden; tomt där färre än %(g)s har svarat.") % {"g": grans},
    )


def resultat(u: Urval, grans: int, *, sprak: str = "sv") -> list[Tabell]:
    """Every table of the questionnaire for the selection, protected."""
    fragor = _fragor(u.enkat)
    txt = texter([f.version_id for f in fragor[:1]], sprak)
    tabeller = [
        svarsfrekvens(u, grans),
        medelvarden(u, fragor, txt, grans),
        forandring(u, fragor, txt, grans),
    ]
    for f in fragor:
        if f.typ == Fraga.Typ.SKALA:
            tabeller.append(fordelning(u, f, txt, grans))
        elif f.typ in VALTYPER:
            tabeller.append(val(u, f, txt, grans))
    return tabeller


def fritexter(u: Urval, grans: int) -> list[tuple[str, list[str]]]:
    """Free-text answers per question, for the office's page only (never board
    material); none when fewer than `grans` have answered the questionnaire."""
    if u.svar().count() < grans:
        return []
    fragor = [f for f in _fragor(u.enkat) if f.typ == Fraga.Typ.FRITEXT]
    txt = texter([f.version_id for f in fragor[:1]])
    per_fraga = defaultdict(list)
    for ordning, text in (
        _svarsrader_fritext(u, fragor)
        .order_by("fraga__ordning", "text")
        .values_list("fraga__ordning", "text")
    ):
        per_fraga[ordning].append(text)
    return [(txt.get(("fraga", f.pk, None), str(f)), per_fraga.get(f.ordning, [])) for f in fragor]


def _svarsrader_fritext(u: Urval, fragor):
    return Svarsrad.objects.filter(
        svar__in=u.svar(),
        fraga__typ=Fraga.Typ.FRITEXT,
        fraga__ordning__in=[f.ordning for f in fragor],
    ).exclude(text="")
