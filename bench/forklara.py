"""The slowest SQL queries of one page, each with EXPLAIN (ANALYZE, BUFFERS).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samverkan_bench \\
        uv run python bench/forklara.py /deltagare/
    DATABASE_URL=... uv run python bench/forklara.py "/deltagare/lista/?steg=insatser" --topp 3
    DATABASE_URL=... uv run python bench/forklara.py /deltagare/{inskrivning}/
    DATABASE_URL=... uv run python bench/forklara.py \\
        "/rapporter/statistik/?forbund={forbund}&period=2025" --som admin-1@bench.example

As the samordnare bench/tider.py uses (or `--som`, a user of the bench data), with TOTP set
up: one warm-up request, then one request whose queries are captured; the `--topp`
slowest are printed with their time in the request and their plan. `{inskrivning}` is
the enrolment tider.py opens, `{forbund}` the uuid of the user's first förbund. Runs
in one transaction that is rolled back (as tider.py, migrating there if need be).
"""

import argparse
import os
import re
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

from bench.matning import hamta, migrera_i_transaktionen, valj_roller  # noqa: E402


def forklarbar(sql):
    """The SELECT of a query, or None (savepoints, the session's UPDATE: no plan to show)."""
    cursor = re.match(r"DECLARE .*? CURSOR (?:WITH(?:OUT)? HOLD )?FOR (.*)", sql, re.S)
    if cursor:
        sql = cursor[1]
    return sql if sql.lstrip().upper().startswith(("SELECT", "WITH")) else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url", help="sökväg med frågesträng, t.ex. /deltagare/lista/?steg=avslut")
    parser.add_argument("--topp", type=int, default=5)
    parser.add_argument("--insats", type=int, help="som i tider.py")
    parser.add_argument("--som", help="e-post till en annan användare i benchdatan")
    args = parser.parse_args()

    import django

    django.setup()
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from samverkan.models import Medlemskap, User

    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS.append("testserver")
    with transaction.atomic():
        migrera_i_transaktionen()
        _, personal, inskrivning, _ = valj_roller(args.insats)
        user = User.objects.get(email=args.som) if args.som else personal
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, generate_totp_secret())
        forbund = Medlemskap.objects.filter(user=user).values_list("forbund__uuid", flat=True)
        url = args.url.format(inskrivning=inskrivning.uuid, forbund=forbund.first())
        client = Client()
        client.force_login(user)
        hamta(client, url)
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            hamta(client, url)
            hela = (time.perf_counter() - start) * 1000
        fragor = ctx.captured_queries
        total = sum(float(q["time"]) for q in fragor) * 1000
        print(
            f"{url} som {user.email}: {len(fragor)} frågor, "
            f"{total:.0f} ms i databasen av {hela:.0f} ms"
        )
        for q in sorted(fragor, key=lambda q: -float(q["time"]))[: args.topp]:
            print(f"\n--- {float(q['time']) * 1000:.1f} ms\n{q['sql']}\n")
            if (select := forklarbar(q["sql"])) is None:
                print("(ingen SELECT: ingen plan)")
                continue
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {select}")
                print("\n".join(r[0] for r in cursor.fetchall()))
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
