"""Anonymous answers to the participant questionnaire and the
samverkansindikatorer in every individual insats of the demo förbund, for the
latest complete quarter, the one before it and the same quarter a year earlier
(so that the change between years shows), through real links and the service;
and one questionnaire of the office's own ("Tre månader efter avslut", built and
published through the editor's services by the demo's office user) with answers in
one insats for the latest quarter.

Idempotent: a förbund that already has answers is left alone. Quiet.
"""

import random

from django.db import transaction
from django.utils import timezone

from demo.forbund import medlem
from enkater.models import Fraga, Svar
from enkater.services.enkat import (
    FragaInnehall,
    enkat_skapa,
    fraga_lagg_till,
    standardenkater_skapa,
    version_publicera,
    version_texter_satt,
)
from enkater.services.lankar import _ny_lank
from enkater.services.svar import svara
from rapporter.period import Period
from samverkan.models import Insats, Roll

FRITEXT = [
    "Att någon lyssnade på mig.",
    "Praktiken på biblioteket.",
    "Tydlig plan varje vecka.",
    "Att få tid på mig.",
    "",
]


EGEN_ENKAT = "Tre månader efter avslut"
EGNA_FRAGOR = [
    FragaInnehall(
        typ="skala",
        texter={"sv": "Jag har kvar det jag började med under insatsen."},
        skalsteg=5,
        lag={"sv": "Stämmer inte alls"},
        hog={"sv": "Stämmer helt"},
    ),
    FragaInnehall(
        typ="enval",
        texter={"sv": "Vad gör du i dag?"},
        alternativ=[
            {"sv": "Arbetar"},
            {"sv": "Studerar"},
            {"sv": "Söker arbete"},
            {"sv": "Annat"},
        ],
    ),
    FragaInnehall(typ="fritext", texter={"sv": "Vad hade du behövt mer av?"}),
]


def _egen_enkat(forbund):
    """The office's own questionnaire, through the same services as its editor."""
    kansli = medlem(forbund, Roll.FORBUNDSADMIN)
    enkat = enkat_skapa(actor=kansli, forbund=forbund, typ="deltagare", namn=EGEN_ENKAT)
    version = enkat.versioner.get()
    for innehall in EGNA_FRAGOR:
        fraga_lagg_till(actor=kansli, version=version, innehall=innehall)
    version_texter_satt(
        actor=kansli,
        version=version,
        rubrik={"sv": "Hur har det gått sedan du avslutade?"},
        inledning={"sv": "Tre frågor. Ingen kan se vem som har svarat."},
    )
    return version_publicera(actor=kansli, version=version)


def _rader(version, slump: random.Random, niva: int):
    rader = []
    for f in version.fragor.prefetch_related("alternativ"):
        if f.typ == Fraga.Typ.SKALA:
            varde = max(1, min(f.skalsteg, niva + slump.choice([-2, -1, 0, 0, 1])))
            rader.append({"fraga": f, "varde": varde})
        elif f.typ == Fraga.Typ.ENVAL:
            rader.append({"fraga": f, "alternativ": slump.choice(list(f.alternativ.all()))})
        elif f.typ == Fraga.Typ.FLERVAL:
            for alt in slump.sample(list(f.alternativ.all()), k=slump.randint(1, 3)):
                rader.append({"fraga": f, "alternativ": alt})
        elif text := slump.choice(FRITEXT):
            rader.append({"fraga": f, "text": text})
    return rader


def ladda(forbund, *, stdout, style) -> None:
    """Quiet: writes nothing to stdout."""
    if Svar.objects.filter(forbund=forbund).exists():
        return
    slump = random.Random(20)  # noqa: S311 - fictitious demo data
    senaste = Period.senaste_hela_kvartal(timezone.localdate())
    kvartal = [
        senaste,
        Period.senaste_hela_kvartal(senaste.start),
        Period.kvartal(senaste.start.year - 1, (senaste.start.month + 2) // 3),
    ]
    with transaction.atomic():
        enkater = standardenkater_skapa(forbund)
        deltagarversion = enkater["deltagare"].publicerad_version()
        samverkanversion = enkater["samverkan"].publicerad_version()
        insatser = Insats.objects.filter(forbund=forbund, typ=Insats.Typ.INDIVID)
        for nr, insats in enumerate(insatser.order_by("pk")):
            band = [
                f"{fran}–{till}" if till is not None else f"{fran}+"
                for fran, till in insats.aldersband
            ]
            for i, period in enumerate(kvartal):
                niva = 4 + (nr + (i == 0)) % 2  # a little better in the latest quarter
                for n in range(12):
                    token = _ny_lank(
                        version=deltagarversion,
                        insats=insats,
                        dag=period.start,
                        kon=slump.choice(["kvinna", "kvinna", "man", "man", "annat"]),
                        aldersband=slump.choice(band[:4]),
                        dagar=30,
                    )
                    if n < 9:  # three links are never answered
                        svara(
                            token=token,
                            sprak=slump.choice(["sv", "sv", "sv", "lattlast", "en"]),
                            rader=_rader(deltagarversion, slump, niva),
                        )
            # Samverkansindikatorer once a year: the latest quarter.
            for n in range(8):
                token = _ny_lank(
                    version=samverkanversion, insats=insats, dag=senaste.start, dagar=30
                )
                if n < 6:
                    svara(token=token, sprak="sv", rader=_rader(samverkanversion, slump, 4))
        # The office's own questionnaire: one insats, the latest quarter.
        egen = _egen_enkat(forbund)
        insats = insatser.order_by("pk").first()
        for n in range(10):
            token = _ny_lank(
                version=egen,
                insats=insats,
                dag=senaste.start,
                kon=slump.choice(["kvinna", "man"]),
                aldersband=f"{insats.aldersband[0][0]}–{insats.aldersband[0][1]}",
                dagar=30,
            )
            if n < 7:
                svara(token=token, sprak="sv", rader=_rader(egen, slump, 4))
