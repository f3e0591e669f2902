"""The economy table: budget, outcome in the period and so far in the year,
forecast with its fallback, sums over every insats, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rapporter.models import Budgetpost, Ekonomi, Kostnad
from rapporter.period import Period
from rapporter.selectors.ekonomi import ekonomi
from rapporter.tabell import BELOPP
from tests.factories import InsatsFactory

Q1 = Period.kvartal(2025, 1)
Q2 = Period.kvartal(2025, 2)


def ekonomi_for(insats, ar, beviljat, budget=(), kostnader=()):
    e = Ekonomi.objects.create(insats=insats, ar=ar, beviljat=beviljat)
    for typ, b, p in budget:
        Budgetpost.objects.create(ekonomi=e, kostnadstyp=typ, budget=b, prognos=p)
    for manad, typ, belopp in kostnader:
        Kostnad.objects.create(ekonomi=e, manad=manad, kostnadstyp=typ, belopp=belopp)
    return e


@pytest.fixture
def data(forbund, annat_forbund, insats):
    ekonomi_for(
        insats,
        2025,
        1_000_000,
        budget=[
            ("personal", 600_000, 650_000),
            ("externa_resurser", 200_000, None),  # no forecast: the budget is it
            ("ovrigt", 50_000, 40_000),
        ],
        kostnader=[
            (1, "personal", 50_000),
            (2, "personal", 50_000),
            (3, "personal", 55_000),
            (4, "personal", 60_000),
            (7, "personal", 70_000),
            (2, "externa_resurser", 7_000),
        ],
    )
    ekonomi_for(insats, 2024, 900_000, [("personal", 1, 1)], [(3, "personal", 99_999)])
    b = InsatsFactory(forbund=forbund, namn="Insats B")
    ekonomi_for(b, 2025, 500_000, [("personal", 300_000, None)], [(3, "personal", 10_000)])
    annan = InsatsFactory(forbund=annat_forbund)
    ekonomi_for(annan, 2025, 9_000_000, [("personal", 9_000_000, None)], [(1, "personal", 9)])
    return insats


def varden(tabell, nyckel):
    rad = tabell.summa if nyckel == "totalt" else tabell.rad(nyckel)
    return rad.varden


def test_one_insats_first_quarter(forbund, data):
    t = ekonomi(forbund=forbund, period=Q1, insats=data)

    assert t.nyckel == "ekonomi"
    assert t.skyddas is False and t.radsumma is None
    assert all(k.typ == BELOPP for k in t.kolumner)
    assert [r.nyckel for r in t.rader] == [
        "personal",
        "externa_resurser",
        "kompetensutveckling",
        "ovrigt",
    ]
    assert varden(t, "personal") == {
        "budget": 600_000,
        "utfall_period": 155_000,
        "utfall_ar": 155_000,
        "prognos": 650_000,
        "avvikelse": 50_000,
    }
    assert varden(t, "externa_resurser") == {
        "budget": 200_000,
        "utfall_period": 7_000,
        "utfall_ar": 7_000,
        "prognos": 200_000,
        "avvikelse": 0,
    }
    assert varden(t, "kompetensutveckling") == dict.fromkeys(
        ["budget", "utfall_period", "utfall_ar", "prognos", "avvikelse"], 0
    )
    assert varden(t, "ovrigt")["avvikelse"] == -10_000
    assert varden(t, "totalt") == {
        "budget": 850_000,
        "utfall_period": 162_000,
        "utfall_ar": 162_000,
        "prognos": 890_000,
        "avvikelse": 40_000,
    }
    assert t.summa.etikett == "Totalt"
    assert "1\u00a0000\u00a0000 kr" in t.beskrivning
    assert "850\u00a0000 kr" in t.beskrivning
    assert "85,0 %" in t.beskrivning


def test_period_against_year_to_date(forbund, data):
    t = ekonomi(forbund=forbund, period=Q2, insats=data)

    # April alone in the period; January to June for the year; July not yet.
    assert varden(t, "personal")["utfall_period"] == 60_000
    assert varden(t, "personal")["utfall_ar"] == 215_000
    assert varden(t, "externa_resurser")["utfall_period"] == 0
    assert varden(t, "externa_resurser")["utfall_ar"] == 7_000
    assert "juni" in [k.rubrik for k in t.kolumner][2]

    hela = ekonomi(forbund=forbund, period=Period.helar(2025), insats=data)
    assert varden(hela, "personal")["utfall_period"] == 285_000
    assert varden(hela, "personal")["utfall_ar"] == 285_000


def test_every_insats_of_the_forbund(forbund, data):
    t = ekonomi(forbund=forbund, period=Q1)

    assert varden(t, "personal") == {
        "budget": 900_000,
        "utfall_period": 165_000,
        "utfall_ar": 165_000,
        "prognos": 950_000,  # 650 000 + B's budget as its forecast
        "avvikelse": 50_000,
    }
    assert varden(t, "totalt")["budget"] == 1_150_000
    assert "1\u00a0500\u00a0000 kr" in t.beskrivning
    assert "76,7 %" in t.beskrivning


def test_no_economy_registered(forbund, insats):
    t = ekonomi(forbund=forbund, period=Q1, insats=insats)

    assert all(v == 0 for r in t.alla_rader() for v in r.varden.values())
    assert "Inga beviljade medel" in t.beskrivning


def _antal_fragor(forbund):
    with CaptureQueriesContext(connection) as ctx:
        ekonomi(forbund=forbund, period=Q1)
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_the_data(forbund, data):
    fore = _antal_fragor(forbund)
    for _n in range(3):
        ekonomi_for(
            InsatsFactory(forbund=forbund),
            2025,
            1000,
            [("personal", 100, None), ("ovrigt", 100, 50)],
            [(m, "personal", 10) for m in range(1, 13)],
        )
    assert _antal_fragor(forbund) == fore == 3
    assert varden(ekonomi(forbund=forbund, period=Q1), "personal")["utfall_period"] == 165_090
