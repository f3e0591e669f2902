"""The heading and introduction of a version, per language: written on a draft
through the office's editor, read only once published; bad input beside the
field, one transaction, audited."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from enkater.models import Enkat, Text
from enkater.services import enkat as enkatservice
from enkater.services.enkat import standardenkater_skapa, version_texter_satt
from enkater.services.lankar import _ny_lank
from samverkan.models import AuditEvent

TEXTER = {
    "rubrik_sv": "Vad tyckte du om insatsen?",
    "rubrik_lattlast": "Vad tycker du?",
    "rubrik_en": "What did you think?",
    "inledning_sv": "Svaren är anonyma.",
    "inledning_lattlast": "",
    "inledning_en": "Your answers are anonymous.",
}


@pytest.fixture
def kansli(client, forbundsadmin):
    client.force_login(forbundsadmin)
    return client


@pytest.fixture
def enkat(kansli):
    kansli.post(reverse("enkater:enkat-skapa"), {"namn": "Uppföljning", "typ": "deltagare"})
    enkat = Enkat.objects.get(namn="Uppföljning")
    kansli.post(
        reverse("enkater:fraga-ny", kwargs={"uuid": enkat.uuid}),
        {"typ": "fritext", "text_sv": "Något mer?"},
    )
    return enkat


def _url(enkat):
    return reverse("enkater:version-texter", kwargs={"uuid": enkat.uuid})


def texter(enkat) -> dict:
    return {
        f"{falt}_{sprak}": text
        for falt, sprak, text in Text.objects.filter(
            version__enkat=enkat, falt__in=["rubrik", "inledning"]
        ).values_list("falt", "sprak", "text")
    }


def test_office_words_heading_and_introduction_per_language(
    kansli, enkat, forbundsadmin, forbund, insats
):
    sida = kansli.get(_url(enkat))
    assert sida.status_code == 200
    assert sida.context["form"].initial == {"rubrik_sv": "Uppföljning"}  # the name, to begin with

    response = kansli.post(_url(enkat), TEXTER)
    assert response.status_code == 302
    # An empty text is not stored: the answer page falls back to Swedish.
    assert texter(enkat) == {k: v for k, v in TEXTER.items() if v}
    event = AuditEvent.objects.filter(actor=forbundsadmin, action="change").latest("pk")
    assert event.detail == {"version": 1, "rubrik_och_inledning": ["en", "lattlast", "sv"]}
    detalj = kansli.get(reverse("enkater:enkat-detail", kwargs={"uuid": enkat.uuid}))
    assert "Vad tyckte du om insatsen?" in detalj.content.decode()
    assert kansli.get(_url(enkat)).context["form"].initial == texter(enkat)

    # Published and answered: each language's heading, Swedish where none was written.
    kansli.post(reverse("enkater:enkat-publicera", kwargs={"uuid": enkat.uuid}))
    version = enkat.versioner.get()
    token = _ny_lank(version=version, insats=insats, dag=datetime.date.today(), dagar=30)
    url = reverse("enkater:svara", kwargs={"token": token})
    lattlast = Client().get(url + "?sprak=lattlast").content.decode()
    assert "<h1>Vad tycker du?</h1>" in lattlast and "Svaren är anonyma." in lattlast
    engelska = Client().get(url + "?sprak=en").content.decode()
    assert "<h1>What did you think?</h1>" in engelska
    assert "Your answers are anonymous." in engelska


@pytest.mark.parametrize(
    ("data", "falt", "fel"),
    [
        ({**TEXTER, "rubrik_sv": ""}, "rubrik_sv", "Detta fält måste fyllas i."),
        ({**TEXTER, "rubrik_sv": "   "}, "rubrik_sv", "Detta fält måste fyllas i."),
        ({**TEXTER, "rubrik_en": "x" * 201}, "rubrik_en", "som mest 200 tecken"),
        ({**TEXTER, "inledning_sv": "x" * 2001}, "inledning_sv", "som mest 2000 tecken"),
    ],
)
def test_bad_input_is_refused_beside_the_field(kansli, enkat, data, falt, fel):
    fore = texter(enkat)
    response = kansli.post(_url(enkat), data)
    assert response.status_code == 400
    assert any(fel in e for e in response.context["form"].errors[falt])
    assert fel in response.content.decode()
    assert texter(enkat) == fore


def test_published_version_is_read_only(kansli, forbundsadmin, forbund):
    enkat = standardenkater_skapa(forbund)["deltagare"]
    fore = texter(enkat)
    sida = kansli.get(_url(enkat))
    assert sida.status_code == 200
    html = sida.content.decode()
    assert "<fieldset disabled>" in html and "Versionen är publicerad" in html
    response = kansli.post(_url(enkat), TEXTER, follow=True)
    assert "Versionen är publicerad och kan inte ändras." in response.content.decode()
    assert texter(enkat) == fore
    with pytest.raises(ValidationError, match="publicerad"):
        version_texter_satt(
            actor=forbundsadmin,
            version=enkat.publicerad_version(),
            rubrik={"sv": "Ny"},
            inledning={},
        )
    assert texter(enkat) == fore


def test_new_version_of_the_default_gets_new_texts(kansli, forbund):
    """The way to reword a published heading: a new draft version."""
    enkat = standardenkater_skapa(forbund)["deltagare"]
    kansli.post(reverse("enkater:enkat-version-ny", kwargs={"uuid": enkat.uuid}))
    assert kansli.post(_url(enkat), TEXTER).status_code == 302
    utkast, forsta = enkat.versioner.get(nummer=2), enkat.versioner.get(nummer=1)
    assert Text.objects.get(version=utkast, falt="rubrik", sprak="sv").text == TEXTER["rubrik_sv"]
    assert Text.objects.get(version=forsta, falt="rubrik", sprak="sv").text != TEXTER["rubrik_sv"]


def test_service_needs_a_swedish_heading(enkat, forbundsadmin):
    with pytest.raises(ValidationError) as fel:
        version_texter_satt(
            actor=forbundsadmin,
            version=enkat.versioner.get(),
            rubrik={"sv": " ", "en": "Heading"},
            inledning={},
        )
    assert fel.value.message_dict == {"rubrik": ["Ange en rubrik på svenska."]}


def test_one_transaction(enkat, forbundsadmin, monkeypatch):
    """A failure after the texts were written leaves the old ones."""
    fore = texter(enkat)

    def fel(**kwargs):
        raise RuntimeError("audit")

    monkeypatch.setattr(enkatservice.audit, "record", fel)
    with pytest.raises(RuntimeError):
        version_texter_satt(
            actor=forbundsadmin, version=enkat.versioner.get(), rubrik={"sv": "Ny"}, inledning={}
        )
    assert texter(enkat) == fore


def test_only_the_office_of_the_forbund(enkat, samordnare, annat_forbund_admin):
    fore = texter(enkat)
    for actor in (samordnare, annat_forbund_admin):
        with pytest.raises(PermissionDenied):
            version_texter_satt(
                actor=actor, version=enkat.versioner.get(), rubrik={"sv": "Ny"}, inledning={}
            )
    assert texter(enkat) == fore
