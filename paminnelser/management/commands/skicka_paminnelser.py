"""Send today's reminder digests (for cron when Celery beat is not used).

python manage.py skicka_paminnelser [--datum ÅÅÅÅ-MM-DD]
"""

import datetime

from django.core.management.base import BaseCommand

from paminnelser.tasks import skicka_alla


class Command(BaseCommand):
    help = "Skickar dagens påminnelser om det som är försenat eller snart ska göras."

    def add_arguments(self, parser):
        parser.add_argument("--datum", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args, datum=None, **options):
        antal = skicka_alla(datum)
        self.stdout.write(f"{antal} påminnelser köade.")
