"""The demo's board year: meetings with published protocols, applications in
every state, grants behind the insatser's economy; run again, nothing changes."""

import io

import pytest
from django.core.management import call_command
from django.core.management.color import no_style

from demo import styrelse
from demo.forbund import FORBUND
from rapporter.models import Ekonomi
from samverkan.models import Forbund
from styrelse.models import Ansokan, Beviljning, Protokollversion, Sammantrade


@pytest.mark.django_db
def test_the_demo_shows_a_board_year_and_is_idempotent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", "--utan-historik")
    publicerade = Sammantrade.objects.filter(status="publicerat")
    assert publicerade.count() >= 7
    assert Protokollversion.objects.count() == publicerade.count()
    assert Sammantrade.objects.filter(status="planerat").count() == 1
    assert set(Ansokan.objects.values_list("status", flat=True)) == set(Ansokan.Status.values)
    # Every granted amount is in the insats's economy for its year.
    for b in Beviljning.objects.prefetch_related("belopp_per_ar"):
        for belopp in b.belopp_per_ar.all():
            assert Ekonomi.objects.get(insats=b.insats, ar=belopp.ar).beviljat >= belopp.belopp
    antal = (Sammantrade.objects.count(), Ansokan.objects.count())
    forbund = Forbund.objects.get(organisationsnummer=FORBUND["organisationsnummer"])
    styrelse.ladda(forbund, stdout=io.StringIO(), style=no_style())
    assert (Sammantrade.objects.count(), Ansokan.objects.count()) == antal
