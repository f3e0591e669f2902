"""The office's questionnaire editor: create, add questions of every type,
reorder, reword, publish, answer through a link, see the results; a published
version is read only and bad input is refused beside the field."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from enkater.models import Alternativ, Enkat, Fraga, Svar, Text
from enkater.services.enkat import (
    FragaInnehall,
    fraga_andra,
    fraga_flytta,
    fraga_ta_bort,
    standardenkater_skapa,
)
from enkater.services.lankar import _ny_lank
from enkater.services.svar import svara
from samverkan.models import AuditEvent
from tests.enkater.conftest import fyll_i

SKALA = {
    "typ": "skala",
    "text_sv": "Jag fick hjälp i tid.",
    "text_en": "I got help in time.",
    "skalsteg": "5",
    "lag_sv": "Instämmer inte alls",
    "hog_sv": "Instämmer helt",
    "obligatorisk": "on",
}
ENVAL = {
    "typ": "enval",
    "text_sv": "Hur hörde du talas om insatsen?",
    "alternativ_sv": "Handläggare\nVän\nAnnat",
    "alternativ_en": "Case worker\nFriend\nOther",
}
FLERVAL = {
    "typ": "flerval",
    "text_sv": "Vad har du fått hjälp med?",
    "text_lattlast": "Vad har du fått hjälp med?",
    "alternativ_sv": "Arbete\nStudier\nHälsa",
}
FRITEXT = {"typ": "fritext", "text_sv": "Något mer du vill säga?"}


def _url(namn, enkat, **kw):
    return reverse(f"enkater:{namn}", kwargs={"uuid": enkat.uuid, **kw})


def _ny_enkat(client):
    response = client.post(
        reverse("enkater:enkat-skapa"), {"namn": "Uppföljning", "typ": "deltagare"}
    )
    assert response.status_code == 302
    return Enkat.objects.get(namn="Uppföljning")


def _fragor(enkat):
    return list(Fraga.objects.filter(version__enkat=enkat).order_by("ordning"))


@pytest.fixture
def kansli(client, forbundsadmin):
    client.force_login(forbundsadmin)
    return client


def test_office_builds_publishes_and_sees_answers(
    kansli, forbundsadmin, forbund, insats, django_assert_max_num_queries
):
    enkat = _ny_enkat(kansli)
    assert enkat.forbund == forbund and enkat.versioner.get().publicerad is None
    assert AuditEvent.objects.filter(action="create", actor=forbundsadmin).exists()
    for data in (FRITEXT, SKALA, ENVAL, FLERVAL):
        response = kansli.post(_url("fraga-ny", enkat), data)
        assert response.status_code == 302, response.content.decode()[:3000]
    fritext, skala, enval, flerval = _fragor(enkat)
    assert [f.typ for f in (fritext, skala, enval, flerval)] == [
        "fritext",
        "skala",
        "enval",
        "flerval",
    ]
    assert skala.skalsteg == 5 and skala.obligatorisk
    assert enval.alternativ.count() == 3

    # Reorder: the free text goes from first to last, one step at a time.
    for _ in range(3):
        assert (
            kansli.post(_url("fraga-flytta", enkat, pk=fritext.pk), {"riktning": "ned"}).status_code
            == 302
        )
    assert [f.typ for f in _fragor(enkat)] == ["skala", "enval", "flerval", "fritext"]
    kansli.post(_url("fraga-flytta", enkat, pk=flerval.pk), {"riktning": "upp"})
    assert [f.typ for f in _fragor(enkat)] == ["skala", "flerval", "enval", "fritext"]

    # Reword: the form starts from today's texts; the new text replaces the old.
    sida = kansli.get(_url("fraga-andra", enkat, pk=enval.pk)).content.decode()
    assert "Case worker" in sida and "Hur hörde du talas om insatsen?" in sida
    response = kansli.post(
        _url("fraga-andra", enkat, pk=enval.pk),
        {**ENVAL, "text_sv": "Hur fick du veta om insatsen?"},
    )
    assert response.status_code == 302
    assert Text.objects.filter(fraga=enval, falt="fraga", sprak="sv").get().text == (
        "Hur fick du veta om insatsen?"
    )
    assert AuditEvent.objects.filter(action="change", detail__andrad_fraga=3).exists()

    with django_assert_max_num_queries(25):
        editor = kansli.get(_url("enkat-detail", enkat))
    assert editor.status_code == 200
    assert "Flytta upp" in editor.content.decode()

    assert kansli.post(_url("enkat-publicera", enkat)).status_code == 302
    version = enkat.versioner.get()
    assert version.publicerad is not None

    # Answered through a one-time link, in English: missing English texts fall back to Swedish.
    token = _ny_lank(version=version, insats=insats, dag=datetime.date.today(), dagar=30)
    deltagare = Client()  # the office's tablet: nobody signed in
    url = reverse("enkater:svara", kwargs={"token": token})
    html = deltagare.get(url + "?sprak=en").content.decode()
    assert "I got help in time." in html  # English where written
    assert "Vad har du fått hjälp med?" in html  # Swedish where not
    assert "Case worker" in html
    skala, flerval, enval, fritext = _fragor(enkat)
    data = {
        "sprak": "en",
        "f1": "4",
        "f2": [str(a.pk) for a in flerval.alternativ.all()[:2]],
        "f3": str(enval.alternativ.first().pk),
        "f4": "Tack",
    }
    assert deltagare.post(url, data).status_code == 302
    assert Svar.objects.filter(version=version).count() == 1

    # A second answer, so that the smallest cell allowed (2) is reached.
    token = _ny_lank(version=version, insats=insats, dag=datetime.date.today(), dagar=30)
    svara(token=token, sprak="sv", rader=fyll_i(version, skala=2))
    forbund.smacellsgrans = 2
    forbund.save()
    svar = kansli.get(_url("resultat", enkat) + f"?ar={datetime.date.today().year}")
    assert svar.status_code == 200, (svar, svar.get("Location"))
    resultat = svar.content.decode()
    assert "Jag fick hjälp i tid." in resultat


def test_published_version_is_read_only(kansli, forbundsadmin, forbund):
    enkat = standardenkater_skapa(forbund)["deltagare"]
    fraga = enkat.publicerad_version().fragor.first()
    antal = Fraga.objects.filter(version__enkat=enkat).count()
    fore = Text.objects.filter(fraga=fraga, falt="fraga", sprak="sv").get().text

    sida = kansli.get(_url("fraga-andra", enkat, pk=fraga.pk))
    assert sida.status_code == 200
    html = sida.content.decode()
    assert "Versionen är publicerad och kan inte ändras." in html
    assert "<fieldset disabled>" in html

    for namn, data in (
        ("fraga-andra", {**FRITEXT, "text_sv": "Ny"}),
        ("fraga-flytta", {"riktning": "ned"}),
        ("fraga-ta-bort", {}),
    ):
        response = kansli.post(_url(namn, enkat, pk=fraga.pk), data, follow=True)
        assert response.status_code == 200
        assert "Versionen är publicerad och kan inte ändras." in response.content.decode()
    response = kansli.post(_url("fraga-ny", enkat), FRITEXT, follow=True)
    assert "Versionen är publicerad och kan inte ändras." in response.content.decode()
    assert Text.objects.filter(fraga=fraga, falt="fraga", sprak="sv").get().text == fore
    assert Fraga.objects.filter(version__enkat=enkat).count() == antal

    # The services refuse too, whoever calls them.
    for anrop in (
        lambda: fraga_flytta(actor=forbundsadmin, fraga=fraga, riktning="ned"),
        lambda: fraga_ta_bort(actor=forbundsadmin, fraga=fraga),
        lambda: fraga_andra(
            actor=forbundsadmin,
            fraga=fraga,
            innehall=FragaInnehall(typ="fritext", texter={"sv": "x"}),
        ),
    ):
        with pytest.raises(ValidationError, match="publicerad"):
            anrop()


@pytest.mark.parametrize(
    ("data", "falt", "fel"),
    [
        ({**ENVAL, "alternativ_sv": "Bara ett"}, "alternativ_sv", "Ange minst två svarsalternativ"),
        ({**FLERVAL, "alternativ_sv": ""}, "alternativ_sv", "Ange minst två svarsalternativ"),
        ({**ENVAL, "alternativ_en": "One\nTwo"}, "alternativ_en", "Ange lika många alternativ"),
        ({**SKALA, "skalsteg": ""}, "skalsteg", "Ange antal skalsteg"),
        ({**SKALA, "skalsteg": "12"}, "skalsteg", "11"),
        ({**SKALA, "hog_sv": ""}, "hog_sv", "Ange en svensk text för skalans ände."),
        ({**FRITEXT, "text_sv": ""}, "text_sv", "Detta fält måste fyllas i."),
        ({**FRITEXT, "typ": "okand"}, "typ", "giltigt"),
    ],
)
def test_bad_input_is_refused_beside_the_field(kansli, data, falt, fel):
    enkat = _ny_enkat(kansli)
    response = kansli.post(_url("fraga-ny", enkat), data)
    assert response.status_code == 400
    form = response.context["form"]
    assert any(fel in e for e in form.errors[falt]), form.errors
    assert fel in response.content.decode()
    # Nothing half-saved.
    assert not Fraga.objects.filter(version__enkat=enkat).exists()
    assert not Alternativ.objects.filter(fraga__version__enkat=enkat).exists()


def test_bad_edit_keeps_the_question_as_it_was(kansli):
    enkat = _ny_enkat(kansli)
    kansli.post(_url("fraga-ny", enkat), ENVAL)
    (fraga,) = _fragor(enkat)
    response = kansli.post(
        _url("fraga-andra", enkat, pk=fraga.pk), {**ENVAL, "alternativ_sv": "Ett"}
    )
    assert response.status_code == 400
    assert fraga.alternativ.count() == 3


def test_new_questionnaire_needs_a_name_and_a_kind(kansli):
    response = kansli.post(reverse("enkater:enkat-skapa"), {"namn": "", "typ": ""})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"namn", "typ"}
    assert not Enkat.objects.filter(standard="").exists()


def test_remove_closes_the_gap(kansli, forbundsadmin):
    enkat = _ny_enkat(kansli)
    for data in (SKALA, ENVAL, FRITEXT):
        kansli.post(_url("fraga-ny", enkat), data)
    skala, enval, fritext = _fragor(enkat)
    assert kansli.post(_url("fraga-ta-bort", enkat, pk=enval.pk)).status_code == 302
    assert [(f.typ, f.ordning) for f in _fragor(enkat)] == [("skala", 1), ("fritext", 2)]
    assert not Alternativ.objects.filter(fraga__version__enkat=enkat).exists()
    assert AuditEvent.objects.filter(actor=forbundsadmin, detail__borttagen_fraga=2).exists()
    # Moving past either end changes nothing.
    kansli.post(_url("fraga-flytta", enkat, pk=skala.pk), {"riktning": "upp"})
    kansli.post(_url("fraga-flytta", enkat, pk=fritext.pk), {"riktning": "ned"})
    assert [f.typ for f in _fragor(enkat)] == ["skala", "fritext"]


def test_another_forbunds_questionnaire_is_404(client, forbundsadmin, annat_forbund_admin):
    client.force_login(forbundsadmin)
    enkat = _ny_enkat(client)
    client.post(_url("fraga-ny", enkat), FRITEXT)
    (fraga,) = _fragor(enkat)
    client.force_login(annat_forbund_admin)
    for url in (
        _url("enkat-detail", enkat),
        _url("fraga-ny", enkat),
        _url("fraga-andra", enkat, pk=fraga.pk),
        _url("fraga-flytta", enkat, pk=fraga.pk),
        _url("fraga-ta-bort", enkat, pk=fraga.pk),
        _url("version-texter", enkat),
    ):
        assert client.get(url).status_code in (404,)
        assert client.post(url, FRITEXT).status_code == 404
    assert Fraga.objects.filter(version__enkat=enkat).count() == 1


def test_question_of_another_questionnaire_is_404(kansli, forbund):
    enkat = _ny_enkat(kansli)
    annan = standardenkater_skapa(forbund)["deltagare"].publicerad_version().fragor.first()
    assert kansli.get(_url("fraga-andra", enkat, pk=annan.pk)).status_code == 404
    assert kansli.post(_url("fraga-ta-bort", enkat, pk=annan.pk)).status_code == 404


def test_staff_cannot_create(client, samordnare):
    client.force_login(samordnare)
    assert client.get(reverse("enkater:enkat-skapa")).status_code == 403


def test_new_version_of_the_default_can_be_reworded(kansli, forbundsadmin, forbund):
    """The way to reword the questionnaire the links use: a new draft version."""
    enkat = standardenkater_skapa(forbund)["deltagare"]
    kansli.post(_url("enkat-version-ny", enkat))
    utkast = enkat.versioner.get(publicerad__isnull=True)
    fraga = utkast.fragor.get(ordning=11)
    assert kansli.post(_url("fraga-andra", enkat, pk=fraga.pk), {**FRITEXT}).status_code == 302
    kansli.post(_url("enkat-publicera", enkat))
    assert enkat.publicerad_version() == utkast
    assert Text.objects.get(fraga=fraga, falt="fraga", sprak="sv").text == FRITEXT["text_sv"]
