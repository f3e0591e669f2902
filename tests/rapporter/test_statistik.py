"""statistik(): the shape the page, PDF and exports rely on, which insatser and förbund
it reads, felregistrering left out everywhere, and a query count that does not grow
with the data. The figures themselves: test_statistik_<avsnitt>.py."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rapporter.period import Period
from rapporter.selectors.statistik import statistik
from rapporter.tabell import KON_NYCKLAR
from tests.factories import InsatsFactory, OrganisationFactory
from tests.rapporter.conftest import celler, fyll, tabell

D = datetime.date
Q1 = Period.kvartal(2026, 1)
KON = [*KON_NYCKLAR, "totalt"]

FORMEN = {
    "deltagare": [
        "oversikt",
        "alder",
        "kommun",
        "remittent",
        "utbildning",
        "tid_offentlig",
        "myndigheter",
    ],
    "forsorjning": [
        "forsorjning_start",
        "forsorjning_avslut",
        "forsorjning_forandring",
        "forsorjning_vag_ut",
        "sysselsattning_start",
        "sysselsattning_avslut",
        "sysselsattning_okad",
    ],
    "avslut": ["vag_ut", "arbete_studier", "ansvarig_efter", "dagar_i_insats"],
    "remisser": ["remisser_beslut", "svarstid"],
    "kartlaggning": ["status", "aktivitetstyp"],
    "uppfoljning": ["uppfoljning", "uppfoljning_status"],
}
MED_SUMMA = {
    "alder",
    "kommun",
    "remittent",
    "utbildning",
    "tid_offentlig",
    "sysselsattning_start",
    "sysselsattning_avslut",
    "vag_ut",
    "ansvarig_efter",
    "uppfoljning",
}


def ogonblick(avsnitt) -> dict:
    """Every cell of every table, with what ANDEL and DAGAR rest on."""
    return {
        (t.nyckel, r.nyckel): (r.varden, r.underlag, r.taljare)
        for a in avsnitt
        for t in a.tabeller
        for r in t.alla_rader()
    }


def test_sections_tables_and_rows_on_no_data(forbund, insats):
    avsnitt = statistik(forbund=forbund, period=Q1)
    assert {a.nyckel: [t.nyckel for t in a.tabeller] for a in avsnitt} == FORMEN
    assert [a.nyckel for a in avsnitt] == list(FORMEN)
    for a in avsnitt:
        assert a.rubrik
        for t in a.tabeller:
            assert t.rubrik and t.radrubrik and t.rader
            assert (t.summa is not None) == (t.nyckel in MED_SUMMA), t.nyckel
            assert all(r.nyckel and r.etikett for r in t.alla_rader()), t.nyckel
            if t.nyckel not in ("forsorjning_forandring", "forsorjning_vag_ut"):
                assert [k.nyckel for k in t.kolumner] == KON
                assert t.radsumma == "totalt"
            for r in t.alla_rader():
                assert set(r.varden) == {k.nyckel for k in t.kolumner}
                # Nothing counted: zero counts, and no median or share.
                assert all(v in (0, None) for v in r.varden.values()), (t.nyckel, r.nyckel)
    # Stable shape: every code is a row even with nothing in it.
    assert len(tabell(avsnitt, "vag_ut").rader) == 10
    assert len(tabell(avsnitt, "forsorjning_start").rader) == 14
    assert [r.nyckel for r in tabell(avsnitt, "kommun").rader] == ["okand"]
    assert tabell(avsnitt, "dagar_i_insats").rad("median").varden["totalt"] is None
    assert tabell(avsnitt, "arbete_studier").rad("andel").varden["totalt"] is None


def test_an_insats_of_another_forbund_is_refused(forbund, annan_insats):
    with pytest.raises(ValueError):
        statistik(forbund=forbund, period=Q1, insats=annan_insats)


def test_one_insats_or_every_individinriktad_insats(bygg, forbund, insats, annat_forbund):
    andra = InsatsFactory(forbund=forbund)
    struktur = InsatsFactory(forbund=forbund, typ="struktur")
    annan = InsatsFactory(forbund=annat_forbund)
    person = bygg.inskrivning(inskriven=D(2026, 1, 10), kon="kvinna")
    bygg.inskrivning(inskriven=D(2026, 1, 10), deltagare=person.deltagare, insats=andra)
    bygg.inskrivning(inskriven=D(2026, 1, 10), kon="man", insats=andra)
    bygg.inskrivning(inskriven=D(2026, 1, 10), kon="annat", insats=struktur)
    bygg.inskrivning(inskriven=D(2026, 1, 10), kon="kvinna", insats=annan)

    def oversikt(**kw):
        return tabell(statistik(forbund=forbund, period=Q1, **kw), "oversikt")

    alla = oversikt()
    assert celler(alla, "aktiva") == (2, 1, 0, 3)
    assert celler(alla, "aktiva_personer") == (1, 1, 0, 2)
    assert celler(oversikt(insats=insats), "aktiva") == (1, 0, 0, 1)
    assert celler(oversikt(insats=andra), "aktiva") == (1, 1, 0, 2)
    assert celler(oversikt(insats=struktur), "aktiva") == (0, 0, 1, 1)


def test_another_forbund_is_never_counted(bygg, forbund, insats, annat_forbund):
    """All of another förbund's data, with its own kommun named like ours: every figure
    of ours stays as it was."""
    fyll(bygg)
    fore = ogonblick(statistik(forbund=forbund, period=Q1))
    OrganisationFactory(forbund=annat_forbund, namn="B-kommun", kommunkod="9999")
    fyll(bygg, insats=InsatsFactory(forbund=annat_forbund))
    assert ogonblick(statistik(forbund=forbund, period=Q1)) == fore
    assert tabell(statistik(forbund=forbund, period=Q1), "kommun").rad("9999").etikett == (
        "Kommun A"
    )


def _ett_av_allt(bygg, vag_ut):
    """One enrolment with a record of every kind, exited in Q1 with `vag_ut`."""
    i = bygg.inskrivning(inskriven=D(2025, 12, 1), kon="man", kommun="9999")
    bygg.sus(i, "start", forsorjning=["sjukpenning"], aktuell=["af", "fk"])
    bygg.sus(i, "avslut", forsorjning=["lon"], sysselsattning="forvarvsarbete", procent=100)
    bygg.kartlaggning(i, klar=D(2026, 1, 10))
    bygg.samtal(i, D(2026, 1, 5))
    bygg.handlingsplan(i, D(2026, 1, 12))
    bygg.aktivitet(i, "coachsamtal", D(2026, 1, 20))
    bygg.gruppaktivitet(D(2026, 1, 21), {i: True})
    bygg.avslut(i, D(2026, 2, 1), vag_ut=vag_ut)
    bygg.uppfoljning(i, planerad=D(2026, 3, 1), genomford=D(2026, 3, 2), utfall="arbete")


def test_felregistrering_is_left_out_of_every_figure(bygg, forbund):
    fyll(bygg)
    fore = ogonblick(statistik(forbund=forbund, period=Q1))
    _ett_av_allt(bygg, "felregistrering")
    assert ogonblick(statistik(forbund=forbund, period=Q1)) == fore
    # The same enrolment with a real way out does change the figures.
    _ett_av_allt(bygg, "arbete")
    efter = ogonblick(statistik(forbund=forbund, period=Q1))
    andrade = {nyckel[0] for nyckel in efter if efter[nyckel] != fore[nyckel]}
    assert andrade == {n for a, tabeller in FORMEN.items() if a != "remisser" for n in tabeller}


def _antal_fragor(forbund, **kw) -> int:
    with CaptureQueriesContext(connection) as fragor:
        statistik(forbund=forbund, period=Q1, **kw)
    return len(fragor)


def test_the_number_of_queries_does_not_grow_with_the_data(bygg, forbund, insats):
    andra = InsatsFactory(forbund=forbund)
    fyll(bygg)
    fyll(bygg, insats=andra)
    antal = _antal_fragor(forbund)
    en_insats = _antal_fragor(forbund, insats=insats)
    aktiva = celler(tabell(statistik(forbund=forbund, period=Q1), "oversikt"), "aktiva")
    fyll(bygg)
    fyll(bygg, insats=andra)
    assert _antal_fragor(forbund) == antal
    assert _antal_fragor(forbund, insats=insats) == en_insats
    # The data did double.
    efter = celler(tabell(statistik(forbund=forbund, period=Q1), "oversikt"), "aktiva")
    assert efter == tuple(2 * n for n in aktiva)
    # About one query per table, and nothing per row.
    assert antal <= 25
