"""A handläggare logs in by code and sends a remiss with the keyboard alone; the team
accepts it; the handläggare sees "Antagen"; at the exit the handläggare gets the
hand-over. axe checks every page on the way."""

import re

import pytest
from pypdf import PdfReader

from demo.forbund import DEMO_PASSWORD
from samverkan.validators import luhn_ok
from tests.e2e.conftest import latest_login_code

pytestmark = pytest.mark.e2e
HANDLAGGARE = "handlaggare@exempeldalen.example"


def _personnummer():
    for check in range(10):
        if luhn_ok(f"900202998{check}"):
            return f"19900202-998{check}"
    raise AssertionError


def _fill_with_keyboard(page, actions, submit_name):
    """Tab through the form from its first field; type, tick or choose as each field comes."""
    done = set()
    page.get_by_label("Förnamn").focus()
    for _ in range(80):
        current = page.evaluate("document.activeElement.id || document.activeElement.name")
        action = actions.get(current)
        if action and current not in done:
            kind, value = action
            if kind == "type":
                page.keyboard.type(value)
            elif kind == "space":
                page.keyboard.press("Space")
            elif kind == "file":
                # Reached by Tab; the native file dialog itself cannot be driven headless,
                # so the file is set on the focused field.
                page.locator(f"#{current}").set_input_files(value)
            elif kind == "key":
                page.keyboard.press(value)
            done.add(current)
        label = page.evaluate("document.activeElement.innerText || ''").strip()
        if label == submit_name and done >= set(actions):
            page.keyboard.press("Enter")
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Not reached with Tab: {set(actions) - done}")


def test_remiss_by_code_keyboard_and_acceptance(
    page, browser, live_app, axe_check, logga_in, tmp_path
):
    # The handläggare asks for a code and logs in with it.
    page.goto("/konto/login/")
    page.get_by_role("link", name="Handläggare: få en inloggningskod via e-post").click()
    axe_check(page)
    page.get_by_label("E-post").fill(HANDLAGGARE)
    page.get_by_role("button", name=re.compile("Skicka|Begär|kod", re.I)).click()
    page.wait_for_url(re.compile(r"/konto/login/code/confirm/"))
    axe_check(page)
    page.get_by_label("Kod").fill(latest_login_code(HANDLAGGARE))
    page.get_by_role("button", name=re.compile("Logga in|Bekräfta|Verifiera")).click()
    page.wait_for_url(re.compile(r"/$"))

    # A new remiss to Samverkansteamet, filled in with the keyboard alone.
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Remisser").click()
    axe_check(page)
    page.get_by_role("link", name="Ny remiss").click()
    axe_check(page)
    page.get_by_label("Insats").select_option(label="Samverkansteamet")
    page.get_by_role("button", name="Börja skriva").click()
    page.wait_for_url(re.compile(r"/remisser/[0-9a-f-]{36}/andra/$"))
    axe_check(page)
    consent = tmp_path / "samtycke.pdf"
    consent.write_bytes(b"%PDF-1.4\n% undertecknat samtycke\n")
    _fill_with_keyboard(
        page,
        {
            "id_fornamn": ("type", "Kim"),
            "id_efternamn": ("type", "Tangentbordsson"),
            "id_personnummer": ("type", _personnummer()),
            "id_kon": ("key", "ArrowDown"),  # the first choice: Kvinna
            "id_anledning": ("type", "Behöver stöd från flera myndigheter."),
            "id_egna_mal": ("type", "Komma tillbaka till arbete."),
            "id_aktuell_af": ("space", None),
            "id_aktuell_socialtjanst": ("space", None),
            "id_samtycke_fil": ("file", str(consent)),
            "id_skriven_tillsammans": ("space", None),
        },
        submit_name="Skicka remissen",
    )
    page.wait_for_url(re.compile(r"/remisser/[0-9a-f-]{36}/$"))
    assert page.get_by_text("Remissen är skickad.").is_visible()
    remiss_url = page.url
    axe_check(page)

    # The team accepts it.
    team = browser.new_context(base_url=live_app, locale="sv-SE").new_page()
    logga_in(team, "coach2@exempeldalen.example", DEMO_PASSWORD)
    team.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Remisser").click()
    axe_check(team)
    team.goto(remiss_url)
    axe_check(team)
    team.get_by_role("button", name="Anta remissen").click()
    team.wait_for_url(re.compile(r"/deltagare/[0-9a-f-]{36}/$"))
    assert team.get_by_role("heading", level=1).inner_text() == "Kim Tangentbordsson"

    # The handläggare sees the decision.
    page.goto(remiss_url)
    assert page.get_by_text("Antagen", exact=True).is_visible()
    axe_check(page)

    # Later the team closes the case (the person chose another way) with a hand-over...
    team.get_by_role("link", name="Avsluta").click()
    axe_check(team)
    team.get_by_label("Väg ut").select_option("arbetssokande_af")
    team.get_by_label("Myndighet med huvudansvar efteråt").select_option("af")
    team.get_by_label("Överlämningssammanfattning").fill("Går vidare som arbetssökande.")
    team.get_by_label("Rekommendationer till remittenten").fill("Boka ett planeringssamtal.")
    team.get_by_role("button", name="Spara", exact=True).click()
    team.wait_for_load_state()
    assert team.get_by_text("Ärendet är avslutat.").is_visible()
    team.context.close()

    # ...and the handläggare gets it from the remiss, as a PDF.
    page.goto(remiss_url)
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Hämta överlämningen (PDF)").click()
    pdf = PdfReader(download.value.path())
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Går vidare som arbetssökande." in text
    assert "Boka ett planeringssamtal." in text
