"""The protocol: justering in the app, publishing frozen as PDF/UA with the
layout of the förbund's paper protocols, corrections as new versions, and the
protokollsutdrag of one §."""

import datetime
import hashlib
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from samverkan.models import AuditEvent
from styrelse.models import Sammantrade
from styrelse.services import ansokan as a
from styrelse.services import protokoll as p
from styrelse.services.arende import arende_skapa
from styrelse.services.beslut import arende_besluta
from styrelse.services.paragraf import forsta_paragraf_satt
from tests.styrelse.conftest import pa_dagordningen


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def upprattat(forbundsadmin, forbund, sammantrade, ansokan, handlaggare):
    forsta_paragraf_satt(actor=forbundsadmin, forbund=forbund, senaste=625)
    dagordning = arende_skapa(
        actor=forbundsadmin,
        sammantrade=sammantrade,
        typ="beslut",
        rubrik="Godkännande av dagordning",
    )
    arende_besluta(actor=forbundsadmin, arende=dagordning, attsatser=["godkänna dagordningen."])
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    arende = pa_dagordningen(forbundsadmin, ansokan, sammantrade)
    arende_besluta(
        actor=forbundsadmin,
        arende=arende,
        utfall="bevilja",
        attsatser=[
            "bevilja Kommun A 350 000 kronor för Unga i fokus under perioden "
            "2026-01-01 – 2027-12-31.",
            "medfinansieringen sker under förutsättning att kommunen bidrar.",
        ],
        belopp_per_ar={2026: 120000, 2027: 230000},
        period_start=datetime.date(2026, 1, 1),
        period_slut=datetime.date(2027, 12, 31),
    )
    arende_skapa(
        actor=forbundsadmin, sammantrade=sammantrade, typ="information", rubrik="Lägesrapport"
    )
    return p.protokoll_uppratta(actor=forbundsadmin, sammantrade=sammantrade)


def test_justering_by_each_justerare_then_published_and_frozen(
    upprattat, forbundsadmin, ledamot, styrelse
):
    with pytest.raises(ValidationError):
        p.protokoll_publicera(actor=forbundsadmin, sammantrade=upprattat)
    with pytest.raises(PermissionDenied):
        p.protokoll_justera(actor=styrelse, sammantrade=upprattat)
    p.protokoll_justera(actor=ledamot, sammantrade=upprattat)
    upprattat.refresh_from_db()
    assert upprattat.status == Sammantrade.Status.JUSTERAT
    assert upprattat.narvaro.get(user=ledamot).justerat is not None

    protokoll = p.protokoll_publicera(
        actor=forbundsadmin, sammantrade=upprattat, anslag_uppsatt=datetime.date(2026, 3, 16)
    )
    upprattat.refresh_from_db()
    assert upprattat.status == Sammantrade.Status.PUBLICERAT
    assert upprattat.anslag_nedtas == datetime.date(2026, 4, 6)  # three weeks
    pdf = protokoll.fil.open("rb").read()
    assert pdf.startswith(b"%PDF-")
    assert hashlib.sha256(pdf).hexdigest() == protokoll.sha256

    text = _text(pdf)
    for bit in (
        "Protokoll",
        "Plats och tid",
        "Förbundets kansli, kl. 09.00–12.00",
        "Beslutande",
        "Ola Ordförande, ordförande",
        "Övriga deltagande",
        "Eva Ersättare, ersättare fr.o.m. kl. 11.30",
        "Utses att justera",
        "§§ 626–628",
        "§ 626 Godkännande av dagordning",
        "att godkänna dagordningen.",
        "§ 627 Ansökan: Unga i fokus",
        "att bevilja Kommun A 350 000 kronor",
        "Informationen noteras.",
        "Underskrifter",
        "Bevis om anslag",
        "2026-03-16",
        "2026-04-06",
    ):
        assert bit in text, bit

    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])

    # A correction publishes a new version; the first stays as it was.
    with pytest.raises(ValidationError):
        p.protokoll_publicera(actor=forbundsadmin, sammantrade=upprattat)
    ny = p.protokoll_publicera(
        actor=forbundsadmin, sammantrade=upprattat, rattelse="Stavfel i § 628."
    )
    assert ny.version == 2
    protokoll.refresh_from_db()
    assert hashlib.sha256(protokoll.fil.open("rb").read()).hexdigest() == protokoll.sha256


def test_protokollsutdrag_is_one_paragraph_and_audited(upprattat, forbundsadmin, ledamot):
    p.protokoll_justera(actor=ledamot, sammantrade=upprattat)
    p.protokoll_publicera(actor=forbundsadmin, sammantrade=upprattat)
    arende = upprattat.arenden.get(paragraf=627)
    text = _text(p.protokollsutdrag_pdf(actor=forbundsadmin, arende=arende))
    assert "Protokollsutdrag" in text and "§ 627" in text
    assert "Utdragsbestyrkande" in text
    assert "§ 626" not in text
    assert AuditEvent.objects.filter(action="print", detail__utdrag_paragraf=627).exists()
