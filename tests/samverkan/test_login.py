"""Login: e-mail and password through allauth, lockout, MFA for staff, session limits, audit."""

import time

import pytest
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from django.test import Client
from django.urls import reverse

from samverkan.middleware import SESSION_STARTED_KEY, SESSION_TOUCH_SECONDS, SESSION_TOUCHED_KEY
from samverkan.models import AuditEvent, Roll
from tests.factories import PASSWORD, MedlemskapFactory, UserFactory

A = AuditEvent.Action
LOGIN_URL = "/konto/login/"


def _login(client, email, password=PASSWORD):
    return client.post(LOGIN_URL, {"login": email, "password": password})


def _reauthenticate(client, password=PASSWORD):
    # allauth asks for the password again before MFA can be changed.
    return client.post(reverse("account_reauthenticate"), {"password": password})


def _totp_code(secret):
    counter = next(iter(yield_hotp_counters_from_time()))
    return f"{hotp_value(secret, counter):06d}"


def ger_totp_efter_forsta_steget(client, user):
    """After the first factor: not signed in until the TOTP code is given, then in."""
    assert client.get("/").status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": _totp_code(user.totp_secret)})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_handlaggare_logs_in_with_email_and_password(client, handlaggare):
    response = _login(client, handlaggare.email.upper())
    assert response.status_code == 302 and response["Location"] == reverse("samverkan:start")
    assert client.get("/").status_code == 200
    event = AuditEvent.objects.get(action=A.LOGIN)
    assert event.actor == handlaggare and event.ip == "127.0.0.1"
    assert SESSION_STARTED_KEY in client.session


def test_wrong_password_is_refused_in_swedish_and_audited(client, handlaggare):
    response = _login(client, handlaggare.email, "fel-losenord-helt")
    assert response.status_code == 200
    assert "felaktigt" in response.content.decode()
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action=A.LOGIN_FAILED)
    assert event.object_id == str(handlaggare.uuid) and event.actor is None


def test_unknown_account_is_audited_without_the_typed_name(client, db):
    _login(client, "finns-inte@test.example", "fel-losenord-helt")
    event = AuditEvent.objects.get(action=A.LOGIN_FAILED)
    assert event.object_id == "" and event.detail == {"kant_konto": False}


def test_account_is_locked_after_five_failures(client, handlaggare):
    for _ in range(5):
        _login(client, handlaggare.email, "fel-losenord-helt")
    response = _login(client, handlaggare.email)  # the right password, too late
    assert response.status_code == 429
    assert "spärrad" in response.content.decode()
    assert _login(client, handlaggare.email).status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=A.LOCKOUT, object_id=str(handlaggare.uuid)).exists()
    assert AuditEvent.objects.filter(action=A.LOGIN_FAILED).count() >= 5


def test_staff_without_totp_are_sent_to_set_it_up(client, insats):
    user = UserFactory()
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats)
    _login(client, user.email)
    for url in ("/", reverse("samverkan:insats-detail", kwargs={"uuid": insats.uuid})):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
    _reauthenticate(client)
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_superuser_without_totp_is_sent_to_set_it_up(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")


def test_handlaggare_and_styrelse_need_no_totp(client, handlaggare, styrelse):
    for user in (handlaggare, styrelse):
        client.force_login(user)
        assert client.get("/").status_code == 200


def test_the_requirement_can_be_relaxed_by_setting(client, insats, settings):
    settings.SAMVERKAN_MFA_REQUIRED = False
    user = UserFactory()
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats)
    client.force_login(user)
    assert client.get("/").status_code == 200


def test_activating_totp_is_audited_and_opens_the_pages(
    client, insats, django_capture_on_commit_callbacks
):
    user = UserFactory()
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats)
    _login(client, user.email)
    _reauthenticate(client)
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    with django_capture_on_commit_callbacks(execute=True):  # allauth signals on commit
        response = client.post(reverse("mfa_activate_totp"), {"code": _totp_code(secret)})
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=A.MFA_ADDED, actor=user).exists()
    assert client.get("/").status_code == 200


def test_staff_with_totp_must_give_the_code(client, samordnare):
    response = _login(client, samordnare.email)
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/").status_code == 302  # not yet logged in
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    response = client.post(
        reverse("mfa_authenticate"), {"code": _totp_code(samordnare.totp_secret)}
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(action=A.LOGIN, actor=samordnare).count() == 1


def test_logout_ends_every_session_of_the_user(client, handlaggare):
    other = Client()
    _login(client, handlaggare.email)
    _login(other, handlaggare.email)
    assert other.get("/").status_code == 200
    client.post("/konto/logout/")
    assert client.get("/").status_code == 302
    assert other.get("/").status_code == 302
    assert AuditEvent.objects.filter(action=A.LOGOUT, actor=handlaggare).count() == 1


def test_session_ends_twelve_hours_after_login(client, handlaggare):
    _login(client, handlaggare.email)
    session = client.session
    session[SESSION_STARTED_KEY] = int(time.time()) - 12 * 3600 - 1
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN_URL)
    assert client.get("/").status_code == 302
    assert AuditEvent.objects.filter(action=A.SESSION_EXPIRED, actor=handlaggare).exists()


def test_session_expires_after_thirty_idle_minutes(client, handlaggare):
    import datetime

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    _login(client, handlaggare.email)
    client.get("/")
    rad = Session.objects.filter(session_key=client.session.session_key)
    kvar = rad.get().expire_date - timezone.now()
    assert datetime.timedelta(minutes=29) < kvar <= datetime.timedelta(minutes=30)

    # Within a minute of the last write a request writes nothing: the expiry stays.
    om_tio = timezone.now() + datetime.timedelta(minutes=10)
    rad.update(expire_date=om_tio)
    assert client.get("/").status_code == 200
    assert rad.get().expire_date == om_tio

    # Activity a minute or more after the last write moves the expiry 30 minutes on.
    session = client.session
    session[SESSION_TOUCHED_KEY] = int(time.time()) - SESSION_TOUCH_SECONDS
    session.save()
    rad.update(expire_date=om_tio)
    assert client.get("/").status_code == 200
    assert rad.get().expire_date - timezone.now() > datetime.timedelta(minutes=29)

    # Thirty idle minutes later the session is gone.
    rad.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN_URL)


def test_deactivated_user_is_out_at_once(client, handlaggare):
    _login(client, handlaggare.email)
    handlaggare.is_active = False
    handlaggare.save()
    assert client.get("/").status_code == 302


def test_there_is_no_self_signup(client, db):
    from samverkan.models import User

    client.post(
        "/konto/signup/",
        {"email": "ny@test.example", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not User.objects.filter(email="ny@test.example").exists()


def test_admin_login_goes_through_allauth(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN_URL)


@pytest.mark.parametrize("path", ["/", "/konto/login/"])
def test_signed_in_and_login_pages_are_never_cached(client, handlaggare, path):
    client.force_login(handlaggare)
    assert client.get(path)["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_users_see_their_sessions_and_end_the_others(handlaggare):
    from django.test import Client

    from demo.forbund import DEMO_PASSWORD

    handlaggare.set_password(DEMO_PASSWORD)
    handlaggare.save()
    hemma, jobbet = Client(), Client()
    for c in (hemma, jobbet):
        assert (
            c.post(
                "/konto/login/", {"login": handlaggare.email, "password": DEMO_PASSWORD}
            ).status_code
            == 302
        )
    page = jobbet.get("/konto/sessions/")
    assert page.status_code == 200 and page.context["session_count"] == 2
    assert "Den här inloggningen" in page.content.decode()
    assert jobbet.post("/konto/sessions/").status_code == 302
    assert hemma.get("/").status_code == 302  # signed out: to the login page
    assert jobbet.get("/").status_code == 200


@pytest.mark.django_db
def test_the_admin_ends_every_session_of_a_user(client, superuser, handlaggare):
    from samverkan.models import AuditEvent

    other = Client()
    other.force_login(handlaggare)
    assert other.get("/").status_code == 200
    client.force_login(superuser)
    response = client.post(
        "/admin/samverkan/user/",
        {"action": "logga_ut_overallt", "_selected_action": [handlaggare.pk]},
    )
    assert response.status_code == 302
    assert other.get("/").status_code == 302
    event = AuditEvent.objects.get(
        action=AuditEvent.Action.SESSION_EXPIRED, object_type="samverkan.user"
    )
    assert event.actor == superuser and event.detail["via"] == "admin"


def test_a_lockout_does_not_reach_other_addresses_or_colleagues(handlaggare, styrelse):
    office = Client(REMOTE_ADDR="10.1.1.1", HTTP_USER_AGENT="Samma webbläsare")
    for _ in range(5):
        _login(office, handlaggare.email, "fel-losenord-helt")
    assert _login(office, handlaggare.email).status_code == 429
    # A colleague behind the same NAT, with the same browser, is not locked.
    colleague = Client(REMOTE_ADDR="10.1.1.1", HTTP_USER_AGENT="Samma webbläsare")
    assert _login(colleague, styrelse.email).status_code == 302
    # The user themself, from another address, is not locked by someone else's failures.
    elsewhere = Client(REMOTE_ADDR="10.2.2.2")
    assert _login(elsewhere, handlaggare.email).status_code == 302


def test_guessing_one_account_from_many_addresses_is_throttled(handlaggare):
    # allauth's per-account limit (10 failures in 5 minutes) holds whatever the address.
    for n in range(10):
        _login(Client(REMOTE_ADDR=f"10.3.0.{n}"), handlaggare.email, "fel-losenord-helt")
    late = Client(REMOTE_ADDR="10.3.1.1")
    response = _login(late, handlaggare.email)  # even the right password
    assert "_auth_user_id" not in late.session
    assert "misslyckade inloggningsförsök" in response.content.decode()
