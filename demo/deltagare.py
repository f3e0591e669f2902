"""Demo participants in the demo förbund's two insatser, at every step of the case.

Everything is written through `deltagare.services`, as the staff would in the app,
so the steps, consents and audit trail are the real ones. Dates are relative to
today so that the demo stays current. The cases themselves are in `demo.deltagarfall`;
personnummer use serials 9xx with a correct check digit.

Idempotent: if the förbund already has participants, nothing is loaded.
"""

import datetime
import unicodedata

from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from deltagare import services
from deltagare.koder import (
    KontaktTyp,
    SamtalForm,
    SamtyckeSatt,
    Steg,
    VagUt,
)
from deltagare.models import Deltagare, Inskrivning
from deltagare.models.inskrivning import add_months
from demo.deltagarfall import (
    ALLA_SYFTEN,
    FORSORJNING_START,
    KARTLAGGNING_DELVIS,
    KARTLAGGNING_HEL,
    SAMTAL_OMRADEN,
    SUS_START,
    plan_standard,
    samverkansteamet,
    unga_vuxna,
)
from demo.forbund import (
    DEMO_PASSWORD,
    SAMVERKANSTEAMET,
    TEAMLEDARE,
    UNGA_VUXNA,
    handgjorda_insatser,
)
from samverkan.models import Insats, Medlemskap, Organisation, Roll, User
from samverkan.validators import luhn_ok

# A second staff member per insats: inskrivning needs two different contact persons.
# (e-mail, förnamn, efternamn, insats, befattning)
EXTRA_PERSONAL = [
    ("coach2@exempeldalen.example", "Kim", "Kollega", SAMVERKANSTEAMET, "coach"),
    ("samordnare2@exempeldalen.example", "Alex", "Andrasson", UNGA_VUXNA, "samordnare"),
]


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


def ladda(forbund, *, stdout, style) -> None:
    DemoDeltagare(forbund, stdout=stdout, style=style).ladda()


class DemoDeltagare:
    def __init__(self, forbund, *, stdout, style):
        self.forbund, self.stdout, self.style = forbund, stdout, style
        self.idag = timezone.localdate()
        self.insatser = handgjorda_insatser(forbund)

    def ladda(self):
        with transaction.atomic():
            self.organisationer = {
                o.typ: o for o in Organisation.objects.filter(forbund=self.forbund)
            }
            self.personal = self._personal()
            if Deltagare.objects.filter(forbund=self.forbund).exists():
                self.stdout.write("Förbundet har redan deltagare; demodeltagare läggs inte in.")
            else:
                self._load()
                self.stdout.write(self.style.SUCCESS("Demodeltagare finns på plats."))
        self._summary()

    # --- set-up -------------------------------------------------------------------------

    def _personal(self):
        """The insats's demo staff member, and a second one created here if missing."""
        personal = {}
        for namn, email in TEAMLEDARE.items():
            personal[namn] = [User.objects.get(email=email)]
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
            (SAMVERKANSTEAMET, samverkansteamet(t=self.dagar_sedan, m=self.manader_sedan)),
            (UNGA_VUXNA, unga_vuxna(t=self.dagar_sedan)),
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
            for mal, steg, kommentar in spec.get("planer") or [plan_standard(klar, actor)]:
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

    # --- output -------------------------------------------------------------------------

    def _summary(self):
        self.stdout.write("")
        self.stdout.write("Demodeltagare per insats och steg:")
        for namn in TEAMLEDARE:
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
