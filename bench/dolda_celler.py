"""How much of the board's view small-cell suppression hides: one förbund-year.

    .venv/bin/python bench/dolda_celler.py                      # a scratch SQLite file
    .venv/bin/python bench/dolda_celler.py --jamfor 8de6e57     # and the rule of that commit
    .venv/bin/python bench/dolda_celler.py --befintlig --jamfor 8de6e57   # the same data again
    .venv/bin/python bench/dolda_celler.py --befintlig --period 2025-Q4   # another period

Makes one förbund as bench/generera.py does (partner organisations, two to four
insatser, staff) in a scratch SQLite file (`SQLITE_PATH`, default
bench/results/dolda_celler.sqlite3, made anew), lets the history generator
(`demo/generator/`) write `--ar` years of history at the bench's density (3 125
enrolments a year, as each of the eight bench förbund), then takes the exact tables of
the last complete year or of `--period`
(`rapporter.sammanstallning.sammanstall(exakt=True)`) for the whole förbund and for each
insats, protects them as the board sees them, and counts the cells about persons
(counts, shares, medians, differences) that are hidden: as "<5", as the interval the
shown figures already give ("33–36"), or fully (".."); and the same for the Kvinnor and
Män cells, of all tables and of the overview. With `--jamfor <commit>` the same tables
are also protected by `rapporter/sekretess.py` as it was at that commit (read with `git
show`; a commit from before the module became the package `rapporter/sekretess/`), so
both rules see the same data.
"""

import argparse
import datetime
import os
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("SQLITE_PATH", str(ROOT / "bench" / "results" / "dolda_celler.sqlite3"))
os.environ.pop("DATABASE_URL", None)  # always the scratch file: it is made anew

import generera  # noqa: E402  (sets the environment as the bench does)

PER_AR = 3125


def gammal_sekretess(commit: str) -> types.ModuleType:
    kod = subprocess.run(  # noqa: S603 (git with a commit named by whoever runs the bench)
        ["git", "show", f"{commit}:rapporter/sekretess.py"],  # noqa: S607
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    modul = types.ModuleType(f"sekretess_{commit}")
    exec(compile(kod, f"{commit}:rapporter/sekretess.py", "exec"), modul.__dict__)  # noqa: S102
    return modul


def rakna(avsnitt, skydda_avsnitt, grans):
    """Counts of the cells about persons: all, hidden as "<grans", hidden with their
    interval ("33–36"), hidden without any (".."), and the intervals' summed width
    (hog − lag); and the same for Kvinnor/Män, in all tables and in the overview."""
    from collections import Counter

    from rapporter.sekretess.villkor import celltyp
    from rapporter.tabell import ANDEL, ANTAL, DAGAR, SKILLNAD, Dold

    antal = Counter()
    for a in skydda_avsnitt(avsnitt, grans):
        for t in a.tabeller:
            if not t.skyddas:
                continue
            for rad in t.alla_rader():
                for k in t.kolumner:
                    v = rad.varden.get(k.nyckel)
                    if v is None or celltyp(rad, k) not in (ANTAL, ANDEL, DAGAR, SKILLNAD):
                        continue
                    if not isinstance(v, Dold):
                        slag = "visad"
                    elif not v.sekundar:
                        slag = "<"
                    else:  # an older rule's Dold may have no interval at all
                        slag = "spann" if getattr(v, "spann", None) else ".."
                    grupper = ["alla"]
                    if k.nyckel in ("kvinna", "man"):
                        grupper += ["km", "oversikt"] if t.nyckel == "oversikt" else ["km"]
                    for grupp in grupper:
                        antal[grupp] += 1
                        antal[grupp, slag] += 1
                        if slag == "spann":
                            antal[grupp, "bredd"] += v.spann[1] - v.spann[0]
    return antal


def _rad(namn, regel, antal, grupp):
    n = antal[grupp]
    dolda = n - antal[grupp, "visad"]
    andel = [f"{antal[grupp, s]:>5} {antal[grupp, s] / n:>6.1%}" for s in ("<", "spann", "..")]
    spann = antal[grupp, "spann"]
    bredd = f"{antal[grupp, 'bredd'] / spann:>6.1f}" if spann else f"{'–':>6}"
    rad = f"{namn:<22} {regel:<8} {n:>6} {dolda:>5} {dolda / n:>6.1%}  " + "  ".join(andel)
    return f"{rad}  {bredd}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ar", type=int, default=3, help="år av historik fram till i går")
    parser.add_argument("--antal", type=int, help=f"inskrivningar (standard {PER_AR} per år)")
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--jamfor", help="en commit vars sekretess.py också räknas")
    parser.add_argument(
        "--befintlig", action="store_true", help="räkna om på filen från en tidigare körning"
    )
    parser.add_argument("--period", help="t.ex. 2025-Q4 (standard: förra hela året)")
    args = parser.parse_args()

    fil = Path(os.environ["SQLITE_PATH"])
    fil.parent.mkdir(parents=True, exist_ok=True)
    if not args.befintlig:
        for f in (fil, Path(f"{fil}-wal"), Path(f"{fil}-shm")):
            f.unlink(missing_ok=True)

    import django

    django.setup()
    from django.core.management import call_command

    from deltagare.models.inskrivning import add_months
    from demo.generator.generera import generera as skriv_historik
    from rapporter.period import Period
    from rapporter.sammanstallning import sammanstall
    from rapporter.sekretess import skydda_avsnitt

    call_command("migrate", verbosity=0)
    till = datetime.date.today() - datetime.timedelta(days=1)
    if args.befintlig:
        from samverkan.models import Forbund

        forbund = Forbund.objects.get(namn="Benchförbundet 1")
        insatser = list(forbund.insatser.order_by("pk"))
    else:
        fran = add_months(till, -12 * args.ar) + datetime.timedelta(days=1)
        antal = args.antal or PER_AR * args.ar
        t0 = time.perf_counter()
        forbund, insatser = generera.bygg_forbund(1, 3, fran)  # three individinriktade
        skriv_historik(
            forbund=forbund, insatser=insatser, fran=fran, till=till, antal=antal, seed=args.seed
        )
        print(f"{antal} inskrivningar {fran} – {till} på {time.perf_counter() - t0:.0f} s")

    period = Period.fran_kod(args.period or str(till.year - 1))
    regler = {"nu": skydda_avsnitt}
    if args.jamfor:
        regler[args.jamfor] = gammal_sekretess(args.jamfor).skydda_avsnitt
    grans = forbund.smacellsgrans
    omfang = [("Hela förbundet", None)] + [(i.namn, i) for i in insatser if i.typ == i.Typ.INDIVID]
    rakningar = []
    for namn, insats in omfang:
        avsnitt = sammanstall(forbund=forbund, period=period, insats=insats, exakt=True).avsnitt
        rakningar += [
            (namn, regel, rakna(avsnitt, skydda, grans)) for regel, skydda in regler.items()
        ]
    rubrik = (f"{'omfång':<22} {'regel':<8} {'celler':>6} {'dolda':>12}  {'<' + str(grans):>12}  "
              f"{'spann':>12}  {'..':>12}  {'bredd':>6}")  # fmt: skip
    for grupp, text in (
        ("alla", "alla celler om personer"),
        ("km", "Kvinnor och Män"),
        ("oversikt", "Kvinnor och Män i översikten"),
    ):
        print(f"\n{period.kod}, gräns {grans}, {text}: dolda; som <{grans}, som spann, helt (..)")
        print(rubrik)
        for namn, regel, antal in rakningar:
            print(_rad(namn, regel, antal, grupp))


if __name__ == "__main__":
    main()
