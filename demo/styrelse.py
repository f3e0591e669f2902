"""Two years of the demo förbund's board work, through the real services.

Meetings about every three months with agendas, decisions and published
protocols; applications in every state; the grants behind every year of the
demo insatser's economy. Idempotent: nothing is added when the förbund already
has a meeting. Every name is invented.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from demo.forbund import medlem
from rapporter.models import Ekonomi
from samverkan.models import Insats, Organisation, Roll, User
from styrelse.models import (
    Ansokan,
    Arende,
    ForbundEkonomiAr,
    Forbundsinstallning,
    Kommunandel,
    Narvaro,
    Sammantrade,
)
from styrelse.services.ansokan import (
    ansokan_borja_beredning,
    ansokan_skapa,
    ansokan_skicka_in,
    ansokan_spara_beredning,
    ansokan_spara_budget,
    ansokan_spara_sektion,
)
from styrelse.services.arende import arende_skapa
from styrelse.services.beslut import arende_besluta
from styrelse.services.paragraf import forsta_paragraf_satt
from styrelse.services.protokoll import protokoll_justera, protokoll_publicera, protokoll_uppratta
from styrelse.services.sammantrade import narvaro_lagg_till, sammantrade_skapa
from styrelse.services.uppdrag import uppdrag_skapa

# A fictitious organisationsnummer with a valid check digit.
DEMO_SOKANDE_ORGNR = "212000-0142"


def _torsdag(dag: datetime.date) -> datetime.date:
    return dag + datetime.timedelta(days=(3 - dag.weekday()) % 7)


def ladda(forbund, *, stdout, style) -> None:
    if Sammantrade.objects.filter(forbund=forbund).exists():
        return
    with transaction.atomic():
        antal = _ladda(forbund)
    stdout.write(f"Demo för styrelsen: {antal} sammanträden.")


def _ladda(forbund) -> int:
    admin = medlem(forbund, Roll.FORBUNDSADMIN)
    ledamot = medlem(forbund, Roll.STYRELSE)
    sokande = User.objects.filter(email="handlaggare@exempeldalen.example").first()
    kommun = Organisation.objects.filter(forbund=forbund, typ="kommun").first()
    huvudman = list(
        Organisation.objects.filter(forbund=forbund, typ__in=("af", "fk", "kommun", "region"))
    )
    insatser = {i.namn: i for i in Insats.objects.filter(forbund=forbund)}
    idag = timezone.localdate()

    installning, _skapad = Forbundsinstallning.objects.get_or_create(forbund=forbund)
    installning.anslagstavla = "Exempeldalens kommuns digitala anslagstavla"
    installning.forvaringsplats = "Förbundets kansli, Exempelgatan 1"
    installning.save()
    forsta_paragraf_satt(actor=admin, forbund=forbund, senaste=100)
    for ar in (idag.year - 1, idag.year):
        rad, _skapad = ForbundEkonomiAr.objects.get_or_create(
            forbund=forbund,
            ar=ar,
            defaults={
                "statligt_bidrag": 4_000_000,
                "ovriga_intakter": 150_000,
                "administration": 1_100_000,
                "ingaende_eget_kapital": 1_900_000 if ar < idag.year else 2_300_000,
            },
        )
        if kommun is not None:
            Kommunandel.objects.get_or_create(
                ekonomi_ar=rad, organisation=kommun, defaults={"andel_procent": 100}
            )

    # Meetings about every three months back two years, and the next one.
    datum = sorted(_torsdag(idag - datetime.timedelta(days=91 * k)) for k in range(1, 9))
    datum = [d for d in datum if d < idag]
    moten = [_mote(admin, forbund, ledamot, d) for d in datum]
    nasta = _mote(admin, forbund, ledamot, _torsdag(idag + datetime.timedelta(days=21)))

    def ansokan(namn, typ="ny", insats=None, budget=None, skicka=True):
        an = ansokan_skapa(actor=sokande, organisation=kommun, typ=typ)
        sektioner = {
            "sokande": {
                "sokande_namn": kommun.namn,
                "organisationsnummer": DEMO_SOKANDE_ORGNR,
                "adress": "Exempelgatan 10, 999 99 Exempeldalen",
                "firmatecknare": "Kommunstyrelsens ordförande",
                "kontaktperson": "Hanna Handläggare",
                "plusgiro_bankgiro": "123-4567",
            },
            "insats": {
                "insats_namn": namn,
                "insats": insats,
                "period_start": datetime.date(idag.year + 1, 1, 1),
                "period_slut": datetime.date(idag.year + 1, 12, 31),
            },
            "bakgrund": {
                "bakgrund": "Många i målgruppen har stöd från flera myndigheter utan "
                "att insatserna hänger ihop.",
                "syfte": "Samordna stödet så att fler når arbete eller studier.",
                "mal": "Minst hälften av deltagarna har ett dokumenterat nästa steg.",
            },
            "malgrupp": {
                "malgrupp": "Personer 18–64 år i behov av samordnat stöd.",
                "malgrupp_storlek": 60,
            },
            "genomforande": {
                "genomforande": "Gemensamt team med handläggare från parterna.",
                "huvudman": huvudman,
            },
        }
        for sektion, data in sektioner.items():
            ansokan_spara_sektion(actor=sokande, ansokan=an, sektion=sektion, data=data)
        ansokan_spara_budget(
            actor=sokande,
            ansokan=an,
            rader=budget
            or [{"ar": idag.year + 1, "personal": 900_000, "lokal": 60_000, "ovrigt": 40_000}],
        )
        if skicka:
            ansokan_skicka_in(actor=sokande, ansokan=an)
        return an

    def bered(an):
        ansokan_borja_beredning(actor=admin, ansokan=an)
        ansokan_spara_beredning(
            actor=admin,
            ansokan=an,
            lsg_tillstyrkt=True,
            lsg_datum=idag,
            beredning="Tillstyrks.",
        )
        return an

    # The grants behind the economy the history generated: recorded at the
    # first meeting of each year (the amounts are already in the economy).
    for eko in Ekonomi.objects.filter(insats__forbund=forbund, ar__lte=idag.year).select_related(
        "insats"
    ):
        mote = next((m for m in moten if m.datum.year == eko.ar), moten[0])
        _historisk_beviljning(admin, mote, eko)

    # The latest past meeting: continuations for next year, one granted in full,
    # one partly; a new application refused, one referred back.
    senaste = moten[-1]
    for namn, utfall, andel in (
        ("Samverkansteamet", "bevilja", 1),
        ("Unga vuxna i arbete", "delvis", 0.8),
    ):
        insats = insatser.get(namn)
        if insats is None:
            continue
        an = bered(ansokan(namn, typ="fortsattning", insats=insats))
        arende = arende_skapa(
            actor=admin,
            sammantrade=senaste,
            typ="beslut",
            rubrik=f"Ansökan om fortsatt finansiering av {namn} {idag.year + 1}",
            forslag="Förbundet föreslås bevilja ansökan.",
            ansokan=an,
        )
        belopp = int(an.sokt_totalt * andel)
        arende_besluta(
            actor=admin,
            arende=arende,
            utfall=utfall,
            attsatser=[f"bevilja {kommun.namn} {belopp} kronor för {namn} under {idag.year + 1}."],
            belopp_per_ar={idag.year + 1: belopp},
            period_start=datetime.date(idag.year + 1, 1, 1),
            period_slut=datetime.date(idag.year + 1, 12, 31),
            villkor="under förutsättning att parterna fortsätter att delta",
        )
    for namn, utfall in (
        ("Hälsospåret", "avsla"),
        ("Socialt företagande i dalen", "aterremittera"),
    ):
        an = bered(ansokan(namn))
        arende = arende_skapa(
            actor=admin,
            sammantrade=senaste,
            typ="beslut",
            rubrik=f"Ansökan: {namn}",
            ansokan=an,
        )
        arende_besluta(
            actor=admin,
            arende=arende,
            utfall=utfall,
            attsatser=[
                "avslå ansökan."
                if utfall == "avsla"
                else "återremittera ärendet för komplettering."
            ],
        )
    uppdrag_arende = arende_skapa(
        actor=admin, sammantrade=senaste, typ="beslut", rubrik="Stöd till socialt företagande"
    )
    arende_besluta(
        actor=admin,
        arende=uppdrag_arende,
        attsatser=["uppdra till förbundschef att till nästa möte återkomma med förslag."],
    )
    uppdrag_skapa(
        actor=admin,
        arende=uppdrag_arende,
        text="att till nästa möte återkomma med förslag om stöd till socialt företagande",
        aterrapport_till=nasta,
    )

    for mote in moten:
        _standardarenden(admin, mote)
        protokoll_uppratta(actor=admin, sammantrade=mote)
        protokoll_justera(actor=ledamot, sammantrade=mote)
        protokoll_publicera(
            actor=admin,
            sammantrade=mote,
            anslag_uppsatt=mote.datum + datetime.timedelta(days=4),
        )

    # The next meeting: an application on its agenda, others on the way.
    tillagg = bered(
        ansokan("Samverkansteamet", typ="tillagg", insats=insatser.get("Samverkansteamet"))
    )
    for rubrik, forslag, extra in (
        (
            "Tilläggsansökan Samverkansteamet",
            "Förbundet föreslås bevilja tilläggsansökan.",
            {"ansokan": tillagg},
        ),
        ("Ekonomisk rapport", "Förbundet föreslås godkänna rapporten.", {"visa_ekonomi": True}),
    ):
        arende_skapa(
            actor=admin, sammantrade=nasta, typ="beslut", rubrik=rubrik, forslag=forslag, **extra
        )
    bered(ansokan("Arbetsträning i naturbruk"))
    ansokan("Digital vägledning")
    ansokan("Studiecirkel om hälsa", skicka=False)
    return len(moten) + 1


def _mote(admin, forbund, ledamot, datum):
    mote = sammantrade_skapa(
        actor=admin,
        forbund=forbund,
        datum=datum,
        starttid=datetime.time(9, 0),
        sluttid=datetime.time(12, 0),
        plats="Förbundets kansli, Exempelgatan 1",
    )
    for namn, roll, beslutande, user, ankom in (
        ("Olle Ordförande", Narvaro.Roll.ORDFORANDE, True, None, None),
        ("Vera Vice", Narvaro.Roll.VICE, True, None, None),
        (ledamot.namn or "Stig Styrelseledamot", Narvaro.Roll.LEDAMOT, True, ledamot, None),
        ("Erik Ersättare", Narvaro.Roll.ERSATTARE, False, None, datetime.time(10, 30)),
        ("Anna Administratör", Narvaro.Roll.SEKRETERARE, False, None, None),
    ):
        narvaro_lagg_till(
            actor=admin,
            sammantrade=mote,
            namn=namn,
            roll=roll,
            beslutande=beslutande,
            user=user,
            justerare=user is not None,
            ankom=ankom,
            organisation="Förbundets kansli" if roll == Narvaro.Roll.SEKRETERARE else "",
        )
    return mote


def _standardarenden(admin, mote):
    # Added last, so they are renumbered by ordning: fine, agenda order is what counts.
    for rubrik, typ, att, ekonomi in (
        ("Ekonomisk rapport", "beslut", "godkänna rapporten.", True),
        ("Lägesrapport från insatserna", "information", None, False),
        ("Preliminära mötesdatum", "ovrigt", None, False),
    ):
        arende = arende_skapa(
            actor=admin, sammantrade=mote, typ=typ, rubrik=rubrik, visa_ekonomi=ekonomi
        )
        if att:
            arende_besluta(actor=admin, arende=arende, attsatser=[att])


def _historisk_beviljning(admin, mote, eko):
    """A decided continuation whose amount the economy already holds."""
    sokande = User.objects.filter(email="handlaggare@exempeldalen.example").first()
    kommun = Organisation.objects.filter(forbund=mote.forbund, typ="kommun").first()
    an = Ansokan.objects.create(
        forbund=mote.forbund,
        organisation=kommun,
        typ=Ansokan.Typ.FORTSATTNING,
        skapad_av=sokande,
        insats=eko.insats,
        status=Ansokan.Status.UNDER_BEREDNING,
        inkommen=timezone.now(),
        sokande_namn=kommun.namn,
        organisationsnummer=DEMO_SOKANDE_ORGNR,
        insats_namn=eko.insats.namn,
        period_start=datetime.date(eko.ar, 1, 1),
        period_slut=datetime.date(eko.ar, 12, 31),
    )
    an.budgetrader.create(ar=eko.ar, personal=eko.beviljat)
    arende = arende_skapa(
        actor=admin,
        sammantrade=mote,
        typ=Arende.Typ.BESLUT,
        rubrik=f"Finansiering av {eko.insats.namn} {eko.ar}",
        ansokan=an,
    )
    fore = eko.beviljat
    arende_besluta(
        actor=admin,
        arende=arende,
        utfall="bevilja",
        attsatser=[f"bevilja {int(fore)} kronor för {eko.insats.namn} under {eko.ar}."],
        belopp_per_ar={eko.ar: int(fore)},
        period_start=datetime.date(eko.ar, 1, 1),
        period_slut=datetime.date(eko.ar, 12, 31),
    )
    # The history generator wrote the granted funds already: keep them as they were.
    Ekonomi.objects.filter(pk=eko.pk).update(beviljat=fore)
