"""An application ready to send, a meeting with members, and the förbund's huvudmän."""

import datetime

import pytest

from samverkan.models import Organisation, Roll
from styrelse.models import Ansokan, Arende, Narvaro
from styrelse.services import ansokan as a
from styrelse.services import sammantrade as s
from styrelse.services.arende import arende_skapa
from tests.factories import MedlemskapFactory, OrganisationFactory, UserFactory


@pytest.fixture
def huvudman(forbund, organisation):
    return skapa_huvudman(forbund, organisation)


def skapa_huvudman(forbund, organisation):
    """Kommun A (the fixture) plus Arbetsförmedlingen and the region."""
    af = OrganisationFactory(
        forbund=forbund, typ=Organisation.Typ.AF, namn="AF A", kommunkod="", epostdomaner=[]
    )
    region = OrganisationFactory(
        forbund=forbund, typ=Organisation.Typ.REGION, namn="Region A", kommunkod=""
    )
    return [organisation, af, region]


def fyll_ansokan(ansokan, actor, huvudman, *, budget=None):
    a.ansokan_spara_sektion(
        actor=actor,
        ansokan=ansokan,
        sektion="sokande",
        data={
            "sokande_namn": "Kommun A",
            "organisationsnummer": "212000-0142",
            "kontaktperson": "Kim Kontakt",
        },
    )
    a.ansokan_spara_sektion(
        actor=actor,
        ansokan=ansokan,
        sektion="insats",
        data={
            "insats_namn": "Unga i fokus",
            "period_start": datetime.date(2026, 1, 1),
            "period_slut": datetime.date(2027, 12, 31),
        },
    )
    a.ansokan_spara_sektion(
        actor=actor,
        ansokan=ansokan,
        sektion="bakgrund",
        data={
            "bakgrund": "Många unga står utanför.",
            "syfte": "Kartlägga.",
            "mal": "Fler i studier.",
        },
    )
    a.ansokan_spara_sektion(
        actor=actor, ansokan=ansokan, sektion="malgrupp", data={"malgrupp": "Unga 16–29 år."}
    )
    a.ansokan_spara_sektion(
        actor=actor,
        ansokan=ansokan,
        sektion="genomforande",
        data={"genomforande": "Tillsammans.", "huvudman": huvudman[:2]},
    )
    a.ansokan_spara_budget(
        actor=actor,
        ansokan=ansokan,
        rader=budget
        or [
            {"ar": 2026, "personal": 100000, "lokal": 10000, "ovrigt": 5000, "utvardering": 5000},
            {"ar": 2027, "personal": 250000, "lokal": 20000, "intakter": 40000},
        ],
    )
    return ansokan


@pytest.fixture
def ansokan(handlaggare, organisation, huvudman):
    ansokan = a.ansokan_skapa(actor=handlaggare, organisation=organisation)
    return fyll_ansokan(ansokan, handlaggare, huvudman)


@pytest.fixture
def ledamot(forbund):
    user = UserFactory(email="ledamot@a.example", fornamn="Lea", efternamn="Ledamot")
    MedlemskapFactory(user=user, roll=Roll.STYRELSE, insats=None, forbund=forbund)
    return user


def mote(forbundsadmin, forbund, justerare, datum=datetime.date(2026, 3, 12)):
    m = s.sammantrade_skapa(
        actor=forbundsadmin,
        forbund=forbund,
        datum=datum,
        starttid=datetime.time(9, 0),
        sluttid=datetime.time(12, 0),
        plats="Förbundets kansli",
    )
    s.narvaro_lagg_till(
        actor=forbundsadmin,
        sammantrade=m,
        namn="Ola Ordförande",
        roll=Narvaro.Roll.ORDFORANDE,
        beslutande=True,
    )
    s.narvaro_lagg_till(
        actor=forbundsadmin,
        sammantrade=m,
        namn=justerare.namn,
        user=justerare,
        roll=Narvaro.Roll.LEDAMOT,
        beslutande=True,
        justerare=True,
    )
    s.narvaro_lagg_till(
        actor=forbundsadmin,
        sammantrade=m,
        namn="Eva Ersättare",
        roll=Narvaro.Roll.ERSATTARE,
        ankom=datetime.time(11, 30),
    )
    s.narvaro_lagg_till(
        actor=forbundsadmin,
        sammantrade=m,
        namn="Sam Sekreterare",
        roll=Narvaro.Roll.SEKRETERARE,
        organisation="Förbundets kansli",
    )
    return m


@pytest.fixture
def sammantrade(forbundsadmin, forbund, ledamot):
    return mote(forbundsadmin, forbund, ledamot)


def pa_dagordningen(forbundsadmin, ansokan, sammantrade):
    a.ansokan_borja_beredning(actor=forbundsadmin, ansokan=ansokan)
    return arende_skapa(
        actor=forbundsadmin,
        sammantrade=sammantrade,
        typ=Arende.Typ.BESLUT,
        rubrik="Ansökan: Unga i fokus",
        forslag="Förbundet föreslås bevilja ansökan.",
        ansokan=ansokan,
    )


__all__ = ["Ansokan", "fyll_ansokan", "mote", "pa_dagordningen", "skapa_huvudman"]
