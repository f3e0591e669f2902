"""Avsnitt "avslut" (ways out, responsibility afterwards, days in the insats) and
avsnitt "remisser" (decisions and answer times)."""

from __future__ import annotations

from django.db.models import Count, ExpressionWrapper, F, IntegerField, Q
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from deltagare.koder import VAG_UT_ARBETE_STUDIER, AnsvarigEfter, VagUt
from rapporter.selectors.statistik.common import (
    FELREG,
    DagarMellan,
    Urval,
    andel,
    kodrader,
    median,
    rad,
    rakna,
    summa,
)
from rapporter.tabell import ANDEL, DAGAR, KON_NYCKLAR, Avsnitt, Rad, Tabell, kon_kolumner
from remisser.models import Status

KOLUMNER = (*KON_NYCKLAR, "totalt")


def avsnitt_avslut(u: Urval) -> Avsnitt:
    vag, andel_arbete_studier = vag_ut(u)
    return Avsnitt(
        "avslut",
        _("Avslut"),
        [vag, andel_arbete_studier, ansvarig_efter(u), dagar_i_insats(u)],
        text=_("Inskrivningar som avslutades under perioden. Felregistreringar räknas inte."),
    )


def vag_ut(u: Urval) -> tuple[Tabell, Tabell]:
    """Exits per way out, and from the same query the share to work or studies."""
    r = rakna(u.avslutade(), grupp=F("avslut__vag_ut"))["antal"]
    rader = kodrader(VagUt, r, utom={FELREG})
    alla = summa(rader)
    till = {
        k: sum(r.varden[k] for r in rader if r.nyckel in VAG_UT_ARBETE_STUDIER) for k in KOLUMNER
    }
    return (
        Tabell(
            nyckel="vag_ut",
            rubrik=_("Väg ut"),
            radrubrik=_("Väg ut"),
            kolumner=kon_kolumner(),
            rader=rader,
            summa=alla,
            beskrivning=_("Avslut under perioden efter väg ut."),
        ),
        Tabell(
            nyckel="arbete_studier",
            rubrik=_("Till arbete eller studier"),
            radrubrik=_("Andel"),
            kolumner=kon_kolumner(ANDEL),
            rader=[
                Rad(
                    _("Andel av avsluten, procent"),
                    {k: andel(till[k], alla.varden[k]) for k in KOLUMNER},
                    underlag=dict(alla.varden),
                    taljare=till,
                    nyckel="andel",
                )
            ],
            beskrivning=_(
                "Andel av avsluten under perioden som gick till arbete, arbete med stöd "
                "eller studier."
            ),
        ),
    )


def ansvarig_efter(u: Urval) -> Tabell:
    r = rakna(u.avslutade(), grupp=F("avslut__ansvarig_efter"))["antal"]
    rader = kodrader(AnsvarigEfter, r)
    return Tabell(
        nyckel="ansvarig_efter",
        rubrik=_("Myndighet med huvudansvar efter avslut"),
        radrubrik=_("Myndighet"),
        kolumner=kon_kolumner(),
        rader=rader,
        summa=summa(rader),
        beskrivning=_("Avslut under perioden efter vem som har huvudansvaret efteråt."),
    )


def dagar_i_insats(u: Urval) -> Tabell:
    medianer, antal = median(u.avslutade(), DagarMellan(F("inskrivningsdatum"), F("avslutsdatum")))
    return Tabell(
        nyckel="dagar_i_insats",
        rubrik=_("Dagar i insatsen"),
        radrubrik=_("Dagar"),
        kolumner=kon_kolumner(DAGAR),
        rader=[Rad(_("Median"), medianer, underlag=antal, nyckel="median")],
        beskrivning=_(
            "Medianen av antalet dagar från inskrivning till avslut, för avslut under perioden."
        ),
    )


def avsnitt_remisser(u: Urval) -> Avsnitt:
    return Avsnitt(
        "remisser",
        _("Remisser"),
        [remisser_beslut(u), svarstid(u)],
        text=_("Remisser som besvarades (antogs eller avböjdes) under perioden."),
    )


def remisser_beslut(u: Urval) -> Tabell:
    r = rakna(
        u.beslutade_remisser(),
        kon="kon",
        beslutade=Count("pk"),
        antagna=Count("pk", filter=Q(status=Status.ANTAGEN)),
        avbojda=Count("pk", filter=Q(status=Status.AVBOJD)),
    )
    etiketter = {
        "beslutade": _("Besvarade remisser"),
        "antagna": _("Antagna"),
        "avbojda": _("Avböjda"),
    }
    return Tabell(
        nyckel="remisser_beslut",
        rubrik=_("Beslut om remisser"),
        radrubrik=_("Remisser"),
        kolumner=kon_kolumner(),
        rader=[rad(k, e, r[k].get(None)) for k, e in etiketter.items()],
        beskrivning=_(
            "Remisser som besvarades under perioden, efter kön enligt remissen "
            "(ej uppgett räknas som annat)."
        ),
    )


def svarstid(u: Urval) -> Tabell:
    """Working days from received to decision, less the days the deadline was paused
    (as Remiss.dagar_till_beslut()), and the share within the insats's deadline."""
    dagar = ExpressionWrapper(
        DagarMellan(TruncDate("inkommen"), TruncDate("beslutad")) - F("pausad_dagar"),
        output_field=IntegerField(),
    )
    qs = u.beslutade_remisser()
    medianer, antal = median(qs, dagar, kon="kon")
    r = rakna(
        qs.annotate(_dagar=dagar),
        kon="kon",
        alla=Count("pk"),
        inom=Count("pk", filter=Q(_dagar__lte=F("insats__svarsfrist_dagar"))),
    )
    alla = r["alla"].get(None) or {k: 0 for k in KOLUMNER}
    inom = r["inom"].get(None) or {k: 0 for k in KOLUMNER}
    return Tabell(
        nyckel="svarstid",
        rubrik=_("Svarstid på remisser"),
        radrubrik=_("Svarstid"),
        kolumner=kon_kolumner(),
        rader=[
            Rad(
                _("Dagar till beslut, median"), medianer, underlag=antal, nyckel="median", typ=DAGAR
            ),
            Rad(
                _("Besvarade inom svarsfristen, procent"),
                {k: andel(inom[k], alla[k]) for k in KOLUMNER},
                underlag=dict(alla),
                taljare=dict(inom),
                nyckel="inom_frist",
                typ=ANDEL,
            ),
        ],
        beskrivning=_(
            "Dagar från att remissen kom in till beslut, utan de dagar fristen stod "
            "still i väntan på komplettering. Svarsfristen är insatsens."
        ),
    )
