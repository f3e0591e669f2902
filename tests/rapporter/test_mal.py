"""Goal fulfilment, computed by hand: period boundaries, felregistrering, the
local date of a plan, pro rata targets, weeks of enrolment, and a query count
that does not grow with the data."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deltagare.models import (
    Aktivitet,
    Deltagare,
    Gruppaktivitet,
    HandlingsplanVersion,
    Narvaro,
)
from rapporter.models import Mal
from rapporter.period import Period
from rapporter.selectors.mal import malupfyllelse
from rapporter.tabell import ANDEL, ANTAL, TAL
from tests.factories import InsatsFactory, UserFactory
from tests.rapporter.conftest import inskrivning_med_avslut

D = datetime.date
Q1 = Period.kvartal(2025, 1)  # 2025-01-01 – 2025-03-31, 90 days
STHLM = zoneinfo.ZoneInfo("Europe/Stockholm")


@pytest.fixture
def personal(db):
    return UserFactory()


def inskriv(insats, start, *, slut=None, vag_ut="arbete", nasta_steg=True, kon="kvinna"):
    deltagare = Deltagare.objects.create(
        forbund=insats.forbund,
        fornamn="Testa",
        efternamn="Malsson",
        fodelsedatum=D(1990, 1, 1),
        kon=kon,
    )
    return inskrivning_med_avslut(
        deltagare, insats, start, slut, vag_ut=vag_ut, nasta_steg=nasta_steg
    )


def plan(inskrivning, skapad: datetime.datetime, version=1):
    v = HandlingsplanVersion.objects.create(
        inskrivning=inskrivning, version=version, mal="Arbete", skapad_av=UserFactory()
    )
    # skapad is auto_now_add: set the moment afterwards.
    HandlingsplanVersion.objects.filter(pk=v.pk).update(skapad=skapad)
    return v


def lokal(y, m, d, hh=12, mm=0):
    return datetime.datetime(y, m, d, hh, mm, tzinfo=STHLM)


def aktivitet(inskrivning, typ, datum, user):
    return Aktivitet.objects.create(
        inskrivning=inskrivning,
        typ=typ,
        startdatum=datum,
        stodperiod_manader=1 if typ == "studier" else None,
        registrerad_av=user,
    )


def grupp(insats, datum, narvaro, user):
    g = Gruppaktivitet.objects.create(
        insats=insats, titel="Föreläsning", datum=datum, registrerad_av=user
    )
    for inskrivning, narvarande in narvaro:
        Narvaro.objects.create(gruppaktivitet=g, inskrivning=inskrivning, narvarande=narvarande)
    return g


def en_rad(forbund, period, insats):
    tabell = malupfyllelse(forbund=forbund, period=period, insats=insats)
    assert len(tabell.rader) == 1
    return tabell.rader[0]


def avslut_data(insats):
    """Exits around Q1 2025: four count (A, B, F, G)."""
    inskriv(insats, D(2024, 6, 1), slut=D(2025, 1, 1), vag_ut="arbete")  # A: first day
    inskriv(
        insats, D(2024, 6, 1), slut=D(2025, 3, 31), vag_ut="avbrott_egen_begaran", nasta_steg=False
    )  # B: last day
    inskriv(insats, D(2024, 6, 1), slut=D(2024, 12, 31), vag_ut="studier")  # C: before
    inskriv(insats, D(2024, 6, 1), slut=D(2025, 4, 1), vag_ut="arbete", nasta_steg=False)  # D
    inskriv(insats, D(2024, 6, 1), slut=D(2025, 2, 1), vag_ut="felregistrering")  # E: not counted
    inskriv(insats, D(2024, 6, 1), slut=D(2025, 2, 15), vag_ut="studier")  # F
    inskriv(insats, D(2024, 6, 1), slut=D(2025, 2, 20), vag_ut="arbetssokande_af")  # G


def test_nasta_steg(forbund, insats):
    avslut_data(insats)
    annan = InsatsFactory(forbund=forbund)
    inskriv(annan, D(2024, 6, 1), slut=D(2025, 2, 1), nasta_steg=False)
    Mal.objects.create(insats=insats, typ="nasta_steg", malvarde=80)

    rad = en_rad(forbund, Q1, insats)

    # A, F, G of A, B, F, G.
    assert rad.varden == {"mal": 80.0, "utfall": 75.0, "underlag": 4, "uppfyllt": "Nej"}
    assert rad.typ == ANDEL
    assert rad.underlag == {"utfall": 4}
    assert rad.taljare == {"utfall": 3}
    assert rad.nyckel == f"{insats.pk}:nasta_steg:"
    assert rad.etikett == "Andel avslut med dokumenterat nästa steg"


def test_arbete_studier(forbund, insats):
    avslut_data(insats)
    Mal.objects.create(insats=insats, typ="arbete_studier", malvarde=50, beskrivning="Hälften")

    rad = en_rad(forbund, Q1, insats)

    # A (arbete) and F (studier) of A, B, F, G: exactly the target is fulfilled.
    assert rad.varden == {"mal": 50.0, "utfall": 50.0, "underlag": 4, "uppfyllt": "Ja"}
    assert rad.taljare == {"utfall": 2}
    assert rad.etikett == "Hälften"


def test_handlingsplan_due_in_period_and_on_time_by_local_date(forbund, insats):
    # N = 30: due in Q1 when enrolled 2024-12-02 … 2025-03-01.
    h1 = inskriv(insats, D(2024, 12, 2))  # due 2025-01-01: the first day
    plan(h1, lokal(2025, 1, 1, 16))
    h2 = inskriv(insats, D(2024, 12, 1))  # due 2024-12-31: before the period
    plan(h2, lokal(2024, 12, 1))
    h3 = inskriv(insats, D(2025, 3, 1))  # due 2025-03-31: the last day, but the plan is late
    plan(h3, lokal(2025, 4, 1))
    inskriv(insats, D(2025, 3, 2))  # due 2025-04-01: after the period
    h5 = inskriv(insats, D(2025, 1, 10))  # two versions in time: counts once
    plan(h5, lokal(2025, 1, 20))
    plan(h5, lokal(2025, 1, 25), version=2)
    inskriv(insats, D(2025, 1, 15))  # no plan
    h7 = inskriv(insats, D(2025, 1, 15), slut=D(2025, 1, 20), vag_ut="felregistrering")
    plan(h7, lokal(2025, 1, 16))
    # Due 2025-01-31; saved 00:30 on 1 February in Sweden (still 31 January in UTC): late.
    h8 = inskriv(insats, D(2025, 1, 1))
    plan(h8, lokal(2025, 2, 1, 0, 30))
    Mal.objects.create(insats=insats, typ="handlingsplan", malvarde=40, dagar=30)

    rad = en_rad(forbund, Q1, insats)

    # h1 and h5 of h1, h3, h5, the one without a plan, and h8.
    assert rad.varden == {"mal": 40.0, "utfall": 40.0, "underlag": 5, "uppfyllt": "Ja"}
    assert rad.taljare == {"utfall": 2}
    assert rad.typ == ANDEL
    assert "30 dagar" in rad.etikett


def test_deltagare_per_ar_pro_rata(forbund, insats):
    inskriv(insats, D(2025, 1, 1))
    inskriv(insats, D(2025, 3, 31), slut=D(2025, 6, 1))
    inskriv(insats, D(2024, 12, 31))
    inskriv(insats, D(2025, 4, 1))
    inskriv(insats, D(2025, 2, 1), slut=D(2025, 2, 2), vag_ut="felregistrering")
    inskriv(insats, None)  # aktualiserad, never enrolled
    mal = Mal.objects.create(insats=insats, typ="deltagare_per_ar", malvarde=50)

    rad = en_rad(forbund, Q1, insats)

    # 50 a year × 90/365 days = 12.33.
    assert rad.varden == {"mal": 12.3, "utfall": 2, "underlag": 2, "uppfyllt": "Nej"}
    assert rad.typ == ANTAL
    assert rad.underlag == {"utfall": 2}
    assert "pro rata" in rad.etikett

    mal.malvarde = 4  # 0.99 for the quarter
    mal.save()
    rad = en_rad(forbund, Q1, insats)
    assert rad.varden["mal"] == 1.0
    assert rad.varden["uppfyllt"] == "Ja"
    # A whole year, leap years too: the target as it stands.
    assert en_rad(forbund, Period.helar(2025), insats).varden["mal"] == 4.0
    assert en_rad(forbund, Period.helar(2024), insats).varden["mal"] == 4.0
    mal.malvarde = 50
    mal.save()
    # 50 × 91/366 for the first quarter of a leap year.
    assert en_rad(forbund, Period.kvartal(2024, 1), insats).varden["mal"] == 12.4


FYRA_VECKOR = Period(D(2025, 1, 1), D(2025, 1, 28))


@pytest.fixture
def veckodata(insats, personal):
    """Active days in the 28 days: 28 + 14 + 7 = 49, i.e. 7 weeks."""
    e1 = inskriv(insats, D(2024, 12, 1))  # the whole period: 28 days
    e2 = inskriv(insats, D(2025, 1, 15))  # 15–28 January: 14 days
    e3 = inskriv(insats, D(2024, 11, 1), slut=D(2025, 1, 7))  # 1–7 January: 7 days
    e4 = inskriv(insats, D(2024, 10, 1), slut=D(2024, 12, 31))  # gone before
    e5 = inskriv(insats, D(2025, 1, 10), slut=D(2025, 1, 20), vag_ut="felregistrering")
    inskriv(insats, D(2025, 1, 29))  # starts after
    for datum in (D(2025, 1, 1), D(2025, 1, 14), D(2025, 1, 28), D(2024, 12, 31), D(2025, 1, 29)):
        aktivitet(e1, "coachsamtal", datum, personal)
    aktivitet(e1, "studiebesok", D(2025, 1, 5), personal)
    aktivitet(e2, "coachsamtal", D(2025, 1, 15), personal)
    aktivitet(e2, "coachsamtal", D(2025, 1, 22), personal)
    aktivitet(e3, "coachsamtal", D(2025, 1, 3), personal)
    aktivitet(e4, "coachsamtal", D(2024, 12, 3), personal)
    aktivitet(e5, "coachsamtal", D(2025, 1, 12), personal)
    aktivitet(e5, "coachsamtal", D(2025, 1, 13), personal)
    aktivitet(e2, "gruppaktivitet", D(2025, 1, 16), personal)
    grupp(insats, D(2025, 1, 10), [(e1, True), (e3, True), (e5, True)], personal)
    grupp(insats, D(2025, 1, 20), [(e1, False), (e2, True)], personal)
    grupp(insats, D(2025, 1, 29), [(e1, True)], personal)
    return insats


def test_aktivitet_per_vecka(forbund, veckodata):
    Mal.objects.create(
        insats=veckodata, typ="aktivitet_per_vecka", malvarde=1, aktivitetstyp="coachsamtal"
    )

    rad = en_rad(forbund, FYRA_VECKOR, veckodata)

    # Six coach talks (3 + 2 + 1) over 7 participant-weeks: 0.857.
    assert rad.varden == {"mal": 1.0, "utfall": 0.9, "underlag": 3, "uppfyllt": "Nej"}
    assert rad.typ == TAL
    assert rad.underlag == {"utfall": 3}
    assert rad.nyckel == f"{veckodata.pk}:aktivitet_per_vecka:coachsamtal"
    assert rad.etikett == "Coachsamtal per deltagare och vecka"


def test_gruppaktivitet_counts_attendance(forbund, veckodata):
    Mal.objects.create(
        insats=veckodata, typ="aktivitet_per_vecka", malvarde=0.5, aktivitetstyp="gruppaktivitet"
    )

    rad = en_rad(forbund, FYRA_VECKOR, veckodata)

    # One activity row + attendance of e1 and e3 on the 10th + e2 on the 20th = 4 over 7 weeks.
    assert rad.varden == {"mal": 0.5, "utfall": 0.6, "underlag": 3, "uppfyllt": "Ja"}


def test_nothing_to_measure_is_a_dash(forbund, insats):
    Mal.objects.create(insats=insats, typ="nasta_steg", malvarde=80)
    Mal.objects.create(
        insats=insats, typ="aktivitet_per_vecka", malvarde=1, aktivitetstyp="coachsamtal"
    )
    Mal.objects.create(insats=insats, typ="handlingsplan", malvarde=80, dagar=180)

    tabell = malupfyllelse(forbund=forbund, period=Q1, insats=insats)

    assert [r.varden["utfall"] for r in tabell.rader] == [None, None, None]
    assert [r.varden["uppfyllt"] for r in tabell.rader] == ["–", "–", "–"]
    assert [r.varden["underlag"] for r in tabell.rader] == [0, 0, 0]


def test_table_of_the_whole_forbund(forbund, annat_forbund, insats):
    b = InsatsFactory(forbund=forbund, namn="Betainsatsen")
    annan = InsatsFactory(forbund=annat_forbund, namn="Annan")
    Mal.objects.create(insats=insats, typ="nasta_steg", malvarde=80)
    Mal.objects.create(insats=b, typ="deltagare_per_ar", malvarde=10)
    Mal.objects.create(insats=annan, typ="nasta_steg", malvarde=80)

    hela = malupfyllelse(forbund=forbund, period=Q1)
    en = malupfyllelse(forbund=forbund, period=Q1, insats=b)

    assert hela.nyckel == "mal"
    assert hela.radsumma is None and hela.summa is None
    assert [k.nyckel for k in hela.kolumner] == ["mal", "utfall", "underlag", "uppfyllt"]
    assert [r.etikett for r in hela.rader] == [
        "Betainsatsen: Nya deltagare per år (målet pro rata för perioden)",
        "Insats A: Andel avslut med dokumenterat nästa steg",
    ]
    assert [r.nyckel for r in en.rader] == [f"{b.pk}:deltagare_per_ar:"]
    assert en.rader[0].etikett == "Nya deltagare per år (målet pro rata för perioden)"
    assert "pro rata" in hela.beskrivning


def _antal_fragor(forbund):
    with CaptureQueriesContext(connection) as ctx:
        malupfyllelse(forbund=forbund, period=FYRA_VECKOR)
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_the_data(forbund, insats, personal):
    for typ, extra in [
        ("nasta_steg", {}),
        ("arbete_studier", {}),
        ("handlingsplan", {"dagar": 30}),
        ("deltagare_per_ar", {}),
        ("aktivitet_per_vecka", {"aktivitetstyp": "gruppaktivitet"}),
    ]:
        Mal.objects.create(insats=insats, typ=typ, malvarde=50, **extra)

    def data():
        e = inskriv(insats, D(2024, 12, 20))
        plan(e, lokal(2025, 1, 2))
        aktivitet(e, "gruppaktivitet", D(2025, 1, 3), personal)
        grupp(insats, D(2025, 1, 4), [(e, True)], personal)
        inskriv(insats, D(2024, 12, 1), slut=D(2025, 1, 10))

    data()
    fore = _antal_fragor(forbund)
    data()
    data()
    assert _antal_fragor(forbund) == fore
    assert (
        malupfyllelse(forbund=forbund, period=FYRA_VECKOR)
        .rad(f"{insats.pk}:nasta_steg:")
        .varden["underlag"]
        == 3
    )


def test_query_count_does_not_grow_with_the_insatser(forbund, insats, personal):
    """Each measure is read once for every insats with a goal of it, and once more
    only per distinct deadline of the plan goals; the figures stay each insats's own."""
    goals = [
        ("nasta_steg", {}),
        ("arbete_studier", {}),
        ("handlingsplan", {"dagar": 30}),
        ("deltagare_per_ar", {}),
        ("aktivitet_per_vecka", {"aktivitetstyp": "gruppaktivitet"}),
        ("aktivitet_per_vecka", {"aktivitetstyp": "coachsamtal"}),
    ]
    for typ, extra in goals:
        Mal.objects.create(insats=insats, typ=typ, malvarde=50, **extra)
    e = inskriv(insats, D(2024, 12, 20))
    aktivitet(e, "coachsamtal", D(2025, 1, 3), personal)
    fore = _antal_fragor(forbund)

    andra = [InsatsFactory(forbund=forbund, namn=f"Insats {n}") for n in "BCD"]
    for i, annan in enumerate(andra):
        for typ, extra in goals:
            Mal.objects.create(insats=annan, typ=typ, malvarde=50, **extra)
        for _ in range(i + 1):
            grupp(annan, D(2025, 1, 5), [(inskriv(annan, D(2024, 12, 1)), True)], personal)

    assert _antal_fragor(forbund) == fore
    tabell = malupfyllelse(forbund=forbund, period=FYRA_VECKOR)
    grupp_mal = {r.nyckel: r.varden for r in tabell.rader if r.nyckel.endswith("gruppaktivitet")}
    # One attendance per active enrolment over the same four weeks: the same rate
    # wherever the insats has any, and none mixed in from another insats.
    assert grupp_mal[f"{insats.pk}:aktivitet_per_vecka:gruppaktivitet"]["utfall"] == 0
    rater = {grupp_mal[f"{a.pk}:aktivitet_per_vecka:gruppaktivitet"]["utfall"] for a in andra}
    assert len(rater) == 1 and rater != {0}
    coach = tabell.rad(f"{insats.pk}:aktivitet_per_vecka:coachsamtal").varden
    assert coach["underlag"] == 1 and coach["utfall"] > 0
    assert tabell.rad(f"{andra[2].pk}:deltagare_per_ar:").varden["utfall"] == 0
    assert tabell.rad(f"{andra[2].pk}:aktivitet_per_vecka:coachsamtal").varden["utfall"] == 0

    Mal.objects.filter(insats=andra[0], typ="handlingsplan").update(dagar=60)
    assert _antal_fragor(forbund) == fore + 1
