"""The office builds its own participant questionnaire (a question, a heading and an
introduction), publishes it, and a coach hands it out at exit: the participant's
page shows the office's heading. Axe on every page the office and coach pass."""

import re

import pytest

from demo.forbund import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

NAMN = "Uppföljning efter sex månader"
RUBRIK = "Hur går det nu, ett halvår senare?"


def test_office_builds_publishes_and_a_coach_hands_it_out(page, axe_check, logga_in):
    logga_in(page, "admin@exempeldalen.example", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Enkäter").click()
    page.get_by_role("link", name="Ny enkät").click()
    axe_check(page)
    page.get_by_label("Namn").fill(NAMN)
    page.get_by_label("Deltagarenkät").check()
    page.get_by_role("button", name="Skapa enkäten").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == NAMN
    axe_check(page)

    page.get_by_role("link", name="Påstående på en skala").click()
    axe_check(page)
    page.get_by_label("Påstående på en skala").check()
    page.get_by_label("Frågetext (svenska)").fill("Jag vet vad mitt nästa steg är.")
    page.get_by_label("Antal skalsteg").fill("5")
    page.get_by_label("Skalans lägsta steg (svenska)").fill("Stämmer inte alls")
    page.get_by_label("Skalans högsta steg (svenska)").fill("Stämmer helt")
    page.get_by_role("button", name="Spara frågan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Jag vet vad mitt nästa steg är.").is_visible()

    page.get_by_role("link", name="Ändra rubrik och inledning").click()
    axe_check(page)
    # The heading starts as the name; without a Swedish heading nothing is saved.
    assert page.get_by_label("Rubrik (svenska)").input_value() == NAMN
    page.get_by_label("Rubrik (svenska)").fill("")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_load_state()
    assert "is-invalid" in page.locator("#id_rubrik_sv").get_attribute("class")
    axe_check(page)
    page.get_by_label("Rubrik (svenska)").fill(RUBRIK)
    page.get_by_label("Inledning (svenska)").fill("Fem minuter, och ingen ser vem som svarat.")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_load_state()
    assert page.get_by_text(RUBRIK).is_visible()
    page.get_by_role("button", name="Publicera utkastet").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile("^Versionen är publicerad och kan inte ändras")).is_visible()
    axe_check(page)
    page.get_by_role("button", name=re.compile("^Logga ut")).click()
    page.wait_for_load_state()

    logga_in(page, "coach@exempeldalen.example", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Enkäter").click()
    page.get_by_role("link", name=re.compile("^Enkätlänk")).first.click()
    page.get_by_label("Vid avslut").check()
    page.get_by_label(NAMN).check()
    axe_check(page)
    page.get_by_role("button", name="Skapa länk och QR-kod").click()
    page.wait_for_load_state()
    lank = page.locator("#enkatlank").get_attribute("href")
    page.get_by_role("button", name=re.compile("^Logga ut")).click()
    page.wait_for_load_state()

    page.goto(lank)
    assert page.get_by_role("heading", level=1).inner_text() == RUBRIK
    assert page.get_by_text("Jag vet vad mitt nästa steg är.").is_visible()
    axe_check(page)
