"""The office corrects the agenda and the närvaro of a meeting until the protocol
is drawn up; a removed item never consumes a paragraph number."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.models import AuditEvent
from styrelse.models import Ansokan, Arende, Narvaro
from styrelse.services import ansokan as a
from styrelse.services import protokoll as p
from styrelse.services import sammantrade as s
from styrelse.services.arende import arende_andra, arende_skapa, arende_ta_bort
from styrelse.services.beslut import arende_besluta
from tests.styrelse.conftest import pa_dagordningen

A = AuditEvent.Action


def _punkt(admin, sammantrade, rubrik, typ=Arende.Typ.INFORMATION):
    return arende_skapa(actor=admin, sammantrade=sammantrade, typ=typ, rubrik=rubrik)


def _besluta_allt(admin, sammantrade):
    for arende in sammantrade.arenden.filter(typ=Arende.Typ.BESLUT, beslutad__isnull=True):
        arende_besluta(actor=admin, arende=arende, attsatser=["godkänna"])


def test_a_removed_item_consumes_no_paragraph_number(forbundsadmin, sammantrade):
    forsta = _punkt(forbundsadmin, sammantrade, "Mötets öppnande")
    bort = _punkt(forbundsadmin, sammantrade, "Struken punkt")
    sista = _punkt(forbundsadmin, sammantrade, "Mötets avslutande")
    arende_ta_bort(actor=forbundsadmin, arende=bort)

    assert not Arende.objects.filter(pk=bort.pk).exists()
    assert [a.ordning for a in sammantrade.arenden.order_by("ordning")] == [1, 2]
    event = AuditEvent.objects.get(action=A.DELETE, object_type="styrelse.arende")
    assert event.object_id == str(bort.uuid) and event.actor == forbundsadmin

    p.protokoll_uppratta(actor=forbundsadmin, sammantrade=sammantrade)
    forsta.refresh_from_db()
    sista.refresh_from_db()
    assert (forsta.paragraf, sista.paragraf) == (1, 2)


def test_removing_an_application_item_puts_it_back_in_beredning(
    forbundsadmin, handlaggare, ansokan, sammantrade
):
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    arende = pa_dagordningen(forbundsadmin, ansokan, sammantrade)
    arende_ta_bort(actor=forbundsadmin, arende=arende)
    ansokan.refresh_from_db()
    assert ansokan.status == Ansokan.Status.UNDER_BEREDNING
    # It can go on the agenda again.
    pa_igen = arende_skapa(
        actor=forbundsadmin,
        sammantrade=sammantrade,
        typ=Arende.Typ.BESLUT,
        rubrik="Ansökan",
        ansokan=ansokan,
    )
    assert pa_igen.ordning == 1


def test_an_item_with_a_decision_stays(forbundsadmin, sammantrade):
    arende = _punkt(forbundsadmin, sammantrade, "Beslut", typ=Arende.Typ.BESLUT)
    arende_besluta(actor=forbundsadmin, arende=arende, attsatser=["godkänna"])
    with pytest.raises(ValidationError, match="Beslutet är registrerat"):
        arende_ta_bort(actor=forbundsadmin, arende=arende)
    with pytest.raises(ValidationError) as fel:
        arende_andra(actor=forbundsadmin, arende=arende, typ=Arende.Typ.INFORMATION)
    assert "typ" in fel.value.message_dict
    # Its text can still be corrected.
    arende_andra(actor=forbundsadmin, arende=arende, rubrik="Beslut om ekonomi")
    arende.refresh_from_db()
    assert arende.rubrik == "Beslut om ekonomi"


def test_editing_an_item_is_audited_and_checks_public_text(forbundsadmin, sammantrade):
    arende = _punkt(forbundsadmin, sammantrade, "Info")
    with pytest.raises(ValidationError) as fel:
        arende_andra(actor=forbundsadmin, arende=arende, text="Gäller 19811218-9876.")
    assert "text" in fel.value.message_dict
    arende_andra(actor=forbundsadmin, arende=arende, rubrik="Information", text="Ny text")
    arende.refresh_from_db()
    assert (arende.rubrik, arende.text) == ("Information", "Ny text")
    event = (
        AuditEvent.objects.filter(action=A.CHANGE, object_type="styrelse.arende")
        .order_by("pk")
        .last()
    )
    assert event.detail == {"falt": ["rubrik", "text"]}


def test_narvaro_is_corrected_and_removed(forbundsadmin, sammantrade):
    eva = sammantrade.narvaro.get(namn="Eva Ersättare")
    with pytest.raises(ValidationError) as fel:
        s.narvaro_andra(actor=forbundsadmin, narvaro=eva, justerare=True)
    assert "user" in fel.value.message_dict
    eva.refresh_from_db()
    assert eva.justerare is False
    s.narvaro_andra(actor=forbundsadmin, narvaro=eva, beslutande=True)
    eva.refresh_from_db()
    assert eva.beslutande is True
    s.narvaro_ta_bort(actor=forbundsadmin, narvaro=eva)
    assert not Narvaro.objects.filter(pk=eva.pk).exists()
    details = [
        e.detail
        for e in AuditEvent.objects.filter(action=A.CHANGE, object_type="styrelse.sammantrade")
    ]
    assert {"narvaro": eva.pk, "falt": ["beslutande"]} in details
    assert {"narvaro_borttagen": eva.pk} in details


def test_nothing_changes_once_the_protocol_is_drawn_up(forbundsadmin, sammantrade):
    arende = _punkt(forbundsadmin, sammantrade, "Info")
    p.protokoll_uppratta(actor=forbundsadmin, sammantrade=sammantrade)
    eva = sammantrade.narvaro.get(namn="Eva Ersättare")
    for andring in (
        lambda: arende_andra(actor=forbundsadmin, arende=arende, rubrik="Annan"),
        lambda: arende_ta_bort(actor=forbundsadmin, arende=arende),
        lambda: s.narvaro_andra(actor=forbundsadmin, narvaro=eva, beslutande=True),
        lambda: s.narvaro_ta_bort(actor=forbundsadmin, narvaro=eva),
    ):
        with pytest.raises(ValidationError, match="Protokollet är upprättat"):
            andring()
    assert Arende.objects.filter(pk=arende.pk, rubrik="Info").exists()
    assert Narvaro.objects.filter(pk=eva.pk, beslutande=False).exists()


def test_the_office_edits_and_removes_on_the_meeting_page(client, forbundsadmin, sammantrade):
    arende = _punkt(forbundsadmin, sammantrade, "Info")
    eva = sammantrade.narvaro.get(namn="Eva Ersättare")
    client.force_login(forbundsadmin)
    sida = client.get(reverse("styrelse:sammantrade-detail", args=[sammantrade.uuid]))
    assert reverse("styrelse:arende-update", args=[arende.uuid]).encode() in sida.content
    assert reverse("styrelse:narvaro-update", args=[sammantrade.uuid, eva.pk]).encode() in (
        sida.content
    )

    url = reverse("styrelse:arende-update", args=[arende.uuid])
    assert client.get(url).status_code == 200
    svar = client.post(url, {"typ": "information", "rubrik": ""})
    assert svar.status_code == 400
    svar = client.post(url, {"typ": "information", "rubrik": "Rättad rubrik"})
    assert svar.status_code == 302
    arende.refresh_from_db()
    assert arende.rubrik == "Rättad rubrik"

    url = reverse("styrelse:narvaro-update", args=[sammantrade.uuid, eva.pk])
    assert client.get(url).status_code == 200
    svar = client.post(url, {"namn": "Eva Ersättare", "roll": "ersattare", "justerare": "on"})
    assert svar.status_code == 400
    assert "En justerare behöver ett konto" in svar.content.decode()
    svar = client.post(
        url, {"namn": "Eva Ersättare", "roll": "ersattare", "ankom": "10:00", "lamnade": "11:00"}
    )
    assert svar.status_code == 302
    eva.refresh_from_db()
    assert str(eva.lamnade) == "11:00:00"

    client.post(reverse("styrelse:narvaro-delete", args=[sammantrade.uuid, eva.pk]))
    assert not Narvaro.objects.filter(pk=eva.pk).exists()
    svar = client.post(reverse("styrelse:narvaro-delete", args=[sammantrade.uuid, eva.pk]))
    assert svar.status_code == 404

    p.protokoll_uppratta(actor=forbundsadmin, sammantrade=sammantrade)
    svar = client.post(reverse("styrelse:arende-delete", args=[arende.uuid]), follow=True)
    assert "Protokollet är upprättat: sammanträdet kan inte ändras." in svar.content.decode()
    assert Arende.objects.filter(pk=arende.pk).exists()
    svar = client.get(reverse("styrelse:arende-update", args=[arende.uuid]), follow=True)
    assert "Protokollet är upprättat" in svar.content.decode()
