"""The database goes away while a user saves: a Swedish 503, /healthz 503, nothing
half-written, and the app carries on by itself when the database is back.

The app runs as its own process, connected to a scratch PostgreSQL database
through a TCP relay on loopback that the test cuts in the middle of the save
(from a pre_save signal of the test's own, as the INSERT is about to go) and then
restores. PostgreSQL only: an embedded SQLite file does not go away.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PG = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

pytestmark = pytest.mark.skipif(not PG, reason="needs PostgreSQL (DATABASE_URL)")

APP = r"""
import os, socket, threading, json, select
relay_port = int(os.environ["RELAY_PORT"])
target = ("127.0.0.1", int(os.environ["PG_PORT"]))

class Relay:
    def __init__(self):
        self.open = True
        self.conns = []
        self.lsock = socket.socket()
        self.lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.lsock.bind(("127.0.0.1", relay_port))
        self.lsock.listen(16)
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            c, _ = self.lsock.accept()
            if not self.open:
                c.close()
                continue
            s = socket.create_connection(target)
            self.conns += [c, s]
            threading.Thread(target=self.pipe, args=(c, s), daemon=True).start()

    def pipe(self, a, b):
        try:
            while True:
                r, _, _ = select.select([a, b], [], [], 1)
                for x in r:
                    data = x.recv(65536)
                    if not data:
                        return
                    (b if x is a else a).sendall(data)
        except OSError:
            return

    def cut(self):
        self.open = False
        for c in self.conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
                c.close()
            except OSError:
                pass
        self.conns = []

    def restore(self):
        self.open = True

relay = Relay()

import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
django.setup()
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db.models.signals import pre_save
from django.test import Client
from samverkan.models import Forbund, Logggranskning, Medlemskap, Roll, User

forbund = Forbund.objects.create(namn="Förbundet", organisationsnummer="222000-0001")
admin = User.objects.create_user("admin@fel.example", fornamn="Ada", efternamn="Admin")
Medlemskap.objects.create(user=admin, roll=Roll.FORBUNDSADMIN, forbund=forbund,
                          giltig_fran="2020-01-01")
TOTP.activate(admin, generate_totp_secret())
client = Client(raise_request_exception=False)
client.force_login(admin)
data = {"forbund": forbund.pk, "granskad": "2026-11-30", "period_fran": "2026-10-01",
        "period_till": "2026-10-31", "urval": "Ett urval", "fynd": "Inget"}

def bryt(sender, instance, **kwargs):
    relay.cut()

pre_save.connect(bryt, sender=Logggranskning)
under = client.post("/logg/granskningar/", data)
halsa_under = client.get("/healthz")
pre_save.disconnect(bryt, sender=Logggranskning)
relay.restore()
halsa_efter = client.get("/healthz")
efter = client.post("/logg/granskningar/", data)
print(json.dumps({
    "under": [under.status_code, under.content.decode()[:3000]],
    "halsa_under": halsa_under.status_code,
    "halsa_efter": halsa_efter.status_code,
    "efter": efter.status_code,
}))
"""

RAKNA = """
import django, os, json
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
django.setup()
from samverkan.models import AuditEvent, Logggranskning
print(json.dumps({"granskningar": Logggranskning.objects.count(),
                  "skapade": AuditEvent.objects.filter(action="create").count()}))
"""


def _kor(env, *, kod=None, args=()):
    full = {k: v for k, v in os.environ.items() if k != "PYTEST_VERSION"}
    full.update(SECRET_KEY="x" * 60, DEBUG="False", SAMVERKAN_ENV_FILE="", **env)
    cmd = [sys.executable, "-c", kod] if kod else [sys.executable, "manage.py", *args]
    result = subprocess.run(cmd, cwd=ROOT, env=full, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture
def skrapdatabas():
    import psycopg

    db = settings.DATABASES["default"]
    bas = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}"
    namn = f"samverkan_fel_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{bas}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{namn}"')
    yield bas, namn, int(db["PORT"] or 5432)
    with psycopg.connect(f"{bas}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{namn}" WITH (FORCE)')


def test_the_database_goes_away_during_a_save(skrapdatabas):
    import json
    import socket

    bas, namn, pg_port = skrapdatabas
    _kor({"DATABASE_URL": f"{bas}/{namn}"}, args=("migrate", "-v0"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        relay_port = s.getsockname()[1]
    user = settings.DATABASES["default"]["USER"]
    env = {
        "DATABASE_URL": f"postgres://{user}@127.0.0.1:{relay_port}/{namn}",
        "RELAY_PORT": str(relay_port),
        "PG_PORT": str(pg_port),
        "ALLOWED_HOSTS": "testserver",
        "CONN_MAX_AGE": "60",
    }
    ut = json.loads(_kor(env, kod=APP).strip().splitlines()[-1])

    status, sida = ut["under"]
    assert status == 503 and "Det du skickade har inte sparats" in sida
    assert ut["halsa_under"] == 503
    # Back by itself: the next request reconnects and the same save goes through.
    assert ut["halsa_efter"] == 200 and ut["efter"] == 302

    rakning = json.loads(_kor({"DATABASE_URL": f"{bas}/{namn}"}, kod=RAKNA))
    # One review (the second try) and its one audit event: nothing of the first.
    assert rakning == {"granskningar": 1, "skapade": 1}
