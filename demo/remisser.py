"""Demo remisser to the demo förbund's two insatser, in every status.

Everything is written through `remisser.services`, as the handläggare and the
team would in the app. Only the times are moved back afterwards (received,
asked to complete, decided) so that the inbox shows answer times and one
remiss past its deadline. Every name and number here is invented;
personnummer use serials 950–999 with a correct check digit (the demo
participants use 901–929).

Idempotent: if the förbund already has a remiss, nothing is loaded.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from deltagare.uploads import EXEMPEL_PDF
from demo.deltagare import personnummer
from demo.forbund import SAMVERKANSTEAMET, TEAMLEDARE, UNGA_VUXNA, handgjorda_insatser
from remisser import services
from remisser.models import AvbojdOrsak, Remiss, Status
from samverkan.models import Insats, Medlemskap, Roll, User

# The referrers (from `demo.forbund`), by organisation type.
HANDLAGGARE = {
    "kommun": "handlaggare@exempeldalen.example",
    "af": "handlaggare@arbetsformedlingen.example",
}

SERIE_START = 950  # serials 950–999


def samtycke_fil() -> SimpleUploadedFile:
    return SimpleUploadedFile("samtycke.pdf", EXEMPEL_PDF, content_type="application/pdf")


def ladda(forbund, *, stdout, style) -> None:
    DemoRemisser(forbund, stdout=stdout, style=style).ladda()


class DemoRemisser:
    def __init__(self, forbund, *, stdout, style):
        self.forbund, self.stdout, self.style = forbund, stdout, style
        self.insatser = handgjorda_insatser(forbund)

    def ladda(self):
        with transaction.atomic():
            if Remiss.objects.filter(insats__forbund=self.forbund).exists():
                self.stdout.write("Förbundet har redan remisser; demoremisser läggs inte in.")
            else:
                self._load()
                self.stdout.write(self.style.SUCCESS("Demoremisser finns på plats."))
        self._summary()

    # --- set-up -------------------------------------------------------------------------

    def _kollega(self, insats, actor):
        """Another staff member of the insats to assign to, or the actor."""
        medlemskap = (
            Medlemskap.objects.filter(insats=insats, roll=Roll.SAMORDNARE)
            .aktiva()
            .exclude(user=actor)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        return medlemskap.user if medlemskap else actor

    # --- the load -----------------------------------------------------------------------

    def _load(self):
        self.now = timezone.now()
        self.idag = timezone.localdate()
        self.serie = SERIE_START
        self.handlaggare = {
            typ: User.objects.get(email=email) for typ, email in HANDLAGGARE.items()
        }
        for namn, fall in (
            (SAMVERKANSTEAMET, self._samverkansteamet()),
            (UNGA_VUXNA, self._unga_vuxna()),
        ):
            insats = self.insatser[namn]
            team = User.objects.get(email=TEAMLEDARE[namn])
            for spec in fall:
                self._remiss(insats, team, spec)

    def _data(self, spec) -> dict:
        serial = self.serie
        self.serie += 1
        if self.serie > 999:
            raise CommandError("Demoremisserna får bara använda serienummer 950–999.")
        born = datetime.date(self.idag.year - spec["alder"], 1 + serial % 12, 1 + serial % 28)
        data = {
            "fornamn": spec["fornamn"],
            "efternamn": spec["efternamn"],
            "personnummer": personnummer(born, serial),
            "kon": spec["kon"],
            "telefon": f"070-000 09 {serial % 100:02d}",
            "anledning": spec.get("anledning", ""),
            "egna_mal": spec.get("egna_mal", ""),
            "tidigare_insatser": spec.get("tidigare", ""),
            "skriven_tillsammans": spec["status"] != Status.UTKAST,
            "samtycke_uppfoljning": spec.get("uppfoljning", True),
            "informationsmote_onskas": bool(spec.get("forslag_tider")),
            "forslag_tider": spec.get("forslag_tider", ""),
            "tolk_tillganglighet": spec.get("tolk", ""),
        }
        for myndighet in spec.get("aktuell", []):
            data[f"aktuell_{myndighet}"] = True
        return data

    def _remiss(self, insats: Insats, team: User, spec: dict) -> Remiss:
        """One remiss, taken through the services as far as its status says."""
        handlaggare = self.handlaggare[spec["remittent"]]
        status = spec["status"]
        remiss = services.remiss_spara_utkast(
            actor=handlaggare,
            insats=insats,
            data=self._data(spec),
            fil=None if status == Status.UTKAST else samtycke_fil(),
        )
        inkommen = self.now - datetime.timedelta(days=spec["dagar"])
        rad = Remiss.objects.filter(pk=remiss.pk)
        rad.update(skapad=inkommen - datetime.timedelta(hours=3))
        if status == Status.UTKAST:
            return remiss
        services.remiss_skicka(actor=handlaggare, remiss=remiss)
        # Received back in time before the decision: the enrolment and the consent of an
        # accepted remiss are dated from when it was received.
        rad.update(inkommen=inkommen)

        if status == Status.UNDER_BEDOMNING:
            services.remiss_bedom(
                actor=team,
                remiss=remiss,
                teammote=self.idag + datetime.timedelta(days=spec["teammote"]),
                tilldelad=self._kollega(insats, team),
            )
        elif status == Status.KOMPLETTERING:
            services.remiss_begar_komplettering(actor=team, remiss=remiss, text=spec["text"])
            rad.update(komplettering_begard=inkommen + datetime.timedelta(days=spec["efter"]))
        elif status == Status.ANTAGEN:
            services.remiss_anta(actor=team, remiss=remiss)
            rad.update(beslutad=inkommen + datetime.timedelta(days=spec["efter"]))
        elif status == Status.AVBOJD:
            services.remiss_avboj(
                actor=team, remiss=remiss, orsak=spec["orsak"], text=spec.get("text", "")
            )
            rad.update(beslutad=inkommen + datetime.timedelta(days=spec["efter"]))
        remiss = rad.get()
        for falt in ("komplettering_begard", "beslutad"):
            varde = getattr(remiss, falt)
            if varde and not (remiss.inkommen <= varde <= self.now):
                raise CommandError(f"Demoremiss med {falt} utanför {remiss.inkommen}–{self.now}")
        return remiss

    # --- the remisser -------------------------------------------------------------------
    # "dagar": days since it was received (created, for a draft); "efter": days from
    # received to the decision or to the request for completion.

    def _samverkansteamet(self):
        return [
            # A draft: not yet written together with the person, no consent attached.
            {"fornamn": "Karin", "efternamn": "Påhittad", "kon": "kvinna", "alder": 44,
             "remittent": "kommun", "status": Status.UTKAST, "dagar": 1,
             "aktuell": ["socialtjanst"], "anledning": "Behöver stöd mot arbete. Skriver klart "
             "tillsammans med Karin på mötet nästa vecka."},
            # Received two days ago.
            {"fornamn": "Mats", "efternamn": "Exempelsson", "kon": "man", "alder": 52,
             "remittent": "af", "status": Status.INKOMMEN, "dagar": 2,
             "aktuell": ["af", "fk", "halso_sjukvard"],
             "anledning": "Långvarigt sjukskriven och arbetssökande. Behöver samordnat stöd "
             "från flera myndigheter för att kunna börja arbetsträna.",
             "egna_mal": "Arbeta halvtid i lager.",
             "forslag_tider": "Tisdagar och torsdagar förmiddag."},
            # Received long ago and still undecided: past the deadline.
            {"fornamn": "Fatima", "efternamn": "Fantasiberg", "kon": "kvinna", "alder": 36,
             "remittent": "kommun", "status": Status.INKOMMEN, "dagar": 20,
             "aktuell": ["af", "socialtjanst"], "tolk": "Tolk på arabiska.",
             "anledning": "Försörjningsstöd sedan flera år. Vill komma ut i arbete men "
             "behöver hjälp att samordna kontakterna med myndigheterna.",
             "egna_mal": "Ett arbete inom barnomsorg."},
            # On the agenda of the next team meeting.
            {"fornamn": "Per", "efternamn": "Låtsasberg", "kon": "man", "alder": 58,
             "remittent": "af", "status": Status.UNDER_BEDOMNING, "dagar": 6, "teammote": 3,
             "aktuell": ["af", "fk"],
             "anledning": "Aktivitetsstöd, tidigare sjukersättning. Behöver stegvis återgång.",
             "egna_mal": "Komma tillbaka till yrket som snickare, några timmar i veckan."},
            # The team asked the referrer to complete it.
            {"fornamn": "Elin", "efternamn": "Uppdiktsson", "kon": "kvinna", "alder": 29,
             "remittent": "kommun", "status": Status.KOMPLETTERING, "dagar": 9, "efter": 5,
             "aktuell": ["socialtjanst", "halso_sjukvard"],
             "anledning": "Behöver stöd att komma tillbaka till studier eller arbete.",
             "text": "Beskriv kontakten med vården: vilken mottagning och hur ofta. "
             "Finns ett läkarintyg om arbetsförmåga?"},
            # Accepted within the deadline.
            {"fornamn": "Jonas", "efternamn": "Skenström", "kon": "man", "alder": 41,
             "remittent": "af", "status": Status.ANTAGEN, "dagar": 35, "efter": 8,
             "aktuell": ["af", "fk"], "tidigare": "Arbetsträning 2023, avbruten vid sjukdom.",
             "anledning": "Sjukpenning och arbetssökande. Behöver samordnad rehabilitering.",
             "egna_mal": "Arbeta inom lager och logistik."},
            # Accepted, but after the deadline.
            {"fornamn": "Annika", "efternamn": "Drömlund", "kon": "kvinna", "alder": 47,
             "remittent": "kommun", "status": Status.ANTAGEN, "dagar": 60, "efter": 19,
             "aktuell": ["socialtjanst", "halso_sjukvard", "af"], "uppfoljning": False,
             "anledning": "Försörjningsstöd och kontakt med psykiatrin. Behöver samordning.",
             "egna_mal": "Ett arbete med människor."},
            # Declined: exclusion criterion.
            {"fornamn": "Stefan", "efternamn": "Fabelsson", "kon": "man", "alder": 50,
             "remittent": "kommun", "status": Status.AVBOJD, "dagar": 30, "efter": 7,
             "aktuell": ["socialtjanst", "halso_sjukvard"], "orsak": AvbojdOrsak.EXKLUSION,
             "anledning": "Behöver stöd mot arbete. Har en pågående beroendeproblematik.",
             "text": "Pågående missbruk. Välkommen med en ny remiss efter behandling."},
            # Declined: another insats fits better.
            {"fornamn": "Lisa", "efternamn": "Sagodotter", "kon": "kvinna", "alder": 23,
             "remittent": "af", "status": Status.AVBOJD, "dagar": 25, "efter": 12,
             "aktuell": ["af", "socialtjanst"], "orsak": AvbojdOrsak.ANNAN_INSATS,
             "anledning": "Arbetssökande sedan ett år, inga studier efter gymnasiet.",
             "text": "Unga vuxna i arbete passar bättre. Skicka gärna remissen dit."},
        ]  # fmt: skip

    def _unga_vuxna(self):
        return [
            # A draft.
            {"fornamn": "Noah", "efternamn": "Påhittad", "kon": "man", "alder": 19,
             "remittent": "af", "status": Status.UTKAST, "dagar": 0, "aktuell": ["af"],
             "anledning": "Vill ha hjälp att hitta praktik."},
            # Received yesterday.
            {"fornamn": "Ebba", "efternamn": "Mockström", "kon": "kvinna", "alder": 18,
             "remittent": "kommun", "status": Status.INKOMMEN, "dagar": 1,
             "aktuell": ["socialtjanst"],
             "anledning": "Avbröt gymnasiet i årskurs två. Utan sysselsättning sedan dess.",
             "egna_mal": "Ta körkort och hitta ett jobb."},
            # On the agenda of tomorrow's meeting, but already past the deadline.
            {"fornamn": "Adam", "efternamn": "Diktsson", "kon": "man", "alder": 22,
             "remittent": "af", "status": Status.UNDER_BEDOMNING, "dagar": 17, "teammote": 1,
             "aktuell": ["af"],
             "anledning": "Arbetssökande, vill pröva på olika yrken genom praktik.",
             "egna_mal": "Arbeta med bilar."},
            # The team asked the referrer to complete it.
            {"fornamn": "Alicia", "efternamn": "Exempelsson", "kon": "kvinna", "alder": 26,
             "remittent": "kommun", "status": Status.KOMPLETTERING, "dagar": 8, "efter": 3,
             "aktuell": ["socialtjanst"],
             "anledning": "Behöver stöd.",
             "text": "Beskriv mer om bakgrunden och vad Alicia själv vill uppnå."},
            # Accepted within the deadline.
            {"fornamn": "Elias", "efternamn": "Fiktivberg", "kon": "man", "alder": 20,
             "remittent": "af", "status": Status.ANTAGEN, "dagar": 30, "efter": 6,
             "aktuell": ["af"], "anledning": "Arbetssökande efter gymnasiet, saknar erfarenhet.",
             "egna_mal": "Ett första jobb inom handel."},
            # Declined: no place right now.
            {"fornamn": "Maja", "efternamn": "Skisslund", "kon": "kvinna", "alder": 24,
             "remittent": "kommun", "status": Status.AVBOJD, "dagar": 40, "efter": 10,
             "aktuell": ["socialtjanst", "af"], "orsak": AvbojdOrsak.KAPACITET,
             "anledning": "Försörjningsstöd, utan arbete sedan ett år.",
             "text": "Alla platser är fyllda. Välkommen att skicka en ny remiss i höst."},
            # Declined: another reason, described.
            {"fornamn": "Theo", "efternamn": "Utkastberg", "kon": "annat", "alder": 27,
             "remittent": "af", "status": Status.AVBOJD, "dagar": 14, "efter": 4,
             "aktuell": ["af"], "orsak": AvbojdOrsak.ANNAT,
             "anledning": "Vill ha stöd att komma igång med studier.",
             "text": "Theo har börjat på en folkhögskola och vill vänta med insatsen."},
        ]  # fmt: skip

    # --- output -------------------------------------------------------------------------

    def _summary(self):
        self.stdout.write("")
        self.stdout.write("Demoremisser per insats och status:")
        idag = timezone.localdate()
        for namn, insats in self.insatser.items():
            remisser = Remiss.objects.filter(insats=insats)
            antal = dict(
                remisser.order_by()
                .values("status")
                .annotate(n=Count("pk"))
                .values_list("status", "n")
            )
            status = ", ".join(
                f"{str(Status(s).label).lower()} {antal.get(s, 0)}" for s in Status.values
            )
            forsenade = sum(
                1
                for r in remisser.filter(status__in=[Status.INKOMMEN, Status.UNDER_BEDOMNING])
                if (idag - timezone.localtime(r.inkommen).date()).days - r.pausad_dagar
                > insats.svarsfrist_dagar
            )
            total = sum(antal.values())
            self.stdout.write(f"  {namn}: {total} ({status}); försenade {forsenade}")
