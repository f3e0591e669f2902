"""Load test: gunicorn on loopback, 50 concurrent users mixing the daily scenarios.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_bench \\
        uv run python bench/last.py --anvandare 50 --sekunder 300

Against a database filled by generera.py. Starts gunicorn (production settings,
`--workers 3`, the cache in Redis: `REDIS_URL`, by default database 14 of the
local Redis) on a free port of 127.0.0.1, signs the bench users in by writing
their sessions (the bench users have no passwords) and gives the samordnare
TOTP, then runs `--anvandare` threads for `--sekunder` seconds. Each thread is
one person: mostly samordnare (start page, filtered list and its page 2, a
participant page), some handläggare (the remiss list, a remiss draft written and
saved with the form), the office now and then (statistics for the last
quarter). Every answer must be 200 or the expected redirect; anything else, and
any connection error, is an error. Prints per scenario the count, median and
p95 in ms and the errors, and writes bench/results/last-<n>.json. Traffic goes
only to 127.0.0.1, bounded by `--sekunder`. Remiss drafts it writes stay in the
bench database (marked by the name "Last Lastsson").
"""

import argparse
import datetime
import http.client
import json
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
os.environ.setdefault("SAMVERKAN_ENV_FILE", "")
os.environ.setdefault("DEBUG", "False")
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
# Redis as in production: the three workers share the cache (the participant list's
# included, docs/architecture.md).
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")

CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
UTKAST = re.compile(r"/remisser/([0-9a-f-]{36})/andra/")


def fri_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def session_for(user) -> str:
    """A signed-in session for the user, as a login would leave it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from samverkan.middleware import SESSION_STARTED_KEY

    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]  # not axes: it only checks
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s[SESSION_STARTED_KEY] = int(time.time())
    s.create()
    return s.session_key


class Person(threading.Thread):
    def __init__(self, port, cookie, uppdrag, slut, resultat, lock, paus):
        super().__init__(daemon=True)
        self.port, self.cookie, self.uppdrag, self.slut = port, cookie, uppdrag, slut
        self.paus = paus
        self.resultat, self.lock = resultat, lock
        self.csrf = None

    def anrop(self, namn, metod, url, body=None, headers=None, ok=(200,)):
        h = {"Cookie": self.cookie, "Host": "127.0.0.1", **(headers or {})}
        t0 = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            conn.request(metod, url, body=body, headers=h)
            svar = conn.getresponse()
            data = svar.read()
            status, plats = svar.status, svar.getheader("Location", "")
            for c in svar.headers.get_all("Set-Cookie") or []:
                if c.startswith("csrftoken="):
                    self.csrf = c.split(";", 1)[0].split("=", 1)[1]
            conn.close()
        except OSError as exc:
            status, data, plats = f"{type(exc).__name__}", b"", ""
        ms = (time.perf_counter() - t0) * 1000
        with self.lock:
            self.resultat.setdefault(namn, {"ms": [], "fel": []})
            self.resultat[namn]["ms"].append(ms)
            if status not in ok:
                self.resultat[namn]["fel"].append(str(status))
        return status, data, plats

    def run(self):
        rng = random.Random(self.name)
        while time.monotonic() < self.slut:
            rng.choice(self.uppdrag)(self)
            time.sleep(rng.uniform(*self.paus))  # a person reads before clicking on


def samordnare(inskrivningar):
    def gor(p):
        val = random.random()
        if val < 0.3:
            p.anrop("startsidan", "GET", "/deltagare/")
        elif val < 0.6:
            p.anrop("listan", "GET", "/deltagare/lista/?steg=insatser")
            p.anrop("listan sida 2", "GET", "/deltagare/lista/?steg=insatser&page=2")
        else:
            p.anrop("deltagarsidan", "GET", f"/deltagare/{random.choice(inskrivningar)}/")

    return gor


def handlaggare(insats_pk, nummer):
    def gor(p):
        status, data, _ = p.anrop("remisslistan", "GET", "/remisser/")
        token = CSRF.search(data)
        if status != 200 or not token or p.csrf is None:
            return
        huvud = {"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://127.0.0.1/",
                 "Cookie": f"{p.cookie}; csrftoken={p.csrf}"}  # fmt: skip
        body = f"csrfmiddlewaretoken={token.group(1).decode()}&insats={insats_pk}"
        status, _, plats = p.anrop("remiss: nytt utkast", "POST", "/remisser/ny/", body, huvud,
                                   ok=(302,))  # fmt: skip
        m = UTKAST.search(plats)
        if not m:
            return
        url = f"/remisser/{m.group(1)}/andra/"
        status, data, _ = p.anrop("remiss: formuläret", "GET", url, headers=huvud)
        token = CSRF.search(data)
        if not token:
            return
        pnr = next(nummer)
        falt = {"csrfmiddlewaretoken": token.group(1).decode(), "fornamn": "Last",
                "efternamn": "Lastsson", "personnummer": f"{pnr[:8]}-{pnr[8:]}", "kon": "man",
                "anledning": "Lasttest.", "aktuell_af": "on", "aktuell_socialtjanst": "on",
                "atgard": "spara"}  # fmt: skip
        from urllib.parse import urlencode

        p.anrop("remiss: spara utkast", "POST", url, urlencode(falt), huvud, ok=(302,))

    return gor


def kansli(forbund_uuid, kvartal):
    def gor(p):
        p.anrop(
            "statistiksidan",
            "GET",
            f"/rapporter/statistik/?forbund={forbund_uuid}&period={kvartal}",
        )

    return gor


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--anvandare", type=int, default=50)
    parser.add_argument("--sekunder", type=int, default=300)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--paus", type=float, nargs=2, default=(0.2, 1.0), help="sekunder mellan klick, min max"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from bench.matning import lediga_personnummer, p95, valj_roller
    from deltagare import lista_cache
    from deltagare.models import Inskrivning
    from rapporter.period import Period
    from samverkan.models import User

    lista_cache.ny_generation()  # no entry from an earlier bench database
    insats, _personal, _inskrivning, _handlaggare = valj_roller(None)
    nr = insats.forbund.namn.rsplit(" ", 1)[1]
    staff = list(User.objects.filter(email__startswith=f"personal-{nr}-{insats.pk}-"))
    for u in staff:
        if not Authenticator.objects.filter(user=u, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(u, generate_totp_secret())
    referenter = list(User.objects.filter(email__startswith=f"handlaggare-{nr}-")[:5])
    admin = User.objects.get(email=f"admin-{nr}@bench.example")
    inskrivningar = [
        str(u) for u in Inskrivning.objects.filter(insats=insats).exclude(steg="avslut")
        .values_list("uuid", flat=True)[:300]
    ]  # fmt: skip
    nummer = iter(lediga_personnummer(args.anvandare * args.sekunder))
    kvartal = Period.senaste_hela_kvartal(datetime.date.today()).kod

    port = fri_port()
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "HTTPS": "False", "CELERY_BROKER_URL": ""}
    server = subprocess.Popen(  # noqa: S603 - our own arguments
        [sys.executable, "-m", "gunicorn", "samverkan.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--timeout", "120", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        resultat, lock = {}, threading.Lock()
        slut = time.monotonic() + args.sekunder
        personer = []
        for n in range(args.anvandare):
            if n % 10 < 7:
                user, gor = staff[n % len(staff)], samordnare(inskrivningar)
            elif n % 10 < 9:
                user, gor = referenter[n % len(referenter)], handlaggare(insats.pk, nummer)
            else:
                user, gor = admin, kansli(insats.forbund.uuid, kvartal)
            cookie = f"sessionid={session_for(user)}"
            personer.append(Person(port, cookie, [gor], slut, resultat, lock, args.paus))
        t0 = time.perf_counter()
        for p in personer:
            p.start()
        for p in personer:
            p.join(timeout=args.sekunder + 180)
        tid = time.perf_counter() - t0
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    totalt = sum(len(r["ms"]) for r in resultat.values())
    fel = sum(len(r["fel"]) for r in resultat.values())
    takt = totalt / tid
    print(f"\n{args.anvandare} användare, {tid:.0f} s, {totalt} anrop ({takt:.1f}/s), {fel} fel")
    print(f"{'Scenario':<28} {'antal':>6} {'median ms':>10} {'p95 ms':>9} {'fel':>5}")
    rader = []
    for namn, r in sorted(resultat.items()):
        rad = {
            "scenario": namn,
            "antal": len(r["ms"]),
            "median_ms": round(statistics.median(r["ms"]), 1),
            "p95_ms": round(p95(r["ms"]), 1),
            "fel": len(r["fel"]),
            "felkoder": sorted(set(r["fel"])),
        }
        rader.append(rad)
        siffror = f"{rad['antal']:>6} {rad['median_ms']:>10.1f} {rad['p95_ms']:>9.1f}"
        print(f"{namn:<28} {siffror} {rad['fel']:>5}")
    ut = ROOT / "bench" / "results"
    ut.mkdir(parents=True, exist_ok=True)
    fil = ut / f"last-{args.anvandare}-{args.paus[0]:g}-{args.paus[1]:g}.json"
    resultat_json = {
        "anvandare": args.anvandare,
        "paus_s": list(args.paus),
        "sekunder": round(tid),
        "anrop": totalt,
        "fel": fel,
        "scenarier": rader,
        "datum": datetime.datetime.now().isoformat(timespec="seconds"),
    }
    fil.write_text(json.dumps(resultat_json, indent=2, ensure_ascii=False))
    print(f"Skrev {fil.relative_to(ROOT)}")
    sys.exit(1 if fel else 0)


if __name__ == "__main__":
    main()
