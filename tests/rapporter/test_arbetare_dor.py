"""A Celery worker killed while it renders a board report: the report is rendered
again by another worker and ends published, never stuck.

Real parts: Redis as the broker, two `celery worker` processes, a SQLite file both
they and the test use. The first worker is made slow in its own process (its
PDF writer sleeps), so the test can kill it with SIGKILL mid-render.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _redis_svarar():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _redis_svarar(), reason="needs Redis on 127.0.0.1:6379")

WORKER = r"""
import os, sys, time
if os.environ.get("LANGSAM") == "1":
    import weasyprint
    weasyprint.Document.write_pdf = lambda *a, **k: time.sleep(120)
from samverkan.celery import app
app.worker_main(["worker", "--pool", "solo", "--concurrency", "1", "-Q", os.environ["KO"],
                 "--loglevel", "INFO", "--without-gossip", "--without-mingle",
                 "--without-heartbeat"])
"""

FORBERED = r"""
import django, os, datetime
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
django.setup()
from django.db import transaction
from rapporter.period import Period
from rapporter.services.rapport import rapport_publicera, rapport_skapa
from samverkan.models import Forbund, Medlemskap, Roll, User
from samverkan.celery import app
app.conf.task_default_queue = os.environ["KO"]  # this test's own queue
forbund = Forbund.objects.create(namn="Förbundet", organisationsnummer="222000-0001")
admin = User.objects.create_user("admin@ko.example", fornamn="Ada", efternamn="Admin")
Medlemskap.objects.create(user=admin, roll=Roll.FORBUNDSADMIN, forbund=forbund,
                          giltig_fran="2020-01-01")
rapport = rapport_skapa(actor=admin, forbund=forbund, period=Period.fran_kod("2025"))
with transaction.atomic():
    rapport_publicera(actor=admin, rapport=rapport)
print(rapport.pk)
"""

LAS = r"""
import django, os, json
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
django.setup()
from rapporter.models import Rapport
r = Rapport.objects.get(pk=int(os.environ["RAPPORT"]))
print(json.dumps({"status": r.status, "forsok": r.forsok, "fil": bool(r.fil), "fel": r.fel}))
"""


def test_a_killed_worker_does_not_leave_the_report_stuck(tmp_path):
    import json

    ko = f"test-{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_VERSION"}
    env.update(
        SECRET_KEY="x" * 60, DEBUG="False", SAMVERKAN_ENV_FILE="", KO=ko,
        DATABASE_URL=f"sqlite:///{tmp_path}/ko.sqlite3",
        PRIVATE_MEDIA_ROOT=str(tmp_path / "privat"),
        CELERY_BROKER_URL="redis://127.0.0.1:6379/15",
        CELERY_VISIBILITY_TIMEOUT="3",
    )  # fmt: skip

    def kor(kod, **extra):
        r = subprocess.run([sys.executable, "-c", kod], cwd=ROOT, env={**env, **extra},
                           capture_output=True, text=True, timeout=120)  # fmt: skip
        assert r.returncode == 0, r.stderr[-3000:]
        return r.stdout.strip().splitlines()[-1]

    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    rapport_id = kor(FORBERED)

    def las():
        return json.loads(kor(LAS, RAPPORT=rapport_id))

    forsta = subprocess.Popen([sys.executable, "-c", WORKER], cwd=ROOT, env={**env, "LANGSAM": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    andra = None
    try:
        for _ in range(120):
            if las()["forsok"] >= 1:
                break
            time.sleep(0.5)
        assert las() == {"status": "genereras", "forsok": 1, "fil": False, "fel": ""}
        forsta.send_signal(signal.SIGKILL)  # mid-render
        forsta.wait(timeout=10)

        andra = subprocess.Popen([sys.executable, "-c", WORKER], cwd=ROOT, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        for _ in range(240):
            slut = las()
            if slut["status"] != "genereras":
                break
            time.sleep(0.5)
        assert slut["status"] == "publicerad" and slut["fil"] and slut["forsok"] == 2, slut
    finally:
        for p in (forsta, andra):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait(timeout=10)
