"""The board report's first page: a summary a board member reads in a minute (key
figures with the change from the previous period, goals, economy), then a table of
contents of the appendix with page numbers."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from rapporter.period import Period
from rapporter.sammanstallning import sammanstall, skapa_pdf
from rapporter.tabell import Dold
from rapporter.templatetags.rapporter import formatera
from tests.rapporter.test_rapport import Q4, inskriv


@pytest.fixture
def data(insats):
    """As in test_rapport: 7 women from September, 6 men August to mid-November, and
    one "annat" from October (Q4 2025: 14 active, 1 new, 6 exited)."""
    for n in range(7):
        inskriv(insats, kon="kvinna", start=datetime.date(2025, 9, 1), namn=f"Kvinna{n}")
    for n in range(6):
        slut = datetime.date(2025, 11, 15)
        inskriv(insats, kon="man", start=datetime.date(2025, 8, 1), slut=slut, namn=f"Man{n}")
    inskriv(insats, kon="annat", start=datetime.date(2025, 10, 3), namn="Ensam")
    return insats


def sidor(pdf: bytes) -> list[str]:
    return [p.extract_text().replace("\xa0", " ") for p in PdfReader(io.BytesIO(pdf)).pages]


def test_the_previous_period_has_the_same_length():
    assert Period.kvartal(2026, 1).foregaende() == Period.kvartal(2025, 4)
    assert Period.kvartal(2026, 3).foregaende() == Period.kvartal(2026, 2)
    assert Period.halvar(2026, 1).foregaende() == Period.halvar(2025, 2)
    assert Period.halvar(2026, 2).foregaende() == Period.halvar(2026, 1)
    assert Period.helar(2026).foregaende() == Period.helar(2025)
    egen = Period(datetime.date(2026, 3, 1), datetime.date(2026, 3, 10))
    assert egen.foregaende() == Period(datetime.date(2026, 2, 19), datetime.date(2026, 2, 28))


@pytest.mark.django_db
def test_the_summary_page_carries_the_statistics_page_figures(client, styrelse, forbund, data):
    # Q4 2025: 7 women and 6 men active, one "annat" who is also the only new one.
    # Q3 2025: the same 7 women and 6 men, all new.
    client.force_login(styrelse)
    sida = client.get(reverse("rapporter:statistik"), {"period": Q4.kod})
    assert sida.status_code == 200
    oversikt = sida.context["s"].tabell("oversikt")
    sidor_ = sidor(skapa_pdf(forbund=forbund, period=Q4, typ_namn="Kvartalsrapport"))
    forsta = sidor_[0]

    assert "Kvartalsrapport" in forsta and "Sammanfattning" in forsta
    for nyckel, etikett in (
        ("aktiva", "Aktiva deltagare"),
        ("nya", "Nya deltagare"),
        ("avslutade", "Avslutade"),
    ):
        varde = formatera(oversikt.rad(nyckel).varden["totalt"], "antal")
        assert re.search(rf"{re.escape(varde)}\s*{etikett}", forsta), (nyckel, forsta)

    # Aktiva: 14, of which 7 women; the men's 6 is hidden with the single "annat", and
    # shown as what 14 − 7 − "<5" tells anyway: 3–6. The previous quarter had 13.
    assert re.search(
        r"14\s*Aktiva deltagare\s*Kvinnor 7, män 3–6\s*Förra perioden 13 \(förändring \+1\)",
        forsta,
    ), forsta
    # The same interval in the table itself.
    assert str(oversikt.rad("aktiva").varden["man"]) == "3–6"
    # Nya: one person, so "<5", and the change from 13 cannot be shown either.
    assert re.search(
        r"<5\s*Nya deltagare\s*Kvinnor 0, män 0\s*Förra perioden 13 \(förändring \.\.\)", forsta
    ), forsta
    assert re.search(r"6\s*Avslutade\s*Kvinnor 0, män 6\s*Förra perioden 0", forsta), forsta
    assert "kvartal 3 2025" in forsta
    # Never an exact small count in board material: not the 1 new, not the 1 "annat".
    assert not re.search(r"\b1\s*Nya deltagare", forsta)
    assert "förändring +1)" in forsta and "förändring −12" not in forsta
    # Goals and economy on the same page.
    assert "Måluppfyllelse" in forsta and "Uppfyllda mål" in forsta
    assert "Ekonomi 2025" in forsta and "Beviljat" in forsta and "Prognos helår" in forsta

    # The table of contents lists every appendix section with the page it starts on.
    innehall = sidor_[1]
    assert "Innehåll" in innehall
    s = sammanstall(forbund=forbund, period=Q4)
    rubriker = [a.rubrik for a in s.avsnitt] + ["Samverkan och planering"]
    for rubrik in rubriker:
        traff = re.search(rf"{re.escape(rubrik)}[\s.]*?(\d+)\s*$", innehall, re.MULTILINE)
        assert traff, (rubrik, innehall)
        sidnummer = int(traff.group(1))
        assert sidnummer > 2
        assert rubrik in sidor_[sidnummer - 1], (rubrik, sidnummer)


@pytest.mark.django_db
def test_the_summary_never_shows_what_the_tables_hide(forbund, insats):
    # A quarter of few: every count small, in both periods.
    inskriv(insats, kon="kvinna", start=datetime.date(2025, 10, 2), namn="Ena")
    inskriv(insats, kon="man", start=datetime.date(2025, 8, 2), namn="Andra")
    s = sammanstall(forbund=forbund, period=Q4, jamfor=True)
    for n in s.nyckeltal[:3]:
        for varde in (n.varde, n.kvinnor, n.man, n.forra):
            assert isinstance(varde, Dold) or varde == 0, (n.rubrik, varde)
        assert n.forandring is None or isinstance(n.forandring, Dold) or n.forandring == 0
    assert s.nyckeltal[0].text == "<5"


@pytest.mark.django_db
def test_the_comparison_costs_a_fixed_number_of_queries(
    forbund, data, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as utan:
        sammanstall(forbund=forbund, period=Q4)
    with django_assert_max_num_queries(len(utan) + 2):
        s = sammanstall(forbund=forbund, period=Q4, jamfor=True)
    assert s.forra_period == Period.kvartal(2025, 3)
    for n in range(5):
        inskriv(data, start=datetime.date(2025, 7, 1 + n), namn=f"Fler{n}")
    with django_assert_max_num_queries(len(utan) + 2):
        sammanstall(forbund=forbund, period=Q4, jamfor=True)
