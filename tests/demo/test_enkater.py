"""The demo answers: both insatser, the demo period, idempotent and quiet."""

import io

from django.core.management import call_command
from django.core.management.color import no_style
from django.utils import timezone

from demo import enkater
from demo.forbund import FORBUND
from enkater.models import Enkat, Svar, Utskick
from rapporter.period import Period
from samverkan.models import Forbund, Insats

INSATSER = ["Samverkansteamet", "Unga vuxna i arbete"]


def test_demo_answers_in_both_insatser_and_idempotent(db, capsys):
    call_command("demo", utan_historik=True)
    senaste = Period.senaste_hela_kvartal(timezone.localdate())
    kvartal = (senaste.start.month + 2) // 3
    for insats in Insats.objects.filter(namn__in=INSATSER):
        svar = Svar.objects.filter(insats=insats, ar=senaste.start.year, kvartal=kvartal)
        assert svar.filter(version__enkat__standard="nns-deltagare").count() == 9
        assert svar.filter(version__enkat__typ="samverkan").count() == 6
        assert Svar.objects.filter(insats=insats, ar=senaste.start.year - 1).exists()
    # The office's own questionnaire, published through the editor's services.
    egen = Enkat.objects.get(namn=enkater.EGEN_ENKAT)
    assert egen.standard == "" and egen.publicerad_version().fragor.count() == 3
    assert Svar.objects.filter(version__enkat=egen, ar=senaste.start.year).count() == 7
    antal = Svar.objects.count(), sum(Utskick.objects.values_list("antal", flat=True))
    capsys.readouterr()
    ut = io.StringIO()
    forbund = Forbund.objects.get(organisationsnummer=FORBUND["organisationsnummer"])
    enkater.ladda(forbund, stdout=ut, style=no_style())
    assert (Svar.objects.count(), sum(Utskick.objects.values_list("antal", flat=True))) == antal
    assert ut.getvalue() == capsys.readouterr().out == ""
