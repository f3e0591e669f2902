"""An external applicant the office invites: logs in by e-mail code and sees and
writes the one application, nothing else."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from samverkan.models import AuditEvent, Medlemskap, User
from styrelse.models import Ansokan, Ansokningsinbjudan
from styrelse.services.inbjudan import ansokningsinbjudan_skapa
from tests.styrelse.conftest import fyll_ansokan

A = AuditEvent.Action


def _bjud_in(forbundsadmin, forbund, epost="rektor@folkhogskola.example", namn="Folkhögskolan"):
    return ansokningsinbjudan_skapa(
        actor=forbundsadmin, forbund=forbund, epost=epost, sokande_namn=namn
    )


def test_the_invited_applicant_logs_in_by_code_and_sees_one_application(
    forbundsadmin, forbund, huvudman, ansokan, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        inbjudan = _bjud_in(forbundsadmin, forbund, epost="Rektor@Folkhogskola.example")
    user = User.objects.get(email="rektor@folkhogskola.example")
    assert inbjudan.user == user and not user.has_usable_password()
    assert not Medlemskap.objects.filter(user=user).exists()  # no role in the förbund
    egen = inbjudan.ansokan
    assert (egen.status, egen.skapad_av, egen.organisation) == ("utkast", user, None)
    assert [m.to for m in mailoutbox] == [["rektor@folkhogskola.example"]]
    assert reverse("account_request_login_code") in mailoutbox[0].body
    assert reverse("styrelse:ansokan-detail", args=[egen.uuid]) in mailoutbox[0].body
    assert {e.object_type for e in AuditEvent.objects.filter(action=A.CREATE)} >= {
        "samverkan.user",
        "styrelse.ansokan",
        "styrelse.ansokningsinbjudan",
    }

    client = Client()
    client.post(reverse("account_request_login_code"), {"email": "rektor@folkhogskola.example"})
    kod = re.search(r"\n\n(\S{4,12})\n\n", mailoutbox[-1].body).group(1)
    assert client.post(reverse("account_confirm_login_code"), {"code": kod}).status_code == 302

    lista = client.get(reverse("styrelse:ansokan-list"))
    assert lista.status_code == 200
    assert list(lista.context["ansokningar"]) == [egen]
    assert client.get(reverse("styrelse:ansokan-detail", args=[egen.uuid])).status_code == 200
    # Another application of the förbund is 404, as a missing one.
    assert client.get(reverse("styrelse:ansokan-detail", args=[ansokan.uuid])).status_code == 404
    assert client.get(reverse("styrelse:ansokan-create")).status_code == 403
    assert client.get(reverse("styrelse:sammantrade-list")).status_code == 403

    # The applicant writes and sends it like a partner's staff.
    svar = client.post(
        reverse("styrelse:ansokan-sektion", args=[egen.uuid, "sokande"]),
        {"sokande_namn": "Folkhögskolan", "organisationsnummer": "212000-0142"},
    )
    assert svar.status_code == 302
    fyll_ansokan(egen, user, huvudman)
    svar = client.post(reverse("styrelse:ansokan-skicka", args=[egen.uuid]))
    egen.refresh_from_db()
    assert egen.status == Ansokan.Status.INKOMMEN
    assert egen in Ansokan.objects.for_user(forbundsadmin)


def test_only_the_office_invites_and_a_locked_account_is_refused(
    forbundsadmin, forbund, handlaggare, annat_forbund_admin
):
    with pytest.raises(PermissionDenied):
        _bjud_in(handlaggare, forbund)
    with pytest.raises(PermissionDenied):
        _bjud_in(annat_forbund_admin, forbund)
    User.objects.create(email="spärrad@foretag.example", is_active=False)
    with pytest.raises(ValidationError) as fel:
        _bjud_in(forbundsadmin, forbund, epost="spärrad@foretag.example")
    assert "epost" in fel.value.message_dict
    assert not Ansokningsinbjudan.objects.exists() and not Ansokan.objects.exists()


def test_an_existing_account_is_invited_to_a_second_application(
    forbundsadmin, forbund, handlaggare, ansokan
):
    inbjudan = _bjud_in(forbundsadmin, forbund, epost=handlaggare.email)
    assert inbjudan.user == handlaggare
    synliga = set(Ansokan.objects.for_user(handlaggare))
    assert synliga == {ansokan, inbjudan.ansokan}
    andra = _bjud_in(forbundsadmin, forbund, epost="annan@foretag.example")
    assert andra.ansokan not in set(Ansokan.objects.for_user(handlaggare))


def test_the_office_invites_from_the_page(client, forbundsadmin, mailoutbox):
    client.force_login(forbundsadmin)
    url = reverse("styrelse:ansokan-inbjudan")
    assert client.get(url).status_code == 200
    svar = client.post(url, {"epost": "inte en adress", "sokande_namn": "", "typ": "ny"})
    assert svar.status_code == 400 and not Ansokningsinbjudan.objects.exists()
    svar = client.post(
        url, {"epost": "vd@socialtforetag.example", "sokande_namn": "Socialt företag", "typ": "ny"}
    )
    assert svar.status_code == 302
    inbjudan = Ansokningsinbjudan.objects.get()
    assert inbjudan.ansokan.sokande_namn == "Socialt företag"
    lista = client.get(reverse("styrelse:ansokan-list"))
    assert inbjudan.ansokan in list(lista.context["ansokningar"])
