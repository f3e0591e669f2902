"""Avsnitt "avslut" and "remisser" on small datasets worked out by hand. Period Q1 2026."""

import datetime

import pytest

from rapporter.period import Period
from rapporter.selectors.statistik import statistik
from rapporter.tabell import ANDEL, DAGAR
from tests.factories import InsatsFactory, OrganisationFactory
from tests.rapporter.conftest import celler, tabell

D = datetime.date
Q1 = Period.kvartal(2026, 1)
FEB = D(2026, 2, 1)


def _exit(bygg, kon, dagar, vag_ut, ansvarig_efter, slut=FEB):
    i = bygg.inskrivning(inskriven=slut - datetime.timedelta(days=dagar), kon=kon)
    bygg.avslut(i, slut, vag_ut=vag_ut, ansvarig_efter=ansvarig_efter)
    return i


@pytest.fixture
def avslut(bygg):
    """Kvinnor 10, 30 and 100 days; män 20 and 41 days; nobody of annat kön."""
    _exit(bygg, "kvinna", 10, "arbete", "af", slut=D(2026, 1, 1))  # the first day
    _exit(bygg, "kvinna", 30, "studier", "af")
    _exit(bygg, "kvinna", 100, "avbrott_egen_begaran", "region", slut=D(2026, 3, 31))
    _exit(bygg, "man", 20, "arbete_med_stod", "fk")
    _exit(bygg, "man", 41, "arbetssokande_af", "ingen")
    # Not counted: a felregistrering, an exit the day before, an ongoing enrolment.
    _exit(bygg, "kvinna", 5, "felregistrering", "af")
    _exit(bygg, "man", 7, "arbete", "af", slut=D(2025, 12, 31))
    bygg.inskrivning(inskriven=D(2026, 1, 15), kon="annat")


def test_vag_ut(avslut, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "vag_ut")
    assert [r.nyckel for r in t.rader] == [
        "arbete",
        "arbete_med_stod",
        "studier",
        "arbetssokande_af",
        "ater_remittent",
        "annan_aktor",
        "avbrott_egen_begaran",
        "avbrott_flyttat",
        "avbrott_sjukdom",
        "avbrott_ovrigt",
    ]
    assert celler(t, "arbete") == (1, 0, 0, 1)
    assert celler(t, "arbete_med_stod") == (0, 1, 0, 1)
    assert celler(t, "studier") == (1, 0, 0, 1)
    assert celler(t, "arbetssokande_af") == (0, 1, 0, 1)
    assert celler(t, "avbrott_egen_begaran") == (1, 0, 0, 1)
    assert celler(t, "ater_remittent") == (0, 0, 0, 0)
    assert celler(t, "summa") == (3, 2, 0, 5)


def test_share_to_work_or_studies(avslut, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "arbete_studier")
    assert [k.typ for k in t.kolumner] == [ANDEL] * 4
    rad = t.rad("andel")
    assert rad.varden == {"kvinna": 66.7, "man": 50.0, "annat": None, "totalt": 60.0}
    assert rad.underlag == {"kvinna": 3, "man": 2, "annat": 0, "totalt": 5}
    assert rad.taljare == {"kvinna": 2, "man": 1, "annat": 0, "totalt": 3}


def test_ansvarig_efter(avslut, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "ansvarig_efter")
    assert [r.nyckel for r in t.rader] == ["af", "fk", "kommun", "region", "ingen"]
    assert celler(t, "af") == (2, 0, 0, 2)
    assert celler(t, "fk") == (0, 1, 0, 1)
    assert celler(t, "kommun") == (0, 0, 0, 0)
    assert celler(t, "region") == (1, 0, 0, 1)
    assert celler(t, "ingen") == (0, 1, 0, 1)
    assert celler(t, "summa") == (3, 2, 0, 5)


def test_median_days_odd_and_even_counts(avslut, bygg, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "dagar_i_insats")
    assert [k.typ for k in t.kolumner] == [DAGAR] * 4
    rad = t.rad("median")
    # kvinnor 10, 30, 100 → 30; män 20, 41 → 30.5; all 10, 20, 30, 41, 100 → 30.
    assert rad.varden == {"kvinna": 30, "man": 30.5, "annat": None, "totalt": 30}
    assert rad.underlag == {"kvinna": 3, "man": 2, "annat": 0, "totalt": 5}
    # One more of annat kön, 50 days: all six → (30 + 41) / 2.
    _exit(bygg, "annat", 50, "arbete", "af")
    rad = tabell(statistik(forbund=forbund, period=Q1), "dagar_i_insats").rad("median")
    assert rad.varden == {"kvinna": 30, "man": 30.5, "annat": 50, "totalt": 35.5}
    assert rad.underlag == {"kvinna": 3, "man": 2, "annat": 1, "totalt": 6}


def test_nothing_to_take_a_median_of(forbund, insats):
    rad = tabell(statistik(forbund=forbund, period=Q1), "dagar_i_insats").rad("median")
    assert rad.varden == {"kvinna": None, "man": None, "annat": None, "totalt": None}
    assert rad.underlag == {"kvinna": 0, "man": 0, "annat": 0, "totalt": 0}


@pytest.fixture
def remisser(bygg, forbund, annat_forbund):
    """Working days (received → decided − paused) and decisions; deadline 14 days.

    k: 10 antagen, 21 − 5 = 16 avböjd, 14 antagen (on the deadline)
    m: 30 − 20 = 10 antagen (decided 23:30 on the last day), 20 avböjd,
       3 antagen (decided 00:30 on the first day: still 31 December in UTC)
    kön not given: 7 antagen
    """
    r = bygg.remiss
    r(kon="kvinna", inkommen=D(2026, 1, 5), beslutad=D(2026, 1, 15))
    r(
        kon="kvinna",
        inkommen=D(2025, 12, 20),
        beslutad=D(2026, 1, 10),
        pausad_dagar=5,
        status="avbojd",
    )
    r(kon="kvinna", inkommen=D(2026, 2, 1), beslutad=D(2026, 2, 15))
    r(
        kon="man",
        inkommen=D(2026, 3, 1),
        beslutad=datetime.datetime(2026, 3, 31, 23, 30),
        pausad_dagar=20,
    )
    r(kon="man", inkommen=D(2026, 3, 10), beslutad=D(2026, 3, 30), status="avbojd")
    r(
        kon="man",
        inkommen=datetime.datetime(2025, 12, 29, 10, 0),
        beslutad=datetime.datetime(2026, 1, 1, 0, 30),
    )
    r(kon="", inkommen=D(2026, 1, 2), beslutad=D(2026, 1, 9))
    # Not counted: decided the day before or after, not decided, a struktur insats,
    # another förbund.
    r(kon="kvinna", inkommen=D(2025, 12, 1), beslutad=datetime.datetime(2025, 12, 31, 23, 30))
    r(kon="kvinna", inkommen=D(2026, 3, 20), beslutad=D(2026, 4, 1))
    r(kon="kvinna", inkommen=D(2026, 2, 1), status="inkommen")
    struktur = InsatsFactory(forbund=forbund, typ="struktur")
    r(kon="kvinna", inkommen=D(2026, 2, 1), beslutad=D(2026, 2, 2), insats=struktur)
    OrganisationFactory(forbund=annat_forbund)
    annan = InsatsFactory(forbund=annat_forbund)
    r(kon="kvinna", inkommen=D(2026, 2, 1), beslutad=D(2026, 2, 2), insats=annan)


def test_remisser_decided(remisser, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "remisser_beslut")
    assert [r.nyckel for r in t.rader] == ["beslutade", "antagna", "avbojda"]
    assert celler(t, "beslutade") == (3, 3, 1, 7)
    assert celler(t, "antagna") == (2, 2, 1, 5)
    assert celler(t, "avbojda") == (1, 1, 0, 2)
    assert t.summa is None


def test_svarstid_median_and_share_within_deadline(remisser, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "svarstid")
    median = t.rad("median")
    assert median.typ == DAGAR
    # k 10, 14, 16 → 14; m 3, 10, 10 → 10; annat 7; all 3, 7, 10, 10, 14, 16, 20 → 10.
    assert median.varden == {"kvinna": 14, "man": 10, "annat": 7, "totalt": 10}
    assert median.underlag == {"kvinna": 3, "man": 3, "annat": 1, "totalt": 7}
    inom = t.rad("inom_frist")
    assert inom.typ == ANDEL
    assert inom.taljare == {"kvinna": 2, "man": 2, "annat": 1, "totalt": 5}
    assert inom.underlag == {"kvinna": 3, "man": 3, "annat": 1, "totalt": 7}
    assert inom.varden == {"kvinna": 66.7, "man": 66.7, "annat": 100.0, "totalt": 71.4}


def test_svarstid_agrees_with_the_model(remisser, insats):
    """The same working days as Remiss.dagar_till_beslut() for those decided at noon."""
    vid_middag = insats.remisser.filter(
        beslutad__date__gte=Q1.start, beslutad__date__lte=Q1.slut, beslutad__hour=12
    )
    assert sorted(r.dagar_till_beslut() for r in vid_middag) == [7, 10, 14, 16, 20]


def test_each_remiss_against_its_own_insats_deadline(bygg, forbund):
    lang = InsatsFactory(forbund=forbund, svarsfrist_dagar=30)
    bygg.remiss(inkommen=D(2026, 1, 1), beslutad=D(2026, 1, 21))  # 20 days, deadline 14
    bygg.remiss(inkommen=D(2026, 1, 1), beslutad=D(2026, 1, 21), insats=lang)  # deadline 30
    inom = tabell(statistik(forbund=forbund, period=Q1), "svarstid").rad("inom_frist")
    assert inom.taljare["totalt"] == 1 and inom.underlag["totalt"] == 2
    assert inom.varden["totalt"] == 50.0
    inom = tabell(statistik(forbund=forbund, period=Q1, insats=lang), "svarstid").rad("inom_frist")
    assert inom.varden["totalt"] == 100.0
