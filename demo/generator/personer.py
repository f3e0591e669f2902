"""People: new participants with fictitious personnummer, and those who come back."""

from __future__ import annotations

import datetime
import heapq

from deltagare.models import Deltagare
from demo.generator.grund import alder
from demo.generator.urval import EFTERNAMN, FORNAMN, KON, SERIER, STAMMAR


class Person:
    """A participant as the generator keeps them: the new row, then only its pk."""

    __slots__ = ("antal", "deltagare", "efternamn", "fodd", "fornamn", "kon", "pk", "pnr")

    def __init__(self, *, deltagare, kon, fodd=None, fornamn="", efternamn="", pnr=""):
        self.deltagare, self.pk, self.kon, self.fodd = deltagare, None, kon, fodd
        self.fornamn, self.efternamn, self.pnr, self.antal = fornamn, efternamn, pnr, 0


def _kontrollsiffra(nio: str) -> str:
    """Luhn's check digit over the nine first digits of the 10-digit form."""
    total = 0
    for i, ch in enumerate(nio):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


class PersonGenerator:
    """Part of `Generator`: who the participants are."""

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

    def ny_person(self, insats, aktualiserad, kp) -> Person:
        rng = self.rng
        kon = self.val(KON)
        if rng.random() < 0.03:
            d = Deltagare(
                forbund=self.forbund, anonym=True, kon=kon, startar=aktualiserad.year,
                skapad=self.tid(aktualiserad), skapad_av=kp,
            )  # fmt: skip
            return Person(deltagare=d, kon=kon)
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
        return Person(
            deltagare=d, kon=kon, fodd=fodd, fornamn=fornamn, efternamn=efternamn, pnr=pnr
        )

    def atervandare(self, insats, dag) -> Person | None:
        """Someone who left earlier and is referred again (to this or another insats)."""
        while self.pool and self.pool[0][0] <= dag:
            self.redo.append(heapq.heappop(self.pool)[2])
        for _ in range(4):
            if not self.redo:
                return None
            i = self.rng.randrange(len(self.redo))
            person = self.redo[i]
            if insats.malgrupp_alder_min <= alder(person.fodd, dag) <= insats.malgrupp_alder_max:
                self.redo[i] = self.redo[-1]
                self.redo.pop()
                return person
        return None
