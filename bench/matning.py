"""Helpers of bench/tider.py and bench/forklara.py: the schema, the bench users, timed runs."""

import contextlib
import datetime
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DOMAN = "bench.example"


def migrera_i_transaktionen():
    """Apply the migrations the database lacks, inside the transaction that is rolled back.

    The benchmark data stays as generera.py wrote it; only the pages see the new schema.
    Run first in the transaction (ALTER TABLE after writes there may meet pending triggers).
    The tables the migrations altered are analysed there too: a column without statistics
    (e.g. `gallrad IS NULL`) would mislead the planner as no production database would.
    """
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        namn = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan)
        print(f"  migrerar i transaktionen (rullas tillbaka): {namn}", flush=True)
        call_command("migrate", verbosity=0)
        tabeller = set()
        for migration, _ in plan:
            for op in migration.operations:
                namn = getattr(op, "model_name", None) or getattr(op, "name", "")
                with contextlib.suppress(LookupError):
                    tabeller.add(apps.get_model(migration.app_label, namn)._meta.db_table)
        with connection.cursor() as cursor:
            for tabell in sorted(tabeller):
                cursor.execute(f'ANALYZE "{tabell}"')
    return [f"{m.app_label}.{m.name}" for m, _ in plan]


def hamta(client, url, data=None, *, vantat=200):
    from django.conf import settings

    svar = client.get(url, data, secure=settings.SECURE_SSL_REDIRECT)
    if svar.status_code != vantat:
        sys.exit(f"{url} svarade {svar.status_code}, väntat {vantat}.")
    return svar


def valj_roller(insats_pk):
    """The insats, its samordnare, their heaviest active enrolment and a handläggare."""
    from django.db.models import Count

    from deltagare.models import Inskrivning
    from samverkan.models import Insats, User

    insatser = Insats.objects.filter(
        typ=Insats.Typ.INDIVID, forbund__namn__startswith="Benchförbundet"
    )
    if insats_pk:
        insatser = insatser.filter(pk=insats_pk)
    insats = (
        insatser.select_related("forbund").annotate(n=Count("inskrivningar")).order_by("-n").first()
    )
    if insats is None:
        sys.exit("Hittar ingen individuell insats i Benchförbunden.")
    nr = insats.forbund.namn.rsplit(" ", 1)[1]
    personal = User.objects.filter(email=f"personal-{nr}-{insats.pk}-0@{BENCH_DOMAN}").first()
    handlaggare = (
        User.objects.filter(email__startswith=f"handlaggare-{nr}-")
        .filter(email__endswith=f"-0@{BENCH_DOMAN}")
        .order_by("pk")
        .first()
    )
    inskrivning = (
        Inskrivning.objects.filter(insats=insats, kontaktperson=personal)
        .exclude(steg="avslut")
        .annotate(n=Count("aktiviteter"))
        .order_by("-n", "pk")
        .first()
    )
    if personal is None or handlaggare is None or inskrivning is None:
        sys.exit(f"Hittar inte personal, handläggare eller pågående ärende i {insats.namn}.")
    return insats, personal, inskrivning, handlaggare


def p95(varden):
    s = sorted(varden)
    k = (len(s) - 1) * 0.95
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def maxrss_mb(who=resource.RUSAGE_SELF):
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def mat(funktion, upprepningar):
    """Run once to warm up, then `upprepningar` times: ms and SQL queries of each run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    funktion()
    tider, fragor = [], []
    for _ in range(upprepningar):
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            funktion()
            tider.append((time.perf_counter() - t0) * 1000)
        fragor.append(len(ctx.captured_queries))
    return {
        "median_ms": round(statistics.median(tider), 1),
        "p95_ms": round(p95(tider), 1),
        "fragor": statistics.median_low(fragor),
        "tider_ms": [round(t, 1) for t in tider],
        "fragor_per_korning": fragor,
    }


def varvat_per_sekund(funktioner: dict, antal, block=50):
    """Requests per second of each function over `antal` calls each, after one warm-up
    call each: blocks of `block` calls in a row, the functions taking turns, so that a
    slow spell of the machine falls on all of them alike. Within a block a function runs
    as it would alone (calling them in turn one by one slowed the bare view by a fifth)."""
    for funktion in funktioner.values():
        funktion()
    tider = dict.fromkeys(funktioner, 0.0)
    kvar = antal
    while kvar > 0:
        n = min(block, kvar)
        for namn, funktion in funktioner.items():
            t0 = time.perf_counter()
            for _ in range(n):
                funktion()
            tider[namn] += time.perf_counter() - t0
        kvar -= n
    return {namn: antal / t for namn, t in tider.items()}


def mat_kommando(kommando, upprepningar):
    """Wall time and peak RSS of a subprocess, with /usr/bin/time -v when there is one."""
    gnu_time = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
    tider, rss = [], []
    for _ in range(upprepningar):
        cmd = [gnu_time, "-v", *kommando] if gnu_time else kommando
        t0 = time.perf_counter()
        res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)  # noqa: S603
        tider.append((time.perf_counter() - t0) * 1000)
        if res.returncode != 0:
            sys.exit(f"Kommandot misslyckades ({res.returncode}):\n{res.stderr[-2000:]}")
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr)
        rss.append(int(m[1]) / 1024 if m else maxrss_mb(resource.RUSAGE_CHILDREN))
    return {
        "median_ms": round(statistics.median(tider), 1),
        "p95_ms": round(p95(tider), 1),
        "fragor": None,
        "minne_mb": round(max(rss), 1),
        "tider_ms": [round(t, 1) for t in tider],
        "matt_med": "/usr/bin/time -v" if gnu_time else "RUSAGE_CHILDREN",
    }


def lediga_personnummer(antal):
    """Fictitious personnummer (born 2001 on, serial 99x) that no participant or remiss
    has; earlier runs (bench/last.py keeps its drafts) take the first ones."""
    from deltagare.models import Deltagare
    from remisser.models import Remiss
    from samverkan.validators import luhn_ok

    lediga = []
    born = datetime.date(2001, 1, 1)
    n = 0
    while len(lediga) < antal:
        if born.year > 2020:
            sys.exit("För få lediga personnummer för remisserna.")
        kandidater = []
        for _ in range(max(antal, 500)):
            base = f"{born:%Y%m%d}99{n % 10}"
            check = next(c for c in range(10) if luhn_ok(base[2:] + str(c)))
            kandidater.append(base + str(check))
            n += 1
            if n % 10 == 0:
                born += datetime.timedelta(days=1)
        upptagna = set()
        for model in (Deltagare, Remiss):
            rader = model.objects.filter(personnummer__in=kandidater)
            upptagna |= set(rader.values_list("personnummer", flat=True))
        lediga += [p for p in kandidater if p not in upptagna]
    return lediga[:antal]


def tabell(scenarier):
    rader = [f"\n{'Scenario':<44} {'median ms':>10} {'p95 ms':>10} {'frågor':>7} {'minne MB':>9}"]
    for s in scenarier:
        fragor = "–" if s["fragor"] is None else s["fragor"]
        minne = "–" if s.get("minne_mb") is None else f"{s['minne_mb']:.0f}"
        rader.append(
            f"{s['scenario']:<44} {s['median_ms']:>10.1f} {s['p95_ms']:>10.1f} "
            f"{fragor:>7} {minne:>9}"
        )
    return "\n".join(rader)
