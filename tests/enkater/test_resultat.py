"""Results: response rate, suppression below the threshold, by kön, change between years,
and the survey section on the statistics page and in the board report."""

import datetime

import pytest
from django.urls import reverse

from enkater import selectors
from enkater.models import Svar, Utskick
from enkater.services.enkat import standardenkater_skapa
from enkater.services.lankar import deltagarlank_skapa
from enkater.services.svar import lank_hamta, svara
from rapporter.period import Period
from rapporter.sammanstallning import sammanstall
from rapporter.tabell import Dold
from tests.enkater.conftest import fyll_i, svara_manga


@pytest.fixture
def deltagarenkat(forbund):
    return standardenkater_skapa(forbund)["deltagare"]


def _urval(enkat, insats=None):
    svar = Svar.objects.first()
    return selectors.Urval(enkat=enkat, ar=svar.ar, kvartal=[svar.kvartal], insats=insats)


def test_response_rate_counts_links_and_answers_apart(forbund, samordnare, kartlagd, deltagarenkat):
    forbund.smacellsgrans = 2
    forbund.save()
    for _ in range(3):
        deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd)
    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=2)
    tabell = selectors.svarsfrekvens(_urval(deltagarenkat), 2)
    rad = tabell.rad(kartlagd.insats.namn)
    assert rad.varden == {"utskick": 5, "svar": 2, "andel": 40.0}
    assert Utskick.objects.get().antal == 5


def test_small_answer_counts_are_hidden_with_their_rate(
    forbund, samordnare, kartlagd, deltagarenkat
):
    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=3)
    tabell = selectors.svarsfrekvens(_urval(deltagarenkat), 5)
    rad = tabell.rad(kartlagd.insats.namn)
    assert rad.varden["svar"] == Dold(5)
    assert rad.varden["andel"] is None


def test_no_result_below_the_threshold(forbund, samordnare, kartlagd, deltagarenkat):
    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=4)
    u = _urval(deltagarenkat)
    tabeller = {t.nyckel: t for t in selectors.resultat(u, 5)}
    fraga = tabeller["deltagare-fraga-1"]
    assert fraga.undanhallen
    assert all(v is None for r in fraga.alla_rader() for v in r.varden.values())
    medel = tabeller["deltagare-medel"]
    assert all(isinstance(v, Dold) for r in medel.rader for v in r.varden.values() if v is not None)
    assert selectors.fritexter(u, 5) == []


def test_distribution_and_mean_by_kon_at_the_threshold(
    forbund, samordnare, kartlagd, deltagarenkat
):
    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=3, skala=2)
    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=2, skala=5)
    u = _urval(deltagarenkat)
    tabeller = {t.nyckel: t for t in selectors.resultat(u, 5)}
    fraga = tabeller["deltagare-fraga-1"]
    assert not fraga.undanhallen
    # Two answers on step 5 are fewer than 5: hidden; the total is not.
    assert fraga.summa.varden["kvinna"] == 5
    assert isinstance(fraga.rad("5").varden["kvinna"], Dold)
    medel = tabeller["deltagare-medel"]
    assert medel.rad("1").varden["kvinna"] == pytest.approx(3.2)
    assert medel.rad("1").varden["totalt"] == pytest.approx(3.2)
    assert fraga.diagram.startswith("<svg")
    fritext = dict(selectors.fritexter(u, 5))
    assert fritext["Vad har varit bäst med stödet?"] == ["Bra stöd"] * 5


def test_a_kon_below_threshold_hides_the_total_mean(forbund, samordnare, kartlagd, deltagarenkat):
    """With the total and the other means shown, one hidden mean could be worked out."""
    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=5)
    token = deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd)
    lank = lank_hamta(token)
    from enkater.models import Enkatlank

    Enkatlank.objects.filter(pk=lank.pk).update(kon="man")
    svara(token=token, sprak="sv", rader=fyll_i(lank.version, skala=1))
    medel = {t.nyckel: t for t in selectors.resultat(_urval(deltagarenkat), 5)}["deltagare-medel"]
    rad = medel.rad("1")
    assert rad.varden["kvinna"] == 4
    assert isinstance(rad.varden["man"], Dold)
    assert isinstance(rad.varden["totalt"], Dold)


def test_change_from_the_year_before(forbund, insats, deltagarenkat):
    version = deltagarenkat.publicerad_version()
    for ar, steg in ((2025, 3), (2026, 5)):
        for _ in range(5):
            svar = Svar.objects.create(
                version=version, forbund=forbund, insats=insats, ar=ar, kvartal=1, kon="man",
                sprak="sv",
            )  # fmt: skip
            for rad in fyll_i(version, skala=steg):
                svar.rader.create(**rad)
    u = selectors.Urval(enkat=deltagarenkat, ar=2026, kvartal=[1])
    tabell = {t.nyckel: t for t in selectors.resultat(u, 5)}["deltagare-forandring"]
    assert tabell.rad("1").varden == {"forra": 3.0, "nu": 5.0, "skillnad": 2.0}


def test_statistics_page_and_board_report_carry_the_section(
    client, forbund, samordnare, kartlagd, deltagarenkat, styrelse
):
    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=5)
    svar = Svar.objects.first()
    period = Period.kvartal(svar.ar, svar.kvartal)
    s = sammanstall(forbund=forbund, period=period)
    avsnitt = {a.nyckel: a for a in s.avsnitt}
    assert "enkater" in avsnitt
    nycklar = [t.nyckel for t in avsnitt["enkater"].tabeller]
    assert nycklar[:3] == ["deltagare-svarsfrekvens", "deltagare-medel", "deltagare-forandring"]
    # Never free text in board material.
    assert not any("fritext" in t.nyckel for t in avsnitt["enkater"].tabeller)
    client.force_login(styrelse)
    html = client.get(reverse("rapporter:statistik") + f"?period={period.kod}").content.decode()
    assert "Enkäter" in html and "Bra stöd" not in html


def test_board_pdf_has_the_survey_section(forbund, samordnare, kartlagd, deltagarenkat):
    import io

    from pypdf import PdfReader

    from rapporter.sammanstallning import skapa_pdf

    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=5)
    svar = Svar.objects.first()
    pdf = skapa_pdf(forbund=forbund, period=Period.kvartal(svar.ar, svar.kvartal))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Svarsfrekvens" in text
    assert "Bra stöd" not in text


def test_older_apps_do_not_import_enkater():
    import pathlib

    aldre = ("samverkan", "deltagare", "remisser", "rapporter")
    for fil in (f for app in aldre for f in pathlib.Path(app).rglob("*.py")):
        text = fil.read_text()
        assert "import enkater" not in text and "from enkater" not in text, fil


def test_period_quarters(deltagarenkat):
    from enkater.rapportavsnitt import urval_for_period

    assert urval_for_period(deltagarenkat, Period.helar(2026)).kvartal == [1, 2, 3, 4]
    assert urval_for_period(deltagarenkat, Period.halvar(2026, 2)).kvartal == [3, 4]
    egen = Period(datetime.date(2026, 2, 10), datetime.date(2026, 2, 20))
    assert urval_for_period(deltagarenkat, egen).kvartal == [1]
