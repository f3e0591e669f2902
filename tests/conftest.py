"""Shared fixtures: one user per role in förbund A, and an administrator of
another förbund B for leak tests. Staff roles have TOTP set up, as required."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from samverkan.models import Roll
from tests.factories import (
    ForbundFactory,
    InsatsFactory,
    MedlemskapFactory,
    OrganisationFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "privat", "base_url": None},
        },
    }


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate limits live in the cache: each test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def with_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    user.totp_secret = secret
    return user


@pytest.fixture
def forbund(db):
    return ForbundFactory(namn="Förbund A")


@pytest.fixture
def annat_forbund(db):
    return ForbundFactory(namn="Förbund B")


@pytest.fixture
def organisation(forbund):
    return OrganisationFactory(forbund=forbund, namn="Kommun A")


@pytest.fixture
def insats(forbund):
    return InsatsFactory(forbund=forbund, namn="Insats A")


@pytest.fixture
def annan_insats(annat_forbund):
    return InsatsFactory(forbund=annat_forbund, namn="Insats B")


@pytest.fixture
def samordnare(insats):
    user = UserFactory(email="samordnare@a.example")
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats)
    return with_totp(user)


@pytest.fixture
def handlaggare(organisation):
    user = UserFactory(email="handlaggare@a.example")
    MedlemskapFactory(user=user, roll=Roll.HANDLAGGARE, insats=None, organisation=organisation)
    return user


@pytest.fixture
def forbundsadmin(forbund):
    user = UserFactory(email="admin@a.example")
    MedlemskapFactory(user=user, roll=Roll.FORBUNDSADMIN, insats=None, forbund=forbund)
    return with_totp(user)


@pytest.fixture
def styrelse(forbund):
    user = UserFactory(email="styrelse@a.example")
    MedlemskapFactory(user=user, roll=Roll.STYRELSE, insats=None, forbund=forbund)
    return user


@pytest.fixture
def superuser(db):
    user = UserFactory(email="super@a.example", is_superuser=True, is_staff=True)
    return with_totp(user)


@pytest.fixture
def annat_forbund_admin(annat_forbund, annan_insats):
    user = UserFactory(email="admin@b.example")
    MedlemskapFactory(user=user, roll=Roll.FORBUNDSADMIN, insats=None, forbund=annat_forbund)
    return with_totp(user)


ROLES = [
    "anonym",
    "samordnare",
    "handlaggare",
    "forbundsadmin",
    "styrelse",
    "superuser",
    "annat_forbund_admin",
]


@pytest.fixture
def client_for(client, request):
    """A test client signed in as the named role (or anonymous)."""

    def make(role):
        if role != "anonym":
            client.force_login(request.getfixturevalue(role))
        return client

    return make


# The participant fixtures, for tests outside tests/deltagare too (the access matrix).
from tests.deltagare.conftest import (  # noqa: E402, F401
    aktualiserad,
    i_insatser,
    inskriven,
    kartlagd,
    kollega,
    med_samtycke,
    remittent,
)
