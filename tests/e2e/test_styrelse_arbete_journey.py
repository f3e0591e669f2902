"""The board's work end to end: a handläggare applies for funds, the office
prepares it and puts it on a new meeting's agenda, the meeting grants it, the
justerare justerar, the office publishes the protocol, a board member downloads
it, and the granted funds show in Uppföljning Finsam. axe on every page."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from demo.forbund import DEMO_PASSWORD
from tests.e2e.conftest import latest_login_code

pytestmark = pytest.mark.e2e

HANDLAGGARE = "handlaggare@exempeldalen.example"
NAMN = "Vägen vidare i dalen"


def _meny(page, namn):
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name=namn).click()


def _sektion(page, axe_check, lank, falt, knapp="Spara"):
    page.get_by_role("link", name=lank, exact=True).click()
    axe_check(page)
    for etikett, varde in falt.items():
        if isinstance(varde, bool):
            page.get_by_label(etikett, exact=True).check()
        else:
            page.get_by_label(etikett, exact=True).fill(varde)
    page.get_by_role("button", name=knapp).click()
    page.wait_for_url(re.compile(r"/styrelse/ansokningar/[0-9a-f-]{36}/$"))
    axe_check(page)


def test_an_application_is_granted_and_the_protocol_published(
    page, browser, live_app, axe_check, logga_in
):
    idag = datetime.date.today()
    ar = idag.year

    # The applicant logs in by code and writes the application section by section.
    page.goto("/konto/login/")
    page.get_by_role("link", name="Handläggare: få en inloggningskod via e-post").click()
    page.get_by_label("E-post").fill(HANDLAGGARE)
    page.get_by_role("button", name=re.compile("Skicka|Begär|kod", re.I)).click()
    page.wait_for_url(re.compile(r"/konto/login/code/confirm/"))
    page.get_by_label("Kod").fill(latest_login_code(HANDLAGGARE))
    page.get_by_role("button", name=re.compile("Logga in|Bekräfta|Verifiera")).click()
    page.wait_for_url(re.compile(r"/$"))
    _meny(page, "Ansökningar")
    axe_check(page)
    page.get_by_role("link", name="Ny ansökan").click()
    axe_check(page)
    page.get_by_label("Typ av ansökan").select_option(label="Ny insats")
    page.get_by_label("Sökande organisation").select_option(label="Exempeldalens kommun")
    page.get_by_role("button", name="Skapa utkast").click()
    page.wait_for_url(re.compile(r"/styrelse/ansokningar/[0-9a-f-]{36}/$"))
    ansokan_url = page.url
    axe_check(page)

    _sektion(
        page,
        axe_check,
        "Sökande organisation",
        {"Organisationsnummer": "212000-0142", "Kontaktperson": "Hanna Handläggare"},
    )
    _sektion(
        page,
        axe_check,
        "Insatsen och perioden",
        {"Insatsens namn": NAMN, "Period från": f"{ar}-01-01", "Period till": f"{ar}-12-31"},
    )
    _sektion(
        page,
        axe_check,
        "Bakgrund, syfte och mål",
        {
            "Bakgrund och problembeskrivning": "Unga vuxna står utan stöd.",
            "Syfte": "Samordna stödet.",
            "Mål": "Fler i studier.",
        },
    )
    _sektion(page, axe_check, "Målgrupp", {"Målgrupp": "Unga vuxna 18–29 år."})
    _sektion(
        page,
        axe_check,
        "Genomförande och samverkan",
        {
            "Genomförande och samverkan": "Ett gemensamt team.",
            "Arbetsförmedlingen Exempeldalen": True,
            "Exempeldalens kommun": True,
        },
    )
    page.get_by_role("link", name="Budget", exact=True).click()
    axe_check(page)
    page.get_by_label("År (rad 1)").fill(str(ar))
    page.get_by_label("Personal (rad 1)").fill("140000")
    page.get_by_label("Lokal (rad 1)").fill("10000")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(ansokan_url)
    assert "150000" in page.content()  # the net cost, computed
    page.get_by_role("button", name="Skicka in ansökan").click()
    page.wait_for_url(ansokan_url)
    assert page.get_by_text("Ansökan är inskickad.").is_visible()
    axe_check(page)

    # The office prepares it, creates a meeting and puts it on the agenda.
    kansli = browser.new_context(base_url=live_app, locale="sv-SE").new_page()
    logga_in(kansli, "admin@exempeldalen.example", DEMO_PASSWORD)
    _meny(kansli, "Styrelsen")
    axe_check(kansli)
    kansli.goto(ansokan_url)
    kansli.get_by_role("link", name="Beredning").click()
    axe_check(kansli)
    kansli.get_by_label("Lokala samverkansgruppens ställningstagande").select_option(label="Ja")
    kansli.get_by_label("Datum").fill(idag.isoformat())
    kansli.get_by_role("button", name="Spara").click()
    kansli.wait_for_url(ansokan_url)

    _meny(kansli, "Styrelsen")
    kansli.get_by_role("link", name="Nytt sammanträde").click()
    axe_check(kansli)
    kansli.get_by_label("Datum").fill(idag.isoformat())
    kansli.get_by_label("Starttid").fill("09:00")
    kansli.get_by_label("Sluttid").fill("11:00")
    kansli.get_by_label("Plats").fill("Förbundets kansli")
    kansli.get_by_role("button", name="Spara").click()
    kansli.wait_for_url(re.compile(r"/styrelse/sammantraden/[0-9a-f-]{36}/$"))
    mote_url = kansli.url
    axe_check(kansli)
    for namn, roll, anvandare in (
        ("Olle Ordförande", "ordförande", None),
        ("Stig Styrelseledamot", "ledamot", "Stig Styrelseledamot"),
    ):
        kansli.get_by_role("link", name="Lägg till närvaro").click()
        axe_check(kansli)
        kansli.get_by_label("Namn").fill(namn)
        kansli.get_by_label("Roll").select_option(label=roll)
        kansli.get_by_label("Beslutande").check()
        if anvandare:
            kansli.get_by_label("Användare").select_option(label=anvandare)
            kansli.get_by_label("Justerare").check()
        kansli.get_by_role("button", name="Spara").click()
        kansli.wait_for_url(mote_url)
    kansli.get_by_role("link", name="Nytt ärende").click()
    axe_check(kansli)
    kansli.get_by_label("Rubrik").fill(f"Ansökan: {NAMN}")
    kansli.get_by_label("Ansökan", exact=True).select_option(label=NAMN)
    kansli.get_by_label("Förslag till beslut").fill("Förbundet föreslås bevilja ansökan.")
    kansli.get_by_role("button", name="Spara").click()
    kansli.wait_for_url(mote_url)

    # The meeting grants it; the protocol is drawn up.
    kansli.get_by_role("link", name=re.compile("Registrera beslut")).click()
    axe_check(kansli)
    kansli.get_by_label("Beslut").select_option(label="Bevilja")
    kansli.get_by_label("Att-satser").fill(f"bevilja 150 000 kronor för {NAMN} under {ar}.")
    kansli.get_by_label("Beviljat belopp per år").fill(f"{ar}: 150000")
    kansli.get_by_label("Period från").fill(f"{ar}-01-01")
    kansli.get_by_label("Period till").fill(f"{ar}-12-31")
    kansli.get_by_role("button", name="Spara").click()
    kansli.wait_for_url(mote_url)
    kansli.get_by_role("button", name="Upprätta protokoll").click()
    kansli.wait_for_url(mote_url)
    assert kansli.get_by_text("Protokollet är upprättat").is_visible()
    axe_check(kansli)

    # The justerare justerar in the app.
    ledamot = browser.new_context(base_url=live_app, locale="sv-SE").new_page()
    logga_in(ledamot, "styrelse@exempeldalen.example", DEMO_PASSWORD)
    ledamot.goto(mote_url)
    axe_check(ledamot)
    ledamot.get_by_role("button", name="Justera protokollet").click()
    ledamot.wait_for_url(mote_url)
    assert ledamot.get_by_text("Du har justerat protokollet.").is_visible()

    # The office publishes it.
    kansli.goto(mote_url)
    kansli.get_by_role("link", name="Publicera protokollet").click()
    axe_check(kansli)
    kansli.get_by_label("Anslaget sätts upp").fill(idag.isoformat())
    kansli.get_by_role("button", name="Publicera").click()
    kansli.wait_for_url(mote_url)
    axe_check(kansli)

    # A board member downloads it from the portal.
    _meny(ledamot, "Styrelsen")
    axe_check(ledamot)
    ledamot.goto(mote_url)
    with ledamot.expect_download() as nedladdning:
        ledamot.get_by_role("link", name="Protokoll, version 1").click()
    with open(nedladdning.value.path(), "rb") as fil:
        data = fil.read()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Bevis om anslag" in text and f"Ansökan: {NAMN}" in text
    assert "bevilja 150 000 kronor" in text

    # The insats's economy shows the grant.
    kansli.goto(f"/rapporter/uppfoljning-finsam/?ar={ar}")
    axe_check(kansli)
    rader = kansli.locator("tr", has_text=NAMN).filter(has_text=re.compile(r"150\s000"))
    assert rader.count() >= 1
