"""Age at inskrivning is computed in the database from Deltagare.fodelsedatum alone,
so the birth date always follows from a personnummer: in the services, and for rows
registered before that by the data migration deltagare/0002."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from deltagare import services
from deltagare.models import Deltagare
from rapporter.period import Period
from rapporter.selectors.statistik import statistik
from tests.deltagare.conftest import PERSON, pnr
from tests.rapporter.conftest import celler, tabell

D = datetime.date
migration = importlib.import_module("deltagare.migrations.0002_fodelsedatum_fran_personnummer")


def _person(**andrat):
    person = {k: v for k, v in PERSON.items() if k != "fodelsedatum"}
    return {**person, **andrat}


def test_aktualisera_takes_the_birth_date_from_the_personnummer(samordnare, insats):
    i = services.deltagare_aktualisera(
        actor=samordnare,
        insats=insats,
        person=_person(personnummer=pnr("19840229", "321"), fodelsedatum=D(2000, 1, 1)),
        aktualiserad=D(2026, 1, 5),
    )
    d = Deltagare.objects.get(pk=i.deltagare_id)
    assert (d.fodelsedatum, d.samordningsnummer) == (D(1984, 2, 29), False)


def test_samordningsnummer_day_less_sixty(samordnare, insats):
    i = services.deltagare_aktualisera(
        actor=samordnare,
        insats=insats,
        person=_person(personnummer=pnr("19920375", "222")),
        aktualiserad=D(2026, 1, 5),
    )
    d = Deltagare.objects.get(pk=i.deltagare_id)
    assert (d.fodelsedatum, d.samordningsnummer) == (D(1992, 3, 15), True)


def test_a_bad_personnummer_is_refused(samordnare, insats):
    with pytest.raises(ValidationError) as fel:
        services.deltagare_aktualisera(
            actor=samordnare,
            insats=insats,
            person=_person(personnummer="199001011234"),
            aktualiserad=D(2026, 1, 5),
        )
    assert "personnummer" in fel.value.message_dict
    assert not Deltagare.objects.exists()


def test_uppdatera_follows_a_new_personnummer(aktualiserad, samordnare):
    d = aktualiserad.deltagare
    services.deltagare_uppdatera(
        actor=samordnare, deltagare=d, person={"personnummer": pnr("19751231", "555")}
    )
    d.refresh_from_db()
    assert d.fodelsedatum == D(1975, 12, 31)


def test_the_age_of_a_person_registered_by_the_service(samordnare, insats, forbund):
    i = services.deltagare_aktualisera(
        actor=samordnare,
        insats=insats,
        person=_person(personnummer=pnr("20060310", "444")),
        aktualiserad=D(2026, 1, 5),
    )
    i.inskrivningsdatum = D(2026, 3, 9)  # the day before turning 20
    i.save()
    t = tabell(statistik(forbund=forbund, period=Period.kvartal(2026, 1)), "alder")
    assert celler(t, "16_19") == (1, 0, 0, 1)


def test_the_migration_fills_birth_dates_left_blank(forbund):
    def skapa(nummer, fodd=None):
        return Deltagare.objects.create(
            forbund=forbund, kon="man", personnummer=nummer, fodelsedatum=fodd
        )

    vanlig = skapa(pnr("19900115", "123"))
    samordning = skapa(pnr("19900175", "123"))
    redan = skapa(pnr("19800101", "123"), fodd=D(1980, 1, 2))
    trasig = skapa("199013451234")
    utan = Deltagare.objects.create(forbund=forbund, kon="man", fodelsedatum=D(1970, 1, 1))
    migration.fyll_fodelsedatum(apps, None)
    fodd = dict(Deltagare.objects.values_list("pk", "fodelsedatum"))
    assert fodd[vanlig.pk] == D(1990, 1, 15)
    assert fodd[samordning.pk] == D(1990, 1, 15)
    assert fodd[redan.pk] == D(1980, 1, 2)  # left as registered
    assert fodd[trasig.pk] is None  # no such date: nothing to fill
    assert fodd[utan.pk] == D(1970, 1, 1)
