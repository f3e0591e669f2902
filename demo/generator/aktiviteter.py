"""Mapping talks, plans, activities, contacts and group events."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from deltagare.koder import AktivitetTyp, KontaktTyp, PlanStegStatus, SamtalForm
from deltagare.models import (
    Aktivitet,
    Gruppaktivitet,
    HandlingsplanSteg,
    HandlingsplanVersion,
    Kartlaggning,
    Kartlaggningssamtal,
    Kontakt,
    Narvaro,
)
from deltagare.models.inskrivning import add_months
from demo.generator.grund import manader
from demo.generator.urval import (
    ARBETSPLATSER,
    EFTERNAMN,
    FORNAMN,
    GRUPPTITLAR,
    KARTLAGGNING_TEXT,
    KONTAKT_TEXT,
    OMRADEN,
    PLANMAL,
    PLANSTEG,
    SAMMANFATTNINGAR,
)


class AktivitetGenerator:
    """Part of `Generator`: what happens in a case between enrolment and exit."""

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

    def gruppaktiviteter(self):
        """One to three group events a month per insats, with those enrolled attending."""
        rng = self.rng
        for insats in self.individ:
            lo, hi = self.fonster(insats)
            if lo > hi:
                continue
            staff = self.personal[insats.pk]
            handelser, narvaro = [], []
            for ar, manad in manader(lo, self.till):
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
