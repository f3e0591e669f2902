"""Two years of fictitious history in the demo förbund, so that every recent quarter
has figures in every table of the statistics and the board reports.

Written by `demo.generator` (bulk, no services, no audit trail: it is demo data)
beside the participants and remisser that `demo.deltagare` and `demo.remisser`
made through the services, which it leaves as they are. The staff of each insats
are the contact persons; the demo's handläggare send the remisser. A
strukturövergripande insats with its economy is added if the förbund has none.

Idempotent: a förbund that already has many enrolments is taken to have its history.
"""

import datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from deltagare.models import Inskrivning
from deltagare.models.inskrivning import add_months
from demo.forbund import handgjorda_insatser
from demo.generator.generera import generera
from demo.generator.ikapp import ikapp
from samverkan.models import Insats

STRUKTUR = {
    "namn": "Gemensam kompetensutveckling",
    "typ": Insats.Typ.STRUKTUR,
    "beskrivning": "Utbildningsdagar och nätverksträffar för handläggare hos parterna.",
    "startdatum": datetime.date(2024, 1, 1),
}
# The hand-made demo has a few dozen enrolments; history adds hundreds.
HISTORIK_FINNS = 150
ANTAL = 500
SEED = 2024


def ladda(forbund, *, stdout, style) -> None:
    insatser = sorted(handgjorda_insatser(forbund).values(), key=lambda i: i.namn)
    if Inskrivning.objects.filter(insats__forbund=forbund).count() >= HISTORIK_FINNS:
        stdout.write("Förbundet har redan historik; ingen ny läggs in.")
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
            antal=ANTAL,
            seed=SEED,
        )
        # The team has kept up with most of its open cases: the start page shows a
        # mix of overdue, due within a week and later, not two years all overdue.
        ikapp(
            inskrivningar=Inskrivning.objects.filter(insats__forbund=forbund)
            .exclude(pk__in=fore)
            .values("pk"),
            idag=idag,
            seed=SEED,
        )
    stdout.write(
        style.SUCCESS(
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
        stdout.write(f"  {namn}: {n} inskrivningar")
