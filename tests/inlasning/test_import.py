"""The import: all or nothing, idempotent on the external id, audited, the file gone."""

import datetime

import pytest

from deltagare.koder import Steg, SusTidpunkt
from deltagare.models import Avslut, Deltagare, Inskrivning, SusForsorjning, SusUppgift
from inlasning.models import ImporteratArende, Inlasning, Status
from inlasning.services import uppladdning
from samverkan.models import AuditEvent, Insats
from tests.inlasning.conftest import PNR2, fil
from tests.inlasning.hjalp import xlsx


def _las_in(actor, inlasning, capture):
    with capture(execute=True):
        uppladdning.inlasning_starta(actor=actor, inlasning=inlasning)
    inlasning.refresh_from_db()
    return inlasning


def test_import_creates_every_case_as_planned(
    provkord, forbundsadmin, insats, django_capture_on_commit_callbacks
):
    storage, namn = provkord.fil.storage, provkord.fil.name
    assert storage.exists(namn)
    inlasning = _las_in(forbundsadmin, provkord, django_capture_on_commit_callbacks)
    assert inlasning.status == Status.KLAR and inlasning.antal_nya == 5
    # Four people: the two rows of one personnummer are one participant.
    assert Deltagare.objects.filter(forbund=insats.forbund).count() == 4
    assert Inskrivning.objects.filter(insats=insats).count() == 5
    ole = Deltagare.objects.get(personnummer=PNR2)
    assert ole.fodelsedatum == datetime.date(1985, 12, 24) and ole.kon == "man"
    assert ole.skapad_av == forbundsadmin
    senare, tidigare = ole.inskrivningar.order_by("-inskrivningsdatum")
    assert tidigare.steg == Steg.AVSLUT and tidigare.aktualiserad == tidigare.inskrivningsdatum
    # The copies that Avslut.save() would have written.
    assert tidigare.avslutsdatum == datetime.date(2024, 6, 30) and not tidigare.felregistrerad
    assert Inskrivning.objects.get(avslut__vag_ut="felregistrering").felregistrerad
    oppen = Inskrivning.objects.get(steg=Steg.INSKRIVNING, deltagare__personnummer="")
    assert oppen.avslutsdatum is None and oppen.deltagare.reservnummer == "R-1"
    assert senare.avslut.sammanfattning == "" and senare.avslut.registrerat_av == forbundsadmin
    start = SusUppgift.objects.get(inskrivning=tidigare, tidpunkt=SusTidpunkt.START)
    assert start.sysselsattning == "studier" and start.sysselsattning_procent == 50
    assert start.aktuell_af and not start.aktuell_fk
    slut = SusUppgift.objects.get(inskrivning=senare, tidpunkt=SusTidpunkt.AVSLUT)
    assert list(slut.forsorjning.values_list("kod", flat=True)) == ["lon"]
    # Felregistrering: no SUS at exit, as through the form.
    assert SusUppgift.objects.filter(tidpunkt=SusTidpunkt.AVSLUT).count() == 2
    assert SusForsorjning.objects.filter(uppgift__tidpunkt=SusTidpunkt.START).count() == 6
    # The file is deleted, the dry run's masked values too.
    assert not storage.exists(namn) and not inlasning.fil
    assert inlasning.provkorning == {"rader": [], "fel": []}


def test_import_is_audited_once_plus_each_new_participant(
    provkord, forbundsadmin, django_capture_on_commit_callbacks
):
    fore = AuditEvent.objects.count()
    _las_in(forbundsadmin, provkord, django_capture_on_commit_callbacks)
    nya = AuditEvent.objects.filter(pk__gt=0).order_by("pk")[fore:]
    handelser = [(e.action, e.object_type, e.actor_id) for e in nya]
    assert handelser.count(("create", "inlasning.inlasning", forbundsadmin.pk)) == 1
    per_person = [e for e in nya if e.object_type == "deltagare.deltagare"]
    assert len(per_person) == 4
    assert {e.deltagare_uuid for e in per_person} == set(
        Deltagare.objects.values_list("uuid", flat=True)
    )
    assert all(e.detail == {"inlasning": str(provkord.uuid)} for e in per_person)


def test_importing_the_same_file_twice_adds_nothing(
    provkord, forbundsadmin, forbund, rader, django_capture_on_commit_callbacks
):
    _las_in(forbundsadmin, provkord, django_capture_on_commit_callbacks)
    andra = uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin, forbund=forbund, upload=fil(xlsx(rader))
    )
    assert andra.antal_fel == 0 and andra.antal_nya == 0
    assert [r[1] for r in andra.provkorning["rader"]] == ["finns"] * 5
    _las_in(forbundsadmin, andra, django_capture_on_commit_callbacks)
    assert Inskrivning.objects.count() == 5 and ImporteratArende.objects.count() == 5


def test_the_same_external_id_twice_is_refused_by_the_database(
    provkord, forbundsadmin, django_capture_on_commit_callbacks
):
    from django.db import IntegrityError, transaction

    _las_in(forbundsadmin, provkord, django_capture_on_commit_callbacks)
    arende = ImporteratArende.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        ImporteratArende.objects.create(
            forbund=arende.forbund,
            externt_id=arende.externt_id,
            inskrivning=Inskrivning.objects.exclude(pk=arende.inskrivning_id).first(),
            inlasning=arende.inlasning,
        )


def test_a_file_that_no_longer_checks_imports_nothing(
    provkord, forbundsadmin, insats, django_capture_on_commit_callbacks
):
    # Between the dry run and the import, the insats got a new name: every row fails.
    Insats.objects.filter(pk=insats.pk).update(namn="Nytt namn")
    inlasning = _las_in(forbundsadmin, provkord, django_capture_on_commit_callbacks)
    assert inlasning.status == Status.MISSLYCKAD
    assert "ingenting sparades" in inlasning.meddelande
    assert Deltagare.objects.count() == Inskrivning.objects.count() == Avslut.objects.count() == 0
    assert ImporteratArende.objects.count() == 0


def test_a_file_with_errors_cannot_be_imported(forbundsadmin, forbund, insats):
    from django.core.exceptions import ValidationError

    from tests.inlasning.hjalp import rad

    inlasning = uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin, forbund=forbund, upload=fil(xlsx([rad("X", "Fel insats", None)]))
    )
    assert inlasning.antal_fel > 0 and not inlasning.kan_lasas_in
    with pytest.raises(ValidationError):
        uppladdning.inlasning_starta(actor=forbundsadmin, inlasning=inlasning)
    assert Inlasning.objects.get(pk=inlasning.pk).status == Status.PROVKORD


def test_only_the_forbund_office_may_import(provkord, samordnare, superuser, annat_forbund_admin):
    from django.core.exceptions import PermissionDenied

    for user in (samordnare, superuser, annat_forbund_admin):
        with pytest.raises(PermissionDenied):
            uppladdning.inlasning_starta(actor=user, inlasning=provkord)


def test_files_never_imported_are_deleted_after_n_days(
    provkord, django_capture_on_commit_callbacks
):
    from django.core.management import call_command
    from django.utils import timezone

    storage, namn = provkord.fil.storage, provkord.fil.name
    Inlasning.objects.filter(pk=provkord.pk).update(
        skapad=timezone.now() - datetime.timedelta(days=8)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rensa_inlasningar", "--dagar", "7")
    provkord.refresh_from_db()
    assert provkord.status == Status.RENSAD and not provkord.fil
    assert not storage.exists(namn) and provkord.provkorning == {"rader": [], "fel": []}


def test_the_participant_list_cache_starts_a_new_generation(
    provkord, forbundsadmin, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from deltagare import lista_cache

    fore = cache.get(lista_cache._GENERATION)
    _las_in(forbundsadmin, provkord, django_capture_on_commit_callbacks)
    assert cache.get(lista_cache._GENERATION) not in (None, fore)


def test_record_many_refuses_personal_data_in_the_detail(forbundsadmin, forbund):
    from samverkan import audit

    with pytest.raises(ValueError, match="personal data"):
        audit.record_many(
            action=audit.Action.CREATE,
            actor=forbundsadmin,
            forbund=forbund,
            objects=[],
            detail={"rad": "19900101-1234"},
        )
