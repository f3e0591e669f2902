"""Demo: two years of fictitious history in the demo förbund, so that every recent
quarter has figures in every table of the statistics and the board reports.

Written by `rapporter.generator` (bulk, no services, no audit trail: it is demo data)
beside the participants and remisser that `demo_deltagare` and `demo_remisser`
made through the services, which it leaves as they are. The staff of each insats
are the contact persons; the demo's handläggare send the remisser. A
strukturövergripande insats with its economy is added if the förbund has none.

Idempotent: a förbund that already has many enrolments is taken to have its history.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from deltagare.models import Inskrivning
from deltagare.models.inskrivning import add_months
from rapporter.generator import generera, ikapp
from samverkan.management.commands.demo import FORBUND
from samverkan.models import Forbund, Insats

INDIVIDINRIKTADE = ["Samverkansteamet", "Unga vuxna i arbete"]
STRUKTUR = {
    "namn": "Gemensam kompetensutveckling",
    "typ": Insats.Typ.STRUKTUR,
    "beskrivning": "Utbildningsdagar och nätverksträffar för handläggare hos parterna.",
    "startdatum": datetime.date(2024, 1, 1),
}
# The hand-made demo has a few dozen enrolments; history adds hundreds.
HISTORIK_FINNS = 150


class Command(BaseCommand):
    help = (
        "Lägger in två års fiktiv historik i demoförbundet (inskrivningar, avslut, "
        "uppföljningar, remisser, mål och ekonomi). Kör `demo` först."
    )

    def add_arguments(self, parser):
        parser.add_argument("--antal", type=int, default=500, help="antal inskrivningar")
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, antal=500, seed=2024, **options):
        forbund = Forbund.objects.filter(organisationsnummer=FORBUND["organisationsnummer"]).first()
        if forbund is None:
            raise CommandError("Demoförbundet saknas. Kör först: manage.py demo")
        insatser = list(
            Insats.objects.filter(forbund=forbund, namn__in=INDIVIDINRIKTADE).order_by("namn")
        )
        if len(insatser) != len(INDIVIDINRIKTADE):
            raise CommandError("Demoförbundets insatser saknas. Kör först: manage.py demo")
        if Inskrivning.objects.filter(insats__forbund=forbund).count() >= HISTORIK_FINNS:
            self.stdout.write("Förbundet har redan historik; ingen ny läggs in.")
            return
        idag = timezone.localdate()
        fore = set(Inskrivning.objects.filter(insats__forbund=forbund).values_list("pk", flat=True))
        with transaction.atomic():
            struktur = Insats.objects.filter(forbund=forbund, typ=Insats.Typ.STRUKTUR).first()
            if struktur is None:
                data = dict(STRUKTUR)
                struktur = Insats.objects.create(forbund=forbund, namn=data.pop("namn"), **data)
            antal_rader = generera(
                forbund=forbund,
                insatser=[*insatser, struktur],
                # Up to yesterday: nothing generated is later than now.
                fran=add_months(idag, -24),
                till=idag - datetime.timedelta(days=1),
                antal=antal,
                seed=seed,
            )
            # The team has kept up with most of its open cases: the start page shows a
            # mix of overdue, due within a week and later, not two years all overdue.
            ikapp(
                inskrivningar=Inskrivning.objects.filter(insats__forbund=forbund)
                .exclude(pk__in=fore)
                .values("pk"),
                idag=idag,
                seed=seed,
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demohistorik: {antal_rader.get('Inskrivning', 0)} inskrivningar, "
                f"{antal_rader.get('Avslut', 0)} avslut, {antal_rader.get('Remiss', 0)} remisser."
            )
        )
        for namn, n in (
            Inskrivning.objects.filter(insats__forbund=forbund)
            .order_by("insats__namn")
            .values_list("insats__namn")
            .annotate(n=Count("pk"))
        ):
            self.stdout.write(f"  {namn}: {n} inskrivningar")
