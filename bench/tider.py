"""Time the statistics page and the board PDF against a database filled by generera.py.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_bench \\
        uv run python bench/tider.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_bench \\
        uv run python bench/tider.py --forbund-nr 2 --ar 2025 --upprepningar 20 --pdf-upprepningar 5

As the administratör of Benchförbundet <nr> (admin-<nr>@bench.example, who has TOTP),
times GET /rapporter/statistik/ for the year `--ar` (default last year) and the last
complete quarter, then the board PDF for the same periods: `skapa_pdf` in process and
`manage.py rapport` as a subprocess (wall time, peak RSS). Each in-process scenario has
one warm-up run that is not counted. All runs share one transaction that is rolled back,
so the sessions and audit rows the requests write are not kept. Prints a table and writes
bench/results/tider-<antal>.json, <antal> being the inskrivningar in the database.
"""

import argparse
import datetime
import json
import os
import re
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
os.environ.setdefault("SAMVERKAN_ENV_FILE", "")
os.environ.setdefault("DEBUG", "False")  # as in production
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))

BENCH_DOMAN = "bench.example"


class Rollback(Exception):
    """Raised to leave the benchmark's transaction without committing."""


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--forbund-nr", type=int, default=1, help="Benchförbundet <nr>")
    parser.add_argument("--ar", type=int, default=datetime.date.today().year - 1, help="år")
    parser.add_argument("--upprepningar", type=int, default=10, help="för statistiksidan")
    parser.add_argument("--pdf-upprepningar", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import DatabaseError, connection, transaction
    from django.test import Client
    from django.utils import timezone

    from deltagare.models import Inskrivning
    from rapporter.forms_rapport import periodval
    from rapporter.period import Period
    from rapporter.sammanstallning import skapa_pdf
    from samverkan.models import Forbund, User

    try:
        finns = Forbund.objects.filter(namn__startswith="Benchförbundet").exists()
    except DatabaseError:
        finns = False
    if not finns:
        sys.exit("Databasen har inga benchdata: kör bench/generera.py först.")
    forbund = Forbund.objects.filter(namn=f"Benchförbundet {args.forbund_nr}").first()
    admin = User.objects.filter(email=f"admin-{args.forbund_nr}@{BENCH_DOMAN}").first()
    if forbund is None or admin is None:
        sys.exit(f"Hittar inte Benchförbundet {args.forbund_nr} med administratör.")
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS.append("testserver")

    idag = timezone.localdate()
    if str(args.ar) not in dict(periodval(idag)):
        sys.exit(f"Statistiksidan erbjuder inte år {args.ar}: välj {idag.year - 2}–{idag.year}.")
    antal = Inskrivning.objects.count()
    perioder = [str(args.ar), Period.senaste_hela_kvartal(idag).kod]
    print(f"{forbund.namn}: {Inskrivning.objects.filter(insats__forbund=forbund).count()} "
          f"av {antal} inskrivningar; perioder {', '.join(perioder)}", flush=True)  # fmt: skip

    scenarier = []
    try:
        with transaction.atomic():
            client = Client()
            client.force_login(admin)

            def sida(kod):
                svar = client.get(
                    "/rapporter/statistik/",
                    {"forbund": str(forbund.uuid), "period": kod},
                    secure=settings.SECURE_SSL_REDIRECT,
                )
                if svar.status_code != 200:
                    sys.exit(f"Statistiksidan svarade {svar.status_code} för perioden {kod}.")

            for kod in perioder:
                r = mat(lambda kod=kod: sida(kod), args.upprepningar)
                scenarier.append({"scenario": f"Statistiksidan {kod}", **r, "minne_mb": None})
                print(f"  klar: statistiksidan {kod}", flush=True)

            for kod in perioder:
                period = Period.fran_kod(kod)
                fore = maxrss_mb()
                pdf = lambda p=period: skapa_pdf(forbund=forbund, period=p)  # noqa: E731
                r = mat(pdf, args.pdf_upprepningar)
                # ru_maxrss is a high-water mark: growth shows only past the earlier peak.
                r["minne_mb"] = round(maxrss_mb(), 1)
                r["minnesokning_mb"] = round(maxrss_mb() - fore, 1)
                scenarier.append({"scenario": f"PDF {kod} (skapa_pdf)", **r})
                print(f"  klar: skapa_pdf {kod}", flush=True)
            raise Rollback
    except Rollback:
        pass

    with tempfile.TemporaryDirectory() as tmp:
        for kod in perioder:
            kommando = [sys.executable, "manage.py", "rapport", "--period", kod,
                        "--out", f"{tmp}/x.pdf", "--forbund", str(forbund.pk)]  # fmt: skip
            r = mat_kommando(kommando, args.pdf_upprepningar)
            scenarier.append({"scenario": f"PDF {kod} (manage.py rapport)", **r})
            print(f"  klar: manage.py rapport {kod}", flush=True)

    print(f"\n{'Scenario':<36} {'median ms':>10} {'p95 ms':>10} {'frågor':>7} {'minne MB':>9}")
    for s in scenarier:
        fragor = "–" if s["fragor"] is None else s["fragor"]
        minne = "–" if s["minne_mb"] is None else f"{s['minne_mb']:.0f}"
        print(f"{s['scenario']:<36} {s['median_ms']:>10.1f} {s['p95_ms']:>10.1f} "
              f"{fragor:>7} {minne:>9}")  # fmt: skip
    print("Minne: toppen för processen (RSS); skapa_pdf i samma process som sidorna.")

    ut = ROOT / "bench" / "results"
    ut.mkdir(parents=True, exist_ok=True)
    resultat = {
        "kommando": " ".join(sys.argv),
        "databas": connection.vendor,
        "forbund": forbund.namn,
        "inskrivningar": antal,
        "perioder": perioder,
        "upprepningar": args.upprepningar,
        "pdf_upprepningar": args.pdf_upprepningar,
        "scenarier": scenarier,
        "datum": datetime.datetime.now().isoformat(timespec="seconds"),
    }
    fil = ut / f"tider-{antal}.json"
    fil.write_text(json.dumps(resultat, indent=2, ensure_ascii=False))
    print(f"Skrev {fil.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
