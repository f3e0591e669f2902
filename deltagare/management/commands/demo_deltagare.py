"""Demo participants in the demo förbund's two insatser, at every step of the case.

Everything is written through `deltagare.services`, as the staff would in the app,
so the steps, consents and audit trail are the real ones. Dates are relative to
today so that the demo stays current. Every name, address, number and workplace
here is invented; personnummer use serials 9xx with a correct check digit.

Idempotent: if the förbund already has participants, nothing is loaded.
"""

import datetime
import unicodedata
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from deltagare import services
from deltagare.koder import (
    AktivitetTyp,
    AnsvarigEfter,
    Forsorjning,
    Kon,
    KontaktTyp,
    PlanStegStatus,
    SamtalForm,
    SamtyckeSatt,
    Steg,
    Syfte,
    Sysselsattning,
    VagUt,
)
from deltagare.models import Deltagare, Inskrivning
from deltagare.models.inskrivning import add_months
from samverkan.management.commands.demo import DEMO_PASSWORD, FORBUND
from samverkan.models import Forbund, Insats, Medlemskap, Organisation, Roll, User
from samverkan.validators import luhn_ok

SAMVERKANSTEAMET = "Samverkansteamet"
UNGA_VUXNA = "Unga vuxna i arbete"

# The insats's demo staff member (from `demo`) who registers everything.
AKTOR = {
    SAMVERKANSTEAMET: "samordnare@exempeldalen.example",
    UNGA_VUXNA: "coach@exempeldalen.example",
}

# A second staff member per insats: inskrivning needs two different contact persons.
# (e-mail, förnamn, efternamn, insats, befattning)
EXTRA_PERSONAL = [
    ("coach2@exempeldalen.example", "Kim", "Kollega", SAMVERKANSTEAMET, "coach"),
    ("samordnare2@exempeldalen.example", "Alex", "Andrasson", UNGA_VUXNA, "samordnare"),
]

ALLA_SYFTEN = set(Syfte.values)
UTAN_UPPFOLJNING = {Syfte.INFORMATIONSUTBYTE, Syfte.REGISTRERING}

SAMTAL_OMRADEN = [
    ["social", "halsa"],
    ["resurser", "utbildning_arbete"],
    ["ekonomi", "intressen", "mal"],
]

SUS_START = {
    SAMVERKANSTEAMET: {
        "utbildning": "gymnasial_fullstandig",
        "tid_offentlig_forsorjning": "2_5",
        "sysselsattning": Sysselsattning.INGEN,
        "aktuell_af": True,
        "aktuell_fk": True,
        "aktuell_socialtjanst": False,
        "aktuell_halso_sjukvard": True,
    },
    UNGA_VUXNA: {
        "utbildning": "gymnasial_ej_fullstandig",
        "tid_offentlig_forsorjning": "1_2",
        "sysselsattning": Sysselsattning.INGEN,
        "aktuell_af": True,
        "aktuell_fk": False,
        "aktuell_socialtjanst": True,
        "aktuell_halso_sjukvard": False,
    },
}
FORSORJNING_START = {
    SAMVERKANSTEAMET: [Forsorjning.SJUKPENNING],
    UNGA_VUXNA: [Forsorjning.FORSORJNINGSSTOD],
}

KARTLAGGNING_DELVIS = {
    "social": "Bor ensam i lägenhet. Har kontakt med en syster.",
    "halsa": "Sover dåligt i perioder. Går på regelbundna besök i vården.",
    "halsa_sjalvskattad": 3,
}
KARTLAGGNING_HEL = {
    **KARTLAGGNING_DELVIS,
    "resurser": "Noggrann och punktlig. Tycker om att arbeta med händerna.",
    "utbildning_arbete": "Gymnasium. Har arbetat några somrar i kök och lager.",
    "ekonomi": "Vill förstå hur lön påverkar ersättningen innan arbetsträning.",
    "intressen": "Matlagning, promenader, spel.",
    "egna_mal": "Ett arbete på deltid inom ett år.",
}


def personnummer(born: datetime.date, serial: int, samordning: bool = False) -> str:
    """A fictitious personnummer (or samordningsnummer) with a correct check digit."""
    day = born.day + (60 if samordning else 0)
    base = f"{born:%Y%m}{day:02d}{serial:03d}"
    for check in range(10):
        if luhn_ok(base[2:] + str(check)):
            return base + str(check)
    raise AssertionError(base)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


class Command(BaseCommand):
    help = (
        "Lägger in fiktiva deltagare i demoförbundets två insatser, i alla steg. "
        "Kör `demo` först. Gör ingenting om förbundet redan har deltagare."
    )

    def handle(self, *args, **options):
        forbund = Forbund.objects.filter(organisationsnummer=FORBUND["organisationsnummer"]).first()
        if forbund is None:
            raise CommandError("Demoförbundet saknas. Kör först: manage.py demo")
        self.idag = timezone.localdate()
        with transaction.atomic():
            self.forbund = forbund
            self.insatser = {
                i.namn: i for i in Insats.objects.filter(forbund=forbund, namn__in=AKTOR.keys())
            }
            if len(self.insatser) != len(AKTOR):
                raise CommandError("Demoförbundets insatser saknas. Kör först: manage.py demo")
            self.organisationer = {o.typ: o for o in Organisation.objects.filter(forbund=forbund)}
            self.personal = self._personal()
            if Deltagare.objects.filter(forbund=forbund).exists():
                self.stdout.write("Förbundet har redan deltagare; demodeltagare läggs inte in.")
            else:
                self._load()
                self.stdout.write(self.style.SUCCESS("Demodeltagare finns på plats."))
        self._summary()

    # --- set-up -------------------------------------------------------------------------

    def _personal(self):
        """The insats's demo staff member, and a second one created here if missing."""
        personal = {}
        for namn, email in AKTOR.items():
            user = User.objects.filter(email=email).first()
            if user is None:
                raise CommandError(f"Demoanvändaren {email} saknas. Kör först: manage.py demo")
            personal[namn] = [user]
        for email, fornamn, efternamn, insats_namn, befattning in EXTRA_PERSONAL:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email, DEMO_PASSWORD, fornamn=fornamn, efternamn=efternamn
                )
            Medlemskap.objects.get_or_create(
                user=user,
                roll=Roll.SAMORDNARE,
                forbund=self.forbund,
                insats=self.insatser[insats_namn],
                organisation=None,
                defaults={"befattning": befattning, "giltig_fran": datetime.date(2024, 1, 1)},
            )
            personal[insats_namn].append(user)
        return personal

    def dagar_sedan(self, dagar: int) -> datetime.date:
        return self.idag - datetime.timedelta(days=dagar)

    def manader_sedan(self, manader: int, plus_dagar: int = 0) -> datetime.date:
        return add_months(self.idag, -manader) + datetime.timedelta(days=plus_dagar)

    def _kolla(self, dag: datetime.date, vad: str) -> datetime.date:
        if dag > self.idag:
            raise CommandError(f"Demodata i framtiden ({vad}): {dag}")
        return dag

    # --- the load -----------------------------------------------------------------------

    def _load(self):
        self.nummer = 0
        self.inskrivningar = {}
        for insats_namn, fall in (
            (SAMVERKANSTEAMET, self._samverkansteamet()),
            (UNGA_VUXNA, self._unga_vuxna()),
        ):
            insats = self.insatser[insats_namn]
            for spec in fall:
                self.inskrivningar[spec["nyckel"]] = self._fall(insats, spec)
        self._gruppaktiviteter()

    def _person(self, spec) -> dict:
        self.nummer += 1
        n = self.nummer
        fodd = spec.get("fodd", (1 + n % 12, 1 + (n * 7) % 28))
        born = datetime.date(self.idag.year - spec["alder"], *fodd)
        person = {
            "fornamn": spec["fornamn"],
            "efternamn": spec["efternamn"],
            "kon": spec["kon"],
            "fodelsedatum": born,
            "folkbokforingskommun": "9901",
            "adress": f"Påhittade gatan {n}",
            "postnummer": f"999 {n:02d}",
            "postort": "Exempeldalen",
            "telefon": f"070-000 00 {n:02d}",
            "epost": f"{_ascii(spec['fornamn'])}.{_ascii(spec['efternamn'])}@exempel.example",
            "skyddade_personuppgifter": spec.get("skyddad", False),
        }
        id_typ = spec.get("id", "personnummer")
        if id_typ == "reservnummer":
            person["reservnummer"] = f"RES-9901-{900 + n}"
        else:
            samordning = id_typ == "samordningsnummer"
            person["personnummer"] = personnummer(born, 900 + n, samordning=samordning)
            person["samordningsnummer"] = samordning
        return person

    def _fall(self, insats: Insats, spec: dict) -> Inskrivning:
        """One participant, taken through the services as far as the spec says."""
        if spec.get("anonym"):
            return services.deltagare_registrera_anonym(
                actor=self.personal[insats.namn][0],
                insats=insats,
                kon=spec["kon"],
                startar=self.idag.year,
            )
        actor, kollega = self.personal[insats.namn]
        remittent = self.organisationer[spec["remittent"]]
        inskriven = spec.get("inskriven")
        aktualiserad = spec.get("aktualiserad") or inskriven - datetime.timedelta(days=21)
        informationsmote = spec.get("informationsmote")
        if informationsmote is None and inskriven and insats.informationsmote_forst:
            informationsmote = aktualiserad + datetime.timedelta(days=7)
        inskrivning = services.deltagare_aktualisera(
            actor=actor,
            insats=insats,
            person=self._person(spec),
            aktualiserad=self._kolla(aktualiserad, "aktualiserad"),
            remittent_organisation=remittent,
            informationsmote=informationsmote,
        )
        if spec.get("samtycke", True):
            givet = informationsmote or aktualiserad + datetime.timedelta(days=7)
            services.samtycke_registrera(
                actor=actor,
                inskrivning=inskrivning,
                organisationer=[
                    remittent,
                    *(self.organisationer[k] for k in spec.get("samtycke_org", [])),
                ],
                syften=spec.get("syften", ALLA_SYFTEN),
                givet=self._kolla(givet, "samtycke"),
                satt=SamtyckeSatt.MUNTLIGT,
                vittne="Vera Vittnesson",
            )
        if inskriven:
            self._skriv_in(insats, inskrivning, spec, actor, kollega)
        if "avslut" in spec:
            self._avsluta(insats, inskrivning, spec, actor)
        return inskrivning

    def _skriv_in(self, insats, inskrivning, spec, actor, kollega):
        inskriven = self._kolla(spec["inskriven"], "inskriven")
        services.inskrivning_skriv_in(
            actor=actor,
            inskrivning=inskrivning,
            datum=inskriven,
            kontaktperson=actor,
            kontaktperson2=kollega,
            sus={**SUS_START[insats.namn], **spec.get("sus", {})},
            forsorjning=spec.get("forsorjning", FORSORJNING_START[insats.namn]),
        )

        def dag(efter: int) -> datetime.date:
            return self._kolla(inskriven + datetime.timedelta(days=efter), spec["efternamn"])

        samtal = spec.get("samtal", 0)
        for i in range(samtal):
            services.samtal_registrera(
                actor=actor,
                inskrivning=inskrivning,
                datum=dag(7 * (i + 1)),
                personal=actor if i % 2 == 0 else kollega,
                form=SamtalForm.GRUPP if i == 1 and samtal == 3 else SamtalForm.INDIVIDUELLT,
                omraden=SAMTAL_OMRADEN[i % 3],
                anteckning=f"Kartläggningssamtal {i + 1}. Gick igenom områdena tillsammans.",
            )
        if samtal:
            services.kartlaggning_spara(
                actor=actor,
                inskrivning=inskrivning,
                data=spec.get(
                    "kartlaggning", KARTLAGGNING_HEL if spec.get("klar") else KARTLAGGNING_DELVIS
                ),
            )
        if spec.get("klar"):
            klar = dag(7 * samtal + 7)
            services.kartlaggning_klar(
                actor=actor,
                inskrivning=inskrivning,
                datum=klar,
                sammanfattning=spec.get("sammanfattning", "Vill pröva arbete i liten skala."),
            )
            bas = None
            for mal, steg, kommentar in spec.get("planer") or [self._plan_standard(klar, actor)]:
                bas = services.handlingsplan_spara(
                    actor=actor,
                    inskrivning=inskrivning,
                    mal=mal,
                    steg=steg,
                    bas_version=bas,
                    kommentar=kommentar,
                ).version
            services.insatser_paborja(actor=actor, inskrivning=inskrivning)
        for data in spec.get("aktiviteter", []):
            data = dict(data)
            data["startdatum"] = dag(data.pop("start"))
            if "slut" in data:
                data["slutdatum"] = dag(data.pop("slut"))
            services.aktivitet_registrera(actor=actor, inskrivning=inskrivning, data=data)
        for efter, typ, anteckning, till_remittent in spec.get("kontakter", []):
            services.kontakt_registrera(
                actor=actor,
                inskrivning=inskrivning,
                datum=dag(efter),
                typ=typ,
                anteckning=anteckning,
                till_remittent=till_remittent,
            )
        # The latest contacts, counted back from today: most cases are kept up with, so
        # the start page shows a mix of overdue, due within a week and later.
        for sedan, anteckning in spec.get("kontakt_remittent_sedan", []):
            services.kontakt_registrera(
                actor=actor,
                inskrivning=inskrivning,
                datum=self._kolla(self.dagar_sedan(sedan), spec["efternamn"]),
                typ=KontaktTyp.REMITTENT,
                anteckning=anteckning,
                till_remittent=True,
            )
        if "forlang" in spec:
            beslut, manader = spec["forlang"]
            services.inskrivning_forlang(
                actor=actor,
                inskrivning=inskrivning,
                beslut=self._kolla(beslut, "förlängning"),
                referens=f"Styrgruppens protokoll {beslut:%Y-%m-%d}, § 4",
                manader=manader,
            )

    def _plan_standard(self, klar, actor):
        return (
            "Jag vill hitta något att göra på dagarna som kan leda till ett arbete.",
            [
                {
                    "beskrivning": "Pröva arbetsträning några timmar i veckan",
                    "ansvarig": f"{actor.fornamn} {actor.efternamn}",
                    "datum": klar + datetime.timedelta(days=60),
                },
                {
                    "beskrivning": "Stämma av ersättningen med handläggaren",
                    "ansvarig": "Deltagaren",
                    "datum": klar + datetime.timedelta(days=30),
                },
            ],
            "",
        )

    def _avsluta(self, insats, inskrivning, spec, actor):
        avslut = dict(spec["avslut"])
        datum = self._kolla(avslut["datum"], "avslut")
        avslut.setdefault("dokumenterat_nasta_steg", avslut["vag_ut"] != VagUt.FELREGISTRERING)
        if avslut["vag_ut"] != VagUt.FELREGISTRERING:
            avslut.setdefault("avslutsmote", datum)
        sus = spec.get("sus_avslut")
        services.inskrivning_avsluta(
            actor=actor,
            inskrivning=inskrivning,
            avslut=avslut,
            sus={**SUS_START[insats.namn], **sus} if sus is not None else None,
            forsorjning=spec.get("forsorjning_avslut"),
        )
        if "uppfoljning" in spec:
            utfall, anteckning = spec["uppfoljning"]
            inskrivning = Inskrivning.objects.get(pk=inskrivning.pk)
            services.uppfoljning_registrera(
                actor=actor,
                uppfoljning=inskrivning.uppfoljning,
                genomford=self._kolla(add_months(datum, 12), "uppföljning"),
                utfall=utfall,
                anteckning=anteckning,
            )
        if "aterkalla" in spec:
            services.samtycke_aterkalla(
                actor=actor,
                samtycke=services.giltigt_samtycke(inskrivning),
                datum=self._kolla(spec["aterkalla"], "återkallat"),
            )

    def _gruppaktiviteter(self):
        for insats_namn, titel, dagar, ledare, narvaro in (
            (
                SAMVERKANSTEAMET,
                "Gruppträff: vardagsekonomi",
                4,
                "Kim Kollega",
                {"s04": True, "s05": True, "s06": False, "s07": True, "s08": True, "s09": False,
                 "s10": True},
            ),
            (
                UNGA_VUXNA,
                "Föreläsning: så söker du ditt första jobb",
                3,
                "Greta Gästföreläsarsson",
                {"u03": True, "u04": True, "u05": False, "u06": True, "u07": True, "u08": True,
                 "u09": False},
            ),
        ):  # fmt: skip
            insats = self.insatser[insats_namn]
            services.gruppaktivitet_registrera(
                actor=self.personal[insats_namn][0],
                insats=insats,
                titel=titel,
                datum=self.dagar_sedan(dagar),
                ledare=ledare,
                narvaro={self.inskrivningar[k].pk: v for k, v in narvaro.items()},
            )

    # --- the participants ---------------------------------------------------------------

    def _samverkansteamet(self):
        t = self.dagar_sedan
        m = self.manader_sedan
        return [
            # Aktualisering: no consent yet.
            {"nyckel": "s01", "fornamn": "Lina", "efternamn": "Exempelsson", "kon": Kon.KVINNA,
             "alder": 34, "remittent": "kommun", "aktualiserad": t(9), "samtycke": False},
            # Aktualisering: consent, and the information meeting the insats requires.
            {"nyckel": "s02", "fornamn": "Omar", "efternamn": "Testberg", "kon": Kon.MAN,
             "alder": 45, "remittent": "fk", "samtycke_org": ["af"], "aktualiserad": t(25),
             "informationsmote": t(6)},
            # Registered by mistake: felregistrering straight from aktualisering.
            {"nyckel": "s03", "fornamn": "Erik", "efternamn": "Provlund", "kon": Kon.MAN,
             "alder": 38, "remittent": "af", "aktualiserad": t(60), "samtycke": False,
             "avslut": {"datum": t(55), "vag_ut": VagUt.FELREGISTRERING,
                        "ansvarig_efter": AnsvarigEfter.INGEN,
                        "sammanfattning": "Registrerad två gånger av misstag."}},
            # Inskrivning, with a samordningsnummer.
            {"nyckel": "s04", "fornamn": "Samir", "efternamn": "Demosson", "kon": Kon.MAN,
             "alder": 31, "id": "samordningsnummer", "remittent": "af", "aktualiserad": t(40),
             "informationsmote": t(20), "inskriven": t(12)},
            # Inskrivning, anonymous.
            {"nyckel": "s05", "anonym": True, "kon": Kon.ANNAT},
            # Kartläggning: protected identity, two talks, part of the mapping.
            {"nyckel": "s06", "fornamn": "Maria", "efternamn": "Demodotter", "kon": Kon.KVINNA,
             "kontakt_remittent_sedan": [(28, "Avstämning med vården om kartläggningen.")],
             "alder": 49, "skyddad": True, "remittent": "region", "inskriven": t(45),
             "samtal": 2},
            # Kartläggning: three talks, more of the mapping, not yet done.
            {"nyckel": "s07", "fornamn": "Anders", "efternamn": "Fiktivsson", "kon": Kon.MAN,
             "kontakt_remittent_sedan": [(5, "Lägesrapport till Försäkringskassan.")],
             "alder": 56, "remittent": "fk", "inskriven": t(50), "samtal": 3,
             "kartlaggning": {**KARTLAGGNING_DELVIS,
                              "resurser": "Lång erfarenhet av lagerarbete.",
                              "egna_mal": "Komma tillbaka till arbete på halvtid."}},
            # Insatser: a plan in three versions, arbetsträning, contacts incl. to the remittent.
            {"nyckel": "s08", "fornamn": "Johan", "efternamn": "Låtsasson", "kon": Kon.MAN,
             "kontakt_remittent_sedan": [(40, "Avstämning med FK om arbetsträningen.")],
             "alder": 41, "remittent": "fk", "samtycke_org": ["af"], "inskriven": t(200),
             "samtal": 3, "klar": True,
             "sammanfattning": "Vill börja arbeta i kök. Behöver komma igång i liten skala.",
             "planer": self._plan_johan(t(200)),
             "aktiviteter": [
                 {"start": 35, "typ": AktivitetTyp.COACHSAMTAL,
                  "anteckning": "Veckovisa samtal om struktur i vardagen."},
                 {"start": 45, "typ": AktivitetTyp.EKONOMISK_RADGIVNING,
                  "anteckning": "Hur lön påverkar sjukpenningen."},
                 {"start": 60, "typ": AktivitetTyp.ARBETSTRANING,
                  "arbetsplats": "Café Exempelbönan", "arbetsgivarkontakt": "Berit Handledarsson",
                  "timmar_per_vecka": Decimal("10"), "slut": 119},
                 {"start": 120, "typ": AktivitetTyp.ARBETSTRANING,
                  "arbetsplats": "Café Exempelbönan", "arbetsgivarkontakt": "Berit Handledarsson",
                  "timmar_per_vecka": Decimal("20"), "anteckning": "Utökade timmar."},
             ],
             "kontakter": [
                 (30, KontaktTyp.DELTAGARE, "Telefonsamtal om första veckan.", False),
                 (70, KontaktTyp.REMITTENT,
                  "Avstämning med handläggaren om arbetsträningens omfattning.", True),
                 (90, KontaktTyp.ARBETSGIVARE, "Handledaren är nöjd med närvaron.", False),
                 (118, KontaktTyp.TREPARTSMOTE,
                  "Trepartsmöte: överens om att öka till 20 timmar.", False),
             ]},
            # Insatser, near the insats's longest time: a warning shows.
            {"nyckel": "s09", "fornamn": "Karin", "efternamn": "Övningsberg", "kon": Kon.KVINNA,
             "kontakt_remittent_sedan": [(10, "Avstämning med vården inför avslutet.")],
             "alder": 58, "remittent": "region", "samtycke_org": ["fk"],
             "inskriven": m(12, 15), "samtal": 3, "klar": True,
             "aktiviteter": [
                 {"start": 40, "typ": AktivitetTyp.EXTERN_UTREDNING, "slut": 80,
                  "anteckning": "Arbetsförmågeutredning."},
                 {"start": 90, "typ": AktivitetTyp.STUDIEBESOK,
                  "anteckning": "Besök på en påhittad secondhandbutik."},
             ],
             "kontakter": [(60, KontaktTyp.REMITTENT, "Lägesrapport till vården.", True)]},
            # Insatser, extended by the styrgrupp; studies with support.
            {"nyckel": "s10", "fornamn": "Ali", "efternamn": "Modellberg", "kon": Kon.MAN,
             "kontakt_remittent_sedan": [(26, "Lägesrapport till socialtjänsten om studierna.")],
             "alder": 36, "remittent": "kommun", "samtycke_org": ["af"], "inskriven": m(14),
             "samtal": 3, "klar": True, "forlang": (m(3), 6),
             "forsorjning": [Forsorjning.FORSORJNINGSSTOD],
             "sus": {"aktuell_fk": False, "aktuell_socialtjanst": True},
             "aktiviteter": [
                 {"start": 60, "typ": AktivitetTyp.STUDIER, "stodperiod_manader": 3,
                  "anteckning": "Kurs i svenska på komvux."},
                 {"start": 200, "typ": AktivitetTyp.ARBETSTRANING,
                  "arbetsplats": "Exempeldalens påhittade lager", "timmar_per_vecka":
                  Decimal("15")},
             ]},
            # Avslut: work.
            {"nyckel": "s11", "fornamn": "Sofia", "efternamn": "Prototypsson", "kon": Kon.KVINNA,
             "alder": 29, "remittent": "af", "inskriven": t(300), "samtal": 3, "klar": True,
             "aktiviteter": [{"start": 50, "typ": AktivitetTyp.ARBETSTRANING,
                              "arbetsplats": "Påhittade bageriet", "timmar_per_vecka":
                              Decimal("25"), "slut": 240}],
             "avslut": {"datum": t(30), "vag_ut": VagUt.ARBETE,
                        "ansvarig_efter": AnsvarigEfter.INGEN,
                        "sammanfattning": "Anställd på deltid på bageriet."},
             "sus_avslut": {"sysselsattning": Sysselsattning.FORVARVSARBETE,
                            "sysselsattning_procent": 75},
             "forsorjning_avslut": [Forsorjning.LON]},
            # Avslut: back to the remittent with a medical plan (no follow-up in the consent).
            {"nyckel": "s12", "fornamn": "Hassan", "efternamn": "Skissberg", "kon": Kon.MAN,
             "alder": 47, "remittent": "region", "syften": UTAN_UPPFOLJNING,
             "inskriven": t(280), "samtal": 3, "klar": True,
             "avslut": {"datum": t(60), "vag_ut": VagUt.ATER_REMITTENT,
                        "ansvarig_efter": AnsvarigEfter.REGION,
                        "sammanfattning": "Behöver mer stöd från vården innan arbete.",
                        "rekommendationer": "Ny kontakt om ett halvår."},
             "sus_avslut": {}, "forsorjning_avslut": [Forsorjning.SJUKPENNING]},
            # Avslut during the mapping: avbrott, illness.
            {"nyckel": "s13", "fornamn": "Eva", "efternamn": "Utkastsson", "kon": Kon.KVINNA,
             "alder": 60, "remittent": "fk", "inskriven": t(170), "samtal": 2,
             "avslut": {"datum": t(120), "vag_ut": VagUt.AVBROTT_SJUKDOM,
                        "ansvarig_efter": AnsvarigEfter.FK},
             "sus_avslut": {}, "forsorjning_avslut": [Forsorjning.SJUKPENNING]},
            # Avslut more than a year ago, with the 12-month follow-up done.
            {"nyckel": "s14", "fornamn": "Nils", "efternamn": "Mallsson", "kon": Kon.MAN,
             "alder": 44, "remittent": "kommun", "samtycke_org": ["af"], "inskriven": m(23),
             "samtal": 3, "klar": True,
             "avslut": {"datum": m(14), "vag_ut": VagUt.ARBETE_MED_STOD,
                        "ansvarig_efter": AnsvarigEfter.AF,
                        "sammanfattning": "Lönebidragsanställning på ett påhittat tryckeri."},
             "sus_avslut": {"sysselsattning": Sysselsattning.FORVARVSARBETE,
                            "sysselsattning_procent": 50},
             "forsorjning_avslut": [Forsorjning.LON, Forsorjning.FORSORJNINGSSTOD],
             "uppfoljning": (VagUt.ARBETE, "Har kvar arbetet, nu utan stöd.")},
            # Avslut; consent withdrawn afterwards, so the follow-up stopped.
            {"nyckel": "s15", "fornamn": "Ida", "efternamn": "Attrappdotter", "kon": Kon.KVINNA,
             "alder": 27, "remittent": "af", "inskriven": t(330), "samtal": 3, "klar": True,
             "avslut": {"datum": t(90), "vag_ut": VagUt.ARBETSSOKANDE_AF,
                        "ansvarig_efter": AnsvarigEfter.AF},
             "sus_avslut": {"sysselsattning": Sysselsattning.ARBETSSOKANDE},
             "forsorjning_avslut": [Forsorjning.AKTIVITETSSTOD],
             "aterkalla": t(40)},
        ]  # fmt: skip

    def _plan_johan(self, inskriven):
        klar = inskriven + datetime.timedelta(days=28)
        ansvarig = "Sara Samordnare"

        def steg(beskrivning, ansvarig, dagar, status=PlanStegStatus.PLANERAT):
            return {
                "beskrivning": beskrivning,
                "ansvarig": ansvarig,
                "datum": klar + datetime.timedelta(days=dagar),
                "status": status,
            }

        mal = "Jag vill jobba i ett kök, först några timmar och sedan mer."
        return [
            (
                mal,
                [
                    steg("Hitta en plats för arbetsträning i kök", ansvarig, 30),
                    steg("Stämma av sjukpenningen med Försäkringskassan", "Johan", 20),
                ],
                "",
            ),
            (
                mal,
                [
                    steg("Arbetsträning 10 timmar i veckan", ansvarig, 90, PlanStegStatus.PAGAR),
                    steg("Stämma av sjukpenningen med FK", "Johan", 20, PlanStegStatus.KLART),
                ],
                "Plats för arbetsträning hittad.",
            ),
            (
                mal,
                [
                    steg("Arbetsträning 20 timmar i veckan", ansvarig, 180, PlanStegStatus.PAGAR),
                    steg("Söka anställning med stöd", "Johan och Arbetsförmedlingen", 240),
                ],
                "Fler timmar efter trepartsmötet.",
            ),
        ]

    def _unga_vuxna(self):
        t = self.dagar_sedan
        return [
            # Aktualisering: no consent yet.
            {"nyckel": "u01", "fornamn": "Moa", "efternamn": "Testberg", "kon": Kon.KVINNA,
             "alder": 19, "remittent": "kommun", "aktualiserad": t(5), "samtycke": False},
            # Aktualisering with consent.
            {"nyckel": "u02", "fornamn": "Leo", "efternamn": "Påhittsson", "kon": Kon.MAN,
             "alder": 22, "remittent": "af", "aktualiserad": t(14)},
            # Inskrivning, anonymous.
            {"nyckel": "u03", "anonym": True, "kon": Kon.KVINNA},
            # Inskrivning.
            {"nyckel": "u04", "fornamn": "Alva", "efternamn": "Demodotter", "kon": Kon.KVINNA,
             "alder": 17, "remittent": "kommun", "inskriven": t(8),
             "sus": {"utbildning": "forgymnasial", "tid_offentlig_forsorjning": "under_1"}},
            # Kartläggning: no personnummer (birth date and reservnummer), one talk.
            {"nyckel": "u05", "fornamn": "Rami", "efternamn": "Exempelsson", "kon": Kon.MAN,
             "alder": 24, "id": "reservnummer", "remittent": "af", "inskriven": t(21),
             "samtal": 1, "sus": {"utbildning": "okand"},
             "kartlaggning": {"utbildning_arbete": "Gymnasieutbildning i hemlandet.",
                              "intressen": "Fotboll och bilar."}},
            # Kartläggning: three talks, part of the mapping.
            {"nyckel": "u06", "fornamn": "Tove", "efternamn": "Provlund", "kon": Kon.KVINNA,
             "kontakt_remittent_sedan": [(24, "Lägesrapport till socialtjänsten.")],
             "alder": 20, "remittent": "kommun", "inskriven": t(40), "samtal": 3},
            # Insatser: arbetsträning, a contact to the remittent, a three-party meeting.
            {"nyckel": "u07", "fornamn": "Oskar", "efternamn": "Fiktivsson", "kon": Kon.MAN,
             "kontakt_remittent_sedan": [(12, "Avstämning med Arbetsförmedlingen om praktiken.")],
             "alder": 23, "remittent": "af", "inskriven": t(150), "samtal": 3, "klar": True,
             "aktiviteter": [
                 {"start": 40, "typ": AktivitetTyp.ARBETSTRANING,
                  "arbetsplats": "Exempeldalens påhittade bilverkstad",
                  "arbetsgivarkontakt": "Bosse Verkmästarsson",
                  "timmar_per_vecka": Decimal("30")},
                 {"start": 42, "typ": AktivitetTyp.COACHSAMTAL},
             ],
             "kontakter": [
                 (45, KontaktTyp.REMITTENT, "Arbetsförmedlingen informerad om praktiken.", True),
                 (80, KontaktTyp.TREPARTSMOTE, "Uppföljning på verkstaden.", False),
             ]},
            # Insatser: studies with support and a study visit.
            {"nyckel": "u08", "fornamn": "Nora", "efternamn": "Låtsasdotter", "kon": Kon.ANNAT,
             "kontakt_remittent_sedan": [(27, "Avstämning med socialtjänsten om studierna.")],
             "alder": 21, "remittent": "kommun", "inskriven": t(120), "samtal": 3, "klar": True,
             "aktiviteter": [
                 {"start": 35, "typ": AktivitetTyp.STUDIEBESOK,
                  "anteckning": "Besök på en påhittad folkhögskola."},
                 {"start": 60, "typ": AktivitetTyp.STUDIER, "stodperiod_manader": 2,
                  "anteckning": "Läser in matematik på komvux."},
             ],
             "kontakter": [(50, KontaktTyp.DELTAGARE, "Pratade om studiestart.", False)]},
            # Insatser: coaching and budget advice.
            {"nyckel": "u09", "fornamn": "Vilgot", "efternamn": "Övningsberg", "kon": Kon.MAN,
             "kontakt_remittent_sedan": [(45, "Lägesrapport till Försäkringskassan.")],
             "alder": 27, "remittent": "fk", "inskriven": t(100), "samtal": 3, "klar": True,
             "sus": {"aktuell_fk": True, "aktuell_socialtjanst": False},
             "forsorjning": [Forsorjning.AKTIVITETSERSATTNING],
             "aktiviteter": [
                 {"start": 30, "typ": AktivitetTyp.COACHSAMTAL},
                 {"start": 50, "typ": AktivitetTyp.EKONOMISK_RADGIVNING,
                  "anteckning": "Budget och aktivitetsersättning."},
             ]},
            # Avslut: studies.
            {"nyckel": "u10", "fornamn": "Ella", "efternamn": "Prototypsson", "kon": Kon.KVINNA,
             "alder": 19, "remittent": "kommun", "inskriven": t(250), "samtal": 3, "klar": True,
             "aktiviteter": [{"start": 50, "typ": AktivitetTyp.STUDIER,
                              "stodperiod_manader": 3, "slut": 140}],
             "avslut": {"datum": t(20), "vag_ut": VagUt.STUDIER,
                        "ansvarig_efter": AnsvarigEfter.INGEN,
                        "sammanfattning": "Börjar på ett påhittat gymnasieprogram."},
             "sus_avslut": {"sysselsattning": Sysselsattning.STUDIER,
                            "sysselsattning_procent": 100},
             "forsorjning_avslut": [Forsorjning.STUDIEMEDEL]},
            # Avslut: work.
            {"nyckel": "u11", "fornamn": "Liam", "efternamn": "Mallsson", "kon": Kon.MAN,
             "alder": 25, "remittent": "af", "inskriven": t(300), "samtal": 3, "klar": True,
             "aktiviteter": [{"start": 45, "typ": AktivitetTyp.ARBETSTRANING,
                              "arbetsplats": "Påhittade flyttfirman", "timmar_per_vecka":
                              Decimal("32"), "slut": 200}],
             "avslut": {"datum": t(45), "vag_ut": VagUt.ARBETE,
                        "ansvarig_efter": AnsvarigEfter.INGEN,
                        "sammanfattning": "Anställd på flyttfirman."},
             "sus_avslut": {"sysselsattning": Sysselsattning.FORVARVSARBETE,
                            "sysselsattning_procent": 100},
             "forsorjning_avslut": [Forsorjning.LON]},
            # Avslut at inskrivning: avbrott at the participant's request.
            {"nyckel": "u12", "fornamn": "Saga", "efternamn": "Skissdotter", "kon": Kon.KVINNA,
             "alder": 18, "remittent": "kommun", "inskriven": t(90),
             "avslut": {"datum": t(70), "vag_ut": VagUt.AVBROTT_EGEN_BEGARAN,
                        "ansvarig_efter": AnsvarigEfter.KOMMUN},
             "sus_avslut": {}, "forsorjning_avslut": [Forsorjning.FORSORJNINGSSTOD]},
            # Avslut during insatser: moved away.
            {"nyckel": "u13", "fornamn": "Hugo", "efternamn": "Utkastsson", "kon": Kon.MAN,
             "alder": 26, "remittent": "af", "inskriven": t(220), "samtal": 3, "klar": True,
             "avslut": {"datum": t(100), "vag_ut": VagUt.AVBROTT_FLYTTAT,
                        "ansvarig_efter": AnsvarigEfter.AF},
             "sus_avslut": {}, "forsorjning_avslut": [Forsorjning.AKTIVITETSSTOD]},
            # Avslut: another actor takes over.
            {"nyckel": "u14", "fornamn": "Wilma", "efternamn": "Modellberg", "kon": Kon.KVINNA,
             "alder": 28, "remittent": "af", "inskriven": t(200), "samtal": 3, "klar": True,
             "avslut": {"datum": t(15), "vag_ut": VagUt.ANNAN_AKTOR,
                        "ansvarig_efter": AnsvarigEfter.AF,
                        "sammanfattning": "Fortsätter i ett påhittat arbetsmarknadsprogram."},
             "sus_avslut": {"sysselsattning": Sysselsattning.ARBETSSOKANDE},
             "forsorjning_avslut": [Forsorjning.AKTIVITETSSTOD]},
        ]  # fmt: skip

    # --- output -------------------------------------------------------------------------

    def _summary(self):
        self.stdout.write("")
        self.stdout.write("Demodeltagare per insats och steg:")
        for namn in AKTOR:
            insats = self.insatser[namn]
            antal = dict(
                Inskrivning.objects.filter(insats=insats)
                .order_by()
                .values("steg")
                .annotate(n=Count("pk"))
                .values_list("steg", "n")
            )
            steg = ", ".join(f"{str(Steg(s).label).lower()} {antal.get(s, 0)}" for s in Steg.values)
            total = sum(antal.values())
            self.stdout.write(f"  {namn}: {total} ({steg})")
        self.stdout.write(f"Extra personal (lösenord: {DEMO_PASSWORD}):")
        for email, _fornamn, _efternamn, insats_namn, _befattning in EXTRA_PERSONAL:
            self.stdout.write(f"  {email:<42} Samordnare – {insats_namn}")
