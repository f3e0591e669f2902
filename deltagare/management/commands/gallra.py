"""Remove personal data on schedule and keep the anonymous statistical remainder.

python manage.py gallra [--provkorning] [--forbund <id>]
"""

from django.core.management.base import BaseCommand, CommandError

from deltagare.gallring import gallra_forbund
from samverkan.models import Forbund


class Command(BaseCommand):
    help = "Gallrar personuppgifter enligt förbundets gallringsfrist; statistiken finns kvar."

    def add_arguments(self, parser):
        parser.add_argument(
            "--provkorning", action="store_true", help="visa vad som skulle gallras, ändra inget"
        )
        parser.add_argument("--forbund", type=int, help="bara detta förbund (id)")

    def handle(self, *args, provkorning=False, forbund=None, **options):
        alla = Forbund.objects.order_by("pk")
        if forbund is not None:
            alla = alla.filter(pk=forbund)
            if not alla.exists():
                raise CommandError(f"Hittar inget förbund med id {forbund}.")
        for f in alla:
            k = gallra_forbund(forbund=f, provkorning=provkorning)
            verb = "skulle gallras" if provkorning else "gallrade"
            self.stdout.write(
                f"{f.namn}: {k.antal_deltagare} deltagare ({k.antal_inskrivningar} inskrivningar), "
                f"{k.antal_remisser} remisser och {k.antal_filer} filer {verb}; "
                f"{k.antal_stoppade} stoppade av gallringsstopp; avslutade senast {k.gransdatum}."
            )
