"""A coach takes a fictitious participant from aktualisering to avslut in the browser,
prints the handlingsplan, and axe checks every page on the way."""

import datetime
import re

import pytest

from demo.forbund import DEMO_PASSWORD
from samverkan.validators import luhn_ok

pytestmark = pytest.mark.e2e


def _personnummer(born: str) -> str:
    for check in range(10):
        if luhn_ok(f"{born[2:]}975{check}"):
            return f"{born}-975{check}"
    raise AssertionError


def _save(page):
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_load_state()


def test_coach_takes_a_participant_through_the_five_steps(page, axe_check, logga_in):
    year = datetime.date.today().year - 22
    logga_in(page, "coach@exempeldalen.example", DEMO_PASSWORD)

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Deltagare").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Mina deltagare"
    axe_check(page)

    # 1. Aktualisering
    page.get_by_role("link", name="Aktualisera ny deltagare").click()
    axe_check(page)
    page.get_by_label("Förnamn").fill("Elin")
    page.get_by_label("Efternamn").fill("Webbtestsson")
    page.get_by_label("Personnummer eller samordningsnummer").fill(_personnummer(f"{year}0612"))
    page.get_by_label("Kvinna").check()
    page.get_by_role("button", name="Aktualisera").click()
    page.wait_for_url(re.compile(r"/deltagare/[0-9a-f-]{36}/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Elin Webbtestsson"
    assert str(year) not in page.url
    axe_check(page)

    # Consent, then 2. inskrivning
    page.get_by_role("link", name="Registrera samtycke").click()
    axe_check(page)
    for label in ("Informationsutbyte inom insatsen", "Registrering för uppföljning",
                  "Uppföljning 12 månader efter avslut"):  # fmt: skip
        page.get_by_label(label).check()
    page.get_by_label("Muntligt, med vittne").check()
    page.get_by_label("Vittne (vid muntligt samtycke)").fill("Vilma Vittne")
    _save(page)
    assert page.get_by_text("Samtycket är registrerat.").is_visible()

    page.get_by_role("link", name="Skriv in").click()
    axe_check(page)
    # The demo's second staff member in Unga vuxna i arbete.
    page.get_by_label("Andra kontaktperson").select_option(label="Alex Andrasson")
    page.get_by_label("Högsta avslutade utbildning").select_option("gymnasial_ej_fullstandig")
    page.get_by_label("Försörjningsstöd").check()
    page.get_by_label("Tid med offentlig försörjning").select_option("1_2")
    page.locator("#id_sysselsattning").select_option("ingen")
    page.get_by_label("Aktuell hos socialtjänsten").check()
    _save(page)
    assert page.get_by_text("Personen är inskriven.").is_visible()

    # 3. Kartläggning and handlingsplan
    for n in range(3):
        page.get_by_role("link", name="Registrera kartläggningssamtal").click()
        if n == 0:
            axe_check(page)
        page.get_by_label("Social livssituation").check()
        _save(page)
    page.get_by_role("link", name="Kartläggningen är klar").click()
    axe_check(page)
    page.get_by_label("Sammanfattning").fill("Vill prova praktik inom handel.")
    _save(page)
    page.get_by_role("link", name="Handlingsplan", exact=True).click()
    axe_check(page)
    page.get_by_label("Mål med deltagarens egna ord").fill("Jag vill jobba i en butik.")
    page.locator("#id_steg-0-beskrivning").fill("Praktik i butik")
    page.locator("#id_steg-0-ansvarig").fill("Coachen")
    page.get_by_role("button", name="Spara ny version").click()
    page.wait_for_load_state()
    assert page.get_by_text("Handlingsplanen är sparad som version 1.").is_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Skriv ut handlingsplanen (PDF)").click()
    assert download.value.path().read_bytes().startswith(b"%PDF-")

    # 4. Insatser
    page.get_by_role("button", name="Påbörja insatser").click()
    page.wait_for_load_state()
    assert page.get_by_text("Insatserna har börjat.").is_visible()
    page.get_by_role("link", name="Registrera aktivitet").click()
    axe_check(page)
    page.get_by_label("Typ").select_option("arbetstraning")
    page.get_by_label("Datum eller startdatum").fill(datetime.date.today().isoformat())
    page.get_by_label("Arbetsplats").fill("Butik Exempel")
    _save(page)

    # 5. Avslut
    page.get_by_role("link", name="Avsluta").click()
    axe_check(page)
    page.get_by_label("Väg ut").select_option("arbete")
    page.get_by_label("Myndighet med huvudansvar efteråt").select_option("af")
    page.get_by_label("Överlämningssammanfattning").fill("Har fått jobb i butik.")
    page.get_by_label("Högsta avslutade utbildning").select_option("gymnasial_ej_fullstandig")
    page.get_by_label("Lön").check()
    page.get_by_label("Tid med offentlig försörjning").select_option("1_2")
    page.locator("#id_sysselsattning").select_option("forvarvsarbete")
    page.get_by_label("Omfattning av arbete eller studier").fill("50")
    _save(page)
    assert page.get_by_text("Ärendet är avslutat.").is_visible()
    assert page.get_by_text("Väg ut").is_visible()
    axe_check(page)
