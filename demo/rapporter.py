"""Published board reports for the latest complete quarter and half-year,
written by the demo förbund's administratör through the real services.

Idempotent: a period that already has a report is left alone.
"""

from django.db import transaction
from django.utils import timezone

from demo.forbund import medlem
from rapporter.models import Rapport
from rapporter.period import Period
from rapporter.services import rapport as services
from samverkan.models import Roll

TEXTER = {
    "sammanfattning": (
        "Verksamheten har haft ett jämnt inflöde av remisser under perioden. "
        "Samverkan mellan parterna fungerar väl och fler deltagare än tidigare har gått "
        "vidare till arbete eller studier."
    ),
    "samverkan": (
        "Teamet har träffat remittenterna varje månad. Arbetsförmedlingen och kommunen "
        "deltar i de gemensamma teammötena, och regionen har utsett en kontaktperson."
    ),
    "resultat": (
        "Andelen avslut med ett dokumenterat nästa steg ligger nära målet. Tiden från "
        "remiss till beslut har kortats."
    ),
    "framat": (
        "Under nästa period startar en ny gruppverksamhet om hälsa och vardagsstruktur, "
        "och uppföljningen efter tolv månader ska nå fler tidigare deltagare."
    ),
}


def ladda(forbund, *, stdout, style) -> None:
    admin = medlem(forbund, Roll.FORBUNDSADMIN)
    idag = timezone.localdate()
    kvartal = Period.senaste_hela_kvartal(idag)
    foregaende = Period.senaste_hela_kvartal(kvartal.start)
    halvar_nr = 1 if idag.month > 6 else 2
    halvar = Period.halvar(idag.year if halvar_nr == 1 else idag.year - 1, halvar_nr)
    antal = 0
    for period in (foregaende, halvar, kvartal):
        if Rapport.objects.filter(
            forbund=forbund, insats=None, period_start=period.start, period_slut=period.slut
        ).exists():
            continue
        with transaction.atomic():
            rapport = services.rapport_skapa(actor=admin, forbund=forbund, period=period)
            services.rapport_spara_text(actor=admin, rapport=rapport, texter=TEXTER)
            services.rapport_publicera(actor=admin, rapport=rapport)
        antal += 1
    stdout.write(f"Demorapporter: {antal} nya.")
