"""The participant's PDFs: real WeasyPrint output, text checked with pypdf."""

import datetime
import io

import pytest
from pypdf import PdfReader

from deltagare import services
from deltagare.koder import VagUt
from deltagare.pdf import handlingsplan_pdf, overlamning_pdf
from tests.deltagare.conftest import DAG, PERSON, SUS


def _text(pdf):
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return reader, " ".join(p.extract_text() for p in reader.pages)


def test_handlingsplan_pdf_is_plain_and_has_no_personnummer(
    kartlagd, samordnare, kollega, django_assert_max_num_queries
):
    plan = kartlagd.planversioner.get()
    with django_assert_max_num_queries(6):
        pdf = handlingsplan_pdf(kartlagd, plan)
    reader, text = _text(pdf)
    for expected in (
        "Testa Deltagarsson",
        "Dina mål",
        "Jag vill jobba på ett café.",
        "Praktik på café",
        samordnare.get_full_name(),
        kollega.get_full_name(),
    ):
        assert expected in text, expected
    assert PERSON["personnummer"][2:8] not in text.replace(" ", "")
    assert reader.metadata.title == "Handlingsplan"


@pytest.fixture
def avslutad(i_insatser, samordnare):
    for n in range(3):
        services.aktivitet_registrera(
            actor=samordnare,
            inskrivning=i_insatser,
            data={
                "typ": "arbetstraning",
                "startdatum": DAG + datetime.timedelta(days=60 + n),
                "arbetsplats": f"Kafé Exempel {n}",
            },
        )
    services.inskrivning_avsluta(
        actor=samordnare,
        inskrivning=i_insatser,
        avslut={
            "datum": DAG + datetime.timedelta(days=200),
            "vag_ut": VagUt.ARBETE,
            "ansvarig_efter": "af",
            "dokumenterat_nasta_steg": True,
            "sammanfattning": "Har fått anställning på kafé.",
        },
        sus={**SUS, "sysselsattning": "forvarvsarbete", "sysselsattning_procent": 75},
        forsorjning=["lon"],
    )
    return i_insatser


def test_overlamning_pdf_masks_the_personnummer(avslutad, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        pdf = overlamning_pdf(avslutad)
    reader, text = _text(pdf)
    flat = text.replace(" ", "")
    assert "****" in flat and PERSON["personnummer"][8:] not in flat
    for expected in (
        "Arbete",
        "Arbetsförmedlingen",
        "Har fått anställning på kafé.",
        "Kafé Exempel 2",
        "Försörjningsstöd",
        "Lön",
        "75 %",
    ):
        assert expected in text, expected
    assert reader.metadata.title == "Överlämning"
