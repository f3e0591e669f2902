"""A board member logs in, downloads the latest quarterly report, and the report's
figure for active participants is the one the statistics page shows. axe checks
every page on the way."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from demo.forbund import DEMO_PASSWORD
from rapporter.period import Period

pytestmark = pytest.mark.e2e


def test_board_member_downloads_the_latest_quarterly_report(page, logga_in, axe_check):
    logga_in(page, "styrelse@exempeldalen.example", DEMO_PASSWORD)
    axe_check(page)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Rapporter").click()
    page.wait_for_url(re.compile(r"/rapporter/$"))
    axe_check(page)

    kvartal = Period.senaste_hela_kvartal(datetime.date.today())
    rad = (
        page.locator("table tbody tr", has_text=f"{kvartal.start:%Y-%m-%d}")
        .filter(has_text="Kvartalsrapport")
        .filter(has_text="Hela förbundet")
    )
    with page.expect_download() as nedladdning:
        rad.first.get_by_role("link", name=re.compile("Ladda ner PDF")).click()
    with open(nedladdning.value.path(), "rb") as fil:
        data = fil.read()
    assert data.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Kvartalsrapport" in text and kvartal.namn in text

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Statistik").click()
    page.get_by_role("combobox", name="Period").select_option(kvartal.kod)
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url(re.compile(r"period="))
    axe_check(page)
    tabell = page.locator("#tabell-oversikt table")
    aktiva = tabell.locator("tbody tr").first.locator("td").last.inner_text().strip()
    assert aktiva and aktiva != "0"
    # The summary on page two of the report carries the same figure.
    assert re.search(rf"{re.escape(aktiva)}\s*Aktiva deltagare", text), (aktiva, text[:2000])
