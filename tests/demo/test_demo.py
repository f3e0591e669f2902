"""The demo command: idempotent, complete, quiet, and every demo user can log in."""

import logging

import pytest
from django.core.management import call_command

from demo.forbund import ANVANDARE, DEMO_PASSWORD
from samverkan import audit
from samverkan.models import AuditEvent, Forbund, Insats, Medlemskap, Organisation, Roll, User


def _counts():
    return [m.objects.count() for m in (Forbund, Organisation, Insats, User, Medlemskap)]


def test_demo_is_idempotent_and_complete(db, capsys):
    call_command("demo")
    first = _counts()
    call_command("demo")
    call_command("demo", if_empty=True)
    # Three insatser: the two hand-made ones and the history's strukturövergripande one.
    assert _counts() == first == [1, 4, 3, 9, 8]
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out and "samordnare@exempeldalen.example" in out
    assert {o.typ for o in Organisation.objects.all()} == {"af", "fk", "kommun", "region"}
    assert Insats.objects.filter(informationsmote_forst=True).count() == 1
    assert Insats.objects.get(namn="Unga vuxna i arbete").malgrupp_alder_max == 29
    assert {m.roll for m in Medlemskap.objects.all()} == set(Roll.values)


def test_the_demo_load_shows_progress_and_logins_but_echoes_no_audit_event(
    db, capfd, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.INFO)
    # The commits' callbacks run, as they do outside a test: the audit copy lives there.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", utan_historik=True)
    # Every event is still written to the database.
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).count() > 100
    assert not [r for r in caplog.records if r.name == "samverkan.audit"]
    out, err = capfd.readouterr()
    assert "handelse=audit" not in out + err
    assert "Demodeltagare finns på plats." in out and "admin@exempeldalen.example" in out
    # Afterwards the trail's copy is echoed again.
    with django_capture_on_commit_callbacks(execute=True):
        audit.record(action=AuditEvent.Action.EXPORT, object_type="test")
    assert [r for r in caplog.records if r.name == "samverkan.audit"]


@pytest.mark.parametrize("email", [row[0] for row in ANVANDARE])
def test_every_demo_user_can_log_in_and_sees_its_own_navigation(client, settings, email, db):
    settings.SAMVERKAN_MFA_REQUIRED = False  # as in `make run`
    call_command("demo", utan_historik=True)
    response = client.post("/konto/login/", {"login": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    page = client.get("/")
    assert page.status_code == 200
    labels = [i["label"] for i in page.context["nav_items"]]
    admin = email.startswith(("admin@", "systemforvaltare@"))
    assert ("Organisationer" in labels) == admin
    assert "Insatser" in labels
