"""Board reports: drafts, publishing by the task, frozen files, versions,
downloads, the PDF's text and accessibility, and the `rapport` command."""

import datetime
import hashlib
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.test import TestCase
from pypdf import PdfReader

from deltagare.models import Deltagare
from rapporter.models import Rapport, RapportStatus
from rapporter.period import Period
from rapporter.sammanstallning import sammanstall
from rapporter.services import rapport as services
from samverkan.models import AuditEvent, Roll
from tests.conftest import with_totp
from tests.factories import MedlemskapFactory, UserFactory
from tests.rapporter.conftest import inskrivning_med_avslut

Q4 = Period.kvartal(2025, 4)


def inskriv(insats, *, kon="kvinna", start, slut=None, vag_ut="arbete", namn="Testa"):
    d = Deltagare.objects.create(
        forbund=insats.forbund,
        fornamn=namn,
        efternamn="Rapportsson",
        fodelsedatum=datetime.date(1990, 5, 5),
        kon=kon,
    )
    return inskrivning_med_avslut(
        d, insats, start, slut, vag_ut=vag_ut, dagar_fore=10, nasta_steg=True
    )


@pytest.fixture
def data(insats):
    for n in range(7):
        inskriv(insats, kon="kvinna", start=datetime.date(2025, 9, 1), namn=f"Kvinna{n}")
    for n in range(6):
        inskriv(
            insats,
            kon="man",
            start=datetime.date(2025, 8, 1),
            slut=datetime.date(2025, 11, 15),
            namn=f"Man{n}",
        )
    inskriv(insats, kon="annat", start=datetime.date(2025, 10, 3), namn="Ensam")
    return insats


@pytest.fixture
def teamledare(insats):
    user = UserFactory(email="teamledare@a.example")
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats, befattning="teamledare")
    return with_totp(user)


def publicera(actor, forbund, insats=None, period=Q4, **texter):
    r = services.rapport_skapa(actor=actor, forbund=forbund, period=period, insats=insats)
    if texter:
        services.rapport_spara_text(actor=actor, rapport=r, texter=texter)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.rapport_publicera(actor=actor, rapport=r)
    r.refresh_from_db()
    return r


def pdf_text(data: bytes) -> str:
    # WeasyPrint may set the spaces of a heading as no-break spaces.
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return text.replace("\xa0", " ")


@pytest.mark.django_db
def test_publishing_renders_once_and_freezes_the_file(forbundsadmin, forbund, data):
    r = publicera(forbundsadmin, forbund, sammanfattning="Ett lugnt kvartal.")
    assert r.status == RapportStatus.PUBLICERAD
    stored = r.fil.open("rb").read()
    assert stored.startswith(b"%PDF")
    assert hashlib.sha256(stored).hexdigest() == r.sha256
    assert r.storlek == len(stored)

    # New data for the period changes nothing in the published report.
    for n in range(5):
        inskriv(data, start=datetime.date(2025, 10, 1), namn=f"Sen{n}")
    services.rapport_publicera(actor=forbundsadmin, rapport=r)
    from rapporter.tasks import skapa_rapport

    skapa_rapport.delay(r.pk)
    r.refresh_from_db()
    assert r.fil.open("rb").read() == stored
    assert r.sha256 == hashlib.sha256(stored).hexdigest()
    with pytest.raises(ValidationError):
        services.rapport_spara_text(actor=forbundsadmin, rapport=r, texter={"framat": "Nytt"})


@pytest.mark.django_db
def test_a_new_version_is_a_new_file_and_the_old_stays(forbundsadmin, forbund, data):
    v1 = publicera(forbundsadmin, forbund, samverkan="Vi träffas varje månad.")
    gammal = v1.fil.open("rb").read()
    inskriv(data, start=datetime.date(2025, 10, 1), namn="Tillkommen")
    v2 = services.rapport_ny_version(actor=forbundsadmin, rapport=v1)
    assert (v2.version, v2.status, v2.samverkan) == (2, "utkast", "Vi träffas varje månad.")
    with pytest.raises(ValidationError):  # one draft per period at a time
        services.rapport_ny_version(actor=forbundsadmin, rapport=v1)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.rapport_publicera(actor=forbundsadmin, rapport=v2)
    v2.refresh_from_db()
    v1.refresh_from_db()
    assert v2.ar_publicerad and v2.sha256 != v1.sha256
    assert v1.fil.open("rb").read() == gammal


@pytest.mark.django_db
def test_the_pdf_text_matches_the_statistics_and_names_nobody(forbundsadmin, forbund, data):
    r = publicera(forbundsadmin, forbund, framat="Fler gruppaktiviteter.")
    text = pdf_text(r.fil.open("rb").read())
    s = sammanstall(forbund=forbund, period=Q4)
    aktiva = s.tabell("oversikt").rad("aktiva").varden
    assert aktiva["totalt"] == 14 and aktiva["kvinna"] == 7
    # The single "annat" is suppressed, and "man" with it: 14 − 7 would give 6 + 1 away.
    # "man" is shown as what 14 − 7 − "<5" says anyway, in the table as on page one.
    assert str(aktiva["annat"]) == "<5" and str(aktiva["man"]) == "3–6"
    assert re.search(r"Aktiva inskrivningar\s*7\s*3–6\s*<5\s*14", text), text
    assert re.search(r"Ett spann som 32–35 står för ett värde som\s+döljs", text)
    assert "Kvartalsrapport" in text
    assert forbund.namn in text
    assert "Fler gruppaktiviteter." in text
    assert "Vad händer härnäst?" in text
    assert "14" in text and "<5" in text
    for namn in ("Rapportsson", "Kvinna0", "Man0", "Ensam"):
        assert namn not in text


@pytest.mark.django_db
def test_the_pdf_is_tagged_pdf_ua_in_swedish(forbundsadmin, forbund, data):
    r = publicera(forbundsadmin, forbund)
    reader = PdfReader(io.BytesIO(r.fil.open("rb").read()))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith("sv")
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfuaid" in xmp
    assert len(reader.pages) >= 4  # cover, summary, sections


@pytest.mark.django_db
def test_a_render_failure_ends_failed_with_a_message(forbundsadmin, forbund, data, monkeypatch):
    import weasyprint

    class Trasig:
        def __init__(self, *a, **k):
            raise OSError("disk full")

    # WeasyPrint, not our code; samverkan.pdf imports it when a PDF is made.
    monkeypatch.setattr(weasyprint, "HTML", Trasig)
    r = publicera(forbundsadmin, forbund)
    assert r.status == RapportStatus.MISSLYCKAD
    assert "kunde inte skapas" in r.fel and not r.fil
    monkeypatch.undo()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.rapport_publicera(actor=forbundsadmin, rapport=r)  # try again
    r.refresh_from_db()
    assert r.ar_publicerad


@pytest.mark.django_db
def test_who_may_write_reports(samordnare, teamledare, styrelse, forbundsadmin, forbund, insats):
    with pytest.raises(PermissionDenied):
        services.rapport_skapa(actor=samordnare, forbund=forbund, period=Q4, insats=insats)
    with pytest.raises(PermissionDenied):
        services.rapport_skapa(actor=styrelse, forbund=forbund, period=Q4)
    with pytest.raises(PermissionDenied):  # a teamledare writes for the own insats only
        services.rapport_skapa(actor=teamledare, forbund=forbund, period=Q4)
    r = services.rapport_skapa(actor=teamledare, forbund=forbund, period=Q4, insats=insats)
    assert r.insats == insats
    assert AuditEvent.objects.filter(action="create", object_id=str(r.uuid)).exists()


@pytest.mark.django_db
def test_only_finished_quarters_halves_and_years(forbundsadmin, forbund):
    with pytest.raises(ValidationError):
        services.rapport_skapa(
            actor=forbundsadmin,
            forbund=forbund,
            period=Period(datetime.date(2025, 1, 1), datetime.date(2025, 2, 1)),
        )
    with pytest.raises(ValidationError):
        services.rapport_skapa(actor=forbundsadmin, forbund=forbund, period=Period.helar(2100))


@pytest.mark.django_db
def test_the_command_writes_a_pdf(tmp_path, forbund, data):
    out = tmp_path / "r.pdf"
    call_command("rapport", period="2025-Q4", out=str(out))
    text = pdf_text(out.read_bytes())
    assert "Kvartalsrapport" in text and "kvartal 4 2025" in text
    call_command("rapport", period="2025-H2", out=str(out), insats=str(data.pk))
    assert "Halvårsrapport" in pdf_text(out.read_bytes())
    with pytest.raises(CommandError):
        call_command("rapport", period="2025-Q5", out=str(out))
    with pytest.raises(CommandError):
        call_command("rapport", period="2025", out=str(out), insats="999999")


@pytest.mark.django_db
def test_rapport_queryset_hides_drafts_from_the_board(forbundsadmin, styrelse, forbund):
    r = services.rapport_skapa(actor=forbundsadmin, forbund=forbund, period=Q4)
    assert not Rapport.objects.for_user(styrelse).filter(pk=r.pk).exists()
    assert Rapport.objects.for_user(forbundsadmin).filter(pk=r.pk).exists()
