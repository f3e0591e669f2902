"""The office creates an API client in the browser, the partner system calls the API
with the key shown once, and the office revokes it. axe checks every page."""

import datetime
import json
import re
import urllib.error
import urllib.request

import pytest

from demo.forbund import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


def _anrop(base_url, token):
    # The test's own server over http: no other scheme is ever opened.
    request = urllib.request.Request(  # noqa: S310
        f"{base_url}/api/v1/insatser/", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as svar:  # noqa: S310
            return svar.status, json.loads(svar.read())
    except urllib.error.HTTPError as fel:
        return fel.code, json.loads(fel.read())


def test_office_creates_uses_and_revokes_an_api_client(page, live_app, logga_in, axe_check):
    logga_in(page, "admin@exempeldalen.example", DEMO_PASSWORD)
    nav = page.get_by_role("navigation", name="Huvudmeny")
    nav.get_by_role("link", name="Organisationer").click()
    page.get_by_role("link", name="API-klienter").click()
    page.wait_for_url(re.compile(r"/api-klienter/$"))
    axe_check(page)

    # A mistake first: no scope chosen. The error is beside the field, nothing is made.
    page.get_by_label("Systemets namn").fill("Kommunens ärendesystem")
    giltig = (datetime.date.today() + datetime.timedelta(days=90)).isoformat()
    page.get_by_label("Giltig till").fill(giltig)
    page.get_by_role("button", name="Skapa klient").click()
    axe_check(page)
    assert (
        page.get_by_text("Välj minst en behörighet").count()
        or page.locator(".invalid-feedback, .is-invalid").count()
    )

    page.get_by_label("Organisation").select_option(index=1)
    page.get_by_label("Systemets namn").fill("Kommunens ärendesystem")
    page.get_by_label("Giltig till").fill(giltig)
    page.get_by_label("Skicka remisser och läsa deras status").check()
    page.get_by_role("button", name="Skapa klient").click()
    axe_check(page)
    token = page.get_by_label("Nyckel", exact=True).input_value()
    assert token.startswith("sv_")

    status, body = _anrop(live_app, token)
    assert status == 200 and body["data"] and body["links"]["self"]

    # The key is not shown again.
    page.goto("/api-klienter/")
    assert token not in page.content()
    rad = page.locator("tr", has_text="Kommunens ärendesystem")
    rad.get_by_role("button", name=re.compile("Återkalla")).click()
    page.wait_for_url(re.compile(r"/api-klienter/$"))
    axe_check(page)
    assert page.get_by_text("Klienten är återkallad").count() == 1

    status, body = _anrop(live_app, token)
    assert status == 401 and body["status"] == 401
