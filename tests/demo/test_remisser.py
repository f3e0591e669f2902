"""The demo remisser: every status in both insatser, one past its deadline, idempotent."""

from django.core.management import call_command
from django.utils import timezone

from remisser.models import AvbojdOrsak, Remiss, Status
from samverkan.models import Insats
from samverkan.validators import luhn_ok

INSATSER = ["Samverkansteamet", "Unga vuxna i arbete"]


def _forsenad(remiss, today):
    gatt = (today - timezone.localtime(remiss.inkommen).date()).days - remiss.pausad_dagar
    return gatt > remiss.insats.svarsfrist_dagar


def test_demo_loads_remisser_in_every_status_and_is_idempotent(db, capsys):
    call_command("demo", utan_historik=True)

    insatser = Insats.objects.filter(namn__in=INSATSER)
    assert insatser.count() == 2
    for insats in insatser:
        for status in Status.values:
            assert Remiss.objects.filter(insats=insats, status=status).exists(), (insats, status)

    today = timezone.localdate()
    oppna = Remiss.objects.filter(status__in=[Status.INKOMMEN, Status.UNDER_BEDOMNING])
    assert any(_forsenad(r, today) for r in oppna.select_related("insats"))
    assert any(not _forsenad(r, today) for r in oppna.select_related("insats"))

    beslutade = Remiss.objects.filter(status__in=[Status.ANTAGEN, Status.AVBOJD])
    assert any(r.inom_frist() for r in beslutade.select_related("insats"))
    for remiss in beslutade:
        assert remiss.inkommen <= remiss.beslutad <= timezone.now()

    for remiss in Remiss.objects.filter(status=Status.UNDER_BEDOMNING):
        assert remiss.teammote and remiss.tilldelad
    assert not Remiss.objects.filter(status=Status.KOMPLETTERING, komplettering_text="").exists()
    orsaker = set(
        Remiss.objects.filter(status=Status.AVBOJD).values_list("avbojd_orsak", flat=True)
    )
    assert len(orsaker) >= 2 and orsaker <= set(AvbojdOrsak.values)

    antagna = Remiss.objects.filter(status=Status.ANTAGEN).select_related("inskrivning")
    assert antagna.exists()
    for remiss in antagna:
        assert remiss.inskrivning is not None
        assert remiss.inskrivning.deltagare.personnummer == remiss.personnummer
        assert remiss.inskrivning.aktualiserad == remiss.inkommen.date()

    for remiss in Remiss.objects.exclude(status=Status.UTKAST).select_related("insats"):
        assert remiss.samtycke_fil
        nummer = remiss.personnummer
        assert len(nummer) == 12 and luhn_ok(nummer[2:]) and "950" <= nummer[8:11] <= "999"
        alder = today.year - int(nummer[:4]) - (today.strftime("%m%d") < nummer[4:8])
        insats = remiss.insats
        assert insats.malgrupp_alder_min <= alder <= insats.malgrupp_alder_max, remiss

    assert "Demoremisser per insats och status" in capsys.readouterr().out

    count = Remiss.objects.count()
    call_command("demo", utan_historik=True)
    assert Remiss.objects.count() == count
    assert "redan remisser" in capsys.readouterr().out
