"""Security events in the application log: refused input, refused business rules,
refused access, CSRF; never personal data (ASVS 16.3.3); JSON lines (16.2.4)."""

import json
import logging

import pytest
from django.test import Client
from django.urls import reverse

from samverkan import sakerhetslogg
from samverkan.loggformat import JsonFormatter

PERSONNUMMER = "19900101-1239"


@pytest.fixture
def sakerhet(caplog):
    caplog.set_level(logging.WARNING, logger="samverkan.sakerhet")

    def lines():
        return [r.getMessage() for r in caplog.records if r.name == "samverkan.sakerhet"]

    return lines


def test_a_refused_form_is_logged_without_what_was_typed(client, samordnare, insats, sakerhet):
    client.force_login(samordnare)
    data = {"fornamn": "Nina", "efternamn": "Exempelsson", "personnummer": PERSONNUMMER}
    response = client.post(reverse("deltagare:aktualisering"), data)  # incomplete
    assert response.status_code == 200
    [line] = sakerhet()
    assert line == (
        f"handelse=inmatning_avvisad anvandare={samordnare.uuid} "
        "vy=deltagare:aktualisering metod=POST status=200"
    )
    assert "Nina" not in line and "1239" not in line


def test_a_refused_business_rule_is_logged(client, samordnare, inskriven, sakerhet):
    from deltagare import services

    client.force_login(samordnare)
    samtycke = services.giltigt_samtycke(inskriven)
    url = reverse("deltagare:samtycke-aterkalla", kwargs={"uuid": samtycke.uuid})
    assert client.post(url).status_code == 302
    assert sakerhet() == []  # done: nothing to log
    assert client.post(url).status_code == 302  # already withdrawn: the service refuses
    [line] = sakerhet()
    assert line.startswith(f"handelse=regel_vagrad anvandare={samordnare.uuid}")
    assert "vy=deltagare:samtycke-aterkalla" in line


def test_a_failed_login_form_is_logged_without_the_address(client, handlaggare, sakerhet):
    client.post("/konto/login/", {"login": handlaggare.email, "password": "fel-losenord-helt"})
    [line] = sakerhet()
    assert "handelse=inmatning_avvisad anvandare=- vy=account_login" in line
    assert handlaggare.email not in line


def test_access_outside_scope_is_logged(client, samordnare, annan_insats, sakerhet):
    client.force_login(samordnare)
    url = reverse("samverkan:insats-detail", kwargs={"uuid": annan_insats.uuid})
    assert client.get(url).status_code == 404
    [line] = sakerhet()
    assert line.startswith(f"handelse=atkomst_nekad anvandare={samordnare.uuid}")
    assert "objekttyp=samverkan.insats" in line


def test_a_request_without_csrf_token_is_logged(samordnare, insats, sakerhet):
    client = Client(enforce_csrf_checks=True)
    client.force_login(samordnare)
    assert client.post(reverse("deltagare:aktualisering"), {}).status_code == 403
    assert any(line.startswith("handelse=csrf_avvisad") for line in sakerhet())


def test_only_documented_events_can_be_logged():
    with pytest.raises(ValueError):
        sakerhetslogg.handelse("nagot_annat")


def test_every_event_is_documented():
    from django.conf import settings

    doc = (settings.BASE_DIR / "docs" / "security.md").read_text()
    section = doc.split("## Security events in the log", 1)[1].split("\n## ", 1)[0]
    for name in sakerhetslogg.HANDELSER:
        assert f"`{name}`" in section


def test_json_lines_carry_the_security_fields_as_keys():
    record = logging.LogRecord("samverkan.sakerhet", logging.WARNING, __file__, 1, "x", (), None)
    record.sakerhet = {"handelse": "hastighetsgrans", "slag": "export"}
    entry = json.loads(JsonFormatter().format(record))
    assert entry["niva"] == "WARNING" and entry["logger"] == "samverkan.sakerhet"
    assert entry["handelse"] == "hastighetsgrans" and entry["slag"] == "export"
    assert entry["tid"][-6] in "+-"  # ISO 8601 with the offset


def test_logs_go_only_to_the_documented_destinations():
    """stderr (the journal) and the error mail: the inventory in docs/operations.md#logs."""
    from django.conf import settings
    from django.utils.log import AdminEmailHandler

    assert set(settings.LOGGING["handlers"]) == {"console"}
    assert settings.LOGGING["handlers"]["console"]["class"] == "logging.StreamHandler"
    loggers = [logging.getLogger(), *map(logging.getLogger, logging.root.manager.loggerDict)]
    for logger in loggers:
        for handler in logger.handlers:
            if type(handler).__module__.startswith("_pytest"):
                continue  # the test run's own capture
            if isinstance(handler, logging.NullHandler):
                continue  # discards (libraries' default)
            if isinstance(handler, AdminEmailHandler):
                continue  # Django's error mail to ADMIN_EMAILS
            # Exactly a StreamHandler (stderr by default): no file, socket or syslog handler.
            assert type(handler) is logging.StreamHandler, (logger.name, handler)
