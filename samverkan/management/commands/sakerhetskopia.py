"""Back up the database and the private files into one folder.

    python manage.py sakerhetskopia --till /var/backups/samverkan

Writes <till>/samverkan-<date-time>/ with `databas.dump` (PostgreSQL: pg_dump's
custom format, which pg_restore reads) or `databas.sqlite3` (SQLite: the online
backup API, consistent while the app runs), `filer.tar.gz` (PRIVATE_MEDIA_ROOT)
and `innehall.json` (what it holds and checksums). `aterstall` reads it back.
The folder holds personal data: keep it encrypted and as private as the database.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

FORMAT = 1


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def program(namn: str) -> str:
    """The full path of a PostgreSQL client tool (postgresql-client on Debian)."""
    sokvag = shutil.which(namn)
    if sokvag is None:
        raise CommandError(f"{namn} saknas: installera postgresql-client.")
    return sokvag


def pg_env(db: dict) -> dict:
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"),
                     ("PASSWORD", "PGPASSWORD"), ("NAME", "PGDATABASE")):  # fmt: skip
        if db.get(key):
            env[var] = str(db[key])
    return env


class Command(BaseCommand):
    help = "Säkerhetskopierar databasen och de privata filerna till en mapp."

    def add_arguments(self, parser):
        parser.add_argument("--till", required=True, help="mappen där kopian läggs")

    def handle(self, *args, till, **options):
        mal = Path(till) / f"samverkan-{datetime.datetime.now():%Y%m%d-%H%M%S}"
        try:
            mal.mkdir(parents=True, exist_ok=False)
        except OSError as exc:
            raise CommandError(f"Kan inte skapa {mal}: {exc.strerror}") from exc
        os.chmod(mal, 0o700)
        db = settings.DATABASES["default"]
        if connection.vendor == "postgresql":
            fil = mal / "databas.dump"
            try:
                subprocess.run(  # noqa: S603 - fixed arguments, no user input
                    [program("pg_dump"), "--format=custom", "--no-owner", "--file", str(fil)],
                    env=pg_env(db),
                    check=True,
                    capture_output=True,
                )
            except (OSError, subprocess.CalledProcessError) as exc:
                shutil.rmtree(mal)
                fel = getattr(exc, "stderr", b"") or str(exc).encode()
                raise CommandError(f"pg_dump misslyckades: {fel.decode()[-500:]}") from exc
        elif connection.vendor == "sqlite":
            fil = mal / "databas.sqlite3"
            with sqlite3.connect(db["NAME"]) as kalla, sqlite3.connect(fil) as kopia:
                kalla.backup(kopia)
        else:
            raise CommandError(f"Databasen {connection.vendor} stöds inte.")
        filer = mal / "filer.tar.gz"
        rot = Path(settings.PRIVATE_MEDIA_ROOT)
        with tarfile.open(filer, "w:gz") as tar:
            if rot.exists():
                tar.add(rot, arcname="filer")
        innehall = {
            "format": FORMAT,
            "databas": connection.vendor,
            "skapad": datetime.datetime.now().isoformat(timespec="seconds"),
            "filer": {p.name: sha256(p) for p in (fil, filer)},
        }
        (mal / "innehall.json").write_text(json.dumps(innehall, indent=2))
        for p in mal.iterdir():
            os.chmod(p, 0o600)
        self.stdout.write(f"Skrev {mal}")
