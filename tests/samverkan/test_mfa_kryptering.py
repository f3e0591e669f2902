"""TOTP secrets and recovery-code seeds are encrypted at rest (ASVS 6.5.2)."""

import importlib
import io

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from samverkan.mfa import MfaAdapter
from samverkan.models import AuditEvent
from tests.conftest import with_totp
from tests.samverkan.test_login import _login, _totp_code

A = AuditEvent.Action


def _raw_data(authenticator):
    # What a copy of the database holds: the column as stored, past the ORM.
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [authenticator.pk])
        return str(cursor.fetchone()[0])


def _log_in_with_totp(client, user):
    assert _login(client, user.email)["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": _totp_code(user.totp_secret)})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_the_totp_secret_is_not_stored_in_clear_and_login_still_works(client, samordnare):
    totp = Authenticator.objects.get(user=samordnare, type=Authenticator.Type.TOTP)
    stored = _raw_data(totp)
    assert samordnare.totp_secret not in stored
    assert "fernet:" in stored
    _log_in_with_totp(client, samordnare)
    assert AuditEvent.objects.filter(action=A.LOGIN, actor=samordnare).exists()


def test_the_recovery_code_seed_is_not_stored_in_clear_and_codes_still_work(client, samordnare):
    codes = RecoveryCodes.activate(samordnare)
    seed = codes.instance.data["seed"]
    assert seed.startswith("fernet:")
    plain_codes = codes.generate_codes()
    stored = _raw_data(codes.instance)
    assert all(code not in stored for code in plain_codes)
    assert _login(client, samordnare.email)["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": plain_codes[0]})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_the_migration_encrypts_secrets_stored_before_it(client, samordnare):
    totp = Authenticator.objects.get(user=samordnare, type=Authenticator.Type.TOTP)
    # A row as allauth wrote it before the adapter encrypted anything.
    Authenticator.objects.filter(pk=totp.pk).update(data={"secret": samordnare.totp_secret})
    assert samordnare.totp_secret in _raw_data(totp)
    migration = importlib.import_module("samverkan.migrations.0009_mfa_krypterade_hemligheter")
    migration.kryptera(apps, None)
    migration.kryptera(apps, None)  # twice is harmless: already encrypted values are kept
    assert samordnare.totp_secret not in _raw_data(totp)
    _log_in_with_totp(client, samordnare)


def test_a_clear_or_foreign_value_is_refused_rather_than_trusted(samordnare, settings):
    adapter = MfaAdapter()
    with pytest.raises(ImproperlyConfigured, match="inte krypterat"):
        adapter.decrypt(samordnare.totp_secret)
    stored = adapter.encrypt(samordnare.totp_secret)
    settings.MFA_ENCRYPTION_KEY = "en-helt-annan-nyckel-" + "z" * 40
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY_FALLBACKS"):
        adapter.decrypt(stored)


def test_secrets_survive_a_key_rotation_with_the_old_key_as_fallback(client, insats, settings):
    from tests.factories import MedlemskapFactory, UserFactory

    settings.MFA_ENCRYPTION_KEY = "forsta-nyckeln-" + "x" * 40
    user = with_totp(UserFactory())
    MedlemskapFactory(user=user, roll="samordnare", insats=insats)
    settings.MFA_ENCRYPTION_KEY = "andra-nyckeln-" + "y" * 40
    settings.MFA_ENCRYPTION_KEY_FALLBACKS = ["forsta-nyckeln-" + "x" * 40]
    call_command("mfa_omkryptera", stdout=io.StringIO())
    settings.MFA_ENCRYPTION_KEY_FALLBACKS = []  # the old key may now go
    _log_in_with_totp(client, user)
