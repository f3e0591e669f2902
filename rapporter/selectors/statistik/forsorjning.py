"""Avsnitt "forsorjning": income and occupation before and after, for those who left."""

from __future__ import annotations

from django.db.models import Case, Count, F, FilteredRelation, Q, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from deltagare.koder import (
    FORSORJNING_GRUPP,
    VAG_UT_ARBETE_STUDIER,
    Forsorjning,
    SusTidpunkt,
    Sysselsattning,
    VagUt,
)
from deltagare.models import SusForsorjning
from rapporter.selectors.statistik.common import (
    EJ_REGISTRERAD,
    Urval,
    kodrader,
    rad,
    rakna,
    summa,
    tom_rad,
)
from rapporter.tabell import ANTAL, SKILLNAD, Avsnitt, Kolumn, Rad, Tabell, kon_kolumner

GRUPPER = {
    "ohalsa": gettext_lazy("Ohälsa (sjukpenning, sjuk- och aktivitetsersättning)"),
    "arbetsmarknadsstod": gettext_lazy("Arbetsmarknadsstöd (a-kassa, aktivitetsstöd m.m.)"),
    "ekonomiskt_bistand": gettext_lazy("Ekonomiskt bistånd (försörjningsstöd)"),
}

# The ways out as the matrix groups them; together they cover every code but
# felregistrering, so the groups add up to the total.
VAG_GRUPPER = {
    "arbete_studier": gettext_lazy("Arbete eller studier"),
    "arbetssokande_af": gettext_lazy("Arbetssökande hos Arbetsförmedlingen"),
    "ater_remittent": gettext_lazy("Åter till remittent"),
    "annan_aktor": gettext_lazy("Annan aktör"),
    "avbrott": gettext_lazy("Avbrott"),
}

ARBETE_STUDIER_SYSSELSATTNING = [Sysselsattning.FORVARVSARBETE, Sysselsattning.STUDIER]


def avsnitt_forsorjning(u: Urval) -> Avsnitt:
    start, avslut, forandring = forsorjning(u)
    start_syss, avslut_syss, okad = sysselsattning(u)
    return Avsnitt(
        "forsorjning",
        _("Försörjning och sysselsättning före och efter"),
        [start, avslut, forandring, vag_ut_matris(u), start_syss, avslut_syss, okad],
        text=_("Inskrivningar som avslutades under perioden."),
    )


def _forsorjningsmatt() -> dict:
    """A count per code, and per group the persons with at least one of its codes."""
    matt = {f"k_{kod}": Count("pk", filter=Q(kod=kod)) for kod in Forsorjning.values}
    for grupp in GRUPPER:
        koder = [k for k, g in FORSORJNING_GRUPP.items() if g == grupp]
        matt[f"g_{grupp}"] = Count("uppgift", distinct=True, filter=Q(kod__in=koder))
    return matt


def _forsorjningsrader(r: dict, nyckel) -> list[Rad]:
    """The codes in the list's order, then the three groups."""
    rader = [rad(kod.value, kod.label, r[f"k_{kod.value}"].get(nyckel)) for kod in Forsorjning]
    rader += [rad(f"grupp_{g}", etikett, r[f"g_{g}"].get(nyckel)) for g, etikett in GRUPPER.items()]
    return rader


def forsorjning(u: Urval) -> tuple[Tabell, Tabell, Tabell]:
    """Start, exit and the change: one query for all three."""
    qs = SusForsorjning.objects.filter(
        uppgift__inskrivning__in=u.avslutade(),
        uppgift__tidpunkt__in=[SusTidpunkt.START, SusTidpunkt.AVSLUT],
    )
    r = rakna(
        qs,
        kon="uppgift__inskrivning__deltagare__kon",
        grupp=F("uppgift__tidpunkt"),
        **_forsorjningsmatt(),
    )
    beskrivning = _(
        "Avslutade inskrivningar med respektive försörjning. En person kan ha flera "
        "slag av försörjning samtidigt och räknas då på flera rader, men en gång per grupp."
    )
    tabeller = [
        Tabell(
            nyckel=f"forsorjning_{tidpunkt}",
            rubrik=rubrik,
            radrubrik=_("Försörjning"),
            kolumner=kon_kolumner(),
            rader=_forsorjningsrader(r, tidpunkt),
            beskrivning=beskrivning,
        )
        for tidpunkt, rubrik in (
            (SusTidpunkt.START, _("Försörjning vid inskrivning")),
            (SusTidpunkt.AVSLUT, _("Försörjning vid avslut")),
        )
    ]
    fore = tabeller[0].rader
    efter = tabeller[1].rader
    forandring = [
        Rad(
            f.etikett,
            {
                "fore": f.varden["totalt"],
                "efter": e.varden["totalt"],
                "forandring": e.varden["totalt"] - f.varden["totalt"],
            },
            nyckel=f.nyckel,
        )
        for f, e in zip(fore, efter, strict=True)
    ]
    tabeller.append(
        Tabell(
            nyckel="forsorjning_forandring",
            rubrik=_("Försörjning före och efter"),
            radrubrik=_("Försörjning"),
            kolumner=[
                Kolumn("fore", _("Vid inskrivning"), ANTAL),
                Kolumn("efter", _("Vid avslut"), ANTAL),
                Kolumn("forandring", _("Förändring"), SKILLNAD, av=("efter", "fore")),
            ],
            rader=forandring,
            radsumma=None,
            beskrivning=_(
                "Avslutade inskrivningar med respektive försörjning vid inskrivning och vid "
                "avslut, för kvinnor och män tillsammans (uppdelningen på kön finns i "
                "tabellerna ovan)."
            ),
        )
    )
    return tuple(tabeller)


def _vag_grupp() -> Case:
    falt = "uppgift__inskrivning__avslut__vag_ut"
    return Case(
        When(**{f"{falt}__in": sorted(VAG_UT_ARBETE_STUDIER)}, then=Value("arbete_studier")),
        When(**{falt: VagUt.ARBETSSOKANDE_AF}, then=Value("arbetssokande_af")),
        When(**{falt: VagUt.ATER_REMITTENT}, then=Value("ater_remittent")),
        When(**{falt: VagUt.ANNAN_AKTOR}, then=Value("annan_aktor")),
        default=Value("avbrott"),
    )


def vag_ut_matris(u: Urval) -> Tabell:
    """Försörjning at start against the way out."""
    qs = SusForsorjning.objects.filter(
        uppgift__inskrivning__in=u.avslutade(), uppgift__tidpunkt=SusTidpunkt.START
    )
    r = rakna(
        qs, kon="uppgift__inskrivning__deltagare__kon", grupp=_vag_grupp(), **_forsorjningsmatt()
    )
    rader = []
    for kod, etikett in [
        *((f"k_{k.value}", k) for k in Forsorjning),
        *((f"g_{g}", e) for g, e in GRUPPER.items()),
    ]:
        varden = {g: r[kod].get(g, tom_rad())["totalt"] for g in VAG_GRUPPER}
        varden["totalt"] = sum(varden.values())
        nyckel = kod[2:] if kod.startswith("k_") else f"grupp_{kod[2:]}"
        rader.append(Rad(str(getattr(etikett, "label", etikett)), varden, nyckel=nyckel))
    return Tabell(
        nyckel="forsorjning_vag_ut",
        rubrik=_("Försörjning vid inskrivning och väg ut"),
        radrubrik=_("Försörjning vid inskrivning"),
        kolumner=[
            *(Kolumn(g, str(e), ANTAL) for g, e in VAG_GRUPPER.items()),
            Kolumn("totalt", _("Totalt"), ANTAL),
        ],
        rader=rader,
        radsumma="totalt",
        beskrivning=_(
            "Avslutade inskrivningar efter försörjning vid inskrivning och väg ut, för "
            "kvinnor och män tillsammans. En person kan stå på flera rader."
        ),
    )


def sysselsattning(u: Urval) -> tuple[Tabell, Tabell, Tabell]:
    """Occupation at start and at exit, and whether work or study grew: one query."""
    qs = u.avslutade().annotate(
        s0=FilteredRelation("sus", condition=Q(sus__tidpunkt=SusTidpunkt.START)),
        s1=FilteredRelation("sus", condition=Q(sus__tidpunkt=SusTidpunkt.AVSLUT)),
    )
    mer_procent = GreaterThan(
        Coalesce(F("s1__sysselsattning_procent"), Value(0)),
        Coalesce(F("s0__sysselsattning_procent"), Value(0)),
    )
    till_arbete_studier = Q(s1__sysselsattning__in=ARBETE_STUDIER_SYSSELSATTNING) & ~Q(
        s0__sysselsattning__in=ARBETE_STUDIER_SYSSELSATTNING
    )
    okad = Case(
        When(
            Q(s0__id__isnull=False, s1__id__isnull=False) & (till_arbete_studier | Q(mer_procent)),
            then=Value(True),
        ),
        default=Value(False),
    )
    r = rakna(
        qs,
        grupp=[
            Coalesce(F("s0__sysselsattning"), Value(EJ_REGISTRERAD)),
            Coalesce(F("s1__sysselsattning"), Value(EJ_REGISTRERAD)),
            okad,
        ],
    )["antal"]
    # Add the cross-table up along each axis (a few dozen result rows at most).
    per_start, per_avslut, okade = {}, {}, tom_rad()
    for (fore, efter, har_okat), celler in r.items():
        for mal, kod in ((per_start, fore), (per_avslut, efter)):
            mal[kod] = {k: mal.get(kod, tom_rad())[k] + v for k, v in celler.items()}
        if har_okat:
            okade = {k: okade[k] + v for k, v in celler.items()}

    def tabell(nyckel, rubrik, per_kod):
        rader = [
            *kodrader(Sysselsattning, per_kod),
            rad(EJ_REGISTRERAD, _("Ej registrerad"), per_kod.get(EJ_REGISTRERAD)),
        ]
        return Tabell(
            nyckel=nyckel,
            rubrik=rubrik,
            radrubrik=_("Sysselsättning"),
            kolumner=kon_kolumner(),
            rader=rader,
            summa=summa(rader),
            beskrivning=_("Inskrivningar som avslutades under perioden."),
        )

    return (
        tabell("sysselsattning_start", _("Sysselsättning vid inskrivning"), per_start),
        tabell("sysselsattning_avslut", _("Sysselsättning vid avslut"), per_avslut),
        Tabell(
            nyckel="sysselsattning_okad",
            rubrik=_("Ökad sysselsättning"),
            radrubrik=_("Sysselsättning"),
            kolumner=kon_kolumner(),
            rader=[rad("okad", _("Arbetar eller studerar mer vid avslut"), okade)],
            beskrivning=_(
                "Avslutade inskrivningar där personen vid avslut förvärvsarbetar eller "
                "studerar men inte gjorde det vid inskrivningen, eller har en högre "
                "omfattning än vid inskrivningen. Kräver SUS-uppgifter vid både "
                "inskrivning och avslut."
            ),
        ),
    )
