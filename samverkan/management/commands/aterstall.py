"""Restore a backup made by `sakerhetskopia` into the configured database and files.

    python manage.py aterstall --fran /var/backups/samverkan/samverkan-20261202-0300 --ja

Replaces what the database and PRIVATE_MEDIA_ROOT hold now. Checks the
checksums first and refuses a backup of the other kind of database. Stop the
app and the Celery workers while it runs.
"""

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from samverkan.management.commands.sakerhetskopia import FORMAT, pg_env, program, sha256


class Command(BaseCommand):
    help = "Återställer en säkerhetskopia: databasen och de privata filerna ersätts."

    def add_arguments(self, parser):
        parser.add_argument("--fran", required=True, help="mappen som sakerhetskopia skrev")
        parser.add_argument("--ja", action="store_true", help="ja, ersätt det som finns nu")

    def handle(self, *args, fran, ja=False, **options):
        kalla = Path(fran)
        try:
            innehall = json.loads((kalla / "innehall.json").read_text())
        except (OSError, ValueError) as exc:
            raise CommandError(f"{kalla} är ingen säkerhetskopia (innehall.json saknas).") from exc
        if innehall.get("format") != FORMAT:
            raise CommandError("Säkerhetskopian har ett format som den här versionen inte läser.")
        if innehall.get("databas") != connection.vendor:
            raise CommandError(
                f"Kopian är av {innehall.get('databas')}, databasen här är {connection.vendor}."
            )
        for namn, summa in innehall["filer"].items():
            if not (kalla / namn).exists() or sha256(kalla / namn) != summa:
                raise CommandError(f"{namn} saknas eller är skadad (kontrollsumman stämmer inte).")
        if not ja:
            raise CommandError("Återställning ersätter databasen och filerna: lägg till --ja.")

        db = settings.DATABASES["default"]
        connection.close()
        if connection.vendor == "postgresql":
            try:
                subprocess.run(  # noqa: S603 - fixed arguments, no user input
                    [program("pg_restore"), "--clean", "--if-exists", "--no-owner",
                     "--single-transaction", "--dbname", db["NAME"], str(kalla / "databas.dump")],
                    env=pg_env(db), check=True, capture_output=True,
                )  # fmt: skip
            except (OSError, subprocess.CalledProcessError) as exc:
                fel = getattr(exc, "stderr", b"") or str(exc).encode()
                raise CommandError(f"pg_restore misslyckades: {fel.decode()[-500:]}") from exc
        else:
            mal = Path(db["NAME"])
            for rest in (mal.with_name(mal.name + "-wal"), mal.with_name(mal.name + "-shm")):
                rest.unlink(missing_ok=True)
            shutil.copyfile(kalla / "databas.sqlite3", mal)

        rot = Path(settings.PRIVATE_MEDIA_ROOT)
        with tempfile.TemporaryDirectory(dir=rot.parent) as tmp:
            with tarfile.open(kalla / "filer.tar.gz") as tar:
                tar.extractall(tmp, filter="data")  # no paths outside tmp, no devices
            ny = Path(tmp) / "filer"
            if rot.exists():
                shutil.rmtree(rot)
            if ny.exists():
                shutil.move(str(ny), rot)
            else:
                rot.mkdir(parents=True)
        self.stdout.write(f"Återställde {kalla}")
