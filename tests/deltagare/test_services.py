"""The five steps through the services: transitions, refusals, audit rows, consent effects."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from deltagare import services
from deltagare.koder import SamtyckeSatt, Steg, VagUt
from deltagare.models import (
    Deltagare,
    HandlingsplanVersion,
    Inskrivning,
    Samtycke,
    StegByte,
    Uppfoljning,
)
from samverkan.models import AuditEvent
from tests.deltagare.conftest import DAG, PERSON, SUS, ge_samtycke, pnr, samtal

A = AuditEvent.Action
AVSLUT = {
    "datum": DAG + datetime.timedelta(days=200),
    "vag_ut": VagUt.ARBETE,
    "ansvarig_efter": "af",
    "dokumenterat_nasta_steg": True,
    "sammanfattning": "Har fått anställning.",
}
SUS_SLUT = {**SUS, "sysselsattning": "forvarvsarbete", "sysselsattning_procent": 75}


def _steps(inskrivning):
    return list(StegByte.objects.filter(inskrivning=inskrivning).values_list("till", flat=True))


def test_aktualisering_registers_the_person_and_writes_audit(aktualiserad, samordnare):
    assert aktualiserad.steg == Steg.AKTUALISERING
    d = aktualiserad.deltagare
    assert d.personnummer == PERSON["personnummer"] and d.forbund == aktualiserad.insats.forbund
    events = AuditEvent.objects.filter(deltagare_uuid=d.uuid, actor=samordnare)
    assert set(events.values_list("action", flat=True)) == {A.CREATE}
    assert events.count() == 2  # the person and the enrolment
    assert _steps(aktualiserad) == [Steg.AKTUALISERING]


def test_only_staff_of_the_insats_may_write(insats, forbundsadmin, annan_insats, samordnare):
    for actor, target in ((forbundsadmin, insats), (samordnare, annan_insats)):
        with pytest.raises(PermissionDenied):
            services.deltagare_aktualisera(
                actor=actor, insats=target, person=dict(PERSON), aktualiserad=DAG
            )
    assert not Deltagare.objects.exists()


def test_duplicate_is_shown_to_who_may_see_it(aktualiserad, samordnare, insats, annan_insats):
    with pytest.raises(services.Dubblett) as exc:
        services.deltagare_aktualisera(
            actor=samordnare, insats=insats, person=dict(PERSON), aktualiserad=DAG
        )
    assert exc.value.synlig and exc.value.befintlig == aktualiserad.deltagare
    same_name = {**PERSON, "personnummer": pnr("19900101", "456")}
    with pytest.raises(services.Dubblett):
        services.deltagare_aktualisera(
            actor=samordnare, insats=insats, person=same_name, aktualiserad=DAG
        )


def test_duplicate_in_another_insats_is_neutral_and_can_be_linked(aktualiserad, insats, forbund):
    from samverkan.models import Roll
    from tests.factories import InsatsFactory, MedlemskapFactory, UserFactory

    other_insats = InsatsFactory(forbund=forbund)
    other = UserFactory()
    MedlemskapFactory(user=other, roll=Roll.SAMORDNARE, insats=other_insats)
    with pytest.raises(services.Dubblett) as exc:
        services.deltagare_aktualisera(
            actor=other, insats=other_insats, person=dict(PERSON), aktualiserad=DAG
        )
    assert exc.value.synlig is False
    linked = services.deltagare_aktualisera(
        actor=other,
        insats=other_insats,
        person=dict(PERSON),
        aktualiserad=DAG,
        koppla_till_befintlig=True,
    )
    assert linked.deltagare == aktualiserad.deltagare
    assert Deltagare.objects.count() == 1


def test_no_second_open_case_in_the_same_insats(aktualiserad, samordnare, insats):
    with pytest.raises(ValidationError, match="pågående ärende"):
        services.deltagare_aktualisera(
            actor=samordnare,
            insats=insats,
            person=dict(PERSON),
            aktualiserad=DAG,
            koppla_till_befintlig=True,
        )


def test_no_inskrivning_without_consent(aktualiserad, samordnare, kollega):
    with pytest.raises(ValidationError, match="samtycke"):
        services.inskrivning_skriv_in(
            actor=samordnare,
            inskrivning=aktualiserad,
            datum=DAG,
            kontaktperson=samordnare,
            kontaktperson2=kollega,
            sus=dict(SUS),
            forsorjning=["okand"],
        )
    aktualiserad.refresh_from_db()
    assert aktualiserad.steg == Steg.AKTUALISERING
    assert not aktualiserad.sus.exists()


def test_consent_without_registration_purpose_is_not_enough(aktualiserad, samordnare, kollega):
    ge_samtycke(samordnare, aktualiserad, [], syften=["informationsutbyte"])
    with pytest.raises(ValidationError, match="registrering"):
        services.inskrivning_skriv_in(
            actor=samordnare,
            inskrivning=aktualiserad,
            datum=DAG,
            kontaktperson=samordnare,
            kontaktperson2=kollega,
            sus=dict(SUS),
            forsorjning=["okand"],
        )


def test_inskrivning_records_sus_start_contacts_and_the_step(inskriven, samordnare, kollega):
    assert inskriven.steg == Steg.INSKRIVNING
    assert (inskriven.kontaktperson, inskriven.kontaktperson2) == (samordnare, kollega)
    start = inskriven.sus.get(tidpunkt="start")
    assert set(start.forsorjning.values_list("kod", flat=True)) == {
        "forsorjningsstod",
        "aktivitetsersattning",
    }
    assert _steps(inskriven) == [Steg.AKTUALISERING, Steg.INSKRIVNING]
    assert inskriven.slutdatum_max == datetime.date(2027, 3, 9)


def test_inclusion_rules_need_a_written_exception(med_samtycke, samordnare, kollega, insats):
    insats.min_antal_myndigheter = 3
    insats.malgrupp_alder_max = 29
    insats.save()
    kwargs = dict(
        actor=samordnare,
        inskrivning=med_samtycke,
        datum=DAG,
        kontaktperson=samordnare,
        kontaktperson2=kollega,
        sus=dict(SUS),
        forsorjning=["okand"],
    )
    with pytest.raises(ValidationError) as exc:
        services.inskrivning_skriv_in(**kwargs)
    messages = exc.value.message_dict["undantag_skal"]
    assert any("Åldern 36 år" in m for m in messages)
    assert any("minst 3" in m for m in messages)
    done = services.inskrivning_skriv_in(**kwargs, undantag_skal="Styrgruppen har godkänt.")
    assert done.undantag_skal == "Styrgruppen har godkänt."


def test_contact_persons_must_be_two_different_staff(med_samtycke, samordnare, handlaggare):
    with pytest.raises(ValidationError) as exc:
        services.inskrivning_skriv_in(
            actor=samordnare,
            inskrivning=med_samtycke,
            datum=DAG,
            kontaktperson=samordnare,
            kontaktperson2=handlaggare,
            sus=dict(SUS),
            forsorjning=["okand"],
        )
    assert "kontaktperson2" in exc.value.message_dict


def test_informationsmote_first_when_the_insats_wants_it(med_samtycke, samordnare, kollega, insats):
    insats.informationsmote_forst = True
    insats.save()
    with pytest.raises(ValidationError, match="informationsmöte"):
        services.inskrivning_skriv_in(
            actor=samordnare,
            inskrivning=med_samtycke,
            datum=DAG,
            kontaktperson=samordnare,
            kontaktperson2=kollega,
            sus=dict(SUS),
            forsorjning=["okand"],
        )


def test_first_talk_starts_kartlaggning_and_max_is_enforced(inskriven, samordnare, insats):
    samtal(samordnare, inskriven, 1)
    inskriven.refresh_from_db()
    assert inskriven.steg == Steg.KARTLAGGNING
    samtal(
        samordnare,
        inskriven,
        insats.kartlaggning_samtal_max - 1,
        start=DAG + datetime.timedelta(days=7),
    )
    with pytest.raises(ValidationError, match="högst 6"):
        samtal(samordnare, inskriven, 1, start=DAG + datetime.timedelta(days=70))


def test_kartlaggning_done_needs_the_minimum_of_talks(inskriven, samordnare):
    samtal(samordnare, inskriven, 2)
    with pytest.raises(ValidationError, match="minst 3"):
        services.kartlaggning_klar(
            actor=samordnare, inskrivning=inskriven, datum=DAG, sammanfattning="Klar."
        )


def test_insatser_need_a_finished_mapping_and_a_plan(inskriven, samordnare):
    samtal(samordnare, inskriven, 3)
    with pytest.raises(ValidationError, match="handlingsplanen"):
        services.insatser_paborja(actor=samordnare, inskrivning=inskriven)


def test_plan_versions_and_the_second_save_is_refused(kartlagd, samordnare, kollega):
    v2 = services.handlingsplan_spara(
        actor=kollega,
        inskrivning=kartlagd,
        mal="Jag vill jobba på café, deltid först.",
        steg=[],
        bas_version=1,
        kommentar="Deltid",
    )
    assert v2.version == 2
    with pytest.raises(services.PlanKonflikt) as exc:
        services.handlingsplan_spara(
            actor=samordnare, inskrivning=kartlagd, mal="Annat mål", steg=[], bas_version=1
        )
    assert exc.value.senaste == 2
    assert list(
        HandlingsplanVersion.objects.filter(inskrivning=kartlagd).values_list("version", flat=True)
    ) == [2, 1]


def test_full_path_to_avslut_plans_the_follow_up(i_insatser, samordnare):
    assert i_insatser.steg == Steg.INSATSER
    forre = Inskrivning.objects.get(pk=i_insatser.pk)
    services.aktivitet_registrera(
        actor=samordnare,
        inskrivning=i_insatser,
        data={
            "typ": "arbetstraning",
            "startdatum": DAG + datetime.timedelta(days=60),
            "arbetsplats": "Kafé Exempel",
            "timmar_per_vecka": 20,
        },
    )
    avslut = services.inskrivning_avsluta(
        actor=samordnare,
        inskrivning=i_insatser,
        avslut=dict(AVSLUT),
        sus=dict(SUS_SLUT),
        forsorjning=["lon"],
    )
    i_insatser.refresh_from_db()
    assert i_insatser.steg == Steg.AVSLUT and avslut.vag_ut == VagUt.ARBETE
    # The statistics read the exit from the enrolment's own copy.
    assert (i_insatser.avslutsdatum, i_insatser.felregistrerad) == (avslut.datum, False)
    assert i_insatser.sus.get(tidpunkt="avslut").sysselsattning_procent == 75
    assert Uppfoljning.objects.get(inskrivning=i_insatser).planerad == datetime.date(2027, 9, 18)
    assert _steps(i_insatser) == [
        Steg.AKTUALISERING,
        Steg.INSKRIVNING,
        Steg.KARTLAGGNING,
        Steg.INSATSER,
        Steg.AVSLUT,
    ]
    with pytest.raises(ValidationError):
        services.kontakt_registrera(
            actor=samordnare, inskrivning=i_insatser, datum=DAG, typ="deltagare", anteckning="x"
        )
    # A copy of the case read before the exit and saved after it keeps the exit's copies.
    forre.undantag_skal = "Sparad efter avslutet."
    forre.save()
    forre.refresh_from_db()
    assert forre.avslutsdatum == avslut.datum


def test_no_avslut_without_the_exit_data(i_insatser, samordnare):
    with pytest.raises(ValidationError):
        services.inskrivning_avsluta(
            actor=samordnare,
            inskrivning=i_insatser,
            avslut={**AVSLUT, "vag_ut": ""},
            sus=dict(SUS_SLUT),
            forsorjning=["lon"],
        )
    with pytest.raises(ValidationError, match="SUS"):
        services.inskrivning_avsluta(actor=samordnare, inskrivning=i_insatser, avslut=dict(AVSLUT))
    i_insatser.refresh_from_db()
    assert i_insatser.steg == Steg.INSATSER
    assert not i_insatser.sus.filter(tidpunkt="avslut").exists()


def test_felregistrering_needs_no_sus_and_plans_no_follow_up(aktualiserad, samordnare):
    services.inskrivning_avsluta(
        actor=samordnare,
        inskrivning=aktualiserad,
        avslut={**AVSLUT, "datum": DAG, "vag_ut": VagUt.FELREGISTRERING, "ansvarig_efter": "ingen"},
    )
    assert not Uppfoljning.objects.exists()
    aktualiserad.refresh_from_db()
    assert (aktualiserad.avslutsdatum, aktualiserad.felregistrerad) == (DAG, True)
    aktualiserad.avslut.delete()
    aktualiserad.refresh_from_db()
    assert (aktualiserad.avslutsdatum, aktualiserad.felregistrerad) == (None, False)


def test_withdrawn_consent_stops_the_follow_up_and_sharing(i_insatser, samordnare, remittent):
    services.kontakt_registrera(
        actor=samordnare,
        inskrivning=i_insatser,
        datum=DAG + datetime.timedelta(days=50),
        typ="remittent",
        anteckning="Månadsavstämning",
        till_remittent=True,
    )
    services.inskrivning_avsluta(
        actor=samordnare,
        inskrivning=i_insatser,
        avslut=dict(AVSLUT),
        sus=dict(SUS_SLUT),
        forsorjning=["lon"],
    )
    samtycke = services.giltigt_samtycke(i_insatser)
    services.samtycke_aterkalla(actor=samordnare, samtycke=samtycke)
    uppfoljning = Uppfoljning.objects.get(inskrivning=i_insatser)
    assert uppfoljning.stoppad is not None
    assert not services.tacker(i_insatser, "informationsutbyte", remittent)
    with pytest.raises(ValidationError, match="uppföljning"):
        services.uppfoljning_registrera(
            actor=samordnare,
            uppfoljning=uppfoljning,
            genomford=datetime.date(2027, 9, 20),
            utfall=VagUt.ARBETE,
        )


def test_no_note_to_the_referrer_outside_the_consent(inskriven, samordnare):
    services.samtycke_aterkalla(actor=samordnare, samtycke=services.giltigt_samtycke(inskriven))
    with pytest.raises(ValidationError) as exc:
        services.kontakt_registrera(
            actor=samordnare,
            inskrivning=inskriven,
            datum=DAG,
            typ="remittent",
            anteckning="x",
            till_remittent=True,
        )
    assert "till_remittent" in exc.value.message_dict


def test_follow_up_is_recorded_with_consent(i_insatser, samordnare):
    services.inskrivning_avsluta(
        actor=samordnare,
        inskrivning=i_insatser,
        avslut=dict(AVSLUT),
        sus=dict(SUS_SLUT),
        forsorjning=["lon"],
    )
    uppfoljning = services.uppfoljning_registrera(
        actor=samordnare,
        uppfoljning=Uppfoljning.objects.get(inskrivning=i_insatser),
        genomford=datetime.date(2027, 9, 20),
        utfall=VagUt.ARBETE,
    )
    assert uppfoljning.utfall == VagUt.ARBETE


def test_a_new_consent_replaces_the_old_one(aktualiserad, samordnare, remittent):
    first = ge_samtycke(samordnare, aktualiserad, [remittent])
    second = ge_samtycke(samordnare, aktualiserad, [], syften=["registrering"])
    first.refresh_from_db()
    assert first.ersatt_av == second
    assert services.giltigt_samtycke(aktualiserad) == second


@pytest.mark.parametrize(
    ("content", "ok"),
    [
        (b"%PDF-1.7\n...", True),
        (b"\xff\xd8\xff\xe0JFIF", True),
        (b"\x89PNG\r\n\x1a\n....", True),
        (b"MZ\x90\x00 executable", False),
        (b"<html><script>", False),
        (b"", False),
    ],
)
def test_signed_form_is_checked_from_its_content(aktualiserad, samordnare, content, ok):
    upload = SimpleUploadedFile("samtycke.pdf", content, content_type="application/pdf")
    kwargs = dict(
        actor=samordnare,
        inskrivning=aktualiserad,
        organisationer=[],
        syften={"registrering"},
        givet=DAG,
        satt=SamtyckeSatt.BLANKETT,
        fil=upload,
    )
    if ok:
        samtycke = services.samtycke_registrera(**kwargs)
        assert samtycke.fil_typ and samtycke.fil.name.startswith("samtycken/")
        assert "samtycke" not in samtycke.fil.name.rsplit("/", 1)[-1]
    else:
        with pytest.raises(ValidationError) as exc:
            services.samtycke_registrera(**kwargs)
        assert "fil" in exc.value.message_dict
        assert not Samtycke.objects.exists()


def test_extension_once_within_the_limit(inskriven, samordnare):
    with pytest.raises(ValidationError):
        services.inskrivning_forlang(
            actor=samordnare,
            inskrivning=inskriven,
            beslut=DAG + datetime.timedelta(days=30),
            referens="SG 2026/4",
            manader=7,
        )
    services.inskrivning_forlang(
        actor=samordnare,
        inskrivning=inskriven,
        beslut=DAG + datetime.timedelta(days=30),
        referens="SG 2026/4",
        manader=6,
    )
    inskriven.refresh_from_db()
    assert inskriven.slutdatum_max == datetime.date(2027, 9, 9)
    with pytest.raises(ValidationError, match="redan förlängt"):
        services.inskrivning_forlang(
            actor=samordnare,
            inskrivning=inskriven,
            beslut=DAG + datetime.timedelta(days=40),
            referens="SG 2026/5",
            manader=1,
        )


def test_anonymous_participant_keeps_only_kon_and_year(samordnare, insats):
    inskrivning = services.deltagare_registrera_anonym(
        actor=samordnare, insats=insats, kon="man", startar=2026
    )
    d = inskrivning.deltagare
    assert d.anonym and d.kon == "man" and d.startar == 2026
    assert (d.fornamn, d.personnummer, d.fodelsedatum) == ("", "", None)
    assert inskrivning.steg == Steg.INSKRIVNING


def test_group_activity_with_attendance_for_many(inskriven, samordnare, insats, aktualiserad):
    grupp = services.gruppaktivitet_registrera(
        actor=samordnare,
        insats=insats,
        titel="Föreläsning om ekonomi",
        datum=DAG,
        ledare="",
        narvaro={inskriven.pk: True},
    )
    assert grupp.narvaro.get().narvarande
    assert AuditEvent.objects.filter(
        deltagare_uuid=inskriven.deltagare.uuid, object_id=str(grupp.uuid)
    ).exists()


def test_forbund_may_require_anonymous_registration_of_protected_identity(
    samordnare, insats, forbund
):
    forbund.anonyma_vid_skyddad_identitet = True
    forbund.save()
    with pytest.raises(ValidationError) as exc:
        services.deltagare_aktualisera(
            actor=samordnare,
            insats=insats,
            person={**PERSON, "skyddade_personuppgifter": True},
            aktualiserad=DAG,
        )
    assert "skyddade_personuppgifter" in exc.value.message_dict
    assert not Deltagare.objects.exists()
