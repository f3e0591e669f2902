"""The demo's history and reports: every recent quarter has figures, and the last
complete quarter's published report carries the figures of the statistics page."""

import io
import re

import pytest
from django.core.management import call_command
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from deltagare.models import Deltagare, Inskrivning
from demo.tyst import tyst
from rapporter.models import Rapport, RapportStatus
from rapporter.period import Period
from rapporter.sammanstallning import sammanstall
from rapporter.templatetags.rapporter import formatera
from samverkan.models import Forbund, User


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    # The rendering task runs when the callbacks do, after the command: quiet as the
    # command is, so the captured output holds no task lines.
    with tyst(), django_capture_on_commit_callbacks(execute=True):
        call_command("demo")
    return Forbund.objects.get(namn__icontains="Exempeldalen")


def _kvartal_bakat(n):
    p = Period.senaste_hela_kvartal(timezone.localdate())
    for _ in range(n):
        yield p
        p = Period.senaste_hela_kvartal(p.start)


def test_every_recent_quarter_has_figures_and_the_report_matches(demo, client):
    for period in _kvartal_bakat(7):
        oversikt = sammanstall(forbund=demo, period=period, exakt=True).tabell("oversikt")
        for rad in ("aktiva", "nya", "avslutade"):
            assert oversikt.rad(rad).varden["totalt"] > 0, (period.kod, rad)

    kvartal = Period.senaste_hela_kvartal(timezone.localdate())
    rapport = Rapport.objects.get(
        forbund=demo, insats=None, period_start=kvartal.start, status=RapportStatus.PUBLICERAD
    )
    client.force_login(User.objects.get(email="styrelse@exempeldalen.example"))
    response = client.get(reverse("rapporter:statistik"), {"period": kvartal.kod})
    assert response.status_code == 200
    aktiva = response.context["s"].tabell("oversikt").rad("aktiva").varden["totalt"]
    pdf = client.get(reverse("rapporter:rapport-pdf", args=[rapport.uuid]))
    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages
    ).replace("\xa0", " ")
    assert re.search(rf"{re.escape(formatera(aktiva, 'antal'))}\s*Aktiva deltagare", text)
    # Generated history is fictitious: every personnummer in the demo's 9xx serials.
    for nummer in Deltagare.objects.exclude(personnummer="").values_list("personnummer", flat=True):
        assert nummer[8] == "9"
    assert Inskrivning.objects.filter(insats__forbund=demo).count() > 400
    # The generator writes with bulk_create, past Avslut.save(): its copies of the exit
    # on the enrolment must agree with the exits all the same.
    fel = Inskrivning.objects.exclude(
        avslutsdatum=F("avslut__datum"),
        felregistrerad=Q(avslut__vag_ut="felregistrering"),
    ).exclude(avslut__isnull=True, avslutsdatum__isnull=True, felregistrerad=False)
    assert not fel.exists()
