"""Enrolments: one case from aktualisering to avslut, its consent and SUS at start,
written in batches.
"""

from __future__ import annotations

import datetime
import heapq
from collections import defaultdict

from django.db import transaction

from deltagare.koder import SamtyckeSatt, Steg, SusTidpunkt, VagUt
from deltagare.models import (
    Aktivitet,
    Avslut,
    Deltagare,
    HandlingsplanSteg,
    HandlingsplanVersion,
    Inskrivning,
    Kartlaggning,
    Kartlaggningssamtal,
    Kontakt,
    Samtycke,
    StegByte,
    SusForsorjning,
    SusUppgift,
    Uppfoljning,
)
from deltagare.models.inskrivning import add_months
from demo.generator.grund import alder, manader
from demo.generator.urval import (
    ARBETSMARKNAD,
    FORSORJNING_ALDRE,
    FORSORJNING_TILLAGG,
    FORSORJNING_UNG,
    OHALSA,
    REMITTENT,
    TID,
    UTBILDNING,
    VAG_UT,
    VITTNEN,
)
from remisser.models import Remiss


class FallGenerator:
    """Part of `Generator`: the cases, batch by batch."""

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
        ung = alder(person.fodd, i) < 30
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
                for manad in manader(i, slut):
                    self.aktiva[insats.pk][manad].append((ins.pk, i, slut))
        # People who may come back keep only their pk, not the row.
        for p in self.nya_personer:
            p.pk, p.deltagare = p.deltagare.pk, None
        self.rader = self.fall = self.nya_personer = None
