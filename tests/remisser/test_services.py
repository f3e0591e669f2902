"""Remisser through the services: draft, idempotent submit, every decision, audit, mail."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from deltagare.koder import Steg
from deltagare.models import Deltagare
from remisser import services
from remisser.models import Remiss, Status
from samverkan.models import AuditEvent
from tests.deltagare.conftest import PERSON

PDF = b"%PDF-1.4 samtycke"
DATA = {
    "fornamn": "Rut",
    "efternamn": "Remissdotter",
    "personnummer": "199001011239",
    "kon": "kvinna",
    "anledning": "Behöver samordnat stöd mot arbete.",
    "aktuell_af": True,
    "aktuell_socialtjanst": True,
    "egna_mal": "Jobba deltid.",
    "skriven_tillsammans": True,
    "samtycke_uppfoljning": True,
}


def fil(content=PDF):
    return SimpleUploadedFile("samtycke.pdf", content, content_type="application/pdf")


@pytest.fixture
def utkast(handlaggare, insats):
    return services.remiss_spara_utkast(
        actor=handlaggare, insats=insats, data=dict(DATA), fil=fil()
    )


@pytest.fixture
def skickad(utkast, handlaggare):
    return services.remiss_skicka(actor=handlaggare, remiss=utkast)


def test_draft_belongs_to_the_referrers_organisation(utkast, handlaggare, organisation):
    assert utkast.status == Status.UTKAST
    assert utkast.organisation == organisation and utkast.handlaggare == handlaggare
    assert utkast.samtycke_fil_typ == "application/pdf"


def test_only_a_handlaggare_of_the_forbund_may_write_a_remiss(
    samordnare, annat_forbund_admin, insats
):
    for actor in (samordnare, annat_forbund_admin):
        with pytest.raises(PermissionDenied):
            services.remiss_spara_utkast(actor=actor, insats=insats, data=dict(DATA))


def test_bad_file_is_refused_and_the_draft_kept(utkast, handlaggare):
    with pytest.raises(ValidationError) as exc:
        services.remiss_spara_utkast(
            actor=handlaggare,
            remiss=utkast,
            insats=utkast.insats,
            data={**DATA, "anledning": "Ändrad"},
            fil=fil(b"MZ not a pdf"),
        )
    assert "samtycke_fil" in exc.value.message_dict
    utkast.refresh_from_db()
    assert utkast.anledning == DATA["anledning"]


def test_incomplete_remiss_cannot_be_sent(handlaggare, insats):
    remiss = services.remiss_spara_utkast(actor=handlaggare, insats=insats, data={"fornamn": "X"})
    with pytest.raises(ValidationError) as exc:
        services.remiss_skicka(actor=handlaggare, remiss=remiss)
    assert {"efternamn", "anledning", "samtycke_fil", "skriven_tillsammans", "aktuell_af"} <= set(
        exc.value.message_dict
    )
    remiss.refresh_from_db()
    assert remiss.status == Status.UTKAST


def test_sending_twice_creates_one_remiss_and_one_event(skickad, handlaggare):
    again = services.remiss_skicka(actor=handlaggare, remiss=skickad)
    assert again.inkommen == skickad.inkommen and Remiss.objects.count() == 1
    assert (
        AuditEvent.objects.filter(object_id=str(skickad.uuid), detail__status="inkommen").count()
        == 1
    )


def test_accept_creates_participant_enrolment_and_consent(
    skickad, samordnare, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        remiss = services.remiss_anta(actor=samordnare, remiss=skickad)
    assert (
        remiss.status == Status.ANTAGEN and remiss.dagar_till_beslut() == 0 and remiss.inom_frist()
    )
    inskrivning = remiss.inskrivning
    assert inskrivning.steg == Steg.AKTUALISERING
    assert inskrivning.remittent_organisation == remiss.organisation
    d = inskrivning.deltagare
    assert (d.fornamn, d.personnummer) == ("Rut", "199001011239")
    samtycke = inskrivning.samtycken.get()
    assert samtycke.registrering and samtycke.uppfoljning and samtycke.fil
    assert list(samtycke.organisationer.all()) == [remiss.organisation]
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert "Rut" not in message.body and "1239" not in message.body
    assert str(remiss.uuid) in message.body


def test_accept_is_refused_while_the_person_has_an_open_case_there(
    skickad, samordnare, aktualiserad
):
    skickad.personnummer = PERSON["personnummer"]
    skickad.save()
    with pytest.raises(ValidationError, match="pågående ärende"):
        services.remiss_anta(actor=samordnare, remiss=skickad)
    skickad.refresh_from_db()
    assert skickad.status == Status.INKOMMEN


def test_accept_links_a_person_registered_before(
    skickad, samordnare, aktualiserad, django_capture_on_commit_callbacks
):
    from deltagare import services as d_services

    d_services.inskrivning_avsluta(
        actor=samordnare,
        inskrivning=aktualiserad,
        avslut={
            "datum": aktualiserad.aktualiserad,
            "vag_ut": "avbrott_ovrigt",
            "ansvarig_efter": "ingen",
        },
    )
    skickad.personnummer = PERSON["personnummer"]
    skickad.save()
    with django_capture_on_commit_callbacks(execute=True):
        remiss = services.remiss_anta(actor=samordnare, remiss=skickad)
    assert remiss.inskrivning.deltagare == aktualiserad.deltagare
    assert Deltagare.objects.count() == 1


def test_decline_needs_a_reason(
    skickad, samordnare, mailoutbox, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError):
        services.remiss_avboj(actor=samordnare, remiss=skickad, orsak="")
    with pytest.raises(ValidationError):
        services.remiss_avboj(actor=samordnare, remiss=skickad, orsak="annat", text=" ")
    with django_capture_on_commit_callbacks(execute=True):
        remiss = services.remiss_avboj(actor=samordnare, remiss=skickad, orsak="kapacitet")
    assert (
        remiss.status == Status.AVBOJD
        and remiss.get_avbojd_orsak_display() == "Ingen plats just nu"
    )
    assert len(mailoutbox) == 1


def test_completion_pauses_the_deadline(skickad, samordnare, handlaggare):
    import datetime

    remiss = services.remiss_begar_komplettering(
        actor=samordnare, remiss=skickad, text="Bifoga läkarintyg."
    )
    Remiss.objects.filter(pk=remiss.pk).update(
        komplettering_begard=remiss.komplettering_begard - datetime.timedelta(days=5)
    )
    remiss = services.remiss_spara_utkast(
        actor=handlaggare, remiss=remiss, insats=remiss.insats, data={"andra_kontakter": "Läkare"}
    )
    remiss = services.remiss_skicka(actor=handlaggare, remiss=remiss)
    assert remiss.status == Status.INKOMMEN and remiss.pausad_dagar == 5
    assert remiss.inkommen == skickad.inkommen


def test_only_the_team_decides_and_only_once(skickad, handlaggare, samordnare, annat_forbund_admin):
    for actor in (handlaggare, annat_forbund_admin):
        with pytest.raises(PermissionDenied):
            services.remiss_anta(actor=actor, remiss=skickad)
    services.remiss_avboj(actor=samordnare, remiss=skickad, orsak="malgrupp")
    with pytest.raises(ValidationError, match="avböjd"):
        services.remiss_anta(actor=samordnare, remiss=skickad)


def test_visibility(
    skickad, utkast, handlaggare, samordnare, forbundsadmin, annat_forbund_admin, organisation
):
    from tests.factories import MedlemskapFactory, UserFactory

    colleague = UserFactory()
    MedlemskapFactory(user=colleague, roll="handlaggare", insats=None, organisation=organisation)
    assert set(Remiss.objects.for_user(handlaggare)) == {skickad}
    draft = services.remiss_spara_utkast(
        actor=handlaggare, insats=skickad.insats, data={"fornamn": "Y"}
    )
    assert draft not in Remiss.objects.for_user(samordnare)
    assert skickad in Remiss.objects.for_user(samordnare)
    for other in (colleague, forbundsadmin, annat_forbund_admin):
        assert not Remiss.objects.for_user(other).exists()
