"""Avsnitt "deltagare" on a small dataset worked out by hand.

Period: Q1 2026. Active enrolments (k = kvinna, m = man, a = annat):

    A  k  born 1990-06-15  enrolled 2025-11-10, ongoing          age 35   kommun 9999
    B  m  born 2000-01-01  enrolled 2026-03-31 (last day)        age 26   kommun 9902
    C  k  born 1970-03-01  enrolled 2025-05-01, exit 2026-01-01  age 55   kommun 9950
    E  k  anonymous        enrolled 2026-01-01                   age ?    kommun ?
    F1 a  born 1985-08-20  enrolled 2025-09-01, exit 2026-02-15  age 40   kommun ?
    F2 a  (same person)    enrolled 2026-03-01                   age 40   kommun ?
    K  m  born 1996-03-31  enrolled 2026-03-30 (a day before 30) age 29   kommun 9999

Not counted: D exited 2025-12-31 (the day before), G enrolled 2026-04-01 (the day
after), H never enrolled, I felregistrering, and an enrolment in another förbund.
"""

import datetime

import pytest

from rapporter.period import Period
from rapporter.selectors.statistik import statistik
from tests.factories import InsatsFactory, OrganisationFactory
from tests.rapporter.conftest import celler, tabell

D = datetime.date
Q1 = Period.kvartal(2026, 1)


@pytest.fixture
def data(bygg, forbund, organisation, annat_forbund):
    organisation.kommunkod = "9999"
    organisation.save()
    berga = OrganisationFactory(forbund=forbund, namn="Berga kommun", kommunkod="9902")
    af = OrganisationFactory(forbund=forbund, namn="AF Test", typ="af", kommunkod="")
    OrganisationFactory(forbund=forbund, namn="Gammal kommun", kommunkod="9903", aktiv=False)
    # Another förbund names a kommun with C's code: its name must not be used.
    OrganisationFactory(forbund=annat_forbund, namn="Fel kommun", kommunkod="9950")

    a = bygg.inskrivning(
        inskriven=D(2025, 11, 10),
        kon="kvinna",
        fodd=D(1990, 6, 15),
        kommun="9999",
        remittent=organisation,
    )
    b = bygg.inskrivning(
        inskriven=D(2026, 3, 31), kon="man", fodd=D(2000, 1, 1), kommun="9902", remittent=af
    )
    c = bygg.inskrivning(inskriven=D(2025, 5, 1), kon="kvinna", fodd=D(1970, 3, 1), kommun="9950")
    bygg.avslut(c, D(2026, 1, 1))
    e = bygg.inskrivning(inskriven=D(2026, 1, 1), kon="kvinna", anonym=True)
    f1 = bygg.inskrivning(
        inskriven=D(2025, 9, 1), kon="annat", fodd=D(1985, 8, 20), remittent=organisation
    )
    bygg.avslut(f1, D(2026, 2, 15))
    f2 = bygg.inskrivning(inskriven=D(2026, 3, 1), deltagare=f1.deltagare, remittent=berga)
    k = bygg.inskrivning(inskriven=D(2026, 3, 30), kon="man", fodd=D(1996, 3, 31), kommun="9999")

    bygg.sus(a, tid_offentlig="under_1", aktuell=["af", "fk"])
    bygg.sus(b, utbildning="forgymnasial", tid_offentlig="1_2", aktuell=["af"])
    bygg.sus(
        c,
        utbildning="eftergymnasial_lang",
        tid_offentlig="over_5",
        aktuell=["socialtjanst", "halso_sjukvard"],
    )
    # Only the start counts: C's education at exit is ignored.
    bygg.sus(c, "avslut", utbildning="eftergymnasial_kort")
    bygg.sus(f1, utbildning="okand", tid_offentlig="2_5", aktuell=["af", "halso_sjukvard"])
    bygg.sus(f2, tid_offentlig="2_5")

    # Not counted.
    d = bygg.inskrivning(inskriven=D(2025, 2, 1), kon="man", kommun="9999", remittent=af)
    bygg.sus(d, aktuell=["af"])
    bygg.avslut(d, D(2025, 12, 31))
    bygg.inskrivning(inskriven=D(2026, 4, 1), kon="kvinna")
    bygg.inskrivning(inskriven=None, kon="kvinna")
    i = bygg.inskrivning(inskriven=D(2026, 1, 10), kon="man", remittent=af)
    bygg.sus(i, aktuell=["af"])
    bygg.avslut(i, D(2026, 2, 1), vag_ut="felregistrering")
    bygg.inskrivning(inskriven=D(2026, 1, 10), insats=InsatsFactory(forbund=annat_forbund))
    return {"a": a, "e": e, "k": k, "berga": berga, "af": af, "organisation": organisation}


def test_oversikt_counts_enrolments_and_persons(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "oversikt")
    assert celler(t, "aktiva") == (3, 2, 2, 7)
    assert celler(t, "aktiva_personer") == (3, 2, 1, 6)
    assert celler(t, "nya") == (1, 2, 1, 4)
    assert celler(t, "nya_personer") == (1, 2, 1, 4)
    assert celler(t, "avslutade") == (1, 0, 1, 2)
    assert celler(t, "avslutade_personer") == (1, 0, 1, 2)
    assert t.summa is None


def test_alder_in_default_bands(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "alder")
    assert [r.nyckel for r in t.rader] == [
        "16_19",
        "20_24",
        "25_29",
        "30_39",
        "40_49",
        "50_64",
        "65_",
        "utanfor",
        "okand",
    ]
    assert celler(t, "25_29") == (0, 2, 0, 2)  # B, and K a day before turning 30
    assert celler(t, "30_39") == (1, 0, 0, 1)
    assert celler(t, "40_49") == (0, 0, 2, 2)  # one person, two enrolments
    assert celler(t, "50_64") == (1, 0, 0, 1)
    assert celler(t, "okand") == (1, 0, 0, 1)  # anonymous
    assert celler(t, "16_19") == celler(t, "65_") == celler(t, "utanfor") == (0, 0, 0, 0)
    assert celler(t, "summa") == (3, 2, 2, 7)
    assert t.rad("65_").etikett == "65 år och äldre"
    assert t.rad("25_29").etikett == "25–29 år"


def test_alder_in_the_insats_own_bands(data, forbund, insats):
    insats.aldersband = [[16, 25], [26, 35]]
    insats.save()
    t = tabell(statistik(forbund=forbund, period=Q1, insats=insats), "alder")
    assert [r.nyckel for r in t.rader] == ["16_25", "26_35", "utanfor", "okand"]
    assert celler(t, "26_35") == (1, 2, 0, 3)
    assert celler(t, "utanfor") == (1, 0, 2, 3)
    assert celler(t, "okand") == (1, 0, 0, 1)
    # The whole förbund has several insatser: the default bands.
    t = tabell(statistik(forbund=forbund, period=Q1), "alder")
    assert t.rader[0].nyckel == "16_19"


def test_kommun_named_by_the_forbund_kommun(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "kommun")
    assert [(r.nyckel, r.etikett) for r in t.rader] == [
        ("9950", "9950"),
        ("9902", "Berga kommun"),
        ("9999", "Kommun A"),
        ("okand", "Okänd"),
    ]
    assert celler(t, "9950") == (1, 0, 0, 1)
    assert celler(t, "9902") == (0, 1, 0, 1)
    assert celler(t, "9999") == (1, 1, 0, 2)
    assert celler(t, "okand") == (1, 0, 2, 3)  # anonymous E, and F without a kommun
    assert celler(t, "summa") == (3, 2, 2, 7)


def test_remittent_per_organisation_of_the_forbund(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "remittent")
    af, berga, kommun_a = data["af"], data["berga"], data["organisation"]
    # Every active organisation, in the förbund's order; the inactive one had none.
    assert [r.nyckel for r in t.rader] == [
        str(af.uuid),
        str(berga.uuid),
        str(kommun_a.uuid),
        "ingen",
    ]
    assert t.rader[0].etikett == "AF Test"
    assert celler(t, str(af.uuid)) == (0, 1, 0, 1)
    assert celler(t, str(berga.uuid)) == (0, 0, 1, 1)
    assert celler(t, str(kommun_a.uuid)) == (1, 0, 1, 2)
    assert celler(t, "ingen") == (2, 1, 0, 3)
    assert celler(t, "summa") == (3, 2, 2, 7)


def test_utbildning_at_start(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "utbildning")
    assert [r.nyckel for r in t.rader] == [
        "forgymnasial",
        "gymnasial_ej_fullstandig",
        "gymnasial_fullstandig",
        "eftergymnasial_kort",
        "eftergymnasial_lang",
        "okand",
        "ej_registrerad",
    ]
    assert celler(t, "forgymnasial") == (0, 1, 0, 1)
    assert celler(t, "gymnasial_fullstandig") == (1, 0, 1, 2)
    assert celler(t, "eftergymnasial_kort") == (0, 0, 0, 0)
    assert celler(t, "eftergymnasial_lang") == (1, 0, 0, 1)
    assert celler(t, "okand") == (0, 0, 1, 1)
    assert celler(t, "ej_registrerad") == (1, 1, 0, 2)  # E and K have no SUS
    assert celler(t, "summa") == (3, 2, 2, 7)


def test_tid_offentlig_at_start(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "tid_offentlig")
    assert [r.nyckel for r in t.rader] == [
        "under_1",
        "1_2",
        "2_5",
        "over_5",
        "okand",
        "ej_registrerad",
    ]
    assert celler(t, "under_1") == (1, 0, 0, 1)
    assert celler(t, "1_2") == (0, 1, 0, 1)
    assert celler(t, "2_5") == (0, 0, 2, 2)
    assert celler(t, "over_5") == (1, 0, 0, 1)
    assert celler(t, "ej_registrerad") == (1, 1, 0, 2)
    assert celler(t, "summa") == (3, 2, 2, 7)


def test_myndigheter_several_per_person(data, forbund):
    t = tabell(statistik(forbund=forbund, period=Q1), "myndigheter")
    assert [r.nyckel for r in t.rader] == ["af", "fk", "socialtjanst", "halso_sjukvard"]
    assert celler(t, "af") == (1, 1, 1, 3)
    assert celler(t, "fk") == (1, 0, 0, 1)
    assert celler(t, "socialtjanst") == (1, 0, 0, 1)
    assert celler(t, "halso_sjukvard") == (1, 0, 1, 2)
    assert t.summa is None


def test_period_boundaries_move_enrolments_between_quarters(data, forbund):
    """Q2: C and F1 (exited in Q1) are gone; the one enrolled on 1 April is new."""
    t = tabell(statistik(forbund=forbund, period=Period.kvartal(2026, 2)), "oversikt")
    assert celler(t, "aktiva") == (3, 2, 1, 6)  # A, E, G; B, K; F2
    assert celler(t, "nya") == (1, 0, 0, 1)
    assert celler(t, "avslutade") == (0, 0, 0, 0)
    # Q4 2025: D exited on its last day; A, C, F1 active; nobody enrolled after.
    t = tabell(statistik(forbund=forbund, period=Period.kvartal(2025, 4)), "oversikt")
    assert celler(t, "aktiva") == (2, 1, 1, 4)
    assert celler(t, "avslutade") == (0, 1, 0, 1)
