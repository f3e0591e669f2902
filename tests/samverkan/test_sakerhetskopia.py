"""Backup and restore, round trip: the demo förbund into a scratch database, backed
up, restored into another empty one, and everything (rows, files, the append-only
audit trail) is there again. Runs on the database kind the suite runs on."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]

RAKNA = """
import django, hashlib, json, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
django.setup()
from django.conf import settings
from django.db import connection
from deltagare.models import Deltagare, Inskrivning, Samtycke
from remisser.models import Remiss
from samverkan.models import AuditEvent
rot = settings.PRIVATE_MEDIA_ROOT
filer = {str(p.relative_to(rot)): hashlib.sha256(p.read_bytes()).hexdigest()
         for p in rot.rglob("*") if p.is_file()}
try:
    with connection.cursor() as c:
        c.execute("UPDATE samverkan_auditevent SET object_id = 'x'")
    andrad = True
except Exception:
    andrad = False
print(json.dumps({
    "deltagare": Deltagare.objects.count(), "inskrivningar": Inskrivning.objects.count(),
    "samtycken": Samtycke.objects.count(), "remisser": Remiss.objects.count(),
    "logg": AuditEvent.objects.count(), "filer": filer, "logg_kan_andras": andrad,
}))
"""


def _kor(env, *args, kod=None):
    full = {k: v for k, v in os.environ.items() if k != "PYTEST_VERSION"}
    full.update(SECRET_KEY="x" * 60, DEBUG="False", SAMVERKAN_ENV_FILE="", **env)
    full["SAMVERKAN_DEMO"] = "True"  # production settings with demo data, as a demo server
    cmd = [sys.executable, "-c", kod] if kod else [sys.executable, "manage.py", *args]
    result = subprocess.run(cmd, cwd=ROOT, env=full, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (args, result.stdout[-1500:], result.stderr[-3000:])
    return result.stdout


@pytest.fixture
def databaser(tmp_path):
    """Two scratch databases of the suite's kind: a source and an empty target."""
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        import psycopg

        db = settings.DATABASES["default"]
        bas = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}"
        namn = [f"samverkan_kopia_{uuid.uuid4().hex[:8]}" for _ in range(2)]
        with psycopg.connect(f"{bas}/postgres", autocommit=True) as conn:
            for n in namn:
                conn.execute(f'CREATE DATABASE "{n}"')
        yield [f"{bas}/{n}" for n in namn]
        with psycopg.connect(f"{bas}/postgres", autocommit=True) as conn:
            for n in namn:
                conn.execute(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)')
    else:
        yield [f"sqlite:///{tmp_path}/kalla.sqlite3", f"sqlite:///{tmp_path}/mal.sqlite3"]


def test_backup_and_restore_round_trip(databaser, tmp_path):
    kalla, mal = databaser
    env_kalla = {"DATABASE_URL": kalla, "PRIVATE_MEDIA_ROOT": str(tmp_path / "privat-kalla")}
    env_mal = {"DATABASE_URL": mal, "PRIVATE_MEDIA_ROOT": str(tmp_path / "privat-mal")}
    _kor(env_kalla, "migrate", "-v0")
    _kor(env_kalla, "demo", "--utan-historik")
    fore = json.loads(_kor(env_kalla, kod=RAKNA))
    assert fore["deltagare"] > 10 and fore["filer"] and not fore["logg_kan_andras"]

    ut = _kor(env_kalla, "sakerhetskopia", "--till", str(tmp_path / "kopior"))
    kopia = Path(ut.strip().removeprefix("Skrev "))
    assert (kopia / "innehall.json").exists()
    assert oct(kopia.stat().st_mode & 0o777) == "0o700"

    _kor(env_mal, "aterstall", "--fran", str(kopia), "--ja")
    efter = json.loads(_kor(env_mal, kod=RAKNA))
    assert efter == fore


def test_a_damaged_backup_is_refused(databaser, tmp_path):
    kalla, _mal = databaser
    env = {"DATABASE_URL": kalla, "PRIVATE_MEDIA_ROOT": str(tmp_path / "privat")}
    _kor(env, "migrate", "-v0")
    kopia = Path(
        _kor(env, "sakerhetskopia", "--till", str(tmp_path)).strip().removeprefix("Skrev ")
    )
    with open(kopia / "filer.tar.gz", "ab") as f:
        f.write(b"skadad")
    full = {k: v for k, v in os.environ.items() if k != "PYTEST_VERSION"}
    full.update(SECRET_KEY="x" * 60, DEBUG="False", SAMVERKAN_ENV_FILE="", **env)
    result = subprocess.run(
        [sys.executable, "manage.py", "aterstall", "--fran", str(kopia), "--ja"],
        cwd=ROOT, env=full, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0 and "kontrollsumman" in result.stderr
