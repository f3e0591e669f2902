"""Registerutdrag: everything held about a person and who accessed it, for the office."""

import io

import pytest
from pypdf import PdfReader

from deltagare.models import Deltagare
from deltagare.registerutdrag import registerutdrag_context, registerutdrag_skapa
from samverkan.models import AuditEvent
from tests.deltagare.test_pdf import _aktivitet, _avsluta

URL = "/deltagare/registerutdrag/"


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def avslutad(i_insatser, samordnare):
    _aktivitet(samordnare, i_insatser, 10, arbetsplats="Bageriet Exempel")
    _avsluta(samordnare, i_insatser)
    return i_insatser


@pytest.mark.django_db
def test_the_extract_holds_the_case_the_files_and_who_read_it(
    client, avslutad, samordnare, forbundsadmin
):
    deltagare = avslutad.deltagare
    client.force_login(samordnare)
    assert client.get(f"/deltagare/{avslutad.uuid}/").status_code == 200  # a read event

    pdf = registerutdrag_skapa(actor=forbundsadmin, deltagare=deltagare)
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    assert deltagare.fornamn in text and deltagare.efternamn in text
    assert avslutad.insats.namn in text
    assert "Bageriet Exempel" in text  # an activity
    assert "Har fått anställning" in text  # the exit summary
    assert "Samtycke" in text and "Handlingsplan" in text
    # Who has accessed the record, by name and event.
    assert samordnare.get_full_name() in text and "Läsning" in text

    event = AuditEvent.objects.filter(
        deltagare_uuid=deltagare.uuid, action=AuditEvent.Action.EXPORT
    ).get()
    assert event.actor == forbundsadmin and event.detail["dokument"] == "registerutdrag"


@pytest.mark.django_db
def test_only_the_forbund_office_may_make_it(avslutad, samordnare, styrelse, superuser):
    for user in (samordnare, styrelse, superuser):
        with pytest.raises(PermissionError):
            registerutdrag_skapa(actor=user, deltagare=avslutad.deltagare)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_case(i_insatser, samordnare, django_assert_max_num_queries):
    deltagare = i_insatser.deltagare
    _aktivitet(samordnare, i_insatser, 10)
    with django_assert_max_num_queries(20) as small:
        registerutdrag_context(deltagare)
    for dag in range(20, 60, 5):
        _aktivitet(samordnare, i_insatser, dag)
    _avsluta(samordnare, i_insatser)
    with django_assert_max_num_queries(len(small.captured_queries)):
        context = registerutdrag_context(deltagare)
    assert len(dict(context["fall"][0].avsnitt)["Aktiviteter"]) == 9


@pytest.mark.django_db
def test_the_office_gets_the_pdf_by_posting_the_number(client, avslutad, forbundsadmin):
    client.force_login(forbundsadmin)
    page = client.get(URL)
    assert page.status_code == 200 and "Personnummer" in page.content.decode()
    nummer = avslutad.deltagare.personnummer
    response = client.post(URL, {"personnummer": f"{nummer[:8]}-{nummer[8:]}"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="registerutdrag.pdf"'
    assert nummer not in response.request["PATH_INFO"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("nummer", "fel"),
    [
        ("", "Detta fält måste fyllas i."),
        ("nonsens", "personnummer"),
        ("19121212-1212", "Ingen deltagare med det numret finns i förbundet."),
    ],
)
def test_bad_numbers_are_explained_at_the_field(client, forbundsadmin, avslutad, nummer, fel):
    client.force_login(forbundsadmin)
    response = client.post(URL, {"personnummer": nummer})
    assert response.status_code == 400
    assert fel.lower() in str(response.context["form"].errors["personnummer"]).lower()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


@pytest.mark.django_db
def test_a_participant_of_another_forbund_is_not_found(client, annat_forbund_admin, avslutad):
    client.force_login(annat_forbund_admin)
    response = client.post(URL, {"personnummer": avslutad.deltagare.personnummer})
    assert response.status_code == 400
    assert Deltagare.objects.filter(pk=avslutad.deltagare.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["samordnare", "handlaggare", "styrelse", "superuser"])
def test_others_get_404(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"personnummer": "19121212-1212"}).status_code == 404
