"""Fill a scratch database with national-scale fictitious history for the benchmarks.

    createdb -h 127.0.0.1 -U postgres samverkan_bench     # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_bench \\
        uv run python bench/generera.py --antal 100000 --forbund 4

Migrates the database, then makes `--forbund` förbund, each with partner
organisations (AF, FK, a region, one to three kommuner), two to four insatser (one
strukturövergripande where there are four) with staff, handläggare, an
administratör (with TOTP, for bench/tider.py) and a board member, and lets the
demo's history generator (`demo/generator/`) write ten years of history up to
yesterday. The enrolments are shared out evenly between the förbund. Prints the
time and the rows per model, and writes them to bench/results/.
"""

import argparse
import datetime
import json
import os
import secrets
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
os.environ.setdefault("SAMVERKAN_ENV_FILE", "")
# DEBUG off, as in production (and DEBUG would keep every INSERT in memory).
os.environ.setdefault("DEBUG", "False")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))

BENCH_DOMAN = "bench.example"
INSATSNAMN = ["Samverkansteamet", "Unga vuxna i arbete", "Vägen vidare", "Kompetensforum"]


def organisationsnummer(n: int) -> str:
    from samverkan.validators import luhn_ok

    base = f"2229{n:05d}"
    for check in range(10):
        if luhn_ok(base + str(check)):
            return f"{base[:6]}-{base[6:]}{check}"
    raise AssertionError(n)


def aterskapa(url: str) -> None:
    """Drop and create the scratch database; only one whose name starts with samverkan_bench."""
    import psycopg

    base, _, namn = url.rpartition("/")
    if not namn.startswith("samverkan_bench"):
        sys.exit(f"--aterskapa vägrar: databasen {namn!r} heter inte samverkan_bench…")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{namn}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{namn}"')


def bygg_forbund(nr: int, antal_insatser: int, startdatum: datetime.date):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from samverkan.models import Forbund, Insats, Medlemskap, Organisation, Roll, User

    forbund = Forbund.objects.create(
        namn=f"Benchförbundet {nr}", organisationsnummer=organisationsnummer(nr)
    )
    orgs = [
        Organisation(forbund=forbund, typ="af", namn="Arbetsförmedlingen"),
        Organisation(forbund=forbund, typ="fk", namn="Försäkringskassan"),
        Organisation(forbund=forbund, typ="region", namn="Regionen"),
    ]
    for k in range(1 + nr % 3):
        orgs.append(
            Organisation(
                forbund=forbund, typ="kommun", namn=f"Benchkommun {nr}-{k}",
                kommunkod=f"98{(nr * 3 + k) % 100:02d}",
            )
        )  # fmt: skip
    Organisation.objects.bulk_create(orgs)
    insatser = []
    for j in range(antal_insatser):
        struktur = antal_insatser == 4 and j == 3
        insatser.append(
            Insats.objects.create(
                forbund=forbund,
                namn=INSATSNAMN[j],
                typ=Insats.Typ.STRUKTUR if struktur else Insats.Typ.INDIVID,
                startdatum=startdatum,
                malgrupp_alder_min=16 if j == 1 else 18,
                malgrupp_alder_max=29 if j == 1 else 64,
                informationsmote_forst=j == 0,
                min_antal_myndigheter=1 if j == 1 else 2,
            )
        )

    def anvandare(namn):
        # No password: nobody logs in to the scratch database; tider.py uses force_login.
        return User.objects.create_user(
            f"{namn}@{BENCH_DOMAN}", fornamn=namn.split("-")[0].title(), efternamn=f"Bench{nr}"
        )

    giltig = {"giltig_fran": startdatum}
    for insats in insatser:
        if insats.typ != Insats.Typ.INDIVID:
            continue
        for s in range(3):
            user = anvandare(f"personal-{nr}-{insats.pk}-{s}")
            Medlemskap.objects.create(
                user=user, roll=Roll.SAMORDNARE, forbund=forbund, insats=insats, **giltig
            )
    for org in orgs:
        for h in range(2):
            user = anvandare(f"handlaggare-{nr}-{org.pk}-{h}")
            Medlemskap.objects.create(
                user=user, roll=Roll.HANDLAGGARE, forbund=forbund, organisation=org, **giltig
            )
    admin = anvandare(f"admin-{nr}")
    Medlemskap.objects.create(user=admin, roll=Roll.FORBUNDSADMIN, forbund=forbund, **giltig)
    TOTP.activate(admin, generate_totp_secret())
    styrelse = anvandare(f"styrelse-{nr}")
    Medlemskap.objects.create(user=styrelse, roll=Roll.STYRELSE, forbund=forbund, **giltig)
    return forbund, insatser


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--antal", type=int, default=100_000, help="inskrivningar i alla förbund")
    parser.add_argument("--forbund", type=int, default=4)
    parser.add_argument("--ar", type=int, default=10, help="år av historik fram till i går")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument(
        "--aterskapa", action="store_true", help="töm databasen först (samverkan_bench…)"
    )
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "")
    if args.aterskapa:
        aterskapa(url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from deltagare.models.inskrivning import add_months
    from demo.generator.generera import generera
    from samverkan.models import Forbund

    call_command("migrate", verbosity=0)
    if Forbund.objects.filter(namn__startswith="Benchförbundet").exists():
        sys.exit("Databasen har redan benchdata: kör med --aterskapa eller en tom databas.")

    till = datetime.date.today() - datetime.timedelta(days=1)
    fran = add_months(till, -12 * args.ar) + datetime.timedelta(days=1)
    totalt = Counter()
    per_forbund = []
    start = time.perf_counter()
    for nr in range(1, args.forbund + 1):
        t0 = time.perf_counter()
        forbund, insatser = bygg_forbund(nr, 2 + nr % 3, fran)
        antal = args.antal // args.forbund + (1 if nr <= args.antal % args.forbund else 0)
        rader = generera(
            forbund=forbund,
            insatser=insatser,
            fran=fran,
            till=till,
            antal=antal,
            seed=args.seed + nr,
            batch=args.batch,
        )
        sekunder = time.perf_counter() - t0
        totalt.update(rader)
        per_forbund.append(
            {"forbund": forbund.namn, "insatser": len(insatser), "inskrivningar": antal,
             "rader": sum(rader.values()), "sekunder": round(sekunder, 1)}
        )  # fmt: skip
        print(
            f"{forbund.namn}: {len(insatser)} insatser, {antal} inskrivningar, "
            f"{sum(rader.values())} rader på {sekunder:.1f} s",
            flush=True,
        )
    sekunder = time.perf_counter() - start
    storlek = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Statistics and the visibility map, as autovacuum would leave them.
            cursor.execute("VACUUM (ANALYZE)")
            cursor.execute("SELECT pg_database_size(current_database())")
            storlek = cursor.fetchone()[0]
    print(f"\nTotalt {sum(totalt.values())} rader på {sekunder:.1f} s "
          f"({sum(totalt.values()) / sekunder:.0f} rader/s), {fran} – {till}")  # fmt: skip
    for model, n in sorted(totalt.items(), key=lambda x: -x[1]):
        print(f"  {model:<30} {n:>10}")
    if storlek:
        print(f"Databasens storlek: {storlek / 2**20:.0f} MB")
    ut = ROOT / "bench" / "results"
    ut.mkdir(parents=True, exist_ok=True)
    resultat = {
        "kommando": " ".join(sys.argv),
        "databas": connection.vendor,
        "period": [fran.isoformat(), till.isoformat()],
        "sekunder": round(sekunder, 1),
        "rader": dict(totalt),
        "per_forbund": per_forbund,
        "databasstorlek_mb": round(storlek / 2**20) if storlek else None,
        "datum": datetime.datetime.now().isoformat(timespec="seconds"),
    }
    fil = ut / f"generera-{args.antal}.json"
    fil.write_text(json.dumps(resultat, indent=2, ensure_ascii=False))
    print(f"Skrev {fil.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
