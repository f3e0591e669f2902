"""Factories for the core models. Every value is invented."""

import datetime

import factory
from factory.django import DjangoModelFactory

from samverkan.models import Forbund, Insats, Medlemskap, Organisation, Roll, User
from samverkan.validators import luhn_ok

PASSWORD = "Testlosen-for-tester-1"


def _organisationsnummer(n):
    base = f"2{n % 10}{n:07d}"[:9]
    for check in range(10):
        if luhn_ok(base + str(check)):
            return f"{base[:6]}-{base[6:]}{check}"
    raise AssertionError("unreachable")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@test.example")
    fornamn = factory.Sequence(lambda n: f"Testa{n}")
    efternamn = "Testsson"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ForbundFactory(DjangoModelFactory):
    class Meta:
        model = Forbund

    namn = factory.Sequence(lambda n: f"Testförbundet {n}")
    organisationsnummer = factory.Sequence(_organisationsnummer)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    forbund = factory.SubFactory(ForbundFactory)
    typ = Organisation.Typ.KOMMUN
    namn = factory.Sequence(lambda n: f"Testkommun {n}")
    kommunkod = "9999"
    epostdomaner = factory.LazyFunction(lambda: ["testkommun.example"])


class InsatsFactory(DjangoModelFactory):
    class Meta:
        model = Insats

    forbund = factory.SubFactory(ForbundFactory)
    namn = factory.Sequence(lambda n: f"Testinsats {n}")
    startdatum = datetime.date(2024, 1, 1)


class MedlemskapFactory(DjangoModelFactory):
    class Meta:
        model = Medlemskap

    user = factory.SubFactory(UserFactory)
    roll = Roll.SAMORDNARE
    insats = factory.SubFactory(InsatsFactory)
    forbund = factory.LazyAttribute(
        lambda o: o.insats.forbund if o.insats else o.organisation.forbund
    )
    organisation = None
    giltig_fran = datetime.date(2024, 1, 1)
