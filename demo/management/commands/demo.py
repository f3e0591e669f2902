"""`manage.py demo`: fictitious demo data for development and a demo server (`make run`).

Idempotent: running it again changes nothing. What is loaded is in the `demo`
modules, one per app they fill, in the order the apps depend on each other.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import deltagare, enkater, forbund, historik, rapporter, remisser, styrelse
from demo.tyst import tyst
from samverkan.models import Forbund


class Command(BaseCommand):
    help = (
        "Lägger in fiktiva demodata: ett förbund, fyra partner, två insatser "
        "och en användare per roll."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Gör ingenting om databasen redan har ett förbund.",
        )
        parser.add_argument(
            "--utan-historik",
            action="store_true",
            help="Bara de handgjorda fallen: ingen tvåårshistorik och inga rapporter.",
        )

    def handle(self, *args, if_empty=False, utan_historik=False, **options):
        if not (settings.DEBUG or settings.TESTING or settings.SAMVERKAN_DEMO):
            raise CommandError(
                "Demodata har konton med ett publicerat lösenord och läggs aldrig in i "
                "produktion. Sätt DEBUG=True (utveckling) eller SAMVERKAN_DEMO=True (en "
                "demoserver)."
            )
        if if_empty and Forbund.objects.exists():
            self.stdout.write("Databasen har redan data; demodata läggs inte in.")
        else:
            with tyst():
                self._ladda(utan_historik)
        forbund.skriv_inloggningar(self.stdout)

    def _ladda(self, utan_historik):
        demoforbund = forbund.ladda()
        self.stdout.write(self.style.SUCCESS("Demodata finns på plats."))
        steg = [deltagare.ladda, remisser.ladda, enkater.ladda]
        if not utan_historik:
            # Two years of history behind the hand-made cases, for statistics and reports.
            steg += [historik.ladda, rapporter.ladda]
        # The board's meetings, protocols and applications.
        steg.append(styrelse.ladda)
        for ladda in steg:
            ladda(demoforbund, stdout=self.stdout, style=self.style)
