"""Avsnitt "kartlaggning" and "uppfoljning" on small datasets worked out by hand.

Period Q1 2026. Active enrolments:

    E1 k  kartläggning klar 1 Feb, plan 5 Feb, arbetsträning 15 Jan – 30 Jun
    E2 m  a talk on 31 Mar (the last day), kartläggning not klar; plan on 1 Apr (after);
          a coach talk on 31 Dec (before)
    E3 k  a talk 1 Mar, kartläggning klar 2 Apr (after the end: påbörjad at the end);
          plan 1 Dec 2025; present at a group event 10 Feb
    E4 a  a talk 5 Apr (after); absent from the group event; a study visit on 1 Jan
    E5 m  kartläggning klar 1 Dec 2025; studies 1 Oct – 1 Jan; coach talks 1 Feb and
          31 Mar; a group activity recorded on its own, 1 Feb
    E6 k  an external assessment on 1 Apr (after)

Not counted: an enrolment exited the day before, and a felregistrering in the period,
both with everything.
"""

import datetime

import pytest

from rapporter.period import Period
from rapporter.selectors.statistik import statistik
from tests.factories import InsatsFactory
from tests.rapporter.conftest import celler, tabell

D = datetime.date
Q1 = Period.kvartal(2026, 1)


def _allt(bygg, i):
    bygg.kartlaggning(i, klar=D(2026, 2, 1))
    bygg.samtal(i, D(2026, 1, 5))
    bygg.handlingsplan(i, D(2026, 1, 6))
    for typ in ("arbetstraning", "studiebesok", "coachsamtal", "studier"):
        bygg.aktivitet(i, typ, D(2026, 2, 1))


@pytest.fixture
def data(bygg):
    ins = bygg.inskrivning
    e1 = ins(inskriven=D(2025, 12, 1), kon="kvinna")
    bygg.kartlaggning(e1, klar=D(2026, 2, 1))
    bygg.samtal(e1, D(2026, 1, 10))
    bygg.handlingsplan(e1, D(2026, 2, 5))
    bygg.aktivitet(e1, "arbetstraning", D(2026, 1, 15), D(2026, 6, 30))

    e2 = ins(inskriven=D(2025, 12, 1), kon="man")
    bygg.kartlaggning(e2)
    bygg.samtal(e2, D(2026, 3, 31))
    bygg.handlingsplan(e2, D(2026, 4, 1))
    bygg.aktivitet(e2, "coachsamtal", D(2025, 12, 31))

    e3 = ins(inskriven=D(2025, 11, 1), kon="kvinna")
    bygg.samtal(e3, D(2026, 3, 1))
    bygg.kartlaggning(e3, klar=D(2026, 4, 2))
    bygg.handlingsplan(e3, D(2025, 12, 1))

    e4 = ins(inskriven=D(2026, 1, 1), kon="annat")
    bygg.samtal(e4, D(2026, 4, 5))
    bygg.aktivitet(e4, "studiebesok", D(2026, 1, 1))
    bygg.gruppaktivitet(D(2026, 2, 10), {e3: True, e4: False})

    e5 = ins(inskriven=D(2025, 9, 1), kon="man")
    bygg.kartlaggning(e5, klar=D(2025, 12, 1))
    bygg.aktivitet(e5, "studier", D(2025, 10, 1), D(2026, 1, 1))
    bygg.aktivitet(e5, "coachsamtal", D(2026, 2, 1))
    bygg.aktivitet(e5, "coachsamtal", D(2026, 3, 31))
    bygg.aktivitet(e5, "gruppaktivitet", D(2026, 2, 1))

    e6 = ins(inskriven=D(2026, 2, 1), kon="kvinna")
    bygg.aktivitet(e6, "extern_utredning", D(2026, 4, 1))

    fore = ins(inskriven=D(2025, 6, 1), kon="kvinna")
    _allt(bygg, fore)
    bygg.avslut(fore, D(2025, 12, 31))
    fel = ins(inskriven=D(2026, 1, 2), kon="man")
    _allt(bygg, fel)
    bygg.gruppaktivitet(D(2026, 2, 11), {fel: True, fore: True})
    bygg.avslut(fel, D(2026, 3, 1), vag_ut="felregistrering")


def test_status_at_the_period_end(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "status")
    assert [r.nyckel for r in t.rader] == ["kartlagda", "paborjad", "handlingsplan", "i_aktivitet"]
    assert celler(t, "kartlagda") == (1, 1, 0, 2)  # E1, E5
    assert celler(t, "paborjad") == (1, 1, 0, 2)  # E3, E2
    assert celler(t, "handlingsplan") == (2, 0, 0, 2)  # E1, E3
    assert celler(t, "i_aktivitet") == (2, 1, 1, 4)  # E1, E3 (group), E4, E5
    assert t.summa is None


def test_activity_types_during_the_period(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "aktivitetstyp")
    assert [r.nyckel for r in t.rader] == [
        "arbetstraning",
        "studiebesok",
        "gruppaktivitet",
        "coachsamtal",
        "ekonomisk_radgivning",
        "studier",
        "extern_utredning",
    ]
    assert celler(t, "arbetstraning") == (1, 0, 0, 1)
    assert celler(t, "studiebesok") == (0, 0, 1, 1)
    assert celler(t, "gruppaktivitet") == (1, 1, 0, 2)  # E3 attended, E5 recorded
    assert celler(t, "coachsamtal") == (0, 1, 0, 1)  # E5 once, though two talks
    assert celler(t, "ekonomisk_radgivning") == (0, 0, 0, 0)
    assert celler(t, "studier") == (0, 1, 0, 1)  # ends on the first day
    assert celler(t, "extern_utredning") == (0, 0, 0, 0)
    assert t.summa is None


@pytest.fixture
def uppfoljningar(bygg, annat_forbund):
    def avslutad(kon):
        i = bygg.inskrivning(inskriven=D(2024, 6, 1), kon=kon)
        bygg.avslut(i, D(2025, 1, 15))
        return i

    u = bygg.uppfoljning
    u(avslutad("kvinna"), planerad=D(2026, 1, 15), genomford=D(2026, 1, 20), utfall="arbete")
    u(avslutad("man"), planerad=D(2026, 2, 1), genomford=D(2026, 4, 2), utfall="arbete")
    u(avslutad("kvinna"), planerad=D(2025, 12, 15), genomford=D(2026, 1, 5), utfall="studier")
    u(avslutad("annat"), planerad=D(2026, 3, 1), stoppad=D(2026, 2, 20))
    u(
        avslutad("man"),
        planerad=D(2026, 3, 31),
        genomford=D(2026, 3, 31),
        utfall="felregistrering",
    )
    # Not counted: the exit was a felregistrering; another förbund.
    fel = bygg.inskrivning(inskriven=D(2024, 6, 1), kon="kvinna")
    bygg.avslut(fel, D(2025, 1, 15), vag_ut="felregistrering")
    u(fel, planerad=D(2026, 1, 10), genomford=D(2026, 1, 10), utfall="arbete")
    annan = bygg.inskrivning(inskriven=D(2024, 6, 1), insats=InsatsFactory(forbund=annat_forbund))
    u(annan, planerad=D(2026, 1, 10), genomford=D(2026, 1, 10), utfall="arbete")


def test_uppfoljning_outcomes(uppfoljningar, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "uppfoljning")
    assert "felregistrering" not in [r.nyckel for r in t.rader]
    assert len(t.rader) == 10
    assert celler(t, "arbete") == (1, 0, 0, 1)
    assert celler(t, "studier") == (1, 0, 0, 1)
    assert celler(t, "ater_remittent") == (0, 0, 0, 0)
    assert celler(t, "summa") == (2, 0, 0, 2)


def test_uppfoljning_status(uppfoljningar, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "uppfoljning_status")
    assert [r.nyckel for r in t.rader] == ["planerade", "genomforda", "stoppade"]
    assert celler(t, "planerade") == (1, 2, 1, 4)
    assert celler(t, "genomforda") == (2, 0, 0, 2)
    assert celler(t, "stoppade") == (0, 0, 1, 1)
    assert t.summa is None
