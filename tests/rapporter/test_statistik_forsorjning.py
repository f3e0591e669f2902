"""Avsnitt "forsorjning" on a small dataset worked out by hand.

Period Q1 2026. Exits in the period (försörjning start → exit; sysselsättning
start → exit; way out):

    P1 k  sjukpenning + försörjningsstöd → lön       ingen → förvärv 50 %       arbete
    P2 m  sjukersättning + aktivitetsers. → sjukers.  förvärv 25 → förvärv 50 %  åter remittent
    P3 k  a-kassa → a-kassa + studiemedel            arbetssökande → studier    studier
    P4 a  försörjningsstöd → försörjningsstöd        ingen → ingen              avbrott sjukdom
    P5 m  a-kassa + aktivitetsstöd → (no exit SUS)   arbetssökande → –          arbetssökande AF
    P6 k  (no start SUS) → lön                       – → förvärv 100 %          annan aktör
    P7 k  studiemedel → studiemedel                  studier → förvärv          arbete med stöd

Not counted: an ongoing enrolment, one exited the day before the period, and a
felregistrering in the period, each with SUS rows.
"""

import datetime

import pytest

from rapporter.period import Period
from rapporter.selectors.statistik import statistik
from rapporter.tabell import SKILLNAD
from tests.rapporter.conftest import celler, tabell

D = datetime.date
Q1 = Period.kvartal(2026, 1)
FEB = D(2026, 2, 1)


def _person(bygg, kon, start, slut, vag_ut, avslut_dag=FEB):
    i = bygg.inskrivning(inskriven=D(2025, 6, 1), kon=kon)
    if start is not None:
        bygg.sus(i, "start", forsorjning=start[0], sysselsattning=start[1], procent=start[2])
    if slut is not None:
        bygg.sus(i, "avslut", forsorjning=slut[0], sysselsattning=slut[1], procent=slut[2])
    bygg.avslut(i, avslut_dag, vag_ut=vag_ut)
    return i


@pytest.fixture
def data(bygg):
    ingen = "ingen"
    _person(
        bygg,
        "kvinna",
        (["sjukpenning", "forsorjningsstod"], ingen, None),
        (["lon"], "forvarvsarbete", 50),
        "arbete",
        avslut_dag=D(2026, 1, 1),
    )
    _person(
        bygg,
        "man",
        (["sjukersattning", "aktivitetsersattning"], "forvarvsarbete", 25),
        (["sjukersattning"], "forvarvsarbete", 50),
        "ater_remittent",
        avslut_dag=D(2026, 3, 31),
    )
    _person(
        bygg,
        "kvinna",
        (["a_kassa"], "arbetssokande", None),
        (["a_kassa", "studiemedel"], "studier", None),
        "studier",
    )
    _person(
        bygg,
        "annat",
        (["forsorjningsstod"], ingen, None),
        (["forsorjningsstod"], ingen, None),
        "avbrott_sjukdom",
    )
    _person(
        bygg,
        "man",
        (["a_kassa", "aktivitetsstod"], "arbetssokande", None),
        None,
        "arbetssokande_af",
    )
    _person(bygg, "kvinna", None, (["lon"], "forvarvsarbete", 100), "annan_aktor")
    _person(
        bygg,
        "kvinna",
        (["studiemedel"], "studier", None),
        (["studiemedel"], "forvarvsarbete", None),
        "arbete_med_stod",
    )
    # Not counted.
    pagaende = bygg.inskrivning(inskriven=D(2025, 6, 1), kon="kvinna")
    bygg.sus(pagaende, forsorjning=["sjukpenning"])
    fore = (["sjukpenning"], ingen, None), (["lon"], "forvarvsarbete", 100)
    _person(bygg, "kvinna", *fore, "arbete", avslut_dag=D(2025, 12, 31))
    _person(bygg, "man", *fore, "felregistrering")


def test_forsorjning_at_start_counts_each_code_and_each_group_once(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "forsorjning_start")
    assert [r.nyckel for r in t.rader] == [
        "sjukpenning",
        "sjukersattning",
        "aktivitetsersattning",
        "a_kassa",
        "aktivitetsstod",
        "etableringsersattning",
        "forsorjningsstod",
        "lon",
        "studiemedel",
        "ingen_offentlig",
        "okand",
        "grupp_ohalsa",
        "grupp_arbetsmarknadsstod",
        "grupp_ekonomiskt_bistand",
    ]
    assert t.summa is None
    assert celler(t, "sjukpenning") == (1, 0, 0, 1)
    assert celler(t, "sjukersattning") == (0, 1, 0, 1)
    assert celler(t, "aktivitetsersattning") == (0, 1, 0, 1)
    assert celler(t, "a_kassa") == (1, 1, 0, 2)
    assert celler(t, "aktivitetsstod") == (0, 1, 0, 1)
    assert celler(t, "etableringsersattning") == (0, 0, 0, 0)
    assert celler(t, "forsorjningsstod") == (1, 0, 1, 2)
    assert celler(t, "lon") == (0, 0, 0, 0)
    assert celler(t, "studiemedel") == (1, 0, 0, 1)
    # P2 has two ohälsa codes and P5 two arbetsmarknadsstöd codes: once per group.
    assert celler(t, "grupp_ohalsa") == (1, 1, 0, 2)
    assert celler(t, "grupp_arbetsmarknadsstod") == (1, 1, 0, 2)
    assert celler(t, "grupp_ekonomiskt_bistand") == (1, 0, 1, 2)


def test_forsorjning_at_exit(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "forsorjning_avslut")
    assert celler(t, "sjukpenning") == (0, 0, 0, 0)
    assert celler(t, "sjukersattning") == (0, 1, 0, 1)
    assert celler(t, "a_kassa") == (1, 0, 0, 1)
    assert celler(t, "forsorjningsstod") == (0, 0, 1, 1)
    assert celler(t, "lon") == (2, 0, 0, 2)
    assert celler(t, "studiemedel") == (2, 0, 0, 2)
    assert celler(t, "grupp_ohalsa") == (0, 1, 0, 1)
    assert celler(t, "grupp_arbetsmarknadsstod") == (1, 0, 0, 1)
    assert celler(t, "grupp_ekonomiskt_bistand") == (0, 0, 1, 1)


def test_forsorjning_before_and_after(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "forsorjning_forandring")
    assert [k.nyckel for k in t.kolumner] == ["fore", "efter", "forandring"]
    assert t.kolumner[2].typ == SKILLNAD and t.kolumner[2].av == ("efter", "fore")
    assert t.radsumma is None and t.summa is None
    kol = ("fore", "efter", "forandring")
    assert celler(t, "sjukpenning", kol) == (1, 0, -1)
    assert celler(t, "sjukersattning", kol) == (1, 1, 0)
    assert celler(t, "a_kassa", kol) == (2, 1, -1)
    assert celler(t, "lon", kol) == (0, 2, 2)
    assert celler(t, "studiemedel", kol) == (1, 2, 1)
    assert celler(t, "okand", kol) == (0, 0, 0)
    assert celler(t, "grupp_ohalsa", kol) == (2, 1, -1)
    assert celler(t, "grupp_arbetsmarknadsstod", kol) == (2, 1, -1)
    assert "kön" in t.beskrivning


def test_forsorjning_against_the_way_out(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "forsorjning_vag_ut")
    kol = (
        "arbete_studier",
        "arbetssokande_af",
        "ater_remittent",
        "annan_aktor",
        "avbrott",
        "totalt",
    )
    assert tuple(k.nyckel for k in t.kolumner) == kol
    assert t.radsumma == "totalt" and t.summa is None
    assert celler(t, "sjukpenning", kol) == (1, 0, 0, 0, 0, 1)
    assert celler(t, "sjukersattning", kol) == (0, 0, 1, 0, 0, 1)
    assert celler(t, "aktivitetsersattning", kol) == (0, 0, 1, 0, 0, 1)
    assert celler(t, "a_kassa", kol) == (1, 1, 0, 0, 0, 2)
    assert celler(t, "aktivitetsstod", kol) == (0, 1, 0, 0, 0, 1)
    assert celler(t, "forsorjningsstod", kol) == (1, 0, 0, 0, 1, 2)
    assert celler(t, "studiemedel", kol) == (1, 0, 0, 0, 0, 1)
    assert celler(t, "lon", kol) == (0, 0, 0, 0, 0, 0)  # P6 has no start SUS
    assert celler(t, "grupp_ohalsa", kol) == (1, 0, 1, 0, 0, 2)
    assert celler(t, "grupp_arbetsmarknadsstod", kol) == (1, 1, 0, 0, 0, 2)
    assert celler(t, "grupp_ekonomiskt_bistand", kol) == (1, 0, 0, 0, 1, 2)


def test_sysselsattning_at_start_and_exit(data, forbund):
    avsnitt = statistik(forbund=forbund, period=Q1)
    start = tabell(avsnitt, "sysselsattning_start")
    assert [r.nyckel for r in start.rader] == [
        "forvarvsarbete",
        "studier",
        "arbetssokande",
        "ingen",
        "okand",
        "ej_registrerad",
    ]
    assert celler(start, "forvarvsarbete") == (0, 1, 0, 1)
    assert celler(start, "studier") == (1, 0, 0, 1)
    assert celler(start, "arbetssokande") == (1, 1, 0, 2)
    assert celler(start, "ingen") == (1, 0, 1, 2)
    assert celler(start, "okand") == (0, 0, 0, 0)
    assert celler(start, "ej_registrerad") == (1, 0, 0, 1)
    assert celler(start, "summa") == (4, 2, 1, 7)

    slut = tabell(avsnitt, "sysselsattning_avslut")
    assert celler(slut, "forvarvsarbete") == (3, 1, 0, 4)
    assert celler(slut, "studier") == (1, 0, 0, 1)
    assert celler(slut, "arbetssokande") == (0, 0, 0, 0)
    assert celler(slut, "ingen") == (0, 0, 1, 1)
    assert celler(slut, "ej_registrerad") == (0, 1, 0, 1)
    assert celler(slut, "summa") == (4, 2, 1, 7)


def test_sysselsattning_okad(data, forbund):
    """P1 into work, P2 from 25 to 50 %, P3 into studies. Not P7 (studies to work is
    no growth, and no extent given), not P5 or P6 (a SUS row missing)."""
    t = tabell(statistik(forbund=forbund, period=Q1), "sysselsattning_okad")
    assert [r.nyckel for r in t.rader] == ["okad"]
    assert celler(t, "okad") == (2, 1, 0, 3)
    assert t.summa is None


def test_procent_null_counts_as_zero(bygg, forbund):
    i = bygg.inskrivning(inskriven=D(2025, 6, 1), kon="man")
    bygg.sus(i, "start", sysselsattning="forvarvsarbete", procent=None)
    bygg.sus(i, "avslut", sysselsattning="forvarvsarbete", procent=10)
    bygg.avslut(i, D(2026, 2, 1))
    same = bygg.inskrivning(inskriven=D(2025, 6, 1), kon="man")
    bygg.sus(same, "start", sysselsattning="forvarvsarbete", procent=40)
    bygg.sus(same, "avslut", sysselsattning="forvarvsarbete", procent=None)
    bygg.avslut(same, D(2026, 2, 1))
    t = tabell(statistik(forbund=forbund, period=Q1), "sysselsattning_okad")
    assert celler(t, "okad") == (0, 1, 0, 1)
