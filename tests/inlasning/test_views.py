"""The office's pages: upload with dry run, the import's progress, the template."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from deltagare.models import Inskrivning
from inlasning.models import Inlasning, Status
from tests.inlasning.conftest import PNR1, fil
from tests.inlasning.hjalp import exempelrader, rad, xlsx


def test_the_template_downloads_as_xlsx(client, forbundsadmin, insats):
    client.force_login(forbundsadmin)
    response = client.get(reverse("inlasning:inlasning-mall"))
    assert response.status_code == 200
    assert "inlasningsmall.xlsx" in response["Content-Disposition"]
    assert "Deltagare" in load_workbook(io.BytesIO(response.content)).sheetnames


def test_upload_shows_the_dry_run_then_imports_with_progress(
    client, forbundsadmin, insats, django_capture_on_commit_callbacks
):
    client.force_login(forbundsadmin)
    data = xlsx(exempelrader(3, [insats.namn], []))
    response = client.post(reverse("inlasning:inlasning-list"), {"fil": fil(data)})
    inlasning = Inlasning.objects.get()
    detalj = reverse("inlasning:inlasning-detail", args=[inlasning.uuid])
    assert response.status_code == 302 and response["Location"] == detalj
    # No personnummer in any URL.
    assert PNR1 not in response["Location"]
    sida = client.get(detalj).content.decode()
    assert "Provkörningen hittade inga fel" in sida and "ny deltagare" in sida
    assert "Exempel" not in sida  # no names on the dry run's page
    # Waiting for a worker: the page refreshes itself (no JavaScript) and shows progress.
    Inlasning.objects.filter(pk=inlasning.pk).update(status=Status.KOAD)
    sida = client.get(detalj).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in sida and "<progress" in sida
    Inlasning.objects.filter(pk=inlasning.pk).update(status=Status.PROVKORD)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("inlasning:inlasning-start", args=[inlasning.uuid]))
    assert response.status_code == 302
    sida = client.get(detalj).content.decode()
    assert "3 ärenden lästes in" in sida and "http-equiv" not in sida
    assert Inskrivning.objects.filter(insats=insats).count() == 3


def test_errors_are_listed_and_no_import_button(client, forbundsadmin, insats):
    client.force_login(forbundsadmin)
    data = xlsx([rad("F-1", insats.namn, "199001011230"), rad("F-2", "Finns inte", PNR1)])
    client.post(reverse("inlasning:inlasning-list"), {"fil": fil(data)})
    inlasning = Inlasning.objects.get()
    sida = client.get(reverse("inlasning:inlasning-detail", args=[inlasning.uuid])).content.decode()
    assert "Kontrollsiffran stämmer inte" in sida and "Okänd insats i förbundet." in sida
    assert "19900101****" in sida and "199001011230" not in sida
    assert "Läs in</button>" not in sida


def test_a_bad_file_gets_a_swedish_error_beside_the_field(client, forbundsadmin, insats):
    client.force_login(forbundsadmin)
    response = client.post(
        reverse("inlasning:inlasning-list"), {"fil": fil(b"%PDF-1.4 x", "a.xlsx")}
    )
    assert response.status_code == 200
    assert "Filen måste vara en Excel-fil" in response.content.decode()
    assert not Inlasning.objects.exists()


def test_list_page_queries_do_not_grow(
    client, forbundsadmin, forbund, insats, django_assert_max_num_queries
):
    from inlasning.services import uppladdning

    client.force_login(forbundsadmin)
    for i in range(4):
        uppladdning.inlasning_ladda_upp(
            actor=forbundsadmin,
            forbund=forbund,
            upload=fil(xlsx(exempelrader(2, [insats.namn], [], seed=i, prefix=f"L{i}"))),
        )
    with django_assert_max_num_queries(12):
        response = client.get(reverse("inlasning:inlasning-list"))
    assert response.content.decode().count("/inlasning/") >= 4


def test_detail_page_queries_are_fixed(
    client, forbundsadmin, forbund, insats, django_assert_max_num_queries
):
    from inlasning.services import uppladdning

    client.force_login(forbundsadmin)
    inlasning = uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin, forbund=forbund, upload=fil(xlsx(exempelrader(150, [insats.namn], [])))
    )
    with django_assert_max_num_queries(10):
        response = client.get(
            reverse("inlasning:inlasning-detail", args=[inlasning.uuid]) + "?page=2"
        )
    assert "Sida 2 av 2" in response.content.decode()
