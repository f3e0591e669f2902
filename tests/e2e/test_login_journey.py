"""A demo samordnare logs in, sets up the required TOTP and reaches the start page.
axe checks every page on the way."""

import re

import pytest
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time

from demo.forbund import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


def _totp(secret):
    return f"{hotp_value(secret, next(iter(yield_hotp_counters_from_time()))):06d}"


def test_samordnare_logs_in_sets_up_totp_and_reaches_the_start_page(page, axe_check):
    page.goto("/")
    assert "/konto/login/" in page.url
    axe_check(page)

    page.get_by_label("E-postadress").fill("samordnare@exempeldalen.example")
    page.get_by_label("Lösenord").fill("fel lösenord")
    page.get_by_role("button", name="Logga in").click()
    assert page.get_by_text("Epost-adressen och/eller lösenordet är felaktigt.").first.is_visible()
    axe_check(page)

    page.get_by_label("E-postadress").fill("samordnare@exempeldalen.example")
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()

    # The role requires TOTP: first the password again, then the app code.
    page.wait_for_url(re.compile(r"/konto/reauthenticate/"))
    axe_check(page)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Verifiera").click()
    page.wait_for_url(re.compile(r"/konto/2fa/totp/activate/"))
    axe_check(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Autentiseringskod").fill(_totp(secret))
    page.get_by_role("button", name="Aktivera").click()

    page.wait_for_url(re.compile(r"/konto/2fa/recovery-codes/"))
    axe_check(page)
    page.get_by_role("link", name="Start").click()

    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Välkommen, Sara")
    nav = page.get_by_role("navigation", name="Huvudmeny")
    assert nav.get_by_role("link", name="Insatser").is_visible()
    assert nav.get_by_role("link", name="Organisationer").count() == 0
    axe_check(page)

    page.get_by_role("link", name="Samverkansteamet").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Samverkansteamet"
    axe_check(page)

    # Where the account is signed in: this browser, marked as such.
    page.get_by_role("link", name="Inloggningar").click()
    page.wait_for_url(re.compile(r"/konto/sessions/"))
    assert page.get_by_role("cell", name="Den här inloggningen").is_visible()
    axe_check(page)
    assert len(axe_check.pages) == 8
