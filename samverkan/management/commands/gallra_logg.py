"""Remove audit events and admin history older than the förbund's retention.

The audit table refuses DELETE by trigger (migration 0002). Only this command
lifts that, for one statement inside one transaction, and only as the owner
role: on PostgreSQL the application's role may not disable a trigger
(docs/operations.md#database-roles), so run it like `migrate`. The removal is
itself an audit event, and the copy in the shipped log keeps its own retention.
"""

import datetime
import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from samverkan import audit
from samverkan.models import AuditEvent

MINST_AR = 2  # logguppföljning and registerutdrag look back at least this far

# The trigger exactly as migration 0002 made it, to put back on SQLite.
_SQLITE_NO_DELETE = importlib.import_module(
    "samverkan.migrations.0002_auditevent_append_only"
).SQLITE_UP[1]
_TRIGGER = "TRIGGER samverkan_auditevent_no_delete"


class Command(BaseCommand):
    help = "Tar bort loggade händelser och adminhistorik äldre än bevarandetiden."

    def add_arguments(self, parser):
        parser.add_argument("--ar", type=int, default=settings.SAMVERKAN_LOGG_BEVARAS_AR)
        parser.add_argument("--provkorning", action="store_true")

    def handle(self, *args, ar, provkorning, **options):
        if ar is None:
            raise CommandError("Ange bevarandetiden: --ar eller SAMVERKAN_LOGG_BEVARAS_AR.")
        if ar < MINST_AR:
            raise CommandError(f"Bevarandetiden måste vara minst {MINST_AR} år.")
        fore = timezone.now() - datetime.timedelta(days=365 * ar + ar // 4)
        gamla = AuditEvent.objects.filter(tidpunkt__lt=fore)
        antal = gamla.count()
        if provkorning:
            self.stdout.write(f"{antal} händelser före {fore.date().isoformat()} (provkörning).")
            return
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Deferred foreign-key checks still pending would stop the ALTER.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute(f"ALTER TABLE samverkan_auditevent DISABLE {_TRIGGER}")
                cursor.execute("DELETE FROM samverkan_auditevent WHERE tidpunkt < %s", [fore])
                cursor.execute(f"ALTER TABLE samverkan_auditevent ENABLE {_TRIGGER}")
            elif connection.vendor == "sqlite":
                cursor.execute(f"DROP {_TRIGGER}")
                cursor.execute("DELETE FROM samverkan_auditevent WHERE tidpunkt < %s", [fore])
                cursor.execute(_SQLITE_NO_DELETE)
            else:
                raise CommandError(f"Okänd databas: {connection.vendor}")
            cursor.execute("DELETE FROM django_admin_log WHERE action_time < %s", [fore])
            audit.record(
                action=audit.Action.DELETE,
                object_type="samverkan.auditevent",
                detail={"antal": antal, "fore": fore.date().isoformat(), "ar": ar},
            )
        self.stdout.write(f"{antal} händelser före {fore.date().isoformat()} borttagna.")
