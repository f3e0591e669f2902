"""Remisser: the accepted one behind an enrolment, and declined ones."""

from __future__ import annotations

import datetime

from django.db import transaction

from demo.generator.urval import (
    ANLEDNINGAR,
    AVBOJD,
    AVBOJD_TEXT,
    EFTERNAMN,
    FORNAMN,
    KARTLAGGNING_TEXT,
    KOMPLETTERING,
    KON,
)
from remisser.models import Remiss, Status


class RemissGenerator:
    """Part of `Generator`: remisser, accepted and declined."""

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
