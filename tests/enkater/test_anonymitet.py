"""No path from an answer to a person: shown from the tables themselves."""

from django.db import connection, models

from enkater.models import Enkatlank, ForbrukadLank, Svar, Svarsrad
from enkater.services.lankar import deltagarlank_skapa, token_hash
from enkater.services.svar import svara
from samverkan.models import AuditEvent
from tests.enkater.conftest import fyll_i

PERSONLIGA = {"deltagare.deltagare", "deltagare.inskrivning", "samverkan.user"}


def _kolumner(model) -> set[str]:
    with connection.cursor() as cursor:
        beskrivning = connection.introspection.get_table_description(cursor, model._meta.db_table)
    return {c.name for c in beskrivning}


def _framat(model, sett=None) -> set[str]:
    """Every model reachable from `model` by following foreign keys forwards."""
    sett = sett if sett is not None else set()
    for falt in model._meta.concrete_fields:
        if falt.is_relation:
            mal = falt.related_model
            if mal._meta.label_lower not in sett:
                sett.add(mal._meta.label_lower)
                _framat(mal, sett)
    return sett


def test_answer_tables_hold_only_what_the_figures_need(db):
    assert _kolumner(Svar) == {
        "id", "version_id", "forbund_id", "insats_id", "ar", "kvartal", "kon", "aldersband", "sprak"
    }  # fmt: skip
    assert _kolumner(Svarsrad) == {"id", "svar_id", "fraga_id", "varde", "alternativ_id", "text"}
    # Random keys and no time: the order of rows says nothing about when.
    for model in (Svar, Svarsrad):
        assert isinstance(model._meta.pk, models.UUIDField)
        assert not any(
            isinstance(f, models.DateField | models.DateTimeField) for f in model._meta.fields
        )


def test_no_foreign_key_path_from_an_answer_to_a_person_or_a_link(db):
    nåbara = _framat(Svar) | _framat(Svarsrad)
    assert not nåbara & PERSONLIGA
    assert not nåbara & {"enkater.enkatlank", "enkater.forbrukadlank", "samverkan.auditevent"}
    # A link carries no enrolment either, and a used one only its hash.
    assert not _framat(Enkatlank) & PERSONLIGA
    assert _kolumner(ForbrukadLank) == {"token_hash"}


def test_after_use_nothing_ties_the_answer_to_the_link_or_the_case(kartlagd, samordnare):
    token = deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd)
    version = Enkatlank.objects.get().version
    handelser_fore = AuditEvent.objects.count()
    svara(token=token, sprak="sv", rader=fyll_i(version))
    # The link is gone, answering wrote no audit event (its time would point at it),
    # and the hash is in no table but the list of used ones.
    assert not Enkatlank.objects.exists()
    assert AuditEvent.objects.count() == handelser_fore
    h = token_hash(token)
    assert ForbrukadLank.objects.filter(token_hash=h).count() == 1
    svar = Svar.objects.get()
    varden = {str(v) for v in Svar.objects.values_list(*_kolumner(Svar)).get()}
    assert h not in varden and token not in varden
    assert str(kartlagd.uuid) not in varden and str(kartlagd.deltagare.uuid) not in varden
    assert str(kartlagd.pk) not in {str(svar.pk)}
    # The case's audit trail says a link was made, but not which.
    skapad = AuditEvent.objects.get(object_type="enkater.enkatlank")
    assert (
        skapad.object_id == "" and h not in str(skapad.detail) and token not in str(skapad.detail)
    )
