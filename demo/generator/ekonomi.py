"""Goals per insats and economy per insats and year: grant, budget, monthly costs."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from deltagare.koder import AktivitetTyp
from deltagare.models.inskrivning import add_months
from rapporter.models import Budgetpost, Ekonomi, Kostnad, Kostnadstyp, Mal, MalTyp
from samverkan.models import Insats


class EkonomiGenerator:
    """Part of `Generator`: the inputs of the goal and economy tables."""

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
