"""The demo participants: every step in both insatser, the special cases, idempotent."""

import io

from django.core.management import call_command

from deltagare.koder import Steg, VagUt
from deltagare.models import (
    Avslut,
    Deltagare,
    Gruppaktivitet,
    HandlingsplanVersion,
    Inskrivning,
    Uppfoljning,
)
from samverkan.models import Insats
from samverkan.validators import luhn_ok


def test_demo_loads_participants_at_every_step_and_is_idempotent(db, capsys):
    call_command("demo", utan_historik=True)

    insatser = Insats.objects.filter(namn__in=["Samverkansteamet", "Unga vuxna i arbete"])
    assert insatser.count() == 2
    for insats in insatser:
        for steg in Steg.values:
            assert Inskrivning.objects.filter(insats=insats, steg=steg).exists(), (insats, steg)

    assert Deltagare.objects.filter(anonym=True).count() >= 2
    assert Deltagare.objects.filter(skyddade_personuppgifter=True).exists()
    assert Deltagare.objects.filter(samordningsnummer=True).exists()
    assert Deltagare.objects.filter(anonym=False, personnummer="", fodelsedatum__isnull=False)
    assert Uppfoljning.objects.filter(genomford__isnull=False).exclude(utfall="").exists()
    assert Uppfoljning.objects.filter(stoppad__isnull=False).exists()
    assert Avslut.objects.filter(vag_ut=VagUt.FELREGISTRERING).exists()
    assert HandlingsplanVersion.objects.filter(version__gte=2).exists()
    assert Gruppaktivitet.objects.filter(narvaro__narvarande=True).exists()
    assert Inskrivning.objects.filter(forlangd_manader__gt=0).exists()

    for nummer in Deltagare.objects.exclude(personnummer="").values_list("personnummer", flat=True):
        assert len(nummer) == 12 and luhn_ok(nummer[2:])
        assert nummer[8] == "9"

    out = capsys.readouterr().out
    assert "Demodeltagare per insats och steg" in out

    counts = Deltagare.objects.count(), Inskrivning.objects.count()
    call_command("demo", utan_historik=True)
    assert (Deltagare.objects.count(), Inskrivning.objects.count()) == counts
    assert "redan deltagare" in capsys.readouterr().out


def test_demo_if_empty_loads_the_participants_too(db):
    call_command("demo", if_empty=True, utan_historik=True)
    assert Deltagare.objects.exists()


def test_the_demo_coordinators_see_a_mix_of_overdue_due_and_later(db, client, settings):
    """Two years of history, and still most of the work is on time (issue 17)."""
    from samverkan.models import User

    settings.SAMVERKAN_MFA_REQUIRED = False  # as in `make run`
    call_command("demo", stdout=io.StringIO())
    for email in ("samordnare@exempeldalen.example", "coach@exempeldalen.example"):
        client.force_login(User.objects.get(email=email))
        [[_sektion, paneler]] = client.get("/").context["sektioner"]
        page = paneler[0]  # the coordinator's due items and cases
        forsenade = page.count(">Försenad</span>")
        inom_en_vecka = page.count(">Inom en vecka</span>")
        senare = page.count(">Senare</span>")
        assert forsenade and inom_en_vecka and senare, (email, forsenade, inom_en_vecka, senare)
        assert forsenade < (inom_en_vecka + senare), email
