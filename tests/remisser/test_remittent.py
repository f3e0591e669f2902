"""After the decision: duplicate warning, hand-over, following the case within consent."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from deltagare import services as d_services
from remisser import services
from remisser.models import Remiss, Status
from samverkan.models import AuditEvent
from tests.factories import MedlemskapFactory, UserFactory
from tests.remisser.hjalp import skriv_in
from tests.remisser.test_services import DATA, fil


@pytest.fixture
def skickad(handlaggare, insats):
    remiss = services.remiss_spara_utkast(
        actor=handlaggare, insats=insats, data=dict(DATA), fil=fil()
    )
    return services.remiss_skicka(actor=handlaggare, remiss=remiss)


@pytest.fixture
def antagen(skickad, samordnare, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.remiss_anta(actor=samordnare, remiss=skickad)


def test_a_second_remiss_for_the_same_person_warns(skickad, handlaggare, insats):
    second = services.remiss_spara_utkast(
        actor=handlaggare, insats=insats, data=dict(DATA), fil=fil()
    )
    with pytest.raises(ValidationError) as exc:
        services.remiss_skicka(actor=handlaggare, remiss=second)
    assert "skicka_anda" in exc.value.message_dict
    sent = services.remiss_skicka(actor=handlaggare, remiss=second, trots_dubblett=True)
    assert sent.status == Status.INKOMMEN


def test_hand_over_to_a_colleague(skickad, handlaggare, organisation, forbund):
    colleague = UserFactory()
    MedlemskapFactory(user=colleague, roll="handlaggare", insats=None, organisation=organisation)
    stranger = UserFactory()
    with pytest.raises(ValidationError):
        services.remiss_overlamna(actor=handlaggare, remiss=skickad, till=stranger)
    services.remiss_overlamna(actor=handlaggare, remiss=skickad, till=colleague)
    assert skickad in Remiss.objects.for_user(colleague)


def test_referrer_follows_the_case_while_consent_covers_them(
    client, antagen, handlaggare, samordnare, kollega
):
    i = antagen.inskrivning
    skriv_in(i, samordnare, kollega)
    d_services.kontakt_registrera(
        actor=samordnare,
        inskrivning=i,
        datum=i.aktualiserad,
        typ="remittent",
        anteckning="Hälsning till remittenten",
        till_remittent=True,
    )
    d_services.kontakt_registrera(
        actor=samordnare,
        inskrivning=i,
        datum=i.aktualiserad,
        typ="deltagare",
        anteckning="Intern anteckning",
    )
    client.force_login(handlaggare)
    url = reverse("remisser:remiss-detail", kwargs={"uuid": antagen.uuid})
    html = client.get(url).content.decode()
    assert "Inskriven" in html and "Hälsning till remittenten" in html
    assert "Intern anteckning" not in html
    d_services.samtycke_aterkalla(actor=samordnare, samtycke=d_services.giltigt_samtycke(i))
    html = client.get(url).content.decode()
    assert "Hälsning till remittenten" not in html and "Antagen" in html


def test_hand_over_pdf_for_the_referrer_at_exit_within_consent(
    client, antagen, handlaggare, samordnare
):
    i = antagen.inskrivning
    d_services.inskrivning_avsluta(
        actor=samordnare,
        inskrivning=i,
        avslut={
            "datum": i.aktualiserad + datetime.timedelta(days=1),
            "vag_ut": "annan_aktor",
            "ansvarig_efter": "kommun",
            "sammanfattning": "Socialtjänsten tar över.",
        },
    )
    client.force_login(handlaggare)
    url = reverse("remisser:remiss-overlamning-pdf", kwargs={"uuid": antagen.uuid})
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert AuditEvent.objects.filter(action="print", actor=handlaggare).exists()
    d_services.samtycke_aterkalla(actor=samordnare, samtycke=d_services.giltigt_samtycke(i))
    assert client.get(url).status_code == 404
