"""Questionnaires, versions and links through the services."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction

from enkater.models import (
    Enkatlank,
    Enkatversion,
    ForbrukadLank,
    Fraga,
    PublicerasEj,
    Svar,
    Svarsrad,
    Text,
    Utskick,
)
from enkater.services.enkat import (
    FragaInnehall,
    fraga_lagg_till,
    standardenkater_skapa,
    version_ny,
    version_publicera,
)
from enkater.services.lankar import deltagarlank_skapa, samverkanslankar_skicka, token_hash
from enkater.services.svar import LankFel, svara
from samverkan.models import AuditEvent
from tests.enkater.conftest import fyll_i


def test_standard_questionnaires_are_published_once(forbund):
    forsta = standardenkater_skapa(forbund)
    andra = standardenkater_skapa(forbund)
    assert {k: e.pk for k, e in forsta.items()} == {k: e.pk for k, e in andra.items()}
    deltagare = forsta["deltagare"].publicerad_version()
    assert deltagare.fragor.count() == 12
    typer = set(deltagare.fragor.values_list("typ", flat=True))
    assert typer == {"skala", "enval", "flerval", "fritext"}
    # Every question has its text in the three languages.
    for sprak in ("sv", "lattlast", "en"):
        assert Text.objects.filter(version=deltagare, falt="fraga", sprak=sprak).count() == 12


def test_published_version_is_refused_by_the_service(standard, forbundsadmin):
    version = standard["deltagare"].publicerad_version()
    with pytest.raises(ValidationError):
        fraga_lagg_till(
            actor=forbundsadmin,
            version=version,
            innehall=FragaInnehall(typ="fritext", texter={"sv": "Ny fråga?"}),
        )
    with pytest.raises(ValidationError):
        version_publicera(actor=forbundsadmin, version=version)


def test_published_version_is_refused_by_the_model(standard):
    version = standard["deltagare"].publicerad_version()
    fraga = version.fragor.first()
    fraga.obligatorisk = True
    with pytest.raises(PublicerasEj):
        fraga.save()
    with pytest.raises(PublicerasEj):
        version.save()
    text = Text.objects.filter(version=version).first()
    with pytest.raises(PublicerasEj):
        text.delete()


@pytest.mark.parametrize(
    "sats",
    [
        lambda v: Fraga.objects.filter(version=v).update(obligatorisk=True),
        lambda v: Text.objects.filter(version=v).update(text="Ändrad"),
        lambda v: Text.objects.filter(version=v).delete(),
        lambda v: Enkatversion.objects.filter(pk=v.pk).update(nummer=99),
        lambda v: Fraga.objects.bulk_create([Fraga(version=v, ordning=99, typ="fritext")]),
    ],
    ids=["fraga-update", "text-update", "text-delete", "version-update", "fraga-insert"],
)
def test_published_version_is_refused_by_the_database(standard, sats):
    """Past the model (queryset writes): the triggers refuse."""
    version = standard["deltagare"].publicerad_version()
    with pytest.raises(DatabaseError), transaction.atomic():
        sats(version)
    assert version.fragor.count() == 12
    assert not Text.objects.filter(version=version, text="Ändrad").exists()


def test_new_version_is_a_draft_copy_that_can_change_and_publish(standard, forbundsadmin):
    enkat = standard["samverkan"]
    ny = version_ny(actor=forbundsadmin, enkat=enkat)
    assert ny.nummer == 2 and ny.publicerad is None
    assert ny.fragor.count() == enkat.versioner.get(nummer=1).fragor.count()
    fraga_lagg_till(
        actor=forbundsadmin,
        version=ny,
        innehall=FragaInnehall(
            typ="skala",
            texter={"sv": "Vi träffas tillräckligt ofta."},
            skalsteg=6,
            lag={"sv": "Instämmer inte alls"},
            hog={"sv": "Instämmer helt"},
        ),
    )
    version_publicera(actor=forbundsadmin, version=ny)
    assert enkat.publicerad_version() == ny
    assert AuditEvent.objects.filter(actor=forbundsadmin, object_id=str(enkat.uuid)).count() == 3


def test_bad_questions_are_refused(standard, forbundsadmin):
    ny = version_ny(actor=forbundsadmin, enkat=standard["samverkan"])
    with pytest.raises(ValidationError):
        fraga_lagg_till(
            actor=forbundsadmin,
            version=ny,
            innehall=FragaInnehall(typ="skala", texter={"sv": "X"}, skalsteg=1),
        )
    with pytest.raises(ValidationError):
        fraga_lagg_till(
            actor=forbundsadmin,
            version=ny,
            innehall=FragaInnehall(typ="enval", texter={"sv": "X"}, alternativ=[{"sv": "a"}]),
        )


def test_only_the_office_edits(standard, samordnare):
    with pytest.raises(PermissionDenied):
        version_ny(actor=samordnare, enkat=standard["deltagare"])


def test_link_for_an_enrolment_and_its_answer(kartlagd, samordnare):
    token = deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd)
    assert len(token) >= 43  # 256 bits, url-safe
    lank = Enkatlank.objects.get()
    assert lank.token_hash == token_hash(token) != token
    assert lank.kon == "kvinna" and lank.aldersband
    assert Utskick.objects.get().antal == 1
    event = AuditEvent.objects.filter(object_type="enkater.enkatlank").get()
    assert event.deltagare_uuid == kartlagd.deltagare.uuid
    assert event.object_id == ""  # which link is never written down

    svara(token=token, sprak="lattlast", rader=fyll_i(lank.version))
    svar = Svar.objects.get()
    assert (svar.insats_id, svar.kon, svar.sprak) == (kartlagd.insats_id, "kvinna", "lattlast")
    assert not Enkatlank.objects.exists()
    assert ForbrukadLank.objects.filter(token_hash=token_hash(token)).exists()


def test_replay_and_bad_tokens_store_nothing(kartlagd, samordnare):
    token = deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd)
    version = Enkatlank.objects.get().version
    svara(token=token, sprak="sv", rader=fyll_i(version))
    with pytest.raises(LankFel) as fel:
        svara(token=token, sprak="sv", rader=fyll_i(version))
    assert fel.value.orsak == "anvand"
    with pytest.raises(LankFel) as fel:
        svara(token="x" * 43, sprak="sv", rader=[])
    assert fel.value.orsak == "ogiltig"
    assert Svar.objects.count() == 1
    assert Svarsrad.objects.count() == len(fyll_i(version))


def test_expired_link(kartlagd, samordnare):
    import datetime

    from django.utils import timezone

    token = deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd)
    Enkatlank.objects.update(giltig_till=timezone.now() - datetime.timedelta(seconds=1))
    with pytest.raises(LankFel) as fel:
        svara(token=token, sprak="sv", rader=[])
    assert fel.value.orsak == "utgangen"
    assert not Svar.objects.exists()


def test_only_the_insats_staff_make_links(kartlagd, forbundsadmin):
    with pytest.raises(PermissionDenied):
        deltagarlank_skapa(actor=forbundsadmin, inskrivning=kartlagd)
    assert not Enkatlank.objects.exists()


def test_samverkan_links_are_mailed_without_personal_data(
    insats, forbundsadmin, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        antal = samverkanslankar_skicka(
            actor=forbundsadmin,
            insats=insats,
            adresser=["a@partner.example", "A@partner.example ", "b@partner.example"],
        )
    assert antal == 2 == len(mailoutbox) == Enkatlank.objects.count()
    for mail in mailoutbox:
        assert "/enkat/" in mail.body
        assert "partner.example" not in mail.body
    assert Utskick.objects.get().antal == 2
