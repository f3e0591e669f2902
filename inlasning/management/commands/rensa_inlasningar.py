"""Delete uploaded import files that were never imported.

python manage.py rensa_inlasningar [--dagar N]
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from inlasning.services.genomforande import inlasningar_rensa


class Command(BaseCommand):
    help = "Raderar uppladdade inläsningsfiler som aldrig lästes in."

    def add_arguments(self, parser):
        parser.add_argument("--dagar", type=int, default=settings.SAMVERKAN_INLASNING_DAGAR)

    def handle(self, *args, dagar, **options):
        antal = inlasningar_rensa(dagar=dagar)
        self.stdout.write(f"{antal} filer raderade (äldre än {dagar} dagar).")
