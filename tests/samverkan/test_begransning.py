"""Per-user limits on participant reads, prints, exports and statistics (ASVS 2.4.1,
15.2.2), logged without personal data and audited (16.3.3)."""

import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from samverkan import begransning
from samverkan.models import AuditEvent

A = AuditEvent.Action


def _page(inskrivning, name="inskrivning-detail"):
    return reverse(f"deltagare:{name}", kwargs={"uuid": inskrivning.uuid})


def test_the_default_limits_parse_and_a_bad_one_is_refused(settings):
    limits = begransning.parse(settings.SAMVERKAN_HASTIGHETSGRANSER)
    assert limits["deltagare"] == [(600, 600), (2000, 86400)]
    assert set(limits) == {"deltagare", "utskrift", "export", "statistik"}
    with pytest.raises(ImproperlyConfigured):
        begransning.parse("deltagare=tio/m")


def test_participant_pages_past_the_limit_answer_429_logged_and_audited_once(
    client, samordnare, inskriven, settings, caplog
):
    settings.SAMVERKAN_HASTIGHETSGRANSER = "deltagare=3/10m"
    client.force_login(samordnare)
    for name in ("inskrivning-detail", "samtal", "kartlaggning"):
        assert client.get(_page(inskriven, name)).status_code == 200
    with caplog.at_level(logging.WARNING, logger="samverkan.sakerhet"):
        response = client.get(_page(inskriven))
        again = client.get(_page(inskriven, "handlingsplan"))
    assert response.status_code == again.status_code == 429
    html = response.content.decode()
    assert "För många förfrågningar" in html and "Försök igen om" in html
    assert 0 < int(response["Retry-After"]) <= 600
    assert response["Cache-Control"] == "no-store"
    refusals = AuditEvent.objects.filter(action=A.ACCESS_DENIED, object_type="hastighetsgrans")
    assert refusals.count() == 1  # once per window, however often it is hit
    event = refusals.get()
    assert event.actor == samordnare and event.detail == {
        "orsak": "hastighetsgrans",
        "slag": "deltagare",
        "vy": "deltagare:inskrivning-detail",
    }
    assert event.forbund_id == inskriven.insats.forbund_id  # the actor's förbund
    # Refused reads show nothing, so they are not read events.
    assert AuditEvent.objects.filter(action=A.READ, actor=samordnare).count() == 3
    lines = [r.getMessage() for r in caplog.records if r.name == "samverkan.sakerhet"]
    assert len(lines) == 2
    assert f"handelse=hastighetsgrans anvandare={samordnare.uuid}" in lines[0]
    assert "vy=deltagare:inskrivning-detail" in lines[0] and "slag=deltagare" in lines[0]
    text = " ".join(lines)
    pnr = inskriven.deltagare.personnummer
    assert pnr not in text and pnr[-4:] + " " not in text
    assert inskriven.deltagare.fornamn not in text


def test_the_limit_is_per_user(client, samordnare, kollega, inskriven, settings):
    settings.SAMVERKAN_HASTIGHETSGRANSER = "deltagare=1/10m"
    client.force_login(samordnare)
    assert client.get(_page(inskriven)).status_code == 200
    assert client.get(_page(inskriven)).status_code == 429
    other = Client()
    other.force_login(kollega)
    assert other.get(_page(inskriven)).status_code == 200


def test_prints_are_limited(client, samordnare, kartlagd, settings):
    settings.SAMVERKAN_HASTIGHETSGRANSER = "utskrift=1/10m"
    client.force_login(samordnare)
    pdf = reverse("deltagare:handlingsplan-pdf", kwargs={"uuid": kartlagd.uuid, "version": 1})
    assert client.get(pdf).status_code == 200
    assert client.get(pdf).status_code == 429
    assert AuditEvent.objects.filter(action=A.PRINT).count() == 1
    assert client.get(_page(kartlagd)).status_code == 200  # reading is another kind


def test_exports_and_the_statistics_page_are_limited(client, forbundsadmin, settings):
    settings.SAMVERKAN_HASTIGHETSGRANSER = "export=1/10m,statistik=1/10m"
    client.force_login(forbundsadmin)
    export = reverse("samverkan:logg-export")
    assert client.get(export).status_code == 200
    assert client.get(export).status_code == 429
    statistik = reverse("rapporter:statistik")
    assert client.get(statistik).status_code == 200
    assert client.get(statistik).status_code == 429
    kinds = AuditEvent.objects.filter(object_type="hastighetsgrans").values_list(
        "object_id", flat=True
    )
    assert sorted(kinds) == ["export", "statistik"]


def test_pages_without_personal_data_are_not_counted(client, samordnare, settings):
    settings.SAMVERKAN_HASTIGHETSGRANSER = "deltagare=1/10m"
    client.force_login(samordnare)
    for _ in range(3):
        assert client.get("/").status_code == 200
        assert client.get(reverse("deltagare:oversikt")).status_code == 200


def test_every_limited_view_name_exists():
    from django.urls import get_resolver

    names = set()
    resolver = get_resolver()
    for namespace, (_prefix, sub) in resolver.namespace_dict.items():
        names |= {f"{namespace}:{n}" for n in sub.reverse_dict if isinstance(n, str)}
    listed = begransning.UTSKRIFT | begransning.EXPORT | begransning.STATISTIK
    listed |= {begransning.SOK, begransning.REGISTERUTDRAG, "remisser:remiss-detail"}
    assert listed <= names, listed - names
