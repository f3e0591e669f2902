"""The printable plan and hand-over (deltagare.pdf): content, masking, metadata, query count."""

import datetime
import io

import pytest
from pypdf import PdfReader

from deltagare import services
from deltagare.koder import VagUt
from deltagare.models import Aktivitet, HandlingsplanVersion
from deltagare.pdf import handlingsplan_pdf, overlamning_pdf
from tests.deltagare.conftest import DAG, PERSON, SUS

AVSLUT = {
    "datum": DAG + datetime.timedelta(days=200),
    "vag_ut": VagUt.ARBETE,
    "ansvarig_efter": "af",
    "dokumenterat_nasta_steg": True,
    "avslutsmote": DAG + datetime.timedelta(days=198),
    "sammanfattning": "Har fått anställning.\nTrivs på caféet.",
    "rekommendationer": "Fortsatt kontakt med Arbetsförmedlingen.",
}
SUS_SLUT = {**SUS, "sysselsattning": "forvarvsarbete", "sysselsattning_procent": 75}


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _title(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).metadata.title


def _plan(inskrivning):
    return HandlingsplanVersion.objects.filter(inskrivning=inskrivning).get(version=1)


def _aktivitet(actor, inskrivning, dag, arbetsplats="Kafé Exempel"):
    services.aktivitet_registrera(
        actor=actor,
        inskrivning=inskrivning,
        data={
            "typ": "arbetstraning",
            "startdatum": DAG + datetime.timedelta(days=dag),
            "slutdatum": DAG + datetime.timedelta(days=dag + 30),
            "arbetsplats": arbetsplats,
            "timmar_per_vecka": 20,
        },
    )


def _avsluta(actor, inskrivning):
    services.inskrivning_avsluta(
        actor=actor,
        inskrivning=inskrivning,
        avslut=dict(AVSLUT),
        sus=dict(SUS_SLUT),
        forsorjning=["lon"],
    )
    inskrivning.refresh_from_db()
    return inskrivning


@pytest.fixture
def avslutad(i_insatser, samordnare):
    _aktivitet(samordnare, i_insatser, 60)
    return _avsluta(samordnare, i_insatser)


def test_handlingsplan_is_the_participants_plan(kartlagd, samordnare, kollega):
    pdf = handlingsplan_pdf(kartlagd, _plan(kartlagd))
    assert pdf.startswith(b"%PDF-")
    assert _title(pdf) == "Handlingsplan"
    text = _text(pdf)
    for expected in (
        "Testa Deltagarsson",
        "Insats A",
        "Dina mål",
        "Jag vill jobba på ett café.",
        "Så här gör vi",
        "Praktik på café",
        "Samordnaren",
        "Planerat",
        "Dina kontaktpersoner",
        samordnare.namn,
        kollega.namn,
        "Prata med din kontaktperson om du vill ändra något.",
    ):
        assert expected in text, expected
    flat = text.replace(" ", "").replace("\n", "")
    assert PERSON["personnummer"][2:8] not in flat
    assert "Nästa genomgång" not in text  # no revision date set


def test_handlingsplan_keeps_line_breaks_and_shows_the_revision_date(kartlagd, samordnare):
    version = services.handlingsplan_spara(
        actor=samordnare,
        inskrivning=kartlagd,
        mal="Jag vill jobba på ett café.\nJag vill klara mig själv.",
        steg=[
            {
                "beskrivning": "Praktik på café",
                "ansvarig": "Samordnaren",
                "datum": datetime.date(2026, 5, 4),
                "status": "pagar",
            }
        ],
        bas_version=1,
        revidering_senast=datetime.date(2026, 6, 2),
    )
    text = _text(handlingsplan_pdf(kartlagd, version))
    assert "Jag vill jobba på ett café.\nJag vill klara mig själv." in text
    assert "4 maj 2026" in text and "Pågår" in text
    assert "senast 2 juni 2026" in text


def test_handlingsplan_refuses_a_version_of_another_case(kartlagd, samordnare, insats):
    annan = services.deltagare_registrera_anonym(
        actor=samordnare, insats=insats, kon="man", startar=2026
    )
    with pytest.raises(ValueError):
        handlingsplan_pdf(annan, _plan(kartlagd))


def test_overlamning_summarises_the_case(avslutad, remittent, samordnare):
    pdf = overlamning_pdf(avslutad)
    assert pdf.startswith(b"%PDF-")
    assert _title(pdf) == "Överlämning"
    text = _text(pdf)
    for expected in (
        "Testa Deltagarsson",
        PERSON["personnummer"][:8] + "-****",
        "Insats A",
        remittent.namn,
        "9 mars 2026",  # enrolled DAG + 7
        "18 september 2026",  # exit DAG + 200
        "193 dagar",
        "Arbete",
        "Arbetsförmedlingen",
        "Nästa steg dokumenterat",
        "16 september 2026",  # closing meeting
        "Har fått anställning.\nTrivs på caféet.",
        "Fortsatt kontakt med Arbetsförmedlingen.",
        "Jag vill jobba på ett café.",
        "Arbetsträning/praktik",
        "Kafé Exempel",
        "Ingen sysselsättning",
        "Förvärvsarbete (75 % av heltid)",
        "Aktivitetsersättning, Försörjningsstöd",
        "Lön",
        "Gymnasial, fullständig",
        samordnare.namn,
    ):
        assert expected in text, expected
    flat = text.replace(" ", "").replace("\n", "")
    assert PERSON["personnummer"] not in flat and PERSON["personnummer"][8:] not in flat


def test_overlamning_only_after_avslut_and_never_for_anonymous(i_insatser, samordnare, insats):
    with pytest.raises(ValueError):
        overlamning_pdf(i_insatser)
    anonym = services.deltagare_registrera_anonym(
        actor=samordnare, insats=insats, kon="kvinna", startar=2026
    )
    with pytest.raises(ValueError):
        overlamning_pdf(anonym)


def test_handlingsplan_queries_do_not_grow_with_the_steps(
    kartlagd, samordnare, django_assert_max_num_queries
):
    version = _plan(kartlagd)
    with django_assert_max_num_queries(10) as few:
        handlingsplan_pdf(kartlagd, version)
    storre = services.handlingsplan_spara(
        actor=samordnare,
        inskrivning=kartlagd,
        mal="Jag vill jobba på ett café.",
        steg=[
            {"beskrivning": f"Steg {i}", "ansvarig": "Samordnaren", "datum": DAG} for i in range(6)
        ],
        bas_version=1,
    )
    with django_assert_max_num_queries(10) as many:
        pdf = handlingsplan_pdf(kartlagd, storre)
    assert len(many) == len(few)
    assert "Steg 5" in _text(pdf)


def test_overlamning_queries_do_not_grow_with_the_activities(
    avslutad, samordnare, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10) as few:
        overlamning_pdf(avslutad)
    # The case is closed, so the five extra activities go in directly.
    for i in range(5):
        Aktivitet.objects.create(
            inskrivning=avslutad,
            typ="studiebesok",
            startdatum=DAG + datetime.timedelta(days=70 + i),
            arbetsplats=f"Arbetsplats {i}",
            registrerad_av=samordnare,
        )
    with django_assert_max_num_queries(10) as many:
        pdf = overlamning_pdf(avslutad)
    assert len(many) == len(few)
    assert "Arbetsplats 4" in _text(pdf)
