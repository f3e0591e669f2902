"""Realistic, fictitious history for one förbund: the demo's two years and the
benchmarks' national scale (bench/).

Generated history bypasses the services and the audit trail on purpose: it is demo
and benchmark data, written straight to the tables with bulk_create in batches, so
that a quarter of a million enrolments take minutes rather than hours. It still
keeps every database constraint and the rules the services enforce (steps in order,
two different contact persons from the insats's staff, consent before enrolment,
a follow-up only with consent, nothing dated after `till`).

Every name, address, number and workplace is invented. Surnames are made of
invented stems (`EFTERNAMN`); personnummer have serials 950–999 and a correct
check digit, as the demo's own (975 and 998 are left to the browser journeys,
which type them by hand).
"""

from __future__ import annotations

import contextlib
import datetime
import heapq
import random
from collections import Counter, defaultdict
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from deltagare import lista_cache
from deltagare.koder import (
    AktivitetTyp,
    KartlaggningOmrade,
    KontaktTyp,
    PlanStegStatus,
    SamtalForm,
    SamtyckeSatt,
    Steg,
    SusTidpunkt,
    VagUt,
)
from deltagare.models import (
    Aktivitet,
    Avslut,
    Deltagare,
    Gruppaktivitet,
    HandlingsplanSteg,
    HandlingsplanVersion,
    Inskrivning,
    Kartlaggning,
    Kartlaggningssamtal,
    Kontakt,
    Narvaro,
    Samtycke,
    StegByte,
    SusForsorjning,
    SusUppgift,
    Uppfoljning,
)
from deltagare.models.inskrivning import add_months
from deltagare.uploads import EXEMPEL_PDF
from rapporter.models import Budgetpost, Ekonomi, Kostnad, Kostnadstyp, Mal, MalTyp
from remisser.models import AvbojdOrsak, Remiss, Status
from samverkan.models import Insats, Medlemskap, Organisation, Roll

# --- invented names and texts -------------------------------------------------------

FORNAMN = {
    "kvinna": ["Anna", "Eva", "Maria", "Karin", "Sara", "Emma", "Lina", "Ida", "Sofia", "Elin",
               "Hanna", "Malin", "Jenny", "Linda", "Johanna", "Maja", "Alva", "Ebba", "Tove",
               "Amira", "Leila", "Nora", "Wilma", "Julia", "Helena", "Camilla", "Petra",
               "Frida", "Moa", "Agnes"],
    "man": ["Erik", "Lars", "Anders", "Johan", "Per", "Karl", "Mikael", "Jonas", "Oskar",
            "Emil", "Viktor", "Filip", "Ali", "Omar", "Hassan", "Daniel", "Mattias", "Niklas",
            "Stefan", "Tobias", "Leo", "Liam", "Hugo", "Elias", "Noah", "Adam", "Samuel",
            "Isak", "Jakob", "Axel"],
    "annat": ["Alex", "Kim", "Robin", "Sam", "Charlie", "Love", "Noa", "Eli", "Quinn", "Vide"],
}  # fmt: skip
# Surnames are invented words (a make-believe stem and a place-like ending), so that no
# combination names a real person; the endings differ from the demo's own participants.
STAMMAR = ["Påhitt", "Exempel", "Låtsas", "Fantasi", "Dikt", "Sago", "Fabel", "Dröm", "Mock",
           "Skiss", "Utkast", "Prototyp", "Modell", "Attrapp", "Övnings", "Mall", "Prov",
           "Demo", "Fiktiv", "Sken", "Uppdikt", "Kuliss"]  # fmt: skip
ANDELSER = ["gren", "holm", "qvist", "vik", "dal", "sjö", "strand", "näs", "mark", "hed"]
EFTERNAMN = [s + a for s in STAMMAR for a in ANDELSER]

ARBETSPLATSER = ["Påhittade bageriet", "Exempelvikens lager", "Fantasicaféet",
                 "Låtsasbyns återbruk", "Exempeldals bilverkstad", "Drömsjöns förskola",
                 "Skissholms tryckeri", "Övningsvikens hotell", "Mockbyns matbutik",
                 "Demodals kommunförråd", "Sagoholms trädgård", "Fabelnäs flyttfirma"]  # fmt: skip
VITTNEN = ["Vera Vittnesholm", "Valter Vittnesdal", "Vilma Vittnesvik"]
GRUPPTITLAR = ["Gruppträff: vardagsekonomi", "Föreläsning: hälsa och sömn",
               "Workshop: cv och personligt brev", "Gruppträff: stresshantering",
               "Föreläsning: arbetsmarknaden i länet", "Studiebesök i grupp",
               "Gruppträff: struktur i vardagen", "Föreläsning: att studera som vuxen"]  # fmt: skip
OMRADEN = KartlaggningOmrade.values

KARTLAGGNING_TEXT = {
    "social": ["Bor ensam och har kontakt med familjen.", "Bor med partner och två barn.",
               "Har ett litet socialt nätverk.", "Bor hos föräldrarna."],
    "halsa": ["Sover dåligt i perioder.", "Har regelbunden kontakt med vården.",
              "Värk som begränsar långa arbetspass.", "Mår bättre sedan i våras."],
    "resurser": ["Noggrann och punktlig.", "Tycker om att arbeta med händerna.",
                 "Social och lätt att samarbeta med.", "Bra på datorer."],
    "utbildning_arbete": ["Gymnasium. Några somrar i kök och lager.",
                          "Grundskola. Arbetat inom städ och hemtjänst.",
                          "Högskolekurser. Arbetat på kontor.", "Utbildning i hemlandet."],
    "ekonomi": ["Vill förstå hur lön påverkar ersättningen.", "Har skulder hos en inkassofirma.",
                "Behöver en budget för hushållet."],
    "intressen": ["Matlagning och promenader.", "Musik och spel.", "Trädgård och djur.",
                  "Träning och fotboll."],
    "egna_mal": ["Ett arbete på deltid inom ett år.", "Börja studera till hösten.",
                 "Komma tillbaka till yrket i liten skala.", "Klara sig utan försörjningsstöd."],
}  # fmt: skip
SAMMANFATTNINGAR = ["Vill pröva arbete i liten skala.", "Behöver stöd mot studier.",
                    "Vill börja arbetsträna inom handel.", "Hälsan behöver stabiliseras först.",
                    "Motiverad att söka arbete med stöd."]  # fmt: skip
PLANMAL = ["Jag vill hitta något att göra på dagarna som kan leda till ett arbete.",
           "Jag vill börja plugga och få ett yrke.", "Jag vill jobba några timmar i veckan.",
           "Jag vill må bättre och orka mer.", "Jag vill klara mig på egen lön."]  # fmt: skip
PLANSTEG = ["Pröva arbetsträning några timmar i veckan", "Stämma av ersättningen med handläggaren",
            "Besöka komvux och välja kurser", "Träffa vården om arbetsförmågan",
            "Skriva cv tillsammans med coachen", "Söka tre jobb i månaden"]  # fmt: skip
KONTAKT_TEXT = {
    KontaktTyp.DELTAGARE: ["Telefonsamtal om veckan.", "Sms om nästa möte.", "Pratade om läget."],
    KontaktTyp.REMITTENT: ["Avstämning med handläggaren.", "Lägesrapport till remittenten.",
                           "Månadsavstämning om planen."],
    KontaktTyp.ARBETSGIVARE: ["Handledaren är nöjd med närvaron.", "Pratade om fler timmar."],
    KontaktTyp.TREPARTSMOTE: ["Trepartsmöte om nästa steg."],
}  # fmt: skip
ANLEDNINGAR = ["Behöver samordnat stöd från flera myndigheter för att närma sig arbete.",
               "Långvarigt sjukskriven och arbetssökande. Behöver stegvis återgång.",
               "Försörjningsstöd sedan flera år. Vill komma ut i arbete.",
               "Avbröt gymnasiet och saknar sysselsättning."]  # fmt: skip
KOMPLETTERING = "Beskriv kontakten med vården och vad personen själv vill uppnå."
AVBOJD_TEXT = {
    AvbojdOrsak.MALGRUPP: "Personen hör inte till insatsens målgrupp.",
    AvbojdOrsak.EXKLUSION: "Pågående missbruk. Välkommen med en ny remiss efter behandling.",
    AvbojdOrsak.ANNAN_INSATS: "En annan insats passar bättre.",
    AvbojdOrsak.KAPACITET: "Alla platser är fyllda just nu.",
    AvbojdOrsak.ANNAT: "Personen vill vänta med insatsen.",
}


# --- the mixes ------------------------------------------------------------------------

SERIER = [s for s in range(950, 1000) if s not in (975, 998)]
KON = [("kvinna", 55), ("man", 44), ("annat", 1)]
VAG_UT = [
    (VagUt.ARBETE, 15), (VagUt.ARBETE_MED_STOD, 8), (VagUt.STUDIER, 12),
    (VagUt.ARBETSSOKANDE_AF, 20), (VagUt.ATER_REMITTENT, 20), (VagUt.ANNAN_AKTOR, 10),
    (VagUt.AVBROTT_EGEN_BEGARAN, 5), (VagUt.AVBROTT_FLYTTAT, 2), (VagUt.AVBROTT_SJUKDOM, 4),
    (VagUt.AVBROTT_OVRIGT, 2), (VagUt.FELREGISTRERING, 2),
]  # fmt: skip
REMITTENT = {"af": 30, "fk": 25, "kommun": 30, "region": 15, "annan": 5}
ORG_TILL_ANSVARIG = {"af": "af", "fk": "fk", "kommun": "kommun", "region": "region"}
UTBILDNING = [("forgymnasial", 22), ("gymnasial_ej_fullstandig", 18),
              ("gymnasial_fullstandig", 35), ("eftergymnasial_kort", 10),
              ("eftergymnasial_lang", 8), ("okand", 7)]  # fmt: skip
TID = [("under_1", 20), ("1_2", 25), ("2_5", 30), ("over_5", 18), ("okand", 7)]
FORSORJNING_UNG = [("forsorjningsstod", 30), ("aktivitetsstod", 25), ("aktivitetsersattning", 15),
                   ("ingen_offentlig", 10), ("etableringsersattning", 5), ("sjukpenning", 5),
                   ("studiemedel", 4), ("a_kassa", 3), ("okand", 3)]  # fmt: skip
FORSORJNING_ALDRE = [("sjukpenning", 28), ("forsorjningsstod", 20), ("aktivitetsstod", 15),
                     ("sjukersattning", 10), ("a_kassa", 8), ("etableringsersattning", 6),
                     ("ingen_offentlig", 5), ("lon", 3), ("okand", 3)]  # fmt: skip
FORSORJNING_TILLAGG = ["forsorjningsstod", "aktivitetsstod", "sjukersattning", "lon"]
OHALSA = {"sjukpenning", "sjukersattning", "aktivitetsersattning"}
ARBETSMARKNAD = {"a_kassa", "aktivitetsstod", "etableringsersattning"}
AVBOJD = [
    (AvbojdOrsak.MALGRUPP, 30),
    (AvbojdOrsak.EXKLUSION, 20),
    (AvbojdOrsak.ANNAN_INSATS, 25),
    (AvbojdOrsak.KAPACITET, 15),
    (AvbojdOrsak.ANNAT, 10),
]

# Models whose auto_now(_add) stamps would put today on historic rows.
_STAMPLADE = [Deltagare, Inskrivning, StegByte, SusUppgift, Avslut, Kartlaggningssamtal,
              HandlingsplanVersion, Aktivitet, Kontakt, Samtycke, Remiss, Ekonomi]  # fmt: skip


@contextlib.contextmanager
def _historiska_tidsstamplar():
    """Let bulk_create keep the historic times set on each row.

    auto_now/auto_now_add are switched off on those fields for the duration and put
    back afterwards: process-wide, so never call the generator beside live requests.
    """
    falt = [
        (f, f.auto_now, f.auto_now_add)
        for model in _STAMPLADE
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    try:
        for f, _, _ in falt:
            f.auto_now = f.auto_now_add = False
        yield
    finally:
        for f, now, now_add in falt:
            f.auto_now, f.auto_now_add = now, now_add


class _Person:
    __slots__ = ("antal", "deltagare", "efternamn", "fodd", "fornamn", "kon", "pk", "pnr")

    def __init__(self, *, deltagare, kon, fodd=None, fornamn="", efternamn="", pnr=""):
        self.deltagare, self.pk, self.kon, self.fodd = deltagare, None, kon, fodd
        self.fornamn, self.efternamn, self.pnr, self.antal = fornamn, efternamn, pnr, 0


def _alder(fodd: datetime.date, dag: datetime.date) -> int:
    return dag.year - fodd.year - ((dag.month, dag.day) < (fodd.month, fodd.day))


def _kontrollsiffra(nio: str) -> str:
    """Luhn's check digit over the nine first digits of the 10-digit form."""
    total = 0
    for i, ch in enumerate(nio):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def _manader(fran: datetime.date, till: datetime.date):
    """(year, month) from fran's month to till's month."""
    ar, manad = fran.year, fran.month
    while (ar, manad) <= (till.year, till.month):
        yield ar, manad
        ar, manad = (ar + 1, 1) if manad == 12 else (ar, manad + 1)


def _personal_per_insats(insatser, personal) -> dict[int, list]:
    if personal is None:
        per_insats = defaultdict(list)
        for m in (
            Medlemskap.objects.filter(insats__in=insatser, roll=Roll.SAMORDNARE)
            .aktiva()
            .select_related("user")
            .order_by("pk")
        ):
            if m.user not in per_insats[m.insats_id]:
                per_insats[m.insats_id].append(m.user)
        return dict(per_insats)
    if isinstance(personal, dict):
        return {getattr(k, "pk", k): list(v) for k, v in personal.items()}
    return {i.pk: list(personal) for i in insatser}


def generera(
    *,
    forbund,
    insatser,
    fran: datetime.date,
    till: datetime.date,
    antal: int,
    seed: int = 1,
    personal=None,
    batch: int = 5000,
) -> dict[str, int]:
    """Add `antal` fictitious enrolments to the förbund, spread over [fran, till] across the
    given individinriktade insatser, with everything around them; and goals and economy
    per insats and year (a strukturövergripande insats gets economy only).

    `personal` is the staff who act: a dict insats (or its pk) → users, one list for
    every insats, or None for each insats's active samordnare. Referrers are the
    förbund's active handläggare; an organisation without one sends no remisser.
    The same arguments and seed give the same data (ids and uuids aside).

    The function only adds: the caller decides whether history is wanted. Goals and a
    year's economy that already exist (they are unique per insats) are left as they are.
    Returns the number of rows made per model.
    """
    if till < fran:
        raise ValueError("till är före fran")
    gen = _Generator(
        forbund=forbund,
        insatser=list(insatser),
        fran=fran,
        till=till,
        seed=seed,
        personal=personal,
        batch=max(1, batch),
    )
    with _historiska_tidsstamplar():
        gen.inskrivningar(antal)
        gen.avbojda_remisser(antal // 9)
        gen.gruppaktiviteter()
        gen.mal_och_ekonomi(antal)
    # bulk_create sends no signals: the participant list's cache must start afresh.
    lista_cache.ny_generation()
    return dict(gen.antal)


class _Generator:
    def __init__(self, *, forbund, insatser, fran, till, seed, personal, batch):
        self.rng = random.Random(seed)  # noqa: S311 (fictitious data, not secrets)
        self.forbund, self.fran, self.till, self.batch = forbund, fran, till, batch
        self.insatser = insatser
        self.individ = [i for i in insatser if i.typ == Insats.Typ.INDIVID]
        self.personal = _personal_per_insats(self.individ, personal)
        for insats in self.individ:
            if not self.personal.get(insats.pk):
                raise ValueError(f"Insatsen {insats} saknar personal att registrera med.")
        self.organisationer = list(
            Organisation.objects.filter(forbund=forbund, aktiv=True).order_by("pk")
        )
        self.kommunkoder = [o.kommunkod for o in self.organisationer if o.kommunkod]
        self.handlaggare = defaultdict(list)
        for m in (
            Medlemskap.objects.filter(organisation__in=self.organisationer, roll=Roll.HANDLAGGARE)
            .aktiva()
            .select_related("user")
            .order_by("pk")
        ):
            self.handlaggare[m.organisation_id].append(m.user)
        self.anvanda = set(
            Deltagare.objects.filter(forbund=forbund)
            .exclude(personnummer="")
            .values_list("personnummer", flat=True)
        ) | set(
            Remiss.objects.filter(insats__forbund=forbund)
            .exclude(personnummer="")
            .values_list("personnummer", flat=True)
        )
        self.antal = Counter()
        self.tider = {}
        self.fil = ""
        self.pool = []  # (eligible from, seq, person): people who may come back later
        self.redo = []
        self.seq = self.antal_fall = self.antal_personer = 0
        # insats pk → (year, month) → [(inskrivning pk, first day, last day)]
        self.aktiva = defaultdict(lambda: defaultdict(list))
        self.nya_per_insats = Counter()

    # --- small helpers ------------------------------------------------------------------

    def val(self, par):
        koder, vikter = zip(*par, strict=True)
        return self.rng.choices(koder, weights=vikter)[0]

    def dag(self, d: datetime.date, plus: int) -> datetime.date:
        return d + datetime.timedelta(days=plus)

    def tid(self, d: datetime.date, timme: int = 9) -> datetime.datetime:
        """d at a local office hour, aware; cached, as most rows need one."""
        key = (d, timme)
        t = self.tider.get(key)
        if t is None:
            t = timezone.make_aware(datetime.datetime.combine(d, datetime.time(timme)))
            self.tider[key] = t
        return t

    def samtyckesfil(self) -> str:
        if not self.fil:
            self.fil = default_storage.save(
                "samtycken/genererade/samtycke.pdf", ContentFile(EXEMPEL_PDF)
            )
        return self.fil

    def spara(self, model, rader):
        if rader:
            model.objects.bulk_create(rader, batch_size=min(self.batch, 2000))
            self.antal[model.__name__] += len(rader)

    # --- people -------------------------------------------------------------------------

    def nytt_pnr(self, fodd: datetime.date, samordning: bool) -> str:
        dag = fodd.day + (60 if samordning else 0)
        for _ in range(200):
            serie = self.rng.choice(SERIER)
            nio = f"{fodd:%y%m}{dag:02d}{serie:03d}"
            pnr = f"{fodd:%Y%m}{dag:02d}{serie:03d}{_kontrollsiffra(nio)}"
            if pnr not in self.anvanda:
                self.anvanda.add(pnr)
                return pnr
        return ""  # the day is full: the person gets a reservnummer instead

    def fodelsedag(self, insats, dag: datetime.date) -> datetime.date:
        lo, hi = insats.malgrupp_alder_min, insats.malgrupp_alder_max
        alder = min(hi, int(self.rng.triangular(lo, hi + 1, lo + (hi - lo) * 0.4)))
        try:
            senast = dag.replace(year=dag.year - alder)
        except ValueError:  # 29 February
            senast = dag.replace(year=dag.year - alder, day=28)
        return senast - datetime.timedelta(days=self.rng.randrange(365))

    def ny_person(self, insats, aktualiserad, kp) -> _Person:
        rng = self.rng
        kon = self.val(KON)
        if rng.random() < 0.03:
            d = Deltagare(
                forbund=self.forbund, anonym=True, kon=kon, startar=aktualiserad.year,
                skapad=self.tid(aktualiserad), skapad_av=kp,
            )  # fmt: skip
            return _Person(deltagare=d, kon=kon)
        fodd = self.fodelsedag(insats, aktualiserad)
        fornamn = rng.choice(FORNAMN[kon])
        efternamn = rng.choice(EFTERNAMN)
        slag = rng.random()
        pnr = "" if slag < 0.01 else self.nytt_pnr(fodd, samordning=slag > 0.98)
        n = rng.randrange(5, 100)
        skyddad = rng.random() < 0.005
        d = Deltagare(
            forbund=self.forbund,
            fornamn=fornamn,
            efternamn=efternamn,
            personnummer=pnr,
            samordningsnummer=bool(pnr) and slag > 0.98,
            fodelsedatum=fodd,
            reservnummer="" if pnr else f"RES-{aktualiserad:%y%m%d}-{rng.randrange(1000):03d}",
            kon=kon,
            folkbokforingskommun=rng.choice(self.kommunkoder) if self.kommunkoder else "",
            adress=f"{rng.choice(STAMMAR)}vägen {n}",
            postnummer=f"999 {n:02d}",
            postort="Exempelby",
            # 070-174 06 05 to 070-174 06 99 are set aside for fiction.
            telefon="" if skyddad else f"070-174 06 {n:02d}",
            epost="" if rng.random() < 0.6 else f"deltagare{n}@exempel.example",
            skyddade_personuppgifter=skyddad,
            skapad=self.tid(aktualiserad),
            skapad_av=kp,
        )
        return _Person(
            deltagare=d, kon=kon, fodd=fodd, fornamn=fornamn, efternamn=efternamn, pnr=pnr
        )

    def atervandare(self, insats, dag) -> _Person | None:
        """Someone who left earlier and is referred again (to this or another insats)."""
        while self.pool and self.pool[0][0] <= dag:
            self.redo.append(heapq.heappop(self.pool)[2])
        for _ in range(4):
            if not self.redo:
                return None
            i = self.rng.randrange(len(self.redo))
            person = self.redo[i]
            if insats.malgrupp_alder_min <= _alder(person.fodd, dag) <= insats.malgrupp_alder_max:
                self.redo[i] = self.redo[-1]
                self.redo.pop()
                return person
        return None

    # --- enrolments ---------------------------------------------------------------------

    def fonster(self, insats):
        lo = max(self.fran, insats.startdatum)
        hi = self.till - datetime.timedelta(days=3)
        if insats.slutdatum:
            hi = min(hi, insats.slutdatum)
        return lo, hi

    def inskrivningar(self, antal: int):
        fonster = [(i, *self.fonster(i)) for i in self.individ]
        fonster = [(i, lo, hi) for i, lo, hi in fonster if lo <= hi]
        if not fonster or antal <= 0:
            return
        vikter = [(hi - lo).days + 1 for _, lo, hi in fonster]
        platser = []
        for _ in range(antal):
            insats, lo, hi = self.rng.choices(fonster, weights=vikter)[0]
            platser.append((lo + datetime.timedelta(days=self.rng.randrange((hi - lo).days + 1)),
                            insats.pk, insats))  # fmt: skip
        platser.sort(key=lambda p: (p[0], p[1]))
        for start in range(0, len(platser), self.batch):
            self.rader = defaultdict(list)
            self.fall, self.nya_personer = [], []
            for dag, _, insats in platser[start : start + self.batch]:
                self.ett_fall(insats, dag)
            with transaction.atomic():
                self.spara_fall()

    def ett_fall(self, insats, a: datetime.date):
        rng, till = self.rng, self.till
        staff = self.personal[insats.pk]
        kp, kp2 = rng.sample(staff, 2) if len(staff) > 1 else (staff[0], None)
        # About one person in ten comes back for a second enrolment.
        aterkommande = self.antal_fall - self.antal_personer
        person = self.atervandare(insats, a) if aterkommande < self.antal_fall / 11 else None
        if person is None:
            person = self.ny_person(insats, a, kp)
            self.rader[Deltagare].append(person.deltagare)
            self.nya_personer.append(person)
            self.antal_personer += 1
        person.antal += 1
        self.antal_fall += 1
        anonym = person.fodd is None
        r = self.rader

        # The plan of the case: dates first, then what happened by `till`.
        vag = self.val(VAG_UT)
        org = self.remittent() if not anonym else None
        remiss = bool(org and person.pnr and self.handlaggare.get(org.pk)) and rng.random() < 0.9
        beslut = None
        if remiss:
            svar = rng.randint(2, 12) if rng.random() < 0.8 else rng.randint(15, 30)
            paus = rng.randint(3, 14) if rng.random() < 0.15 else 0
            beslut = min(self.dag(a, svar + paus), self.dag(till, -1))
        info = self.dag(a, rng.randint(4, 12)) if insats.informationsmote_forst else None
        i = a if anonym else self.dag(max(a, beslut or a, info or a), rng.randint(3, 25))
        # Registered by mistake and closed before enrolment (no consent, no remiss).
        felreg_tidigt = (
            vag == VagUt.FELREGISTRERING and not anonym and not remiss and rng.random() < 0.5
        )
        max_slut = add_months(i, insats.max_manader)
        forlangd = 0
        if vag == VagUt.FELREGISTRERING:
            e = (
                self.dag(a, rng.randint(2, 20))
                if felreg_tidigt
                else self.dag(i, rng.randint(3, 30))
            )
        elif vag.startswith("avbrott"):
            e = self.dag(i, rng.randint(20, 200))
        else:
            e = self.dag(add_months(i, rng.randint(5, insats.max_manader)), rng.randint(-20, 10))
            if insats.forlangning_manader and rng.random() < 0.08:
                forlangd = rng.randint(1, insats.forlangning_manader)
                e = self.dag(add_months(i, insats.max_manader + forlangd), -rng.randint(0, 20))
        forlangning_beslut = max(i, self.dag(max_slut, -rng.randint(10, 40))) if forlangd else None
        if forlangd and forlangning_beslut > till:
            forlangd, forlangning_beslut = 0, None
        e = min(e, add_months(i, insats.max_manader + forlangd))
        e = max(e, i if not felreg_tidigt else a)
        avslutad = e <= till
        slut = e if avslutad else till  # the last day anything happens

        inskriven = not felreg_tidigt and i <= slut
        samtal = []
        if inskriven:
            lo, hi = insats.kartlaggning_samtal_min, insats.kartlaggning_samtal_max
            d = self.dag(i, rng.randint(5, 14))
            for _ in range(rng.randint(max(lo, min(3, hi)), min(hi, max(lo, 6)))):
                samtal.append(d)
                d = self.dag(d, rng.randint(5, 10))
        klar = self.dag(samtal[-1], rng.randint(2, 10)) if samtal else None
        plan = self.dag(klar, rng.randint(0, 7)) if klar else None
        if plan and rng.random() < 0.08:
            plan = self.dag(plan, rng.randint(60, 200))  # a plan long in coming
        samtal = [d for d in samtal if d <= slut]
        if klar and klar > slut:
            klar = None
        if plan and (klar is None or plan > slut):
            plan = None

        # Steps: aktualisering → inskrivning → kartläggning → insatser → avslut.
        vag_dit = []
        if anonym:
            vag_dit.append(("", Steg.INSKRIVNING, a))
        else:
            vag_dit.append(("", Steg.AKTUALISERING, a))
            if inskriven:
                vag_dit.append((Steg.AKTUALISERING, Steg.INSKRIVNING, i))
        if samtal:
            vag_dit.append((Steg.INSKRIVNING, Steg.KARTLAGGNING, samtal[0]))
        if plan:
            vag_dit.append((Steg.KARTLAGGNING, Steg.INSATSER, plan))
        if avslutad:
            vag_dit.append((vag_dit[-1][1], Steg.AVSLUT, e))
        steg = vag_dit[-1][1]

        jan1 = datetime.date(a.year, 1, 1)
        ins = Inskrivning(
            insats=insats,
            steg=steg,
            # Anonymous enrolments count by year only, as the services store them.
            aktualiserad=jan1 if anonym else a,
            remittent_organisation=org,
            informationsmote=info if info and info <= slut else None,
            inskrivningsdatum=(jan1 if anonym else i) if inskriven else None,
            kontaktperson=kp if inskriven and not anonym else None,
            kontaktperson2=kp2 if inskriven and not anonym else None,
            forlangd_manader=forlangd,
            forlangning_beslut=forlangning_beslut,
            forlangning_referens=f"Styrgruppens protokoll {forlangning_beslut:%Y-%m-%d}, § 4"
            if forlangd
            else "",
            senast_andrad=self.tid(slut, 16),
        )
        if person.pk:
            ins.deltagare_id = person.pk
        else:
            ins.deltagare = person.deltagare
        r[Inskrivning].append(ins)
        self.fall.append((ins, insats, i if inskriven else None, slut))
        if inskriven:
            self.nya_per_insats[insats.pk] += 1

        for h, (fran_steg, till_steg, d) in enumerate(vag_dit):
            r[StegByte].append(
                StegByte(
                    inskrivning=ins, fran=fran_steg, till=till_steg, av=kp,
                    tidpunkt=self.tid(d, 9 + h),
                )
            )  # fmt: skip

        # Consent, the remiss, SUS at start.
        samtycke = None
        if not anonym and not felreg_tidigt:
            samtycke = self.samtycke(ins, org, a if remiss else self.dag(a, rng.randint(0, 2)), kp)
            samtycke.givet = min(samtycke.givet, slut)
            samtycke.satt = SamtyckeSatt.BLANKETT if remiss else SamtyckeSatt.MUNTLIGT
            if remiss:
                samtycke.fil = self.samtyckesfil()
                samtycke.fil_namn, samtycke.fil_typ = "samtycke.pdf", "application/pdf"
            else:
                samtycke.vittne = rng.choice(VITTNEN)
        start_sus = None
        if inskriven and not anonym:
            start_sus = self.sus_start(ins, insats, person, i)
        if remiss:
            self.remiss(ins, insats, org, person, a, beslut, start_sus, samtycke, staff)
        if start_sus and insats.min_antal_myndigheter > start_sus.antal_myndigheter:
            ins.undantag_skal = "Samordnat stöd behövs ändå; myndigheterna är överens."

        # Kartläggning, plan, activities, contacts.
        if inskriven:
            self.kartlaggning(ins, samtal, klar, kp, kp2)
        if plan:
            self.handlingsplan(ins, plan, slut, kp)
        if inskriven:
            self.aktiviteter(ins, i, samtal, plan, slut, vag if avslutad else None, kp, kp2)
            self.kontakter(ins, i, slut, kp, bool(plan))

        # Avslut and the follow-up.
        if avslutad:
            self.avslut(ins, vag, e, org, start_sus, anonym, steg_fore=vag_dit[-2][1], kp=kp)
            if samtycke and samtycke.uppfoljning and vag != VagUt.FELREGISTRERING:
                self.uppfoljning(ins, vag, e, samtycke, kp)
            if not anonym and vag != VagUt.FELREGISTRERING and person.antal == 1:
                self.seq += 1
                heapq.heappush(self.pool, (self.dag(e, rng.randint(30, 300)), self.seq, person))

    def remittent(self):
        orgs = [o for o in self.organisationer if REMITTENT.get(o.typ)]
        if not orgs:
            return None
        return self.rng.choices(orgs, weights=[REMITTENT[o.typ] for o in orgs])[0]

    def samtycke(self, ins, org, givet, kp) -> Samtycke:
        rng = self.rng
        andra = [o for o in self.organisationer if o != org]
        orgs = ([org] if org else []) + rng.sample(andra, min(len(andra), rng.randint(0, 2)))
        s = Samtycke(
            inskrivning=ins, informationsutbyte=True, registrering=True,
            uppfoljning=rng.random() < 0.62, givet=givet, registrerat=self.tid(givet, 10),
            registrerat_av=kp,
        )  # fmt: skip
        self.rader[Samtycke].append(s)
        self.rader["samtycke_org"].append((s, orgs))
        return s

    def sus_start(self, ins, insats, person, i) -> SusUppgift:
        rng = self.rng
        ung = _alder(person.fodd, i) < 30
        koder = [self.val(FORSORJNING_UNG if ung else FORSORJNING_ALDRE)]
        if koder[0] not in ("ingen_offentlig", "okand") and rng.random() < 0.35:
            extra = rng.choice(FORSORJNING_TILLAGG)
            if extra not in koder and not (ung and extra == "sjukersattning"):
                koder.append(extra)
        sysselsattning = self.val(
            [("ingen", 60), ("arbetssokande", 25), ("forvarvsarbete", 5), ("studier", 5),
             ("okand", 5)]
        )  # fmt: skip
        sus = SusUppgift(
            inskrivning=ins,
            tidpunkt=SusTidpunkt.START,
            utbildning=self.val(UTBILDNING[:3] + UTBILDNING[5:] if ung else UTBILDNING),
            tid_offentlig_forsorjning=self.val(TID[:3] + TID[4:] if ung else TID),
            sysselsattning=sysselsattning,
            sysselsattning_procent=rng.choice([10, 25, 50])
            if sysselsattning in ("forvarvsarbete", "studier")
            else None,
            aktuell_fk=bool(OHALSA & set(koder)) or rng.random() < 0.15,
            aktuell_af=bool(ARBETSMARKNAD & set(koder)) or rng.random() < 0.35,
            aktuell_socialtjanst="forsorjningsstod" in koder or rng.random() < 0.1,
            aktuell_halso_sjukvard=rng.random() < 0.55,
            registrerad=self.tid(i, 11),
        )
        for falt in ("aktuell_af", "aktuell_halso_sjukvard", "aktuell_socialtjanst"):
            if sus.antal_myndigheter >= insats.min_antal_myndigheter or rng.random() < 0.1:
                break
            setattr(sus, falt, True)
        sus.koder = koder
        self.rader[SusUppgift].append(sus)
        return sus

    def remiss(self, ins, insats, org, person, a, beslut, sus, samtycke, staff):
        rng = self.rng
        pausad = 0
        begard = None
        if rng.random() < 0.15 and (beslut - a).days > 6:
            begard = self.tid(self.dag(a, rng.randint(1, 3)), 14)
            pausad = min(rng.randint(3, 14), (beslut - a).days - 4)
        team = rng.choice(staff)
        inkommen = self.tid(a, 9)
        self.rader[Remiss].append(
            Remiss(
                insats=insats,
                organisation=org,
                handlaggare=rng.choice(self.handlaggare[org.pk]),
                status=Status.ANTAGEN,
                fornamn=person.fornamn,
                efternamn=person.efternamn,
                personnummer=person.pnr,
                kon=person.kon,
                anledning=rng.choice(ANLEDNINGAR),
                aktuell_af=sus.aktuell_af if sus else True,
                aktuell_fk=sus.aktuell_fk if sus else False,
                aktuell_socialtjanst=sus.aktuell_socialtjanst if sus else True,
                aktuell_halso_sjukvard=sus.aktuell_halso_sjukvard if sus else False,
                egna_mal=rng.choice(KARTLAGGNING_TEXT["egna_mal"]),
                skriven_tillsammans=True,
                informationsmote_onskas=insats.informationsmote_forst,
                samtycke_uppfoljning=bool(samtycke and samtycke.uppfoljning),
                samtycke_fil=self.samtyckesfil(),
                samtycke_fil_typ="application/pdf",
                skapad=inkommen - datetime.timedelta(hours=2),
                inkommen=inkommen,
                teammote=beslut,
                tilldelad=team,
                komplettering_begard=begard,
                komplettering_text=KOMPLETTERING if begard else "",
                pausad_dagar=pausad,
                beslutad=self.tid(beslut, 15),
                beslutad_av=team,
                inskrivning=ins,
            )
        )

    def kartlaggning(self, ins, samtal, klar, kp, kp2):
        rng = self.rng
        for n, d in enumerate(samtal):
            self.rader[Kartlaggningssamtal].append(
                Kartlaggningssamtal(
                    inskrivning=ins,
                    datum=d,
                    personal=kp2 if kp2 and n % 2 else kp,
                    form=SamtalForm.GRUPP if rng.random() < 0.1 else SamtalForm.INDIVIDUELLT,
                    omraden=sorted(rng.sample(OMRADEN, rng.randint(2, 3))),
                    anteckning=f"Kartläggningssamtal {n + 1}.",
                    registrerat=self.tid(d, 13),
                )
            )
        data = {}
        if samtal:
            omraden = list(KARTLAGGNING_TEXT)
            for falt in omraden[: 7 if klar else 2 * len(samtal)]:
                data[falt] = rng.choice(KARTLAGGNING_TEXT[falt])
            data["halsa_sjalvskattad"] = rng.randint(1, 5)
        if klar:
            data["klar"] = klar
            data["sammanfattning"] = rng.choice(SAMMANFATTNINGAR)
        self.rader[Kartlaggning].append(Kartlaggning(inskrivning=ins, **data))

    def handlingsplan(self, ins, plan, slut, kp):
        rng = self.rng
        dagar = [plan]
        for _ in range(2):
            if rng.random() < (0.4 if len(dagar) == 1 else 0.25):
                d = self.dag(dagar[-1], rng.randint(45, 150))
                if d <= slut:
                    dagar.append(d)
        mal = rng.choice(PLANMAL)
        for n, d in enumerate(dagar, start=1):
            v = HandlingsplanVersion(
                inskrivning=ins,
                version=n,
                mal=mal,
                revidering_senast=self.dag(d, 90),
                kommentar="" if n == 1 else "Planen reviderad efter avstämning.",
                skapad=self.tid(d, 14),
                skapad_av=kp,
            )
            self.rader[HandlingsplanVersion].append(v)
            for o, text in enumerate(rng.sample(PLANSTEG, rng.randint(2, 3))):
                self.rader[HandlingsplanSteg].append(
                    HandlingsplanSteg(
                        version=v,
                        ordning=o,
                        beskrivning=text,
                        ansvarig=kp.get_full_name() if o == 0 else "Deltagaren",
                        datum=self.dag(d, 30 * (o + 1)),
                        status=PlanStegStatus.PAGAR
                        if n > 1 and o == 0
                        else PlanStegStatus.PLANERAT,
                    )
                )

    def aktiviteter(self, ins, i, samtal, plan, slut, vag, kp, kp2):
        rng = self.rng
        rader = self.rader[Aktivitet]

        def ny(typ, start, slutdatum=None, **extra):
            if start > slut:
                return
            if slutdatum is not None:
                slutdatum = min(max(slutdatum, start), slut)
            elif vag is not None and typ in (AktivitetTyp.ARBETSTRANING, AktivitetTyp.STUDIER):
                slutdatum = slut  # the case closed: so did what was going on
            rader.append(
                Aktivitet(
                    inskrivning=ins, typ=typ, startdatum=start, slutdatum=slutdatum,
                    registrerad_av=kp2 if kp2 and rng.random() < 0.3 else kp,
                    registrerad=self.tid(start, 15), **extra,
                )
            )  # fmt: skip

        # Coach talks most weeks from the first mapping talk on.
        if samtal:
            d = self.dag(samtal[0], 7)
            while d <= slut:
                if rng.random() < 0.8:
                    ny(AktivitetTyp.COACHSAMTAL, self.dag(d, rng.randint(-1, 2)))
                d = self.dag(d, 7)
            if rng.random() < 0.35:
                ny(AktivitetTyp.EKONOMISK_RADGIVNING, self.dag(samtal[0], rng.randint(7, 60)))
        if plan is None:
            return
        if vag in ("arbete", "arbete_med_stod") or rng.random() < 0.4:
            start = self.dag(plan, rng.randint(14, 60))
            ny(
                AktivitetTyp.ARBETSTRANING, start,
                self.dag(start, rng.randint(60, 240)) if rng.random() < 0.5 else None,
                arbetsplats=rng.choice(ARBETSPLATSER),
                arbetsgivarkontakt=f"{rng.choice(FORNAMN['annat'])} {rng.choice(EFTERNAMN)}",
                timmar_per_vecka=Decimal(rng.choice([8, 10, 12, 15, 20, 25, 30])),
            )  # fmt: skip
        if vag == "studier" or rng.random() < 0.1:
            manader = rng.randint(1, 3)
            start = self.dag(plan, rng.randint(20, 90))
            ny(AktivitetTyp.STUDIER, start, add_months(start, manader), stodperiod_manader=manader)
        if rng.random() < 0.3:
            ny(AktivitetTyp.STUDIEBESOK, self.dag(plan, rng.randint(7, 90)))
        if rng.random() < 0.1:
            start = self.dag(plan, rng.randint(7, 60))
            ny(AktivitetTyp.EXTERN_UTREDNING, start, self.dag(start, rng.randint(14, 60)))

    def kontakter(self, ins, i, slut, kp, arbetstraning):
        rng = self.rng
        d = self.dag(i, rng.randint(10, 30))
        while d <= slut:
            typ = KontaktTyp.REMITTENT if rng.random() < 0.6 else KontaktTyp.DELTAGARE
            if arbetstraning and rng.random() < 0.1:
                typ = rng.choice([KontaktTyp.ARBETSGIVARE, KontaktTyp.TREPARTSMOTE])
            self.rader[Kontakt].append(
                Kontakt(
                    inskrivning=ins, datum=d, typ=typ, anteckning=rng.choice(KONTAKT_TEXT[typ]),
                    till_remittent=typ == KontaktTyp.REMITTENT and rng.random() < 0.85,
                    registrerad_av=kp, registrerad=self.tid(d, 16),
                )
            )  # fmt: skip
            d = self.dag(d, rng.randint(18, 40))

    def avslut(self, ins, vag, e, org, sus, anonym, *, steg_fore, kp):
        rng = self.rng
        felreg = vag == VagUt.FELREGISTRERING
        if felreg:
            ansvarig = "ingen"
        elif vag == "arbete":
            ansvarig = "ingen" if rng.random() < 0.8 else "af"
        elif vag == "studier":
            ansvarig = "ingen" if rng.random() < 0.85 else "kommun"
        elif vag in ("arbete_med_stod", "arbetssokande_af"):
            ansvarig = "af"
        elif vag == "annan_aktor":
            ansvarig = rng.choice(["af", "kommun"])
        else:
            ansvarig = ORG_TILL_ANSVARIG.get(getattr(org, "typ", ""), "kommun")
        avbrott = vag.startswith("avbrott")
        # bulk_create skips Avslut.save(), which keeps these copies.
        ins.avslutsdatum, ins.felregistrerad = e, felreg
        self.rader[Avslut].append(
            Avslut(
                inskrivning=ins,
                datum=e,
                vag_ut=vag,
                ansvarig_efter=ansvarig,
                dokumenterat_nasta_steg=not felreg and rng.random() < (0.5 if avbrott else 0.92),
                avslutsmote=None if felreg or avbrott else e,
                sammanfattning="Registrerad av misstag." if felreg else "Överlämning klar.",
                rekommendationer="" if felreg else "Fortsatt kontakt med handläggaren.",
                registrerat_av=kp,
                registrerat=self.tid(e, 15),
            )
        )
        if felreg or steg_fore == Steg.AKTUALISERING:
            return
        # SUS at exit: the way out shows in occupation and income.
        if vag in ("arbete", "arbete_med_stod"):
            syss, procent = "forvarvsarbete", rng.choice([25, 50, 75, 100])
            koder = ["lon"] + (["forsorjningsstod"] if rng.random() < 0.2 else [])
        elif vag == "studier":
            syss, procent, koder = "studier", rng.choice([50, 75, 100]), ["studiemedel"]
        elif vag in ("arbetssokande_af", "annan_aktor"):
            syss, procent = "arbetssokande", None
            koder = [rng.choice(["aktivitetsstod", "a_kassa", "forsorjningsstod"])]
        else:
            syss, procent = rng.choice(["ingen", "ingen", "okand"]), None
            koder = list(sus.koder) if sus else [self.val(FORSORJNING_ALDRE)]
        s = SusUppgift(
            inskrivning=ins,
            tidpunkt=SusTidpunkt.AVSLUT,
            utbildning=sus.utbildning if sus else self.val(UTBILDNING),
            tid_offentlig_forsorjning=sus.tid_offentlig_forsorjning if sus else "okand",
            sysselsattning=syss,
            sysselsattning_procent=procent,
            aktuell_af=ansvarig == "af" or bool(ARBETSMARKNAD & set(koder)),
            aktuell_fk=ansvarig == "fk" or bool(OHALSA & set(koder)),
            aktuell_socialtjanst=ansvarig == "kommun" or "forsorjningsstod" in koder,
            aktuell_halso_sjukvard=ansvarig == "region",
            registrerad=self.tid(e, 14),
        )
        s.koder = koder
        self.rader[SusUppgift].append(s)

    def uppfoljning(self, ins, vag, e, samtycke, kp):
        rng, till = self.rng, self.till
        planerad = add_months(e, 12)
        u = Uppfoljning(inskrivning=ins, planerad=planerad)
        if rng.random() < 0.04:
            aterkallat = self.dag(e, rng.randint(10, 300))
            if aterkallat <= till:
                samtycke.aterkallat, samtycke.aterkallat_av = aterkallat, kp
                u.stoppad = aterkallat
        if u.stoppad is None and planerad <= till and rng.random() < 0.85:
            genomford = min(self.dag(planerad, rng.randint(0, 21)), till)
            if vag in ("arbete", "arbete_med_stod", "studier") and rng.random() < 0.75:
                utfall = vag if rng.random() < 0.7 else "arbete"
            else:
                utfall = self.val(VAG_UT[:-1])
            u.genomford, u.utfall, u.registrerad_av = genomford, utfall, kp
            u.anteckning = "Uppföljning per telefon."
        self.rader[Uppfoljning].append(u)

    def spara_fall(self):
        """Write one batch of cases in dependency order."""
        r = self.rader
        self.spara(Deltagare, r[Deltagare])
        self.spara(Inskrivning, r[Inskrivning])
        self.spara(Samtycke, r[Samtycke])
        through = Samtycke.organisationer.through
        self.spara(
            through,
            [through(samtycke_id=s.pk, organisation_id=o.pk) for s, orgs in r["samtycke_org"]
             for o in orgs],
        )  # fmt: skip
        self.spara(SusUppgift, r[SusUppgift])
        self.spara(
            SusForsorjning,
            [SusForsorjning(uppgift=s, kod=k) for s in r[SusUppgift] for k in s.koder],
        )
        for model in (Remiss, StegByte, Avslut, Uppfoljning, Kartlaggningssamtal, Kartlaggning,
                      HandlingsplanVersion, HandlingsplanSteg, Aktivitet, Kontakt):  # fmt: skip
            self.spara(model, r[model])
        for ins, insats, i, slut in self.fall:
            if i is not None:
                for manad in _manader(i, slut):
                    self.aktiva[insats.pk][manad].append((ins.pk, i, slut))
        # People who may come back keep only their pk, not the row.
        for p in self.nya_personer:
            p.pk, p.deltagare = p.deltagare.pk, None
        self.rader = self.fall = self.nya_personer = None

    # --- beside the enrolments ----------------------------------------------------------

    def avbojda_remisser(self, antal: int):
        """Declined remisser: no enrolment, a reason and an answer."""
        rng = self.rng
        rader = []
        for insats in self.individ:
            lo, hi = self.fonster(insats)
            orgs = [o for o in self.organisationer if self.handlaggare.get(o.pk)]
            if lo > hi or not orgs:
                continue
            for _ in range(antal // max(1, len(self.individ))):
                a = lo + datetime.timedelta(days=rng.randrange((hi - lo).days + 1))
                org = rng.choice(orgs)
                fodd = self.fodelsedag(insats, a)
                kon = self.val(KON)
                orsak = self.val(AVBOJD)
                beslut = min(self.dag(a, rng.randint(3, 20)), self.dag(self.till, -1))
                team = rng.choice(self.personal[insats.pk])
                inkommen = self.tid(a, 10)
                pnr = self.nytt_pnr(fodd, samordning=False)
                if not pnr:
                    continue
                rader.append(
                    Remiss(
                        insats=insats, organisation=org,
                        handlaggare=rng.choice(self.handlaggare[org.pk]), status=Status.AVBOJD,
                        fornamn=rng.choice(FORNAMN[kon]), efternamn=rng.choice(EFTERNAMN),
                        personnummer=pnr, kon=kon, anledning=rng.choice(ANLEDNINGAR),
                        aktuell_af=True, aktuell_socialtjanst=rng.random() < 0.5,
                        skriven_tillsammans=True, samtycke_fil=self.samtyckesfil(),
                        samtycke_fil_typ="application/pdf",
                        skapad=inkommen - datetime.timedelta(hours=2), inkommen=inkommen,
                        teammote=beslut, tilldelad=team, beslutad=self.tid(beslut, 15),
                        beslutad_av=team, avbojd_orsak=orsak, beslut_text=AVBOJD_TEXT[orsak],
                    )
                )  # fmt: skip
        with transaction.atomic():
            self.spara(Remiss, rader)

    def gruppaktiviteter(self):
        """One to three group events a month per insats, with those enrolled attending."""
        rng = self.rng
        for insats in self.individ:
            lo, hi = self.fonster(insats)
            if lo > hi:
                continue
            staff = self.personal[insats.pk]
            handelser, narvaro = [], []
            for ar, manad in _manader(lo, self.till):
                aktiva = self.aktiva[insats.pk].get((ar, manad), [])
                for _ in range(rng.randint(1, 3)):
                    d = datetime.date(ar, manad, rng.randint(1, 28))
                    if not lo <= d <= self.till:
                        continue
                    deltar = [pk for pk, i, slut in aktiva if i <= d <= slut]
                    if not deltar:
                        continue
                    g = Gruppaktivitet(
                        insats=insats, titel=rng.choice(GRUPPTITLAR), datum=d,
                        ledare=rng.choice(staff).get_full_name(), registrerad_av=rng.choice(staff),
                    )  # fmt: skip
                    handelser.append(g)
                    for pk in rng.sample(deltar, min(len(deltar), rng.randint(4, 12))):
                        narvaro.append((g, pk, rng.random() < 0.8))
            with transaction.atomic():
                self.spara(Gruppaktivitet, handelser)
                self.spara(
                    Narvaro,
                    [Narvaro(gruppaktivitet=g, inskrivning_id=pk, narvarande=n)
                     for g, pk, n in narvaro],
                )  # fmt: skip

    def mal_och_ekonomi(self, antal: int):
        rng = self.rng
        ar_i_perioden = max(1.0, ((self.till - self.fran).days + 1) / 365.25)
        mal, ekonomier, poster, kostnader = [], [], [], []
        finns_mal = set(
            Mal.objects.filter(insats__in=self.insatser).values_list("insats_id", "typ")
        )
        finns_ar = set(
            Ekonomi.objects.filter(insats__in=self.insatser).values_list("insats_id", "ar")
        )
        for insats in self.insatser:
            individ = insats.typ == Insats.Typ.INDIVID
            if individ:
                per_ar = self.nya_per_insats[insats.pk] / ar_i_perioden
                for typ, varde, extra in (
                    (MalTyp.NASTA_STEG, 80, {}),
                    (MalTyp.HANDLINGSPLAN, 80, {"dagar": 180}),
                    (MalTyp.DELTAGARE_PER_AR, max(5, 5 * round(per_ar * 1.05 / 5)), {}),
                    (MalTyp.AKTIVITET_PER_VECKA, 1, {"aktivitetstyp": AktivitetTyp.COACHSAMTAL}),
                    (MalTyp.ARBETE_STUDIER, 40, {}),
                ):
                    if (insats.pk, typ) not in finns_mal:
                        mal.append(Mal(insats=insats, typ=typ, malvarde=Decimal(varde), **extra))
            forsta = max(self.fran.year, insats.startdatum.year)
            sista = min(self.till.year, insats.slutdatum.year if insats.slutdatum else 9999)
            for ar in range(forsta, sista + 1):
                if (insats.pk, ar) in finns_ar:
                    continue
                storlek = rng.randint(24, 45) if individ else rng.randint(3, 8)
                beviljat = Decimal(storlek * 100_000)
                eko = Ekonomi(
                    insats=insats, ar=ar, beviljat=beviljat,
                    antal_nadda=None if individ else rng.randint(80, 400),
                    kommentar="", andrad=self.tid(datetime.date(ar, 1, 15)),
                )  # fmt: skip
                ekonomier.append(eko)
                andelar = {"personal": 0.74, "externa_resurser": 0.12,
                           "kompetensutveckling": 0.04, "ovrigt": 0.10}  # fmt: skip
                for typ in Kostnadstyp.values:
                    budget = (beviljat * Decimal(andelar[typ])).quantize(Decimal(1))
                    prognos = (budget * Decimal(rng.uniform(0.88, 1.05))).quantize(Decimal(1))
                    poster.append(
                        Budgetpost(ekonomi=eko, kostnadstyp=typ, budget=budget, prognos=prognos)
                    )
                    for manad in range(1, 13):
                        sista_dag = add_months(datetime.date(ar, manad, 1), 1)
                        if sista_dag - datetime.timedelta(days=1) > self.till:
                            break
                        if typ != "personal" and rng.random() < 0.3:
                            continue  # lumpy costs: nothing booked this month
                        skala = (
                            rng.uniform(0.85, 1.1) if typ == "personal" else rng.uniform(0.3, 1.9)
                        )
                        belopp = (prognos / 12 * Decimal(skala)).quantize(Decimal(1))
                        kostnader.append(
                            Kostnad(ekonomi=eko, manad=manad, kostnadstyp=typ, belopp=belopp)
                        )
        with transaction.atomic():
            self.spara(Mal, mal)
            self.spara(Ekonomi, ekonomier)
            self.spara(Budgetpost, poster)
            self.spara(Kostnad, kostnader)


def ikapp(*, inskrivningar, idag: datetime.date, seed: int = 1, andel_efter: float = 0.15):
    """A team that keeps up: in all but `andel_efter` of the open cases among
    `inskrivningar`, an overdue contact with the referrer is made recently and an
    overdue revision of the plan is done recently, so that the due items of the
    start page are a realistic mix of overdue, due within a week and later rather
    than years of history all overdue. Bulk, without the audit trail, like the rest
    of the generated history; only adds rows. Returns the rows made per model.
    """
    from django.db.models import Max, OuterRef, Q, Subquery

    rng = random.Random(seed)  # noqa: S311 (fictitious data, not secrets)
    senaste_plan = HandlingsplanVersion.objects.filter(inskrivning=OuterRef("pk")).order_by(
        "-version"
    )
    oppna = (
        Inskrivning.objects.filter(
            pk__in=inskrivningar,
            steg__in=[Steg.INSKRIVNING, Steg.KARTLAGGNING, Steg.INSATSER],
            deltagare__anonym=False,
            kontaktperson__isnull=False,
        )
        .select_related("insats")
        .annotate(
            senast_kontakt=Max("kontakter__datum", filter=Q(kontakter__typ=KontaktTyp.REMITTENT)),
            plan_id=Subquery(senaste_plan.values("pk")[:1]),
            plan_revidering=Subquery(senaste_plan.values("revidering_senast")[:1]),
        )
        .order_by("pk")
    )
    kontakter, planer, planer_fran = [], [], []
    for ins in oppna:
        if rng.random() < andel_efter:
            continue  # left behind: overdue on the start page
        dagar = ins.insats.remittentkontakt_dagar
        senast = ins.senast_kontakt or ins.inskrivningsdatum
        if ins.remittent_organisation_id and senast and senast + datetime.timedelta(dagar) < idag:
            d = idag - datetime.timedelta(days=rng.randint(1, max(1, dagar - 1)))
            tid = timezone.make_aware(datetime.datetime.combine(d, datetime.time(16)))
            kontakter.append(
                Kontakt(
                    inskrivning=ins, datum=d, typ=KontaktTyp.REMITTENT,
                    anteckning=rng.choice(KONTAKT_TEXT[KontaktTyp.REMITTENT]),
                    till_remittent=True, registrerad_av_id=ins.kontaktperson_id,
                    registrerad=tid,
                )
            )  # fmt: skip
        if ins.plan_id and ins.plan_revidering and ins.plan_revidering < idag:
            d = idag - datetime.timedelta(days=rng.randint(1, 80))
            planer_fran.append(ins.plan_id)
            planer.append((ins, d))
    # The revised plan keeps the goal and the steps, with new dates.
    forra = HandlingsplanVersion.objects.in_bulk(planer_fran)
    steg = defaultdict(list)
    for s in HandlingsplanSteg.objects.filter(version_id__in=planer_fran).order_by("ordning"):
        steg[s.version_id].append(s)
    versioner, nya_steg = [], []
    for (ins, d), plan_id in zip(planer, planer_fran, strict=True):
        gammal = forra[plan_id]
        v = HandlingsplanVersion(
            inskrivning=ins, version=gammal.version + 1, mal=gammal.mal,
            revidering_senast=d + datetime.timedelta(days=90),
            kommentar="Planen reviderad efter avstämning.",
            skapad=timezone.make_aware(datetime.datetime.combine(d, datetime.time(14))),
            skapad_av_id=ins.kontaktperson_id,
        )  # fmt: skip
        versioner.append(v)
        for s in steg[plan_id]:
            nya_steg.append(
                HandlingsplanSteg(
                    version=v, ordning=s.ordning, beskrivning=s.beskrivning,
                    ansvarig=s.ansvarig, datum=d + datetime.timedelta(days=30 * (s.ordning + 1)),
                    status=PlanStegStatus.PAGAR if s.ordning == 0 else PlanStegStatus.PLANERAT,
                )
            )  # fmt: skip
    with _historiska_tidsstamplar(), transaction.atomic():
        Kontakt.objects.bulk_create(kontakter, batch_size=1000)
        HandlingsplanVersion.objects.bulk_create(versioner, batch_size=1000)
        HandlingsplanSteg.objects.bulk_create(nya_steg, batch_size=1000)
    lista_cache.ny_generation()
    return {"Kontakt": len(kontakter), "HandlingsplanVersion": len(versioner)}
