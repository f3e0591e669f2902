"""Gallring: personal data go, the statistics of every past period stay the same."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from deltagare.gallring import GALLRAT, gallra_forbund
from deltagare.models import Deltagare, Inskrivning, Kontakt, Samtycke, StegByte
from deltagare.models.inskrivning import add_months
from demo.generator.generera import generera
from rapporter.period import Period
from rapporter.sammanstallning import sammanstall
from rapporter.selectors.finsam import finsam
from remisser.models import Remiss
from samverkan.models import AuditEvent, Forbund, Gallringskorning, Insats, Medlemskap, Roll


@pytest.fixture
def historik(db, django_capture_on_commit_callbacks):
    """The demo förbund with six years of generated history behind its hand-made cases."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", utan_historik=True, stdout=io.StringIO())
    forbund = Forbund.objects.get(namn__icontains="Exempeldalen")
    # The demo's insatser are young: one year's retention leaves enough to remove.
    Forbund.objects.filter(pk=forbund.pk).update(gallring_ar=1)
    forbund.refresh_from_db()
    idag = timezone.localdate()
    generera(
        forbund=forbund,
        insatser=Insats.objects.filter(forbund=forbund).order_by("pk"),
        fran=add_months(idag, -72),
        till=idag - datetime.timedelta(days=1),
        antal=160,
        seed=11,
    )
    return forbund


def _figurer(forbund):
    """Every figure of the statistics, goals, economy and Finsam for past periods."""
    idag = timezone.localdate()
    perioder = [Period.fran_kod(str(idag.year - n)) for n in range(0, 4)]
    perioder += [Period.fran_kod(f"{idag.year - 1}-Q{q}") for q in (1, 2, 3, 4)]
    perioder += [Period.fran_kod(f"{idag.year - 2}-H{h}") for h in (1, 2)]
    resultat = {}
    for p in perioder:
        s = sammanstall(forbund=forbund, period=p, exakt=True)
        for t in s.alla_tabeller():
            resultat[(p.kod, t.nyckel)] = [
                (r.nyckel, r.etikett, sorted(r.varden.items(), key=str)) for r in t.alla_rader()
            ]
    for ar in range(idag.year - 3, idag.year + 1):
        for t in finsam(forbund=forbund, ar=ar):
            resultat[("finsam", ar, t.nyckel)] = [
                sorted(r.varden.items(), key=str) for r in t.rader
            ]
    return resultat


@pytest.mark.django_db
def test_past_figures_are_identical_before_and_after(historik):
    fore = _figurer(historik)
    korning = gallra_forbund(forbund=historik)
    assert korning.antal_deltagare > 20 and korning.antal_remisser > 0
    assert _figurer(historik) == fore


@pytest.mark.django_db
def test_personal_data_and_files_go_codes_and_dates_stay(
    historik, django_capture_on_commit_callbacks
):
    idag = timezone.localdate()
    gammal = (
        Inskrivning.objects.filter(
            insats__forbund=historik, avslut__datum__lt=add_months(idag, -14)
        )
        .exclude(deltagare__personnummer="")
        .select_related("deltagare", "avslut")
        .first()
    )
    deltagare = gammal.deltagare
    # An uploaded consent of its own, to see that storage forgets it.
    samtycke = Samtycke.objects.filter(inskrivning=gammal).first()
    samtycke.fil.save("eget-samtycke.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    filnamn = samtycke.fil.name
    assert default_storage.exists(filnamn)
    kon, kommun, steg = deltagare.kon, deltagare.folkbokforingskommun, gammal.steg
    vag_ut, slutdatum = gammal.avslut.vag_ut, gammal.avslut.datum
    alder = deltagare.alder(gammal.inskrivningsdatum)
    inskriven = gammal.inskrivningsdatum

    with django_capture_on_commit_callbacks(execute=True):
        gallra_forbund(forbund=historik)

    deltagare.refresh_from_db()
    assert deltagare.gallrad is not None
    assert (deltagare.fornamn, deltagare.efternamn, deltagare.personnummer) == ("", "", "")
    assert (deltagare.adress, deltagare.telefon, deltagare.epost) == ("", "", "")
    assert (deltagare.kon, deltagare.folkbokforingskommun) == (kon, kommun)
    assert deltagare.alder(gammal.inskrivningsdatum) == alder
    gammal.refresh_from_db()
    assert (gammal.steg, gammal.avslut.vag_ut, gammal.avslut.datum) == (steg, vag_ut, slutdatum)
    anteckningar = set(
        Kontakt.objects.filter(inskrivning=gammal).values_list("anteckning", flat=True)
    )
    assert anteckningar <= {"", GALLRAT}
    # Dates to the month, but those a figure counts days from.
    assert gammal.aktualiserad.day == 1
    assert {
        d.day for d in Kontakt.objects.filter(inskrivning=gammal).values_list("datum", flat=True)
    } <= {1}
    assert {
        timezone.localtime(t).day
        for t in StegByte.objects.filter(inskrivning=gammal).values_list("tidpunkt", flat=True)
    } == {1}
    assert gammal.inskrivningsdatum == inskriven and gammal.avslutsdatum == slutdatum
    samtycke.refresh_from_db()
    assert samtycke.fil.name == GALLRAT and not default_storage.exists(filnamn)
    remiss = Remiss.objects.filter(inskrivning=gammal).first()
    if remiss is not None:
        assert (remiss.fornamn, remiss.personnummer, remiss.anledning) == ("", "", "")
    # The emptied remisser leave the referrers' and the teams' lists.
    gallrade = Remiss.objects.filter(gallrad__isnull=False).select_related("handlaggare")
    assert gallrade.exists()
    for r in gallrade[:5]:
        assert not Remiss.objects.for_user(r.handlaggare).filter(pk=r.pk).exists()
        team = Medlemskap.objects.filter(insats=r.insats, roll=Roll.SAMORDNARE).first()
        assert not Remiss.objects.for_team(team.user).filter(pk=r.pk).exists()


@pytest.mark.django_db
def test_recent_cases_and_legal_holds_stay(historik):
    idag = timezone.localdate()
    nyligen = Deltagare.objects.filter(
        forbund=historik, anonym=False, inskrivningar__avslut__datum__gt=add_months(idag, -6)
    ).first()
    pagaende = Deltagare.objects.filter(
        forbund=historik, inskrivningar__avslut__isnull=True, anonym=False
    ).first()
    hold = (
        Deltagare.objects.filter(
            forbund=historik, anonym=False, inskrivningar__avslut__datum__lt=add_months(idag, -14)
        )
        .exclude(pk__in=[nyligen.pk, pagaende.pk])
        .first()
    )
    Deltagare.objects.filter(pk=hold.pk).update(
        gallringsstopp=True, gallringsstopp_skal="Begäran från tillsynsmyndighet."
    )
    korning = gallra_forbund(forbund=historik)
    assert korning.antal_stoppade == 1
    for d in (nyligen, pagaende, hold):
        d.refresh_from_db()
        assert d.gallrad is None and d.fornamn


@pytest.mark.django_db
def test_a_dry_run_changes_nothing_but_its_record(historik):
    fore = list(Deltagare.objects.order_by("pk").values_list("fornamn", "personnummer"))
    korning = gallra_forbund(forbund=historik, provkorning=True)
    assert korning.provkorning and korning.antal_deltagare > 0
    assert list(Deltagare.objects.order_by("pk").values_list("fornamn", "personnummer")) == fore
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.DELETE).exists()


@pytest.mark.django_db
def test_each_run_is_recorded_with_counts_and_audited(historik):
    out = io.StringIO()
    call_command("gallra", stdout=out)
    korning = Gallringskorning.objects.get(forbund=historik)
    assert not korning.provkorning and korning.antal_deltagare > 0
    assert f"{korning.antal_deltagare} deltagare" in out.getvalue()
    event = AuditEvent.objects.get(action=AuditEvent.Action.DELETE)
    assert event.detail == {
        "deltagare": korning.antal_deltagare,
        "remisser": korning.antal_remisser,
    }
    # A second run finds nothing more.
    again = gallra_forbund(forbund=historik)
    assert (again.antal_deltagare, again.antal_remisser) == (0, 0)


@pytest.mark.django_db
def test_the_remainder_is_no_ones_case(historik):
    from samverkan.models import User

    gallra_forbund(forbund=historik)
    gallrad = Deltagare.objects.filter(forbund=historik, gallrad__isnull=False).first()
    insats = gallrad.inskrivningar.first().insats
    personal = User.objects.filter(medlemskap__insats=insats).first()
    assert not Deltagare.objects.for_user(personal).filter(pk=gallrad.pk).exists()
    assert not Inskrivning.objects.for_user(personal).filter(deltagare=gallrad).exists()


@pytest.mark.django_db
def test_staff_set_and_lift_a_legal_hold_from_the_case(client, inskriven, samordnare):
    url = f"/deltagare/{inskriven.uuid}/gallringsstopp/"
    client.force_login(samordnare)
    assert "Gallring" in client.get(f"/deltagare/{inskriven.uuid}/").content.decode()
    client.post(url, {"stopp": "on", "skal": ""})
    inskriven.deltagare.refresh_from_db()
    assert not inskriven.deltagare.gallringsstopp  # a hold needs its reason
    client.post(url, {"stopp": "on", "skal": "Begäran från tillsynsmyndighet."})
    inskriven.deltagare.refresh_from_db()
    assert inskriven.deltagare.gallringsstopp
    event = AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE).latest("pk")
    assert event.deltagare_uuid == inskriven.deltagare.uuid and event.detail["gallringsstopp"]
    client.post(url, {})
    inskriven.deltagare.refresh_from_db()
    assert not inskriven.deltagare.gallringsstopp and inskriven.deltagare.gallringsstopp_skal == ""


@pytest.mark.django_db
def test_others_cannot_set_a_legal_hold(client, inskriven, forbundsadmin):
    client.force_login(forbundsadmin)
    response = client.post(
        f"/deltagare/{inskriven.uuid}/gallringsstopp/", {"stopp": "on", "skal": "x"}
    )
    assert response.status_code == 404
    inskriven.deltagare.refresh_from_db()
    assert not inskriven.deltagare.gallringsstopp


@pytest.mark.django_db
def test_the_nightly_task_runs_every_forbund(historik, settings):
    from deltagare.tasks import gallra
    from samverkan.celery import app

    assert settings.CELERY_BEAT_SCHEDULE["gallring"]["task"] == gallra.name
    assert gallra.name in app.tasks
    resultat = gallra.delay().get()
    assert (
        resultat[historik.pk] == Gallringskorning.objects.get(forbund=historik).antal_deltagare > 0
    )
