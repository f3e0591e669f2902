"""TOTP secrets and recovery-code seeds are stored encrypted (ASVS 6.5.2).

allauth keeps them in ``Authenticator.data`` and passes them through the MFA
adapter's ``encrypt``/``decrypt``. The key never lives in the database: it is
derived from ``SECRET_KEY`` (or ``MFA_ENCRYPTION_KEY`` when set, so the two can
be rotated apart), and the fallbacks of either still decrypt after a rotation.
"""

import base64

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "fernet:"
_INFO = b"samverkan-mfa-secrets-v1"


def _fernet_for(secret: str) -> Fernet:
    # HKDF: a key of its own for this purpose, so no other use of the secret meets it.
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _secrets() -> list[str]:
    if settings.MFA_ENCRYPTION_KEY:
        return [settings.MFA_ENCRYPTION_KEY, *settings.MFA_ENCRYPTION_KEY_FALLBACKS]
    return [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]


def _multi() -> MultiFernet:
    return MultiFernet([_fernet_for(s) for s in _secrets()])


def is_encrypted(value: str) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def encrypt(text: str) -> str:
    return PREFIX + _multi().encrypt(text.encode()).decode("ascii")


def decrypt(value: str) -> str:
    if not is_encrypted(value):
        # Every stored secret was encrypted by migration 0009; a clear one is an error.
        raise ImproperlyConfigured("Ett MFA-värde i databasen är inte krypterat.")
    try:
        return _multi().decrypt(value.removeprefix(PREFIX).encode("ascii")).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "MFA-värden kan inte dekrypteras: nyckeln har bytts utan att den gamla "
            "lagts i SECRET_KEY_FALLBACKS (eller MFA_ENCRYPTION_KEY_FALLBACKS)."
        ) from error


def reencrypt(value: str) -> str:
    """Under the current key; clear values (from before 0009) are encrypted."""
    if not is_encrypted(value):
        return encrypt(value)
    return PREFIX + _multi().rotate(value.removeprefix(PREFIX).encode("ascii")).decode("ascii")


def reencrypt_data(data: dict) -> dict:
    """An ``Authenticator.data`` with every secret in it under the current key."""
    data = dict(data)
    for field in ("secret", "seed"):
        if field in data:
            data[field] = reencrypt(data[field])
    if "migrated_codes" in data:
        data["migrated_codes"] = [reencrypt(code) for code in data["migrated_codes"]]
    return data


class MfaAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt(encrypted_text)
