"""The start page's due items, found in SQL, against the plain rule read case by case.

The reference below is the rule as domain.md states it, applied to every ongoing case
in Python. The selector must give the same items, and its first `limit` must be the
reference's first `limit`, on random cases in two insatser with different rules.
"""

import datetime
import random

import pytest

from deltagare import selectors
from deltagare.koder import KontaktTyp, Steg
from deltagare.models import (
    Avslut,
    Deltagare,
    HandlingsplanVersion,
    Inskrivning,
    Kartlaggningssamtal,
    Kontakt,
    Uppfoljning,
)
from samverkan.models import Roll
from tests.factories import InsatsFactory, MedlemskapFactory, OrganisationFactory

IDAG = datetime.date(2026, 5, 31)  # the last day of a month: the clamped case


def referens(user, today):
    items = []
    for i in Inskrivning.objects.for_user(user).select_related("insats", "deltagare"):
        if i.steg in (Steg.AVSLUT, Steg.AKTUALISERING) or i.deltagare.anonym:
            continue
        insats = i.insats
        antal = i.samtal.count()
        if i.steg in (Steg.INSKRIVNING, Steg.KARTLAGGNING) and antal < (
            insats.kartlaggning_samtal_min
        ):
            items.append((i.inskrivningsdatum + datetime.timedelta(days=30), i.pk, "samtal"))
        plan = i.planversioner.order_by("-version").first()
        if plan and plan.revidering_senast:
            items.append((plan.revidering_senast, i.pk, "plan"))
        if i.remittent_organisation_id:
            kontakter = [k.datum for k in i.kontakter.all() if k.typ == KontaktTyp.REMITTENT]
            due = max(kontakter, default=i.inskrivningsdatum) + datetime.timedelta(
                days=insats.remittentkontakt_dagar
            )
            if due <= today + datetime.timedelta(days=7):
                items.append((due, i.pk, "remittent"))
        slut = i.slutdatum_max
        if slut <= today + datetime.timedelta(days=selectors.VARNING_DAGAR):
            items.append((slut, i.pk, "maxtid"))
    for u in Uppfoljning.objects.for_user(user).filter(
        genomford__isnull=True,
        stoppad__isnull=True,
        planerad__lte=today + datetime.timedelta(days=selectors.VARNING_DAGAR),
    ):
        items.append((u.planerad, u.inskrivning_id, "uppfoljning"))
    return sorted(items)


SLAG = {
    "Kartläggningssamtal": "samtal",
    "Revidera handlingsplanen": "plan",
    "Kontakt med remittenten": "remittent",
    "Längsta tid i insatsen nås": "maxtid",
    "Uppföljning 12 månader efter avslut": "uppfoljning",
}


def som_tupler(bevakningar):
    return sorted(
        (b.datum, b.inskrivning.pk, next(v for k, v in SLAG.items() if b.vad.startswith(k)))
        for b in bevakningar
    )


@pytest.fixture
def fall(db, samordnare, insats):
    rng = random.Random(7)
    andra = InsatsFactory(
        forbund=insats.forbund,
        kartlaggning_samtal_min=1,
        kartlaggning_samtal_max=4,
        max_manader=6,
        remittentkontakt_dagar=14,
    )
    MedlemskapFactory(user=samordnare, roll=Roll.SAMORDNARE, insats=andra)
    remittent = OrganisationFactory(forbund=insats.forbund)
    for n in range(80):
        ins_insats = insats if n % 2 else andra
        if n % 17 == 0:
            person = Deltagare.objects.create(
                forbund=insats.forbund, anonym=True, kon="kvinna", startar=1990
            )
        else:
            person = Deltagare.objects.create(
                forbund=insats.forbund,
                fornamn=f"Fall{n}",
                efternamn="Testsson",
                kon="kvinna",
                fodelsedatum=datetime.date(1990, 1, 1),
            )
        steg = rng.choice(
            [Steg.AKTUALISERING, Steg.INSKRIVNING, Steg.KARTLAGGNING, Steg.INSATSER, Steg.AVSLUT]
        )
        start = IDAG - datetime.timedelta(days=rng.randint(0, 900))
        i = Inskrivning.objects.create(
            deltagare=person,
            insats=ins_insats,
            steg=steg,
            aktualiserad=start - datetime.timedelta(days=10),
            inskrivningsdatum=None if steg == Steg.AKTUALISERING else start,
            remittent_organisation=remittent if rng.random() < 0.7 else None,
            forlangd_manader=rng.choice([0, 0, 0, 3, 6]),
        )
        if steg == Steg.AKTUALISERING:
            continue
        for _ in range(rng.randint(0, 3)):
            Kartlaggningssamtal.objects.create(
                inskrivning=i, datum=start, personal=samordnare, form="individuellt"
            )
        for v in range(1, rng.randint(1, 3)):
            HandlingsplanVersion.objects.create(
                inskrivning=i,
                version=v,
                mal="Mål",
                skapad_av=samordnare,
                revidering_senast=rng.choice(
                    [None, IDAG + datetime.timedelta(days=rng.randint(-200, 200))]
                ),
            )
        for _ in range(rng.randint(0, 3)):
            Kontakt.objects.create(
                inskrivning=i,
                datum=start + datetime.timedelta(days=rng.randint(0, 400)),
                typ=rng.choice([KontaktTyp.REMITTENT, KontaktTyp.DELTAGARE]),
                anteckning="Avstämning",
                registrerad_av=samordnare,
            )
        if steg == Steg.AVSLUT:
            slut = start + datetime.timedelta(days=rng.randint(30, 300))
            Avslut.objects.create(
                inskrivning=i,
                datum=slut,
                vag_ut="arbete",
                ansvarig_efter="ingen",
                registrerat_av=samordnare,
            )
            Uppfoljning.objects.create(
                inskrivning=i,
                planerad=slut + datetime.timedelta(days=365),
                stoppad=IDAG if rng.random() < 0.2 else None,
            )


@pytest.mark.parametrize("today", [IDAG, IDAG - datetime.timedelta(days=15)])
def test_the_due_items_are_the_rule_applied_to_every_case(fall, samordnare, today):
    alla = referens(samordnare, today)
    assert {s for *_, s in alla} == set(SLAG.values())  # every kind is exercised
    assert som_tupler(selectors.bevakningar(samordnare, today, limit=10_000)) == alla
    assert som_tupler(selectors.bevakningar(samordnare, today, limit=7)) == alla[:7]


def test_the_due_items_take_a_fixed_number_of_queries(
    fall, samordnare, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        selectors.bevakningar(samordnare, IDAG)
