"""Time the coordinator's pages, the remiss, the statistics page and the board PDF.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_bench \\
        uv run python bench/tider.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_bench \\
        uv run python bench/tider.py --forbund-nr 2 --ar 2025 --upprepningar 20 --pdf-upprepningar 5

Against a database filled by generera.py. As a samordnare of the individual insats with
the most enrolments (`--insats` for another; personal-<nr>-<insats>-0@bench.example, who
gets TOTP here): the start page /deltagare/, the participant list filtered on a step
(`--steg`) and its page 2 with the list's cache off (every run renders), the list with
the cache on (every run after the warm-up a hit), and the page of the samordnare's active
enrolment with the most activities. The cache is in Redis as in production (`REDIS_URL`,
by default database 14 of the local Redis). As a handläggare of the same förbund: a
remiss created and sent through the views (the two POSTs with a consent PDF, timed as
one). Each of these has one warm-up
run and `--sid-upprepningar` timed runs. Then the throughput ratio: `--genomstromning`
requests each of the filtered list with its cache on, with it off, and of bench/tom/
(bench/urls.py, a bare login-required view behind the same middleware), in blocks of 50
that take turns.

As the administratör of Benchförbundet <nr> (admin-<nr>@bench.example, who has TOTP):
GET /rapporter/statistik/ for the year `--ar` (default last year) and the last complete
quarter, then the board PDF for the same periods: `skapa_pdf` in process and
`manage.py rapport` as a subprocess (wall time, peak RSS).

All in-process runs share one transaction that is rolled back, so the sessions, audit
rows, TOTP and remisser they write are not kept; uploaded files go to a temporary
directory. Prints a table and writes bench/results/tider-<antal>.json, <antal> being the
inskrivningar in the database.
"""

import argparse
import contextlib
import datetime
import json
import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
os.environ.setdefault("SAMVERKAN_ENV_FILE", "")
os.environ.setdefault("DEBUG", "False")  # as in production
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
# The participant list's cache in Redis, as in production (docs/operations.md).
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
# The consent files of the remisser: never into the real private media.
MEDIA = tempfile.mkdtemp(prefix="samverkan-bench-")
os.environ["PRIVATE_MEDIA_ROOT"] = MEDIA

from bench.matning import (  # noqa: E402
    BENCH_DOMAN,
    hamta,
    lediga_personnummer,
    mat,
    mat_kommando,
    maxrss_mb,
    migrera_i_transaktionen,
    tabell,
    valj_roller,
    varvat_per_sekund,
)

REMISS = {
    "fornamn": "Bench",
    "efternamn": "Remissdotter",
    "kon": "kvinna",
    "anledning": "Behöver samordnat stöd.",
    "egna_mal": "Jobba deltid.",
    "aktuell_af": "on",
    "aktuell_socialtjanst": "on",
    "skriven_tillsammans": "on",
}


class Rollback(Exception):
    """Raised to leave the benchmark's transaction without committing."""


@contextlib.contextmanager
def lista_cache_pa(pa):
    """The participant list's cache on or off for the block."""
    from django.conf import settings

    tidigare = settings.SAMVERKAN_DELTAGARLISTA_SEKUNDER
    settings.SAMVERKAN_DELTAGARLISTA_SEKUNDER = 600 if pa else 0
    try:
        yield
    finally:
        settings.SAMVERKAN_DELTAGARLISTA_SEKUNDER = tidigare


def posta(client, url, data):
    from django.conf import settings

    svar = client.post(url, data, secure=settings.SECURE_SSL_REDIRECT)
    if svar.status_code != 302:
        fel = svar.context["form"].errors if svar.context and "form" in svar.context else ""
        sys.exit(f"POST {url} svarade {svar.status_code}, väntat 302. {fel}")
    return svar["Location"]


def samordnarsidor(args, insats, personal, inskrivning, handlaggare):
    """The coordinator's pages, the remiss and the throughput ratio (inside the transaction)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from deltagare.uploads import EXEMPEL_PDF

    # MfaRequiredMiddleware asks for it; bench/last.py may have set it up already.
    if not Authenticator.objects.filter(user=personal, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(personal, generate_totp_secret())
    client = Client()
    client.force_login(personal)
    lista = {"steg": args.steg}
    # False: the list's cache off, so every run renders (a miss); True: on (hits).
    sidor = [
        ("Startsidan /deltagare/", "/deltagare/", None, False),
        (f"Listan ?steg={args.steg}", "/deltagare/lista/", lista, False),
        (f"Listan ?steg={args.steg} sida 2", "/deltagare/lista/", {**lista, "page": 2}, False),
        (f"Listan ?steg={args.steg} ur cachen", "/deltagare/lista/", lista, True),
        ("Deltagarsidan /deltagare/<uuid>/", f"/deltagare/{inskrivning.uuid}/", None, False),
    ]
    scenarier = []
    for namn, url, data, cachad in sidor:
        with lista_cache_pa(cachad):
            r = mat(lambda url=url, data=data: hamta(client, url, data), args.sid_upprepningar)
        scenarier.append({"scenario": namn, **r})
        print(f"  klar: {namn}", flush=True)

    referent = Client()
    referent.force_login(handlaggare)
    nummer = iter(lediga_personnummer(args.sid_upprepningar + 1))

    def skicka():
        utkast = posta(referent, "/remisser/ny/", {"insats": insats.pk})
        p = next(nummer)
        fil = SimpleUploadedFile("samtycke.pdf", EXEMPEL_PDF, content_type="application/pdf")
        data = {**REMISS, "personnummer": f"{p[:8]}-{p[8:]}", "samtycke_fil": fil}
        sedan = posta(referent, utkast, {**data, "atgard": "skicka"})
        if not sedan.endswith(utkast.removesuffix("andra/")):
            sys.exit(f"Remissen skickades inte: {sedan}")

    r = mat(skicka, args.sid_upprepningar)
    scenarier.append({"scenario": "Remiss: skapa och skicka (2 POST)", **r})
    print("  klar: remissen", flush=True)

    def listan(cachad):
        def hamta_listan():
            with lista_cache_pa(cachad):
                hamta(client, "/deltagare/lista/", lista)

        return hamta_listan

    rps = varvat_per_sekund(
        {
            "lista": listan(True),
            "utan": listan(False),
            "tom": lambda: hamta(client, "/bench/tom/"),
        },
        args.genomstromning,
    )
    lista_rps, utan_rps, tom_rps = rps["lista"], rps["utan"], rps["tom"]
    kvot = {
        "lista_per_s": round(lista_rps, 1),
        "lista_utan_cache_per_s": round(utan_rps, 1),
        "tom_per_s": round(tom_rps, 1),
        "kvot": round(lista_rps / tom_rps, 3),
        "kvot_utan_cache": round(utan_rps / tom_rps, 3),
        "anrop": args.genomstromning,
    }
    print("  klar: genomströmning", flush=True)
    return scenarier, kvot


def statistik_och_pdf(args, forbund, admin, perioder):
    """The statistics page and the board PDF in process (inside the transaction)."""
    from django.test import Client

    from rapporter.period import Period
    from rapporter.sammanstallning import skapa_pdf

    client = Client()
    client.force_login(admin)
    scenarier = []
    for kod in perioder:
        params = {"forbund": str(forbund.uuid), "period": kod}
        r = mat(lambda p=params: hamta(client, "/rapporter/statistik/", p), args.upprepningar)
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
    return scenarier


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--forbund-nr", type=int, default=1, help="Benchförbundet <nr>")
    parser.add_argument("--ar", type=int, default=datetime.date.today().year - 1, help="år")
    parser.add_argument("--upprepningar", type=int, default=10, help="för statistiksidan")
    parser.add_argument("--pdf-upprepningar", type=int, default=3)
    parser.add_argument("--insats", type=int, help="insatsens pk (standard: flest inskrivna)")
    parser.add_argument("--steg", default="insatser", help="stegfiltret i listan")
    parser.add_argument(
        "--sid-upprepningar", type=int, default=30, help="för samordnarsidorna och remissen"
    )
    parser.add_argument("--genomstromning", type=int, default=300, help="anrop per sida i kvoten")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import DatabaseError, connection, transaction
    from django.urls import clear_url_caches
    from django.utils import timezone

    from deltagare import lista_cache
    from deltagare.models import Inskrivning
    from rapporter.forms.rapport import periodval
    from rapporter.period import Period
    from samverkan.models import Forbund, User

    settings.ROOT_URLCONF = "bench.urls"  # the app's URLs plus bench/tom/
    clear_url_caches()
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

    # Entries made inside the rolled-back transaction must not outlive it: a new
    # generation before and after (outside it, so at once) ends them.
    lista_cache.ny_generation()
    try:
        with transaction.atomic():
            migrerade = migrera_i_transaktionen()
            insats, personal, inskrivning, handlaggare = valj_roller(args.insats)
            print(f"{insats.namn} ({insats.forbund.namn}): {insats.n} av {antal} inskrivningar; "
                  f"{personal.email}, deltagarsidan {inskrivning.uuid}; "
                  f"remiss av {handlaggare.email}", flush=True)  # fmt: skip
            scenarier, kvot = samordnarsidor(args, insats, personal, inskrivning, handlaggare)
            scenarier += statistik_och_pdf(args, forbund, admin, perioder)
            raise Rollback
    except Rollback:
        pass
    lista_cache.ny_generation()

    with tempfile.TemporaryDirectory() as tmp:
        for kod in perioder:
            kommando = [sys.executable, "manage.py", "rapport", "--period", kod,
                        "--out", f"{tmp}/x.pdf", "--forbund", str(forbund.pk)]  # fmt: skip
            r = mat_kommando(kommando, args.pdf_upprepningar)
            scenarier.append({"scenario": f"PDF {kod} (manage.py rapport)", **r})
            print(f"  klar: manage.py rapport {kod}", flush=True)

    print(tabell(scenarier))
    print("Minne: toppen för processen (RSS); skapa_pdf i samma process som sidorna.")
    print(f"\nGenomströmning, {kvot['anrop']} anrop vardera, 50 i taget i tur och ordning: "
          f"listan {kvot['lista_per_s']}/s (utan cache {kvot['lista_utan_cache_per_s']}/s), "
          f"bench/tom/ {kvot['tom_per_s']}/s, kvot {kvot['kvot']:.2f} "
          f"(utan cache {kvot['kvot_utan_cache']:.2f})")  # fmt: skip

    ut = ROOT / "bench" / "results"
    ut.mkdir(parents=True, exist_ok=True)
    resultat = {
        "kommando": " ".join(sys.argv),
        "databas": connection.vendor,
        "insats": f"{insats.namn} ({insats.forbund.namn}, pk {insats.pk})",
        "personal": personal.email,
        "handlaggare": handlaggare.email,
        "forbund": forbund.namn,
        "inskrivningar": antal,
        "perioder": perioder,
        "upprepningar": args.upprepningar,
        "pdf_upprepningar": args.pdf_upprepningar,
        "sid_upprepningar": args.sid_upprepningar,
        "migrerade_i_transaktionen": migrerade,
        "scenarier": scenarier,
        "genomstromning": kvot,
        "datum": datetime.datetime.now().isoformat(timespec="seconds"),
    }
    fil = ut / f"tider-{antal}.json"
    fil.write_text(json.dumps(resultat, indent=2, ensure_ascii=False))
    print(f"Skrev {fil.relative_to(ROOT)}")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(MEDIA, ignore_errors=True)
