"""Write a board report to a file: the same PDF/UA as a published report.

python manage.py rapport --period 2026-Q3 --out rapport.pdf [--insats <id>] [--forbund <id>]
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rapporter.models import Rapporttyp
from rapporter.period import Period
from rapporter.publicering import PERIODTYP_TILL_RAPPORTTYP
from rapporter.sammanstallning import skapa_pdf
from samverkan.models import Forbund, Insats
from samverkan.pdf import ladda_i_bakgrunden


def _hitta(model, varde, namn, **filter):
    qs = model.objects.filter(**filter)
    hit = qs.filter(pk=int(varde)).first() if str(varde).isdigit() else None
    if hit is None:
        try:
            hit = qs.filter(uuid=varde).first()
        except Exception:  # not a uuid either
            hit = None
    if hit is None:
        raise CommandError(f"Hittar ingen {namn} med id {varde}.")
    return hit


class Command(BaseCommand):
    help = "Skriver en styrelserapport (kvartal, halvår eller år) som PDF/UA till en fil."
    # It reads and writes one file; the checks (the whole URLconf and every view imported,
    # about 0.4 s) are for the commands that serve or change the application.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="2026-Q3, 2026-H1 eller 2026")
        parser.add_argument("--out", required=True, help="filen att skriva, t.ex. rapport.pdf")
        parser.add_argument("--insats", help="insatsens id eller uuid; utelämna för hela förbundet")
        parser.add_argument("--forbund", help="förbundets id eller uuid, om det finns flera")

    def handle(self, *args, **opts):
        try:
            period = Period.fran_kod(opts["period"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        insats = None
        if opts["insats"]:
            insats = _hitta(Insats, opts["insats"], "insats")
            forbund = insats.forbund
            if opts["forbund"] and _hitta(Forbund, opts["forbund"], "förbund").pk != forbund.pk:
                raise CommandError("Insatsen hör till ett annat förbund.")
        elif opts["forbund"]:
            forbund = _hitta(Forbund, opts["forbund"], "förbund")
        else:
            alla = list(Forbund.objects.order_by("pk")[:2])
            if len(alla) != 1:
                raise CommandError("Ange --forbund: det finns inget eller flera förbund.")
            forbund = alla[0]
        typ = Rapporttyp(PERIODTYP_TILL_RAPPORTTYP[period.typ])
        ladda_i_bakgrunden()
        pdf = skapa_pdf(forbund=forbund, period=period, insats=insats, typ_namn=typ.label)
        out = Path(opts["out"])
        out.write_bytes(pdf)
        self.stdout.write(f"Skrev {out} ({len(pdf)} byte): {typ.label} {period.namn}.")
