import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from inlasning.services import uppladdning
from tests.deltagare.conftest import pnr
from tests.inlasning.hjalp import avslutad, rad, xlsx

PNR1 = pnr("19900101", "123")
PNR2 = pnr("19851224", "456")
PNR3 = pnr("20010615", "789")


def fil(data: bytes, namn="historik.xlsx"):
    return SimpleUploadedFile(namn, data, content_type="application/octet-stream")


@pytest.fixture
def rader(insats):
    n = insats.namn
    return [
        rad("A-1", n, PNR1),
        avslutad(rad("A-2", n, PNR2, kon="Man", fornamn="Ole", efternamn="Olsson")),
        # The same person again, an earlier enrolment, interrupted.
        avslutad(
            rad(
                "A-3",
                n,
                PNR2,
                kon="man",
                aktualiserad=None,
                inskrivningsdatum="2024-03-01",
                start_sysselsattning="Studier",
                start_procent=50,
            ),
            avslutsdatum="2024-06-30",
            vag_ut="avbrott_sjukdom",
            ansvarig_efter="Regionen (hälso- och sjukvården)",
            avslut_forsorjning_1="Sjukpenning/rehabiliteringspenning",
            avslut_sysselsattning="Ingen sysselsättning",
            avslut_procent=None,
        ),
        avslutad(
            rad("A-4", n, PNR3, start_forsorjning_2="A-kassa"),
            vag_ut="Felregistrering (räknas inte i statistiken)",
        ),
        # No personnummer: a birth date and a reserve number.
        rad(
            "A-5",
            n,
            None,
            fodelsedatum="1978-05-05",
            reservnummer="R-1",
            fornamn="Nyan",
            efternamn="Landa",
            kon="Annat eller vill inte uppge",
        ),
    ]


@pytest.fixture
def provkord(forbundsadmin, forbund, rader):
    return uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin, forbund=forbund, upload=fil(xlsx(rader))
    )
