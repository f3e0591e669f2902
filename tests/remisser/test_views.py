"""Remisser over HTTP: the referrer writes and sends, the team decides, the referrer sees it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from remisser.models import Remiss, Status
from samverkan.models import AuditEvent
from tests.remisser.hjalp import skriv_in

FORM = {
    "fornamn": "Rut",
    "efternamn": "Remissdotter",
    "personnummer": "900101-1239",
    "kon": "kvinna",
    "anledning": "Behöver samordnat stöd.",
    "egna_mal": "Jobba deltid.",
    "aktuell_af": "on",
    "aktuell_socialtjanst": "on",
    "skriven_tillsammans": "on",
}


def pdf(content=b"%PDF-1.4 samtycke"):
    return SimpleUploadedFile("samtycke.pdf", content, content_type="application/pdf")


@pytest.fixture
def referrer(client, handlaggare):
    client.force_login(handlaggare)
    return client


@pytest.fixture
def draft(referrer, insats):
    response = referrer.post(reverse("remisser:remiss-create"), {"insats": insats.pk})
    remiss = Remiss.objects.get()
    assert response["Location"] == reverse("remisser:remiss-update", kwargs={"uuid": remiss.uuid})
    return remiss


def _update(remiss):
    return reverse("remisser:remiss-update", kwargs={"uuid": remiss.uuid})


def test_referrer_sends_once_however_often_they_click(referrer, draft):
    data = {**FORM, "samtycke_fil": pdf(), "atgard": "skicka"}
    first = referrer.post(_update(draft), data)
    assert first["Location"] == reverse("remisser:remiss-detail", kwargs={"uuid": draft.uuid})
    second = referrer.post(_update(draft), {**FORM, "samtycke_fil": pdf(), "atgard": "skicka"})
    assert second.status_code == 302
    assert Remiss.objects.count() == 1
    remiss = Remiss.objects.get()
    assert remiss.status == Status.INKOMMEN and remiss.personnummer == "199001011239"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"personnummer": "900101-1238"}, "personnummer", "Kontrollsiffran"),
        ({"personnummer": "9001O1-1239"}, "personnummer", "Skriv personnumret"),
        ({"samtycke_fil": "oversize"}, "samtycke_fil", "större än 10 MB"),
        ({"samtycke_fil": "exe"}, "samtycke_fil", "PDF, JPEG eller PNG"),
        ({"skriven_tillsammans": ""}, "skriven_tillsammans", "tillsammans med personen"),
        ({"aktuell_af": ""}, "aktuell_af", "minst 2 myndigheter"),
        ({"personnummer": "900101-0009"}, "personnummer", "kan inte vara noll"),
        ({"personnummer": "", "fodelsedatum": "1890-01-01"}, "fodelsedatum", "över 120 år"),
        ({"personnummer": "", "fodelsedatum": "2999-01-01"}, "fodelsedatum", "framtiden"),
    ],
)
def test_bad_input_is_explained_at_the_field_and_the_draft_kept(
    referrer, draft, change, field, message
):
    data = {**FORM, "samtycke_fil": pdf(), "atgard": "skicka", **change}
    if change.get("samtycke_fil") == "oversize":
        data["samtycke_fil"] = pdf(b"%PDF-" + b"0" * (10 * 1024 * 1024 + 1))
    elif change.get("samtycke_fil") == "exe":
        data["samtycke_fil"] = pdf(b"MZ\x90\x00")
    data = {k: v for k, v in data.items() if v != ""}
    response = referrer.post(_update(draft), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(message in e for e in errors.get(field, [])), errors
    draft.refresh_from_db()
    assert draft.status == Status.UTKAST


def test_team_inbox_shows_days_left_and_accepting_opens_the_case(
    referrer, draft, client_factory_team, samordnare
):
    referrer.post(_update(draft), {**FORM, "samtycke_fil": pdf(), "atgard": "skicka"})
    team = client_factory_team
    inbox = team.get(reverse("remisser:remiss-list"))
    assert [r.dagar_kvar for r in inbox.context["inkorg"]] == [14]
    detail = team.get(reverse("remisser:remiss-detail", kwargs={"uuid": draft.uuid}))
    assert "Anta remissen" in detail.content.decode()
    response = team.post(
        reverse("remisser:remiss-beslut", kwargs={"uuid": draft.uuid, "atgard": "anta"})
    )
    remiss = Remiss.objects.get()
    assert remiss.status == Status.ANTAGEN
    assert response["Location"] == reverse(
        "deltagare:inskrivning-detail", kwargs={"uuid": remiss.inskrivning.uuid}
    )
    page = referrer.get(reverse("remisser:remiss-list"))
    assert "Antagen" in page.content.decode()
    assert AuditEvent.objects.filter(action="read", object_id=str(remiss.uuid)).exists()


def test_decline_from_the_page_needs_a_reason(referrer, draft, client_factory_team):
    referrer.post(_update(draft), {**FORM, "samtycke_fil": pdf(), "atgard": "skicka"})
    url = reverse("remisser:remiss-beslut", kwargs={"uuid": draft.uuid, "atgard": "avboj"})
    client_factory_team.post(url, {"orsak": ""})
    assert Remiss.objects.get().status == Status.INKOMMEN
    client_factory_team.post(url, {"orsak": "kapacitet"})
    assert Remiss.objects.get().status == Status.AVBOJD


@pytest.fixture
def client_factory_team(samordnare):
    from django.test import Client

    team = Client()
    team.force_login(samordnare)
    return team


def test_the_draft_survives_logout(referrer, draft, handlaggare):
    referrer.post(_update(draft), {**FORM, "atgard": "spara"})
    referrer.post(reverse("account_logout"))
    handlaggare.refresh_from_db()  # logout rotated the session key
    referrer.force_login(handlaggare)
    form = referrer.get(_update(draft)).context["form"]
    assert form.initial["fornamn"] == "Rut" and form.initial["anledning"] == FORM["anledning"]


def test_referrer_list_shows_inskriven_within_consent(
    referrer, draft, client_factory_team, samordnare, kollega
):
    from deltagare import services as d_services

    referrer.post(_update(draft), {**FORM, "samtycke_fil": pdf(), "atgard": "skicka"})
    client_factory_team.post(
        reverse("remisser:remiss-beslut", kwargs={"uuid": draft.uuid, "atgard": "anta"})
    )
    i = Remiss.objects.get().inskrivning
    skriv_in(i, samordnare, kollega)
    assert "Inskriven" in referrer.get(reverse("remisser:remiss-list")).content.decode()
    d_services.samtycke_aterkalla(actor=samordnare, samtycke=d_services.giltigt_samtycke(i))
    html = referrer.get(reverse("remisser:remiss-list")).content.decode()
    assert "Inskriven" not in html and "Antagen" in html


def test_consent_download_is_an_audited_attachment(referrer, draft):
    referrer.post(_update(draft), {**FORM, "samtycke_fil": pdf(), "atgard": "spara"})
    response = referrer.get(reverse("remisser:remiss-samtycke", kwargs={"uuid": draft.uuid}))
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert AuditEvent.objects.filter(action="read", detail__fil=True).exists()


def test_the_referrers_list_is_paged_with_constant_queries(
    referrer, insats, django_assert_max_num_queries
):
    for _n in range(30):
        referrer.post(reverse("remisser:remiss-create"), {"insats": insats.pk})
    with django_assert_max_num_queries(15):
        forsta = referrer.get(reverse("remisser:remiss-list"))
    assert len(forsta.context["mina"].object_list) == 25
    assert "Sida 1 av 2" in forsta.content.decode()
    andra = referrer.get(reverse("remisser:remiss-list"), {"sida": 2})
    assert len(andra.context["mina"].object_list) == 5
