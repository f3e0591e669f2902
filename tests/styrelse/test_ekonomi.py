"""The förbund's economy: FINSAM's split of the income, costs per insats from
the insatser's own economy, result, eget kapital and the room for new grants."""

import pytest
from django.urls import reverse

from rapporter.models import Budgetpost, Ekonomi, Kostnad
from samverkan.models import Organisation
from styrelse.models import ForbundEkonomiAr, Forbundsinstallning, Kommunandel
from styrelse.selectors import forbundets_ekonomi
from tests.factories import InsatsFactory, OrganisationFactory


@pytest.fixture
def ekonomi(forbund, organisation, insats):
    annan_kommun = OrganisationFactory(forbund=forbund, namn="Kommun B", kommunkod="9998")
    OrganisationFactory(forbund=forbund, typ=Organisation.Typ.REGION, namn="Region A", kommunkod="")
    rad = ForbundEkonomiAr.objects.create(
        forbund=forbund,
        ar=2026,
        statligt_bidrag=2_000_000,
        ovriga_intakter=100_000,
        ingaende_eget_kapital=1_500_000,
        administration=600_000,
    )
    Kommunandel.objects.create(ekonomi_ar=rad, organisation=organisation, andel_procent=80)
    Kommunandel.objects.create(ekonomi_ar=rad, organisation=annan_kommun, andel_procent=20)
    Forbundsinstallning.objects.create(forbund=forbund, eget_kapital_grans_procent=20)
    e = Ekonomi.objects.create(insats=insats, ar=2026, beviljat=2_400_000)
    Budgetpost.objects.create(
        ekonomi=e, kostnadstyp="personal", budget=2_000_000, prognos=2_100_000
    )
    for manad in range(1, 7):
        Kostnad.objects.create(ekonomi=e, manad=manad, kostnadstyp="personal", belopp=150_000)
    annan = InsatsFactory(forbund=forbund, namn="Utan budget")
    Ekonomi.objects.create(insats=annan, ar=2026, beviljat=300_000)
    return rad


def test_the_economic_report_follows_finsam(forbund, ekonomi):
    e = forbundets_ekonomi(forbund=forbund, ar=2026)
    belopp = {i.namn: i.belopp for i in e.intakter}
    assert belopp == {
        "Staten via Försäkringskassan": 2_000_000,
        "Region A": 1_000_000,
        "Kommun A": 800_000,
        "Kommun B": 200_000,
        "Övriga intäkter": 100_000,
    }
    assert e.intakter_totalt == 4_100_000
    assert [(r.namn, r.beviljat, r.utfall, r.prognos) for r in e.insatser] == [
        ("Insats A", 2_400_000, 900_000, 2_100_000),
        ("Utan budget", 300_000, 0, 300_000),
    ]
    assert e.manader == 6
    assert e.kostnader_hittills == 900_000 + 300_000
    assert e.resultat_hittills == 2_050_000 - 1_200_000
    assert e.resultat_prognos == 4_100_000 - (2_400_000 + 600_000)
    assert e.utgaende_eget_kapital == 1_500_000 + 1_100_000
    assert e.grans == 820_000
    assert e.utrymme == 2_600_000 - 820_000


def test_the_page_for_the_board_and_the_office_entry(
    client, styrelse, forbundsadmin, forbund, ekonomi
):
    client.force_login(styrelse)
    sida = client.get(reverse("styrelse:ekonomi") + "?ar=2026").content.decode()
    assert "Utrymme för nya beviljningar" in sida and "1780000" in sida
    assert 'name="statligt_bidrag"' not in sida
    assert client.post(reverse("styrelse:ekonomi") + "?ar=2026", {}).status_code in (400, 403)

    client.force_login(forbundsadmin)
    svar = client.post(
        reverse("styrelse:ekonomi") + "?ar=2027",
        {
            "statligt_bidrag": "-5",
            "ovriga_intakter": "0",
            "administration": "0",
            "ingaende_eget_kapital": "0",
        },
    )
    assert svar.status_code == 400 and not ForbundEkonomiAr.objects.filter(ar=2027).exists()
    svar = client.post(
        reverse("styrelse:ekonomi") + "?ar=2027",
        {
            "statligt_bidrag": "1000",
            "ovriga_intakter": "0",
            "administration": "0",
            "ingaende_eget_kapital": "0",
        },
    )
    assert svar.status_code == 302
    assert ForbundEkonomiAr.objects.get(ar=2027).statligt_bidrag == 1000
