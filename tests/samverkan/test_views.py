"""Pages of the core: navigation per role, the insats form, error pages, health, query ceilings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from samverkan.models import AuditEvent, Insats, Roll
from tests.factories import (
    ForbundFactory,
    InsatsFactory,
    MedlemskapFactory,
    OrganisationFactory,
    UserFactory,
)

ROOT = Path(settings.BASE_DIR)


def _nav(response):
    return [item["label"] for item in response.context["nav_items"]]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            "samordnare",
            ["Start", "Deltagare", "Remisser", "Insatser", "Statistik", "Rapporter", "Enkäter"],
        ),
        # Items of newer apps come last, through NAV_HOOKS (the styrelse app).
        ("handlaggare", ["Start", "Remisser", "Insatser", "Ansökningar"]),
        ("styrelse", ["Start", "Insatser", "Statistik", "Rapporter", "Styrelsen"]),
        (
            "forbundsadmin",
            [
                "Start",
                "Insatser",
                "Statistik",
                "Rapporter",
                "Enkäter",
                "Organisationer",
                "Användare och roller",
                "Inläsning",
                "Styrelsen",
            ],
        ),
        (
            "superuser",
            [
                "Start",
                "Insatser",
                "Statistik",
                "Rapporter",
                "Organisationer",
                "Användare och roller",
                "Styrelsen",
            ],
        ),
    ],
)
def test_each_role_sees_its_own_navigation(client_for, role, expected, insats):
    response = client_for(role).get("/")
    assert _nav(response) == expected
    html = response.content.decode()
    assert ('href="/admin/"' in html) == (role == "superuser")
    assert 'aria-current="page"' in html


def test_start_page_shows_the_role_specific_panels(client_for, insats):
    html = client_for("samordnare").get("/").content.decode()
    assert "Insatser du arbetar i" in html and "Insats A" in html
    html = client_for("handlaggare").get("/").content.decode()
    assert "Insatser du kan remittera till" in html


def test_base_layout_is_accessible_by_construction(client_for, insats):
    html = client_for("samordnare").get("/").content.decode()
    assert '<html lang="sv">' in html
    assert 'href="#huvudinnehall"' in html and 'id="huvudinnehall"' in html
    assert "<header" in html and "<main" in html and "<footer" in html
    assert '<label for="sprakval">' in html
    assert "cdn" not in html.lower()


def test_other_forbund_does_not_see_forbund_a_in_lists(client_for, insats, annat_forbund_admin):
    client = client_for("annat_forbund_admin")
    assert "Insats A" not in client.get(reverse("samverkan:insats-list")).content.decode()
    assert "Kommun" not in client.get(reverse("samverkan:organisation-list")).content.decode()
    assert "a.example" not in client.get(reverse("samverkan:medlemskap-list")).content.decode()


VALID_INSATS = {
    "namn": "Ny insats",
    "typ": "individ",
    "beskrivning": "",
    "startdatum": "2026-01-01",
    "slutdatum": "",
    "malgrupp_alder_min": "18",
    "malgrupp_alder_max": "29",
    "inklusionskriterier": "",
    "exklusionskriterier": "",
    "svarsfrist_dagar": "14",
    "kartlaggning_samtal_min": "3",
    "kartlaggning_samtal_max": "6",
    "max_manader": "12",
    "forlangning_manader": "6",
    "min_antal_myndigheter": "2",
    "remittentkontakt_dagar": "30",
    "aldersband": "16–19, 20–24, 25–",
}


def test_admin_creates_an_insats_with_an_audit_event(client_for, forbund, forbundsadmin):
    response = client_for("forbundsadmin").post(reverse("samverkan:insats-create"), VALID_INSATS)
    insats = Insats.objects.get(namn="Ny insats")
    assert response["Location"] == reverse("samverkan:insats-detail", kwargs={"uuid": insats.uuid})
    assert insats.forbund == forbund
    assert insats.aldersband == [[16, 19], [20, 24], [25, None]]
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE)
    assert event.actor == forbundsadmin and event.object_id == str(insats.uuid)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"namn": ""}, "namn", "Detta fält måste fyllas i."),
        ({"malgrupp_alder_max": "10"}, "malgrupp_alder_max", "Högsta ålder kan inte vara lägre"),
        ({"aldersband": "16 till 19"}, "aldersband", "Skriv banden som"),
        ({"aldersband": "16–19, 18–24"}, "aldersband", "får inte överlappa"),
        ({"startdatum": "2026-13-45"}, "startdatum", "Fyll i ett giltigt datum."),
        ({"svarsfrist_dagar": "-3"}, "svarsfrist_dagar", "större än eller lika med"),
        ({"namn": "Insats A"}, "namn", "redan en insats med det namnet"),
        ({"slutdatum": "2025-01-01"}, "slutdatum", "Slutdatum kan inte vara före startdatum."),
    ],
)
def test_bad_input_gets_a_swedish_error_at_the_field_and_nothing_saved(
    client_for, insats, forbundsadmin, change, field, message
):
    before = Insats.objects.count()
    response = client_for("forbundsadmin").post(
        reverse("samverkan:insats-create"), {**VALID_INSATS, **change}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and any(message in e for e in errors[field]), errors
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert Insats.objects.count() == before
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).exists()


def test_admin_of_two_forbund_chooses_and_cannot_pick_another(
    client_for, forbund, annat_forbund, forbundsadmin
):
    MedlemskapFactory(
        user=forbundsadmin, roll=Roll.FORBUNDSADMIN, insats=None, forbund=annat_forbund
    )
    third = ForbundFactory()
    client = client_for("forbundsadmin")
    form = client.get(reverse("samverkan:insats-create")).context["form"]
    assert list(form.fields["forbund"].queryset) == [forbund, annat_forbund]
    refused = client.post(reverse("samverkan:insats-create"), {**VALID_INSATS, "forbund": third.pk})
    assert "forbund" in refused.context["form"].errors
    client.post(reverse("samverkan:insats-create"), {**VALID_INSATS, "forbund": annat_forbund.pk})
    assert Insats.objects.get(namn="Ny insats").forbund == annat_forbund


def test_admin_updates_insats_settings_and_the_change_is_audited(client_for, insats, forbundsadmin):
    url = reverse("samverkan:insats-update", kwargs={"uuid": insats.uuid})
    client = client_for("forbundsadmin")
    form = client.get(url).context["form"]
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in VALID_INSATS}
    data.update(
        startdatum="2024-01-01",
        aldersband="16–20, 21–30, 31–50, 51–",
        svarsfrist_dagar="10",
        informationsmote_forst="on",
    )
    response = client.post(url, data)
    assert response.status_code == 302
    insats.refresh_from_db()
    assert insats.svarsfrist_dagar == 10 and insats.informationsmote_forst
    event = AuditEvent.objects.get(action=AuditEvent.Action.CHANGE)
    assert set(event.detail["falt"]) == {"svarsfrist_dagar", "informationsmote_forst", "aldersband"}


def test_list_pages_have_a_fixed_query_ceiling(
    client_for, forbund, forbundsadmin, django_assert_max_num_queries
):
    client = client_for("forbundsadmin")
    # The start page has a ceiling per role: tests/samverkan/test_startsida.py.
    urls = [
        reverse("samverkan:insats-list"),
        reverse("samverkan:organisation-list"),
        reverse("samverkan:medlemskap-list"),
    ]
    for n in range(3):  # grow the data; the ceiling stays put
        for _ in range(5):
            insats = InsatsFactory(forbund=forbund)
            org = OrganisationFactory(forbund=forbund)
            MedlemskapFactory(user=UserFactory(), roll=Roll.SAMORDNARE, insats=insats)
            MedlemskapFactory(
                user=UserFactory(), roll=Roll.HANDLAGGARE, insats=None, organisation=org
            )
        for url in urls:
            with django_assert_max_num_queries(12):
                assert client.get(url).status_code == 200, (n, url)


def test_insats_detail_has_a_fixed_query_ceiling(client_for, insats, django_assert_max_num_queries):
    client = client_for("samordnare")
    url = reverse("samverkan:insats-detail", kwargs={"uuid": insats.uuid})
    for _ in range(10):
        MedlemskapFactory(user=UserFactory(), roll=Roll.SAMORDNARE, insats=insats)
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_pages_of_errors_are_swedish(client_for, db):
    response = client_for("handlaggare").get("/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()
    response = client_for("handlaggare").get(reverse("samverkan:organisation-list"))
    assert response.status_code == 403
    assert "Du saknar behörighet" in response.content.decode()


def test_csrf_failure_is_explained_in_swedish(handlaggare, db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(handlaggare)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 403
    assert "Ingenting har sparats" in response.content.decode()


def test_language_switch_to_english(client_for, insats):
    client = client_for("samordnare")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Interventions" in html


def test_swedish_whatever_the_browser_asks_for(client, db):
    html = client.get("/tillganglighet/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="sv">' in html and "Tillgänglighetsredogörelse" in html


def test_accessibility_statement_is_public(client):
    response = client.get(reverse("samverkan:tillganglighet"))
    assert response.status_code == 200
    assert "WCAG 2.1" in response.content.decode()


def test_security_headers(client, db):
    response = client.get(reverse("samverkan:tillganglighet"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def _run_app(env_extra, code):
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_VERSION"}
    env.update({"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "testserver", "DEBUG": "False"})
    env.update(SAMVERKAN_ENV_FILE="", **env_extra)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


CLIENT_CODE = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
data = {{"login": "x@test.example", "password": "y"}}
r = client.post("{path}", data) if {post} else client.get("{path}")
print(r.status_code, r.content.decode()[:2000])
"""


@pytest.mark.parametrize(
    "database_url",
    ["postgres://nobody@127.0.0.1:1/none", "sqlite:////nonexistent-dir/samverkan.sqlite3"],
)
def test_healthz_answers_503_when_the_database_does_not(database_url):
    result = _run_app(
        {"DATABASE_URL": database_url}, CLIENT_CODE.format(path="/healthz", post=False)
    )
    assert result.stdout.startswith('503 {"status": "unavailable"}'), result.stderr[-2000:]


def test_a_page_answers_a_swedish_503_when_the_database_is_down():
    result = _run_app(
        {"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"},
        CLIENT_CODE.format(path="/konto/login/", post=True),
    )
    status, _, body = result.stdout.partition(" ")
    assert status == "503", result.stderr[-2000:]
    assert "Tjänsten är tillfälligt otillgänglig" in body
