"""Time the import of a förbund's history: a 10 000-row file, dry run and import.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_h7 \\
        .venv/bin/python bench/inlasning.py --rader 10000

Migrates the database, makes a new förbund (three insatser, two organisations, an
administratör), writes a filled-in template of `--rader` varied fictitious rows
(tests/inlasning/hjalp.py, about one row in ten a returning person), then times:
the upload with its dry run (`inlasning_ladda_upp`: content check, reading the
xlsx, every row checked), and the import (`inlasning_starta`, which runs the
Celery task in-process without a broker: the file read and checked again, then
every row written in one transaction). The rows stay in the database (audit
events cannot be deleted): use a scratch database.
"""

import argparse
import os
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
os.environ.setdefault("SAMVERKAN_ENV_FILE", "")
os.environ.setdefault("DEBUG", "False")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ.pop("CELERY_BROKER_URL", None)  # the task runs in this process: it is timed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rader", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import django

    django.setup()
    import datetime

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    from bench.generera import organisationsnummer
    from deltagare.models import Inskrivning
    from inlasning.services import uppladdning
    from samverkan.models import Forbund, Insats, Medlemskap, Organisation, Roll, User
    from tests.inlasning.hjalp import exempelrader, xlsx

    call_command("migrate", verbosity=0)
    nr = 90000 + Forbund.objects.count()
    forbund = Forbund.objects.create(
        namn=f"Inläsningsförbundet {nr}", organisationsnummer=organisationsnummer(nr)
    )
    insatser = [
        Insats.objects.create(forbund=forbund, namn=n, startdatum=datetime.date(2020, 1, 1))
        for n in ("Samverkansteamet", "Unga vuxna i arbete", "Vägen vidare")
    ]
    for namn, typ in (("Arbetsförmedlingen", "af"), ("Regionen", "region")):
        Organisation.objects.create(forbund=forbund, namn=namn, typ=typ)
    admin = User.objects.create_user(f"inlasning-{nr}@bench.example")
    Medlemskap.objects.create(user=admin, roll=Roll.FORBUNDSADMIN, forbund=forbund)

    c0 = time.process_time()
    t0 = time.perf_counter()
    rader = exempelrader(
        args.rader,
        [i.namn for i in insatser],
        ["Arbetsförmedlingen", "Regionen"],
        seed=args.seed,
    )
    data = xlsx(rader)
    t1, c1 = time.perf_counter(), time.process_time()
    upload = SimpleUploadedFile("historik.xlsx", data)
    inlasning = uppladdning.inlasning_ladda_upp(actor=admin, forbund=forbund, upload=upload)
    t2, c2 = time.perf_counter(), time.process_time()
    if inlasning.antal_fel:
        sys.exit(
            f"Provkörningen hittade {inlasning.antal_fel} fel: {inlasning.provkorning['fel'][:3]}"
        )
    uppladdning.inlasning_starta(actor=admin, inlasning=inlasning)
    t3, c3 = time.perf_counter(), time.process_time()
    inlasning.refresh_from_db()
    antal = Inskrivning.objects.filter(insats__forbund=forbund).count()
    print(
        f"databas: {django.db.connection.vendor}; rader: {args.rader}; fil: {len(data) // 1024} kB"
    )
    # Wall clock, and this process's CPU time (PostgreSQL's own work is not in it):
    # on a shared machine the load average says how far the two may drift apart.
    print(f"skriva filen (ingår inte): {t1 - t0:.1f} s (cpu {c1 - c0:.1f} s)")
    print(f"uppladdning + provkörning: {t2 - t1:.1f} s (cpu {c2 - c1:.1f} s)")
    print(
        f"inläsning (ny kontroll + skrivning): {t3 - t2:.1f} s (cpu {c3 - c2:.1f} s); "
        f"status {inlasning.status}"
    )
    print(f"provkörning + inläsning: {t3 - t1:.1f} s (cpu {c3 - c1:.1f} s); inskrivningar: {antal}")
    print(f"belastning (load average 1/5/15 min): {os.getloadavg()}")


if __name__ == "__main__":
    main()
