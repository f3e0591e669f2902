"""Login by e-mail code: allow-list, first login, expiry, reuse, rate limit, audit."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from samverkan.models import AuditEvent, Inbjudan, Medlemskap, User

A = AuditEvent.Action
REQUEST = reverse("account_request_login_code")
CONFIRM = reverse("account_confirm_login_code")


def _request(client, email):
    return client.post(REQUEST, {"email": email})


def _code(mailoutbox):
    return re.search(r"\n\n(\S{4,12})\n\n", mailoutbox[-1].body).group(1)


@pytest.fixture
def kommun(organisation):
    organisation.epostdomaner = ["kommun-a.example"]
    organisation.save()
    return organisation


def test_first_login_creates_a_handlaggare_of_that_organisation(client, kommun, mailoutbox):
    response = _request(client, "Ny.Handlaggare@Kommun-A.example")
    assert response["Location"] == CONFIRM
    assert len(mailoutbox) == 1
    user = User.objects.get(email="ny.handlaggare@kommun-a.example")
    assert not user.has_usable_password()
    membership = Medlemskap.objects.get(user=user)
    assert (membership.roll, membership.organisation) == ("handlaggare", kommun)
    response = client.post(CONFIRM, {"code": _code(mailoutbox)})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert client.get(reverse("remisser:remiss-create")).status_code == 200
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions == [A.CREATE, A.LOGIN_CODE, A.LOGIN]


def test_address_outside_the_allow_list_gets_nothing_and_looks_the_same(client, kommun, mailoutbox):
    response = _request(client, "nagon@annan-doman.example")
    assert response["Location"] == CONFIRM  # no hint whether the address is known
    assert mailoutbox == []
    assert not User.objects.filter(email="nagon@annan-doman.example").exists()
    event = AuditEvent.objects.get(action=A.LOGIN_CODE)
    assert event.detail == {"kant_konto": False}
    assert "annan-doman" not in str(event.detail)


def test_invited_address_may_log_in_until_the_invitation_ends(client, organisation, mailoutbox):
    Inbjudan.objects.create(
        epost="konsult@byra.example",
        organisation=organisation,
        giltig_till=datetime.date.today() - datetime.timedelta(days=1),
    )
    _request(client, "konsult@byra.example")
    assert mailoutbox == []
    Inbjudan.objects.update(giltig_till=datetime.date.today())
    _request(Client(), "konsult@byra.example")
    assert len(mailoutbox) == 1
    assert Medlemskap.objects.get(user__email="konsult@byra.example").organisation == organisation


def test_wrong_codes_are_audited_and_the_third_ends_the_attempt(client, kommun, mailoutbox):
    _request(client, "h@kommun-a.example")
    for _ in range(3):
        client.post(CONFIRM, {"code": "FEL123"})
    assert AuditEvent.objects.filter(action=A.LOGIN_FAILED).count() == 3
    response = client.post(CONFIRM, {"code": _code(mailoutbox)})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)


def test_an_expired_code_does_not_work(client, kommun, mailoutbox, settings):
    _request(client, "h@kommun-a.example")
    settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT = -1
    client.post(CONFIRM, {"code": _code(mailoutbox)})
    assert "_auth_user_id" not in client.session


def test_a_code_works_once(client, kommun, mailoutbox):
    _request(client, "h@kommun-a.example")
    code = _code(mailoutbox)
    client.post(CONFIRM, {"code": code})
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    client.post(CONFIRM, {"code": code})
    assert "_auth_user_id" not in client.session


def test_requests_are_rate_limited_per_address(kommun, mailoutbox):
    # A pending code in the session is simply shown again; fresh sessions are new requests.
    for _ in range(3):
        _request(Client(), "h@kommun-a.example")
    response = _request(Client(), "h@kommun-a.example")
    assert response.status_code == 200
    assert "För många" in response.content.decode()
    assert len(mailoutbox) == 3


def test_forbundsadmin_invites_and_the_invited_logs_in(
    client, forbundsadmin, organisation, mailoutbox
):
    client.force_login(forbundsadmin)
    url = reverse("samverkan:inbjudan-list")
    bad = client.post(
        url,
        {"epost": "x@byra.example", "organisation": organisation.pk, "giltig_till": "2000-01-01"},
    )
    assert "Datumet har redan passerat." in bad.content.decode()
    until = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    client.post(
        url,
        {"epost": "Konsult@Byra.example", "organisation": organisation.pk, "giltig_till": until},
    )
    assert Inbjudan.objects.get().epost == "konsult@byra.example"
    assert AuditEvent.objects.filter(action=A.CREATE, object_type="samverkan.inbjudan").exists()
    _request(Client(), "konsult@byra.example")
    assert len(mailoutbox) == 1


def test_staff_with_totp_give_it_after_the_code(client, samordnare, mailoutbox):
    from tests.samverkan.test_login import ger_totp_efter_forsta_steget

    assert _request(client, samordnare.email)["Location"] == CONFIRM
    response = client.post(CONFIRM, {"code": _code(mailoutbox)})
    assert response["Location"] == reverse("mfa_authenticate")
    ger_totp_efter_forsta_steget(client, samordnare)


def test_staff_without_totp_are_sent_to_set_it_up_after_the_code(client, insats, mailoutbox):
    from tests.factories import MedlemskapFactory, UserFactory

    user = UserFactory()
    MedlemskapFactory(user=user, roll="samordnare", insats=insats)
    _request(client, user.email)
    assert client.post(CONFIRM, {"code": _code(mailoutbox)}).status_code == 302
    assert client.get("/")["Location"] == reverse("mfa_activate_totp")
