"""The exit of a case, SUS at exit, and the 12-month follow-up."""

from __future__ import annotations

from deltagare.koder import Steg, SusTidpunkt, VagUt
from deltagare.models import Avslut, SusUppgift, Uppfoljning
from deltagare.models.inskrivning import add_months
from demo.generator.urval import (
    ARBETSMARKNAD,
    FORSORJNING_ALDRE,
    OHALSA,
    ORG_TILL_ANSVARIG,
    UTBILDNING,
    VAG_UT,
)


class AvslutGenerator:
    """Part of `Generator`: the end of a case and what follows it."""

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
