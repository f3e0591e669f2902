"""A questionnaire the office built itself, once published, is handed out like
the defaults: the coordinator chooses it for a participant's link, the office
for the yearly mailing; its results, response rate, statistics section and
board PDF work as for the defaults."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from enkater.models import Enkat, Enkatlank, Svar, Utskick
from enkater.services.enkat import (
    FragaInnehall,
    enkat_skapa,
    fraga_lagg_till,
    standardenkater_skapa,
    version_publicera,
)
from enkater.services.lankar import deltagarlank_skapa, samverkanslankar_skicka
from enkater.services.svar import lank_hamta, svara
from rapporter.period import Period
from rapporter.sammanstallning import sammanstall, skapa_pdf
from samverkan.models import AuditEvent
from tests.enkater.conftest import fyll_i

PAGSTAENDE = FragaInnehall(
    typ="skala",
    texter={"sv": "Jag blev lyssnad på.", "lattlast": "Någon lyssnade på mig."},
    skalsteg=5,
    lag={"sv": "Aldrig"},
    hog={"sv": "Alltid"},
)


def egen_enkat(actor, forbund, *, typ="deltagare", namn="Vår egen enkät", publicera=True):
    enkat = enkat_skapa(actor=actor, forbund=forbund, typ=typ, namn=namn)
    version = enkat.versioner.get()
    fraga_lagg_till(actor=actor, version=version, innehall=PAGSTAENDE)
    fraga_lagg_till(
        actor=actor,
        version=version,
        innehall=FragaInnehall(typ="fritext", texter={"sv": "Något mer?"}),
    )
    if publicera:
        version_publicera(actor=actor, version=version)
    return enkat


@pytest.fixture
def egen(forbundsadmin, forbund):
    return egen_enkat(forbundsadmin, forbund)


def svara_egen(*, actor, inskrivning, enkat, antal, skala=4):
    for _ in range(antal):
        token = deltagarlank_skapa(actor=actor, inskrivning=inskrivning, enkat=enkat)
        lank = lank_hamta(token)
        svara(
            token=token,
            sprak="sv",
            rader=fyll_i(lank.version, skala=skala, text="Mitt eget fritextsvar"),
        )


def test_link_to_the_offices_own_questionnaire(samordnare, kartlagd, egen):
    token = deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd, enkat=egen)
    lank = Enkatlank.objects.get()
    assert lank.version == egen.publicerad_version()
    assert Utskick.objects.get().enkat == egen
    svara(token=token, sprak="sv", rader=fyll_i(lank.version))
    assert Svar.objects.get().version.enkat == egen
    # The case's trail says a link was made, not which questionnaire.
    event = AuditEvent.objects.get(object_type="enkater.enkatlank")
    assert str(egen.uuid) not in str(event.detail)


@pytest.mark.parametrize(
    ("vilken", "fel"),
    [
        ("utkast", ValidationError),
        ("samverkan", ValidationError),
        ("annat_forbund", PermissionDenied),
    ],
)
def test_only_a_published_participant_questionnaire_of_the_forbund(
    vilken, fel, samordnare, kartlagd, forbundsadmin, forbund, annat_forbund_admin, annat_forbund
):
    enkat = {
        "utkast": lambda: egen_enkat(forbundsadmin, forbund, publicera=False),
        "samverkan": lambda: egen_enkat(forbundsadmin, forbund, typ="samverkan"),
        "annat_forbund": lambda: egen_enkat(annat_forbund_admin, annat_forbund),
    }[vilken]()
    with pytest.raises(fel):
        deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd, enkat=enkat)
    assert not Enkatlank.objects.exists() and not Utskick.objects.exists()


def test_coordinator_chooses_the_questionnaire_default_preselected(
    client, samordnare, kartlagd, egen, forbundsadmin, forbund
):
    utkast = egen_enkat(forbundsadmin, forbund, namn="Ett utkast", publicera=False)
    egen_enkat(forbundsadmin, forbund, typ="samverkan", namn="Om samverkan")
    client.force_login(samordnare)
    url = reverse("enkater:lank-skapa", kwargs={"uuid": kartlagd.uuid})
    html = client.get(url).content.decode()
    standard = Enkat.objects.get(forbund=forbund, standard="nns-deltagare")
    assert re.search(rf'value="{standard.uuid}"[^>]*checked', html)
    assert f'value="{egen.uuid}"' in html
    # Neither a draft nor a questionnaire of the other kind is offered.
    assert str(utkast.uuid) not in html and "Om samverkan" not in html

    response = client.post(url, {"tillfalle": "avslut", "enkat": str(egen.uuid)})
    assert response.status_code == 200 and "<svg" in response.content.decode()
    assert Enkatlank.objects.get().version.enkat == egen

    # A draft named in a crafted request: refused beside the field, nothing stored.
    response = client.post(url, {"tillfalle": "avslut", "enkat": str(utkast.uuid)})
    assert response.status_code == 200
    assert response.context["form"].errors["enkat"]
    assert Enkatlank.objects.count() == 1


def test_another_forbunds_questionnaire_is_a_refused_access(
    client, samordnare, kartlagd, annat_forbund_admin, annat_forbund
):
    annan = egen_enkat(annat_forbund_admin, annat_forbund)
    client.force_login(samordnare)
    url = reverse("enkater:lank-skapa", kwargs={"uuid": kartlagd.uuid})
    response = client.post(url, {"tillfalle": "avslut", "enkat": str(annan.uuid)})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert AuditEvent.objects.filter(actor=samordnare, action="access_denied").exists()
    assert not Enkatlank.objects.exists()


def test_office_mails_its_own_samverkan_questionnaire(
    client, forbundsadmin, forbund, insats, mailoutbox, django_capture_on_commit_callbacks
):
    egen = egen_enkat(forbundsadmin, forbund, typ="samverkan", namn="Om samverkan")
    client.force_login(forbundsadmin)
    url = reverse("enkater:samverkan-utskick")
    html = client.get(url).content.decode()
    standard = Enkat.objects.get(forbund=forbund, standard="nns-samverkan")
    assert re.search(rf'value="{standard.uuid}"[^>]*checked', html)
    assert "Om samverkan" in html and "Vår egen enkät" not in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"insats": insats.pk, "enkat": str(egen.uuid), "adresser": "kontakt@partner.example"},
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert Enkatlank.objects.get().version.enkat == egen
    assert Utskick.objects.get(enkat=egen).antal == 1
    event = AuditEvent.objects.get(object_type="enkater.utskick")
    assert event.detail["enkat"] == egen.pk


def test_the_service_refuses_a_participant_questionnaire_for_the_mailing(
    forbundsadmin, forbund, insats, egen
):
    with pytest.raises(ValidationError) as fel:
        samverkanslankar_skicka(
            actor=forbundsadmin, insats=insats, adresser=["a@partner.example"], enkat=egen
        )
    assert "enkat" in fel.value.message_dict
    assert not Enkatlank.objects.exists()


def test_results_statistics_and_board_pdf_of_the_own_questionnaire(
    client, forbund, forbundsadmin, samordnare, kartlagd, egen, styrelse
):
    forbund.smacellsgrans = 3
    forbund.save()
    svara_egen(actor=samordnare, inskrivning=kartlagd, enkat=egen, antal=3, skala=5)
    # The default has answers in the same quarter: two sections side by side.
    standard = standardenkater_skapa(forbund)["deltagare"]
    svara_egen(actor=samordnare, inskrivning=kartlagd, enkat=standard, antal=3, skala=2)
    svar = Svar.objects.filter(version__enkat=egen).first()
    period = Period.kvartal(svar.ar, svar.kvartal)

    # The office's results page: response rate, mean and free text from the threshold.
    client.force_login(forbundsadmin)
    html = client.get(
        reverse("enkater:resultat", kwargs={"uuid": egen.uuid}) + f"?ar={svar.ar}"
    ).content.decode()
    assert f'id="tabell-deltagare-{egen.pk}-svarsfrekvens"' in html
    assert f'id="tabell-deltagare-{egen.pk}-medel"' in html
    assert "Jag blev lyssnad på." in html and "Mitt eget fritextsvar" in html

    # The statistics section: both questionnaires, keys that do not collide.
    s = sammanstall(forbund=forbund, period=period)
    tabeller = {t.nyckel: t for a in s.avsnitt if a.nyckel == "enkater" for t in a.tabeller}
    assert {"deltagare-svarsfrekvens", f"deltagare-{egen.pk}-svarsfrekvens"} <= set(tabeller)
    rad = tabeller[f"deltagare-{egen.pk}-svarsfrekvens"].rad(kartlagd.insats.namn)
    assert rad.varden == {"utskick": 3, "svar": 3, "andel": 100.0}
    assert tabeller[f"deltagare-{egen.pk}-medel"].rad("1").varden["totalt"] == 5
    client.force_login(styrelse)
    html = client.get(reverse("rapporter:statistik") + f"?period={period.kod}").content.decode()
    assert "Vår egen enkät" in html and "Mitt eget fritextsvar" not in html

    # The board PDF: the own questionnaire's section, never its free text.
    pdf = skapa_pdf(forbund=forbund, period=period)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Svarsfrekvens: Vår egen enkät" in text
    assert "Svarsfrekvens: Deltagarenkät (NNS-indikatorer)" in text
    assert "Mitt eget fritextsvar" not in text
