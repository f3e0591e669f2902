"""A coach makes a one-time survey link at exit, the participant answers on a
360 px screen in lättläst svenska with nobody signed in, and the office sees the
result; axe on every page."""

import re

import pytest

from demo.forbund import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


def test_survey_link_answer_and_result(page, axe_check, logga_in):
    logga_in(page, "coach@exempeldalen.example", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Enkäter").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Deltagarenkät"
    axe_check(page)

    page.get_by_role("link", name=re.compile("^Enkätlänk")).first.click()
    axe_check(page)
    page.get_by_label("Vid avslut").check()
    page.get_by_role("button", name="Skapa länk och QR-kod").click()
    page.wait_for_load_state()
    assert page.locator(".enkat-qr svg").is_visible()
    axe_check(page)
    lank = page.locator("#enkatlank").get_attribute("href")
    assert re.search(r"/enkat/s/[A-Za-z0-9_-]{40,}/$", lank)

    # The office's tablet: the coach signs out, the participant takes over.
    page.get_by_role("button", name=re.compile("^Logga ut")).click()
    page.wait_for_load_state()
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(lank)
    axe_check(page)
    page.get_by_role("link", name="Lättläst svenska").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Vad tycker du om hjälpen du fått?"
    axe_check(page)
    page.get_by_role("group", name=re.compile("Jag har fått hjälp som passar mig")).get_by_label(
        "6 – Alltid"
    ).check()
    page.get_by_role("group", name=re.compile("Hjälpen har varit bra för mig")).get_by_label(
        "5", exact=True
    ).check()
    page.get_by_role("group", name=re.compile("Vilka har du träffat")).get_by_label(
        "Arbetsförmedlingen"
    ).check()
    page.get_by_label(re.compile("Vad har varit bra")).fill("Att någon lyssnade.")
    page.get_by_role("button", name="Skicka svaren").click()
    page.wait_for_url(re.compile(r"/enkat/tack/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Tack för dina svar"
    axe_check(page)

    # Back and again: said plainly, nothing stored twice.
    page.goto(lank)
    assert page.get_by_role("heading", level=1).inner_text() == "Enkäten är redan besvarad"
    axe_check(page)

    # The office sees the result.
    page.set_viewport_size({"width": 1280, "height": 900})
    logga_in(page, "admin@exempeldalen.example", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Enkäter").click()
    axe_check(page)
    page.get_by_role("link", name=re.compile("^Resultat – Deltagarenkät")).click()
    page.wait_for_load_state()
    assert page.locator("#tabell-deltagare-svarsfrekvens").is_visible()
    assert page.locator("#tabell-deltagare-medel svg").count() == 1
    axe_check(page)
