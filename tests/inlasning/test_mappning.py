"""The mapping step: a file with the förbund's own headers is mapped to the
template's fields, dry-run and imported through the mapping, and the mapping is
saved for the next file with the same headers."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from deltagare.models import Avslut, Deltagare, Inskrivning, SusForsorjning, SusUppgift
from inlasning.kolumner import BLAD, kolumner
from inlasning.models import Inlasning, Kolumnmappning, Status
from inlasning.services import genomforande, uppladdning
from samverkan.models import AuditEvent, Roll
from tests.conftest import with_totp
from tests.factories import InsatsFactory, MedlemskapFactory, OrganisationFactory, UserFactory
from tests.inlasning.conftest import fil
from tests.inlasning.hjalp import exempelrader, xlsx
from tests.inlasning.test_statistik import ORGANISATIONER, _figurer

# The fields the office's own system calls something else; the rest keep the
# template's header but in lower case. Names, order and an extra column differ.
EGNA = {
    "externt_id": "Ärendenummer",
    "insats": "Projekt",
    "personnummer": "Pnr",
    "kon": "KÖN",
    "remittent": "Remitterande",
    "aktualiserad": "Aktualiseringsdatum",
    "inskrivningsdatum": "Startdatum",
    "avslutsdatum": "Slutdatum",
    "vag_ut": "Avslutsorsak",
    "ansvarig_efter": "Ansvar efter avslut",
}
EXTRA = "Handläggarens anteckning"


def egen_rubrik(kol):
    return EGNA.get(kol.nyckel, kol.rubrik.lower())


def egen_fil(rader: list[dict]) -> bytes:
    """The rows with the own headers, the columns reversed and an extra column first;
    kön and the yes/no fields written in other cases (and one as an Excel TRUE)."""
    kols = list(reversed(kolumner()))
    wb = Workbook()
    ws = wb.active
    ws.title = BLAD
    ws.append([EXTRA, *[egen_rubrik(k) for k in kols]])
    for i, rad in enumerate(rader):
        celler = []
        for k in kols:
            varde = rad.get(k.nyckel)
            if isinstance(varde, str) and (k.nyckel == "kon" or k.typ == "janej"):
                varde = varde.upper() if i % 2 else varde.lower()
            if k.nyckel == "start_af" and varde == "Ja" and i % 3 == 0:
                varde = True
            celler.append(varde)
        ws.append([f"anteckning {i}", *celler])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def hela_mappningen() -> dict:
    return {k.nyckel: egen_rubrik(k) for k in kolumner()}


def las_in(admin, inlasning, capture):
    with capture(execute=True):
        uppladdning.inlasning_starta(actor=admin, inlasning=inlasning)
    inlasning.refresh_from_db()
    return inlasning


@pytest.fixture
def admin_b(annat_forbund):
    """Förbund B's office, without the extra insats of `annat_forbund_admin`."""
    user = UserFactory(email="kansli@b.example")
    MedlemskapFactory(user=user, roll=Roll.FORBUNDSADMIN, insats=None, forbund=annat_forbund)
    return with_totp(user)


def _forbund_med_insats(forbund):
    InsatsFactory(forbund=forbund, namn="Insats A", startdatum=datetime.date(2020, 1, 1))
    for namn in ORGANISATIONER:
        OrganisationFactory(forbund=forbund, namn=namn)


def _poster(forbund):
    return [
        Deltagare.objects.filter(forbund=forbund).count(),
        Inskrivning.objects.filter(insats__forbund=forbund).count(),
        Avslut.objects.filter(inskrivning__insats__forbund=forbund).count(),
        SusUppgift.objects.filter(inskrivning__insats__forbund=forbund).count(),
        SusForsorjning.objects.filter(uppgift__inskrivning__insats__forbund=forbund).count(),
    ]


@pytest.mark.django_db
def test_own_headers_map_dry_run_clean_and_import_the_same_figures(
    client,
    forbund,
    annat_forbund,
    forbundsadmin,
    admin_b,
    django_capture_on_commit_callbacks,
):
    _forbund_med_insats(forbund)
    _forbund_med_insats(annat_forbund)
    rader = exempelrader(40, ["Insats A"], ORGANISATIONER, seed=11)

    mall = uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin, forbund=forbund, upload=fil(xlsx(rader))
    )
    assert mall.antal_fel == 0 and not mall.mappning
    las_in(forbundsadmin, mall, django_capture_on_commit_callbacks)

    # The own file: no failure, a mapping step.
    client.force_login(admin_b)
    response = client.post(reverse("inlasning:inlasning-list"), {"fil": fil(egen_fil(rader))})
    egen = Inlasning.objects.get(forbund=annat_forbund)
    mappa = reverse("inlasning:inlasning-mappning", args=[egen.uuid])
    assert response.status_code == 302 and response["Location"] == mappa
    assert egen.status == Status.MAPPAS and egen.antal_rader == 0
    assert AuditEvent.objects.filter(
        object_id__in=[str(egen.pk), str(egen.uuid)], action="create"
    ).exists()

    # Every field a labelled select, required ones marked, pre-filled by name or synonym.
    sida = client.get(mappa).content.decode()
    assert 'for="id_externt_id"' in sida and "Externt id (krävs)" in sida
    assert "— ingen —" in sida and EXTRA in sida
    for nyckel, rubrik in [
        ("externt_id", "Ärendenummer"),
        ("insats", "Projekt"),
        ("personnummer", "Pnr"),
        ("kon", "KÖN"),
        ("inskrivningsdatum", "Startdatum"),
        ("start_utbildning", "utbildning vid inskrivning"),
    ]:
        select = sida.split(f'id="id_{nyckel}"')[1].split("</select>")[0]
        assert f'<option value="{rubrik}" selected>' in select, nyckel

    response = client.post(mappa, hela_mappningen())
    detalj = reverse("inlasning:inlasning-detail", args=[egen.uuid])
    assert response.status_code == 302 and response["Location"] == detalj
    egen.refresh_from_db()
    assert egen.status == Status.PROVKORD
    assert egen.antal_fel == 0, egen.provkorning["fel"][:5]
    assert (egen.antal_rader, egen.antal_nya) == (mall.antal_rader, mall.antal_nya)
    assert "Provkörningen hittade inga fel" in client.get(detalj).content.decode()
    assert AuditEvent.objects.filter(
        object_id__in=[str(egen.pk), str(egen.uuid)],
        action="change",
        detail__mappning__isnull=False,
    ).exists()

    egen = las_in(admin_b, egen, django_capture_on_commit_callbacks)
    assert egen.status == Status.KLAR and egen.antal_nya == 40
    assert _poster(annat_forbund) == _poster(forbund)
    assert _figurer(annat_forbund) == _figurer(forbund)


@pytest.mark.django_db
def test_the_saved_mapping_is_reused_for_the_same_headers(
    client, forbund, forbundsadmin, annat_forbund, annat_forbund_admin
):
    _forbund_med_insats(forbund)
    _forbund_med_insats(annat_forbund)
    forsta = exempelrader(5, ["Insats A"], [], seed=2, prefix="F")
    forra = uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin, forbund=forbund, upload=fil(egen_fil(forsta))
    )
    uppladdning.inlasning_mappa(actor=forbundsadmin, inlasning=forra, mappning=hela_mappningen())
    assert Kolumnmappning.objects.filter(forbund=forbund).count() == 1

    nasta = exempelrader(3, ["Insats A"], [], seed=3, prefix="N")
    client.force_login(forbundsadmin)
    response = client.post(reverse("inlasning:inlasning-list"), {"fil": fil(egen_fil(nasta))})
    ny = Inlasning.objects.filter(forbund=forbund).exclude(pk=forra.pk).get()
    assert response["Location"] == reverse("inlasning:inlasning-detail", args=[ny.uuid])
    assert ny.status == Status.PROVKORD and ny.antal_nya == 3 and ny.antal_fel == 0
    assert ny.mappning == hela_mappningen()
    # The mapping page shows the saved choice for a file not yet mapped, too.
    sida = client.get(reverse("inlasning:inlasning-mappning", args=[ny.uuid])).content.decode()
    assert '<option value="omfattning i procent vid avslut" selected>' in sida

    # Another förbund's file with the same headers is not mapped by this förbund's choice.
    annan = uppladdning.inlasning_ladda_upp(
        actor=annat_forbund_admin, forbund=annat_forbund, upload=fil(egen_fil(nasta))
    )
    assert annan.status == Status.MAPPAS


@pytest.mark.django_db
def test_a_missing_required_field_is_refused_beside_its_select(client, forbund, forbundsadmin):
    _forbund_med_insats(forbund)
    inlasning = uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin,
        forbund=forbund,
        upload=fil(egen_fil(exempelrader(2, ["Insats A"], [], prefix="M"))),
    )
    client.force_login(forbundsadmin)
    mappning = {**hela_mappningen(), "kon": "", "insats": ""}
    handelser = AuditEvent.objects.count()
    response = client.post(reverse("inlasning:inlasning-mappning", args=[inlasning.uuid]), mappning)
    assert response.status_code == 200
    sida = response.content.decode()
    assert sida.count("Fältet krävs: välj den kolumn i filen som innehåller det.") >= 2
    assert 'aria-invalid="true"' in sida or "is-invalid" in sida
    inlasning.refresh_from_db()
    assert inlasning.status == Status.MAPPAS and not inlasning.mappning
    assert not Kolumnmappning.objects.exists()
    assert AuditEvent.objects.count() == handelser


@pytest.mark.django_db
def test_a_column_the_file_lacks_is_refused(forbund, forbundsadmin):
    from django.core.exceptions import ValidationError

    _forbund_med_insats(forbund)
    inlasning = uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin,
        forbund=forbund,
        upload=fil(egen_fil(exempelrader(2, ["Insats A"], [], prefix="K"))),
    )
    with pytest.raises(ValidationError) as info:
        uppladdning.inlasning_mappa(
            actor=forbundsadmin,
            inlasning=inlasning,
            mappning={**hela_mappningen(), "kon": "Finns inte"},
        )
    assert info.value.message_dict["kon"] == ["Filen har ingen sådan kolumn."]


@pytest.mark.django_db
def test_the_mapping_page_queries_are_fixed(
    client, forbund, forbundsadmin, django_assert_max_num_queries
):
    _forbund_med_insats(forbund)
    inlasning = uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin,
        forbund=forbund,
        upload=fil(egen_fil(exempelrader(50, ["Insats A"], [], prefix="Q"))),
    )
    client.force_login(forbundsadmin)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("inlasning:inlasning-mappning", args=[inlasning.uuid]))
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_file_never_mapped_is_deleted_after_the_days(
    forbund, forbundsadmin, django_capture_on_commit_callbacks
):
    _forbund_med_insats(forbund)
    inlasning = uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin,
        forbund=forbund,
        upload=fil(egen_fil(exempelrader(2, ["Insats A"], [], prefix="R"))),
    )
    assert inlasning.status == Status.MAPPAS
    assert (
        genomforande.inlasningar_rensa(dagar=7, idag=inlasning.skapad + datetime.timedelta(days=8))
        == 1
    )
    inlasning.refresh_from_db()
    assert inlasning.status == Status.RENSAD and not inlasning.fil
