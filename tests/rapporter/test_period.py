import datetime

import pytest

from rapporter.forms.rapport import periodval
from rapporter.period import Period


@pytest.mark.parametrize(
    "kod, start, slut",
    [
        ("2026-Q1", (2026, 1, 1), (2026, 3, 31)),
        ("2026-Q3", (2026, 7, 1), (2026, 9, 30)),
        ("2024-Q4", (2024, 10, 1), (2024, 12, 31)),
        ("2026-H1", (2026, 1, 1), (2026, 6, 30)),
        ("2026-h2", (2026, 7, 1), (2026, 12, 31)),
        ("2026", (2026, 1, 1), (2026, 12, 31)),
    ],
)
def test_codes(kod, start, slut):
    p = Period.fran_kod(kod)
    assert (p.start, p.slut) == (datetime.date(*start), datetime.date(*slut))
    assert Period.fran_kod(p.kod) == p


@pytest.mark.parametrize(
    "kod", ["", "2026-Q5", "2026-Q0", "2026-H3", "26-Q1", "1999", "x", "2026-Q1x"]
)
def test_bad_codes_are_refused_in_swedish(kod):
    with pytest.raises(ValueError):
        Period.fran_kod(kod)


def test_latest_complete_quarter():
    assert Period.senaste_hela_kvartal(datetime.date(2026, 11, 22)).kod == "2026-Q3"
    assert Period.senaste_hela_kvartal(datetime.date(2026, 1, 1)).kod == "2025-Q4"
    assert Period.senaste_hela_kvartal(datetime.date(2026, 3, 31)).kod == "2025-Q4"
    assert Period.senaste_hela_kvartal(datetime.date(2026, 4, 1)).kod == "2026-Q1"


def test_leap_year_and_length():
    assert Period.kvartal(2024, 1).dagar == 91
    assert Period.helar(2024).dagar == 366
    with pytest.raises(ValueError):
        Period(datetime.date(2026, 2, 1), datetime.date(2026, 1, 1))


def test_choices_offer_only_finished_periods_for_reports():
    idag = datetime.date(2026, 11, 22)
    koder = [k for k, _ in periodval(idag, med_egen=False, bara_avslutade=True)]
    assert koder[0] == "2026-Q3" and "2026-Q4" not in koder
    assert "2026-H1" in koder and "2026-H2" not in koder and "2026" not in koder
    assert "2025" in koder
    alla = [k for k, _ in periodval(idag)]
    assert alla[0] == "2026-Q4" and alla[-1] == "egen"
