"""Uppföljning Finsam: persons per individinriktad insats by kön, the number
reached by strukturövergripande insatser, money per insats; constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deltagare.models import Deltagare
from rapporter.models import Budgetpost, Ekonomi, Kostnad
from rapporter.selectors.finsam import finsam
from rapporter.tabell import ANTAL, BELOPP, TAL
from tests.factories import InsatsFactory
from tests.rapporter.conftest import inskrivning_med_avslut

D = datetime.date


def person(forbund, kon="kvinna", anonym=False):
    if anonym:
        return Deltagare.objects.create(forbund=forbund, anonym=True, startar=2025, kon=kon)
    return Deltagare.objects.create(
        forbund=forbund, fornamn="Testa", efternamn="Finsson", fodelsedatum=D(1990, 1, 1), kon=kon
    )


def inskriv(insats, deltagare, start, slut=None, vag_ut="arbete"):
    return inskrivning_med_avslut(deltagare, insats, start, slut, vag_ut=vag_ut)


def ekonomi_for(insats, ar, beviljat, budget=(), kostnader=(), antal_nadda=None):
    e = Ekonomi.objects.create(insats=insats, ar=ar, beviljat=beviljat, antal_nadda=antal_nadda)
    for typ, b, p in budget:
        Budgetpost.objects.create(ekonomi=e, kostnadstyp=typ, budget=b, prognos=p)
    for manad, typ, belopp in kostnader:
        Kostnad.objects.create(ekonomi=e, manad=manad, kostnadstyp=typ, belopp=belopp)
    return e


@pytest.fixture
def data(forbund, annat_forbund, insats):
    f = forbund
    e = InsatsFactory(forbund=f, namn="Insats E")
    InsatsFactory(forbund=f, namn="Startar 2026", startdatum=D(2026, 1, 1))
    InsatsFactory(
        forbund=f, namn="Slutade 2023", startdatum=D(2020, 1, 1), slutdatum=D(2023, 6, 30)
    )
    inskriv(insats, person(f), D(2024, 6, 1))  # active all year
    dubbel = person(f)
    inskriv(insats, dubbel, D(2025, 2, 1), D(2025, 3, 1))
    inskriv(insats, dubbel, D(2025, 9, 1))  # the same person again: once in the insats
    inskriv(e, dubbel, D(2025, 5, 1))  # and once in another insats
    inskriv(insats, person(f, "man"), D(2024, 1, 1), D(2025, 1, 1))  # exit on 1 January
    inskriv(insats, person(f, "man"), D(2024, 1, 1), D(2024, 12, 31))  # gone before the year
    inskriv(insats, person(f, "annat"), D(2025, 12, 31))  # enrolled on the last day
    inskriv(insats, person(f), D(2026, 1, 1))  # after the year
    inskriv(insats, person(f, "man"), D(2025, 3, 1), D(2025, 3, 2), "felregistrering")
    inskriv(insats, person(f, anonym=True), D(2025, 4, 1))  # anonymous: counts by kön
    inskriv(e, person(f, "man"), D(2025, 1, 10))

    s = InsatsFactory(forbund=f, namn="Nätverk", typ="struktur")
    InsatsFactory(forbund=f, namn="Utbildning", typ="struktur")
    ekonomi_for(s, 2025, 200_000, [("personal", 150_000, None)], [(1, "personal", 12_000)], 120)
    ekonomi_for(s, 2024, 1, antal_nadda=7)
    ekonomi_for(
        insats,
        2025,
        1_000_000,
        [("personal", 600_000, 650_000), ("ovrigt", 50_000, None)],
        [(1, "personal", 50_000), (12, "ovrigt", 5_000)],
    )
    ekonomi_for(insats, 2024, 5, [("personal", 5, 5)], [(1, "personal", 5)])
    annan = InsatsFactory(forbund=annat_forbund, namn="Annan")
    inskriv(annan, person(annat_forbund), D(2025, 1, 1))
    ekonomi_for(annan, 2025, 9, antal_nadda=9)
    return {"a": insats, "e": e, "s": s}


def test_individ(forbund, data):
    individ, _struktur, _ekonomi = finsam(forbund=forbund, ar=2025)

    assert individ.nyckel == "finsam_individ"
    assert individ.skyddas is True and individ.radsumma == "totalt"
    assert [k.nyckel for k in individ.kolumner] == ["kvinna", "man", "annat", "totalt"]
    assert all(k.typ == ANTAL for k in individ.kolumner)
    assert [r.etikett for r in individ.rader] == ["Insats A", "Insats E"]
    assert individ.rad(str(data["a"].uuid)).varden == {
        "kvinna": 3,  # all year, the person enrolled twice, the anonymous one
        "man": 1,  # exit on 1 January
        "annat": 1,
        "totalt": 5,
    }
    assert individ.rad(str(data["e"].uuid)).varden == {
        "kvinna": 1,
        "man": 1,
        "annat": 0,
        "totalt": 2,
    }
    assert individ.summa.varden == {"kvinna": 4, "man": 2, "annat": 1, "totalt": 7}


def test_struktur(forbund, data):
    _individ, struktur, _ekonomi = finsam(forbund=forbund, ar=2025)

    assert struktur.nyckel == "finsam_struktur"
    assert struktur.skyddas is False
    assert [k.typ for k in struktur.kolumner] == [TAL]
    assert [(r.etikett, r.varden["antal_nadda"]) for r in struktur.rader] == [
        ("Nätverk", 120),
        ("Utbildning", None),  # nothing registered
    ]
    assert struktur.summa.varden == {"antal_nadda": 120}


def test_ekonomi(forbund, data):
    _individ, _struktur, ekonomi = finsam(forbund=forbund, ar=2025)

    assert ekonomi.nyckel == "finsam_ekonomi"
    assert ekonomi.skyddas is False
    assert all(k.typ == BELOPP for k in ekonomi.kolumner)
    assert [r.etikett for r in ekonomi.rader] == ["Insats A", "Insats E", "Nätverk", "Utbildning"]
    assert ekonomi.rad(str(data["a"].uuid)).varden == {
        "beviljat": 1_000_000,
        "budget": 650_000,
        "utfall": 55_000,
        "prognos": 700_000,  # 650 000 + övrigt's budget as its forecast
    }
    assert ekonomi.rad(str(data["s"].uuid)).varden == {
        "beviljat": 200_000,
        "budget": 150_000,
        "utfall": 12_000,
        "prognos": 150_000,
    }
    assert ekonomi.rad(str(data["e"].uuid)).varden == dict.fromkeys(
        ["beviljat", "budget", "utfall", "prognos"], 0
    )
    assert ekonomi.summa.varden == {
        "beviljat": 1_200_000,
        "budget": 800_000,
        "utfall": 67_000,
        "prognos": 850_000,
    }


def test_other_years(forbund, data):
    individ, struktur, ekonomi = finsam(forbund=forbund, ar=2024)

    # Insats A had the two men of 2024 and the person of June 2024.
    assert individ.rad(str(data["a"].uuid)).varden == {
        "kvinna": 1,
        "man": 2,
        "annat": 0,
        "totalt": 3,
    }
    assert struktur.rad(str(data["s"].uuid)).varden == {"antal_nadda": 7}
    assert ekonomi.rad(str(data["a"].uuid)).varden["utfall"] == 5


def _antal_fragor(forbund):
    with CaptureQueriesContext(connection) as ctx:
        finsam(forbund=forbund, ar=2025)
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_the_data(forbund, data):
    fore = _antal_fragor(forbund)
    for n in range(3):
        ny = InsatsFactory(forbund=forbund, typ="struktur" if n == 2 else "individ")
        inskriv(ny, person(forbund), D(2025, 2, 1))
        inskriv(data["a"], person(forbund, "man"), D(2025, 2, 1))
        ekonomi_for(ny, 2025, 10, [("personal", 10, None)], [(2, "personal", 1)], antal_nadda=3)
    assert _antal_fragor(forbund) == fore == 3
    individ = finsam(forbund=forbund, ar=2025)[0]
    assert individ.rad(str(data["a"].uuid)).varden["man"] == 4
