"""The pages: the coordinator's link, the public answer pages, the office's results."""

import re

import pytest
from django.urls import reverse

from enkater.models import Enkat, Enkatlank, Svar
from enkater.services.enkat import standardenkater_skapa
from enkater.services.lankar import deltagarlank_skapa
from samverkan.models import AuditEvent
from tests.enkater.conftest import svara_manga


def _token(client, fall):
    response = client.post(
        reverse("enkater:lank-skapa", kwargs={"uuid": fall.uuid}), {"tillfalle": "avslut"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html  # the QR code, drawn on the server
    return re.search(r"/enkat/s/([A-Za-z0-9_-]+)/", html).group(1)


def test_coordinator_makes_a_link_and_the_participant_answers(client, samordnare, kartlagd):
    client.force_login(samordnare)
    token = _token(client, kartlagd)
    client.logout()  # the office's tablet: nobody signed in
    url = reverse("enkater:svara", kwargs={"token": token})
    sida = client.get(url + "?sprak=lattlast")
    assert sida.status_code == 200
    assert "Vad tycker du om hjälpen du fått?" in sida.content.decode()
    lank = Enkatlank.objects.get()
    fragor = list(lank.version.fragor.order_by("ordning"))
    data = {"sprak": "lattlast", "f1": "5", "f2": "6", "f11": "Allt"}
    data["f10"] = [str(a.pk) for a in fragor[9].alternativ.all()[:2]]
    svar = client.post(url, data)
    assert svar.status_code == 302 and svar["Location"].startswith(reverse("enkater:tack"))
    assert client.get(svar["Location"]).status_code == 200
    # Replay: said plainly, stored once.
    igen = client.post(url, data)
    assert igen.status_code == 410
    assert "redan besvarad" in igen.content.decode()
    assert Svar.objects.count() == 1
    assert Svar.objects.get().rader.count() == 5


def test_bad_link_is_a_plain_404_page(client, db):
    response = client.get(reverse("enkater:svara", kwargs={"token": "inte-en-riktig-lank"}))
    assert response.status_code == 404
    assert "Länken fungerar inte" in response.content.decode()
    post = client.post(
        reverse("enkater:svara", kwargs={"token": "inte-en-riktig-lank"}), {"f1": "3"}
    )
    assert post.status_code == 404
    assert not Svar.objects.exists()


def test_bad_answer_values_are_shown_beside_the_field(client, samordnare, kartlagd):
    token = deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd)
    url = reverse("enkater:svara", kwargs={"token": token})
    response = client.post(url, {"sprak": "sv", "f1": "99"})
    assert response.status_code == 400
    assert 'id="fel-f1"' in response.content.decode()
    assert not Svar.objects.exists() and Enkatlank.objects.exists()


def test_public_page_is_rate_limited(client, samordnare, kartlagd, settings):
    settings.SAMVERKAN_ENKAT_GRANS = "3/10m"
    url = reverse("enkater:svara", kwargs={"token": "x"})
    koder = [client.get(url).status_code for _ in range(4)]
    assert koder == [404, 404, 404, 429]


def test_english_page(client, samordnare, kartlagd):
    token = deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd)
    html = client.get(
        reverse("enkater:svara", kwargs={"token": token}) + "?sprak=en"
    ).content.decode()
    assert '<html lang="en">' in html
    assert "Send your answers" in html


def test_results_page_suppresses_below_threshold(
    client, forbundsadmin, samordnare, kartlagd, forbund
):
    forbund.smacellsgrans = 5
    forbund.save()
    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=4)
    enkat = Enkat.objects.get(forbund=forbund, typ="deltagare")
    client.force_login(forbundsadmin)
    ar = Svar.objects.first().ar
    html = client.get(
        reverse("enkater:resultat", kwargs={"uuid": enkat.uuid}) + f"?ar={ar}"
    ).content.decode()
    assert "Färre än 5 svar: inget resultat visas." in html
    assert "Bra stöd" not in html  # free text hidden below the threshold too
    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=1)
    html = client.get(
        reverse("enkater:resultat", kwargs={"uuid": enkat.uuid}) + f"?ar={ar}"
    ).content.decode()
    assert "Bra stöd" in html
    assert "<svg" in html


def test_results_page_query_ceiling(
    client, forbundsadmin, samordnare, kartlagd, forbund, django_assert_max_num_queries
):
    svara_manga(actor=samordnare, inskrivning=kartlagd, antal=6)
    enkat = Enkat.objects.get(forbund=forbund, typ="deltagare")
    client.force_login(forbundsadmin)
    ar = Svar.objects.first().ar
    url = reverse("enkater:resultat", kwargs={"uuid": enkat.uuid}) + f"?ar={ar}"
    with django_assert_max_num_queries(40):
        assert client.get(url).status_code == 200


def test_list_page_query_ceiling(client, forbundsadmin, django_assert_max_num_queries):
    client.force_login(forbundsadmin)
    client.get(reverse("enkater:enkat-list"))  # creates the defaults once
    with django_assert_max_num_queries(15):
        assert client.get(reverse("enkater:enkat-list")).status_code == 200


def test_export_is_audited(client, forbundsadmin, forbund):
    standardenkater_skapa(forbund)
    enkat = Enkat.objects.get(forbund=forbund, typ="deltagare")
    client.force_login(forbundsadmin)
    url = reverse(
        "enkater:resultat-export", kwargs={"uuid": enkat.uuid, "nyckel": "alla", "format": "xlsx"}
    )
    response = client.get(url + "?ar=2026")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert AuditEvent.objects.filter(action="export", object_type="enkater.resultat").exists()


def test_office_sends_samverkan_links(
    client, forbundsadmin, insats, samordnare, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(forbundsadmin)
    url = reverse("enkater:samverkan-utskick")
    bad = client.post(url, {"insats": insats.pk, "adresser": "inte en adress"})
    assert bad.status_code == 200 and "Ogiltiga e-postadresser" in bad.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        ok = client.post(
            url, {"insats": insats.pk, "personal": "on", "adresser": "kontakt@partner.example"}
        )
    assert ok.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["kontakt@partner.example", samordnare.email]


@pytest.mark.parametrize("namn", ["enkater:enkat-list", "enkater:samverkan-utskick"])
def test_office_pages_refuse_staff(client, samordnare, namn):
    client.force_login(samordnare)
    assert client.get(reverse(namn)).status_code == 403


def test_coordinator_list_query_ceiling(
    client, samordnare, kartlagd, django_assert_max_num_queries
):
    client.force_login(samordnare)
    url = reverse("enkater:lank-list")
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert str(kartlagd.uuid) in response.content.decode()


def test_public_page_headers_keep_the_token_on_the_site(client, samordnare, kartlagd):
    token = deltagarlank_skapa(actor=samordnare, inskrivning=kartlagd)
    response = client.get(reverse("enkater:svara", kwargs={"token": token}))
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    assert "Logga ut" not in response.content.decode()  # no staff menu on the tablet


def test_case_page_has_the_survey_button(client, samordnare, kartlagd):
    client.force_login(samordnare)
    html = client.get(reverse("deltagare:inskrivning-detail", kwargs={"uuid": kartlagd.uuid}))
    url = reverse("enkater:lank-skapa", kwargs={"uuid": kartlagd.uuid})
    assert f'href="{url}"' in html.content.decode()
