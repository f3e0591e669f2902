"""The statistics page, exports, the report pages and Uppföljning Finsam."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.test import TestCase
from django.urls import reverse

from rapporter.models import Rapport
from rapporter.services import rapport as services
from samverkan.models import AuditEvent
from tests.rapporter.test_rapport import Q4, inskriv, publicera

STATISTIK = reverse("rapporter:statistik")


@pytest.fixture
def data(insats):
    for n in range(8):
        inskriv(insats, kon="kvinna", start=datetime.date(2025, 9, 1), namn=f"K{n}")
    for n in range(3):
        inskriv(insats, kon="man", start=datetime.date(2025, 10, 1), namn=f"M{n}")
    return insats


def _fler(insats, n):
    for k in range(n):
        inskriv(
            insats,
            kon="kvinna" if k % 2 else "man",
            start=datetime.date(2025, 7, 1),
            slut=datetime.date(2025, 11, 1),
            vag_ut="studier",
            namn=f"X{k}",
        )


@pytest.mark.django_db
def test_the_board_sees_suppressed_figures(client, styrelse, data):
    client.force_login(styrelse)
    response = client.get(STATISTIK, {"period": "2025-Q4", "exakt": "on"})
    assert response.status_code == 200
    s = response.context["s"]
    aktiva = s.tabell("oversikt").rad("aktiva").varden
    # 3 men hidden as "<5"; 8 women hidden too, or 11 − 8 − 0 would give the 3 away,
    # and shown as the 7–10 that 11 − "<5" says anyway.
    assert str(aktiva["man"]) == "<5" and str(aktiva["kvinna"]) == "7–10"
    assert aktiva["totalt"] == 11 and aktiva["annat"] == 0
    assert "<svg" in response.content.decode()  # charts beside the tables
    assert "exakt" not in response.context["form"].fields  # never offered to the board


@pytest.mark.django_db
def test_the_office_may_ask_for_exact_figures(client, forbundsadmin, data):
    client.force_login(forbundsadmin)
    response = client.get(STATISTIK, {"period": "2025-Q4", "exakt": "on"})
    assert response.context["s"].tabell("oversikt").rad("aktiva").varden["man"] == 3
    assert response.context["s"].grans is None


@pytest.mark.django_db
def test_a_samordnare_sees_own_insats_only(client, samordnare, data, annan_insats):
    client.force_login(samordnare)
    response = client.get(STATISTIK, {"period": "2025-Q4"})
    assert response.status_code == 200
    assert response.context["s"].insats == data
    response = client.get(STATISTIK, {"period": "2025-Q4", "insats": str(annan_insats.uuid)})
    assert response.status_code == 400
    assert "insats" in response.context["form"].errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, field",
    [
        ({"period": "1999-Q9"}, "period"),
        ({"period": "egen", "fran": "2025-05-01", "till": "2025-01-01"}, "till"),
        ({"period": "egen", "fran": "inte ett datum"}, "fran"),
        ({"period": "egen"}, "fran"),
    ],
)
def test_bad_filters_give_a_swedish_error_at_the_field(client, styrelse, data, params, field):
    client.force_login(styrelse)
    response = client.get(STATISTIK, params)
    assert response.status_code == 400
    assert field in response.context["form"].errors


@pytest.mark.django_db
def test_custom_dates(client, styrelse, data):
    client.force_login(styrelse)
    response = client.get(STATISTIK, {"period": "egen", "fran": "2025-09-01", "till": "2025-09-30"})
    assert response.status_code == 200
    assert response.context["s"].tabell("oversikt").rad("aktiva").varden["kvinna"] == 8


@pytest.mark.django_db
def test_the_statistics_page_has_a_query_ceiling(
    client, forbundsadmin, data, django_assert_max_num_queries
):
    client.force_login(forbundsadmin)
    client.get(STATISTIK, {"period": "2025"})  # warm the session and the caches
    # 32: one of them is the registered survey section's (rapporter/avsnitt.py).
    with django_assert_max_num_queries(32) as before:
        client.get(STATISTIK, {"period": "2025"})
    _fler(data, 30)
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(STATISTIK, {"period": "2025"})


@pytest.mark.django_db
def test_csv_and_xlsx_exports_are_protected_and_audited(client, styrelse, data):
    client.force_login(styrelse)
    url = reverse("rapporter:statistik-export", args=["oversikt", "csv"])
    response = client.get(url, {"period": "2025-Q4"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    aktiva = next(r for r in rows if r[0].startswith("Aktiva"))
    assert aktiva[1:] == ["8", "<5", "0", "11"] or "<5" in aktiva
    assert AuditEvent.objects.filter(action="export", object_type="rapporter.statistik").exists()

    url = reverse("rapporter:statistik-export", args=["alla", "xlsx"])
    response = client.get(url, {"period": "2025-Q4"})
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) > 10

    assert (
        client.get(
            reverse("rapporter:statistik-export", args=["finns-inte", "csv"]), {"period": "2025-Q4"}
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("rapporter:statistik-export", args=["oversikt", "exe"]), {"period": "2025-Q4"}
        ).status_code
        == 404
    )


@pytest.mark.django_db
def test_a_hidden_kon_cell_shows_its_interval_on_the_page_and_in_the_files(client, styrelse, data):
    # Aktiva in Q4: 8 women, 3 men, 11 in all. The 3 are "<5" and the 8 go too (or
    # 11 − 8 would give the 3 away): shown as 7–10, which 11 − "<5" says anyway.
    client.force_login(styrelse)
    sida = client.get(STATISTIK, {"period": "2025-Q4"}).content.decode()
    forklarad = (
        '<abbr title="Dolt så att ett litet tal inte kan räknas fram; de visade talen ger '
        'redan att det ligger mellan 7 och 10">7–10</abbr>'
    )
    assert re.search(
        rf'<th scope="row">Aktiva inskrivningar</th>\s*<td class="tal">{forklarad}</td>', sida
    ), sida
    assert "Ett spann som 32–35 är också ett dolt värde" in sida

    url = reverse("rapporter:statistik-export", args=["oversikt", "csv"])
    text = client.get(url, {"period": "2025-Q4"}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert next(r for r in rows if r[0] == "Aktiva inskrivningar")[1:] == ["7–10", "<5", "0", "11"]
    assert "32–35: dold, men de visade talen ger redan" in rows[-1][0]

    url = reverse("rapporter:statistik-export", args=["alla", "xlsx"])
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(url, {"period": "2025-Q4"}).content))
    rader = list(workbook["Översikt"].iter_rows(values_only=True))
    assert ("Aktiva inskrivningar", "7–10", "<5", 0, 11) in rader
    assert any(r[0] and "32–35: dold" in r[0] for r in rader)


@pytest.mark.django_db
def test_handlaggare_and_anonymous_do_not_reach_statistics(client, handlaggare):
    assert client.get(STATISTIK).status_code == 302
    client.force_login(handlaggare)
    assert client.get(STATISTIK).status_code == 404
    assert client.get(reverse("rapporter:rapport-list")).status_code == 404


@pytest.mark.django_db
def test_the_board_lists_and_downloads_published_reports(
    client, styrelse, forbundsadmin, forbund, data
):
    publicerad = publicera(forbundsadmin, forbund)
    utkast = services.rapport_skapa(actor=forbundsadmin, forbund=forbund, period=Q4, insats=data)
    client.force_login(styrelse)
    response = client.get(reverse("rapporter:rapport-list"))
    assert list(response.context["publicerade"]) == [publicerad]
    assert list(response.context["utkast"]) == []
    assert not response.context["kan_skriva"]
    response = client.get(reverse("rapporter:rapport-pdf", args=[publicerad.uuid]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == publicerad.fil.open("rb").read()
    assert AuditEvent.objects.filter(
        action="export", object_id=str(publicerad.uuid), actor=styrelse
    ).exists()
    assert client.get(reverse("rapporter:rapport-detail", args=[utkast.uuid])).status_code == 404
    assert client.get(reverse("rapporter:rapport-pdf", args=[utkast.uuid])).status_code == 404


@pytest.mark.django_db
def test_another_forbund_gets_404(client, annat_forbund_admin, forbundsadmin, forbund, data):
    r = publicera(forbundsadmin, forbund)
    client.force_login(annat_forbund_admin)
    assert client.get(reverse("rapporter:rapport-pdf", args=[r.uuid])).status_code == 404
    assert client.get(reverse("rapporter:rapport-detail", args=[r.uuid])).status_code == 404


@pytest.mark.django_db
def test_the_office_writes_and_publishes_through_the_pages(client, forbundsadmin, data):
    client.force_login(forbundsadmin)
    response = client.post(reverse("rapporter:rapport-create"), {"period": "2025-Q4"})
    r = Rapport.objects.get()
    assert response.status_code == 302 and r.insats is None and r.typ == "kvartal"
    url = reverse("rapporter:rapport-detail", args=[r.uuid])
    texter = {"sammanfattning": "Kort.", "samverkan": "", "resultat": "", "framat": "Mer."}
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {**texter, "publicera": "1"})
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.ar_publicerad and r.framat == "Mer."
    # A published report's texts cannot be posted to.
    assert client.post(url, texter).status_code == 404
    # The same period again is a new version, not an overwrite.
    response = client.post(reverse("rapporter:rapport-version", args=[r.uuid]))
    assert Rapport.objects.filter(version=2, status="utkast").exists()


@pytest.mark.django_db
def test_a_draft_form_keeps_the_input_on_error(client, forbundsadmin, forbund):
    client.force_login(forbundsadmin)
    r = services.rapport_skapa(actor=forbundsadmin, forbund=forbund, period=Q4)
    url = reverse("rapporter:rapport-detail", args=[r.uuid])
    response = client.post(url, {"sammanfattning": "x" * 10001, "framat": "Behålls"})
    assert response.status_code == 400
    assert "sammanfattning" in response.context["form"].errors
    assert "Behålls" in response.content.decode()
    r.refresh_from_db()
    assert r.framat == ""


@pytest.mark.django_db
def test_new_report_form_errors(client, forbundsadmin, data):
    client.force_login(forbundsadmin)
    response = client.post(reverse("rapporter:rapport-create"), {"period": "2099-Q1"})
    assert response.status_code == 400 and "period" in response.context["form"].errors
    assert not Rapport.objects.exists()


@pytest.mark.django_db
def test_finsam_page_and_csv(client, forbundsadmin, samordnare, data):
    client.force_login(forbundsadmin)
    response = client.get(reverse("rapporter:finsam"), {"ar": "2025"})
    assert response.status_code == 200
    assert response.context["tabeller"]
    response = client.get(reverse("rapporter:finsam-export"), {"ar": "2025"})
    assert response.status_code == 200 and response.content.startswith("\ufeff".encode())
    assert client.get(reverse("rapporter:finsam"), {"ar": "1800"}).status_code == 400
    client.force_login(samordnare)
    assert client.get(reverse("rapporter:finsam")).status_code == 404
