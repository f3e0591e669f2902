"""A participant at each step, reached through the real services."""

import datetime

import pytest

from deltagare import services
from deltagare.koder import Forsorjning, SamtyckeSatt, Syfte
from samverkan.models import Roll
from tests.conftest import with_totp
from tests.factories import MedlemskapFactory, OrganisationFactory, UserFactory

DAG = datetime.date(2026, 3, 2)


def pnr(born="19900101", serial="123"):
    """A fictitious personnummer with a correct check digit."""
    from samverkan.validators import luhn_ok

    for c in range(10):
        if luhn_ok(born[2:] + serial + str(c)):
            return born + serial + str(c)
    raise AssertionError


PERSON = {
    "fornamn": "Testa",
    "efternamn": "Deltagarsson",
    "personnummer": pnr(),
    "fodelsedatum": datetime.date(1990, 1, 1),
    "kon": "kvinna",
    "folkbokforingskommun": "9999",
    "telefon": "070-000 00 00",
    "adress": "Exempelvägen 1",
}

SUS = {
    "utbildning": "gymnasial_fullstandig",
    "tid_offentlig_forsorjning": "2_5",
    "sysselsattning": "ingen",
    "aktuell_af": True,
    "aktuell_fk": False,
    "aktuell_socialtjanst": True,
    "aktuell_halso_sjukvard": False,
}


@pytest.fixture
def kollega(insats):
    user = UserFactory(email="kollega@a.example")
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats)
    return with_totp(user)


@pytest.fixture
def remittent(forbund):
    return OrganisationFactory(forbund=forbund, namn="Remitterande kommun")


@pytest.fixture
def aktualiserad(samordnare, insats, remittent):
    return services.deltagare_aktualisera(
        actor=samordnare,
        insats=insats,
        person=dict(PERSON),
        aktualiserad=DAG,
        remittent_organisation=remittent,
    )


def ge_samtycke(actor, inskrivning, organisationer, syften=None, givet=DAG):
    return services.samtycke_registrera(
        actor=actor,
        inskrivning=inskrivning,
        organisationer=organisationer,
        syften=set(syften or Syfte.values),
        givet=givet,
        satt=SamtyckeSatt.MUNTLIGT,
        vittne="Vera Vittne",
    )


@pytest.fixture
def med_samtycke(aktualiserad, samordnare, remittent):
    ge_samtycke(samordnare, aktualiserad, [remittent])
    return aktualiserad


@pytest.fixture
def inskriven(med_samtycke, samordnare, kollega):
    return services.inskrivning_skriv_in(
        actor=samordnare,
        inskrivning=med_samtycke,
        datum=DAG + datetime.timedelta(days=7),
        kontaktperson=samordnare,
        kontaktperson2=kollega,
        sus=dict(SUS),
        forsorjning=[Forsorjning.FORSORJNINGSSTOD, Forsorjning.AKTIVITETSERSATTNING],
    )


def samtal(actor, inskrivning, n, start=DAG):
    for i in range(n):
        services.samtal_registrera(
            actor=actor,
            inskrivning=inskrivning,
            datum=start + datetime.timedelta(days=10 + 7 * i),
            personal=actor,
            form="individuellt",
            omraden=["social", "ekonomi"],
            anteckning="Samtal om vardagen.",
        )


@pytest.fixture
def kartlagd(inskriven, samordnare):
    samtal(samordnare, inskriven, 3)
    services.kartlaggning_klar(
        actor=samordnare,
        inskrivning=inskriven,
        datum=DAG + datetime.timedelta(days=40),
        sammanfattning="Vill börja arbeta i kök.",
    )
    services.handlingsplan_spara(
        actor=samordnare,
        inskrivning=inskriven,
        mal="Jag vill jobba på ett café.",
        steg=[{"beskrivning": "Praktik på café", "ansvarig": "Samordnaren"}],
        bas_version=None,
    )
    inskriven.refresh_from_db()
    return inskriven


@pytest.fixture
def i_insatser(kartlagd, samordnare):
    return services.insatser_paborja(actor=samordnare, inskrivning=kartlagd)
