"""Builders for hand-computed statistics datasets.

The statistics read the tables, not the services, so these builders write rows
straight with the ORM: a test states exactly which dates, codes and kön it has and
can work the expected figures out by hand. (The services' own rules are tested in
tests/deltagare and tests/remisser.)

Use the `bygg` fixture, a `Byggare` bound to the `forbund`, `insats` and
`organisation` fixtures and a staff user; every method takes `insats=` to build in
another insats (of any förbund). Dates are `datetime.date`; remiss times are noon,
local time, unless a `datetime` is given.

    i = bygg.inskrivning(inskriven=date(2026, 1, 10), kon="man", fodd=date(1990, 5, 1))
    bygg.sus(i, "start", forsorjning=["sjukpenning"], sysselsattning="ingen")
    bygg.avslut(i, date(2026, 2, 1), vag_ut="arbete")

`tabell(avsnitt, nyckel)` finds a table in the result of statistik(), and
`celler(tabell, rad)` gives a row's (kvinna, man, annat, totalt).
"""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.utils import timezone

from deltagare.models import (
    Aktivitet,
    Avslut,
    Deltagare,
    Gruppaktivitet,
    HandlingsplanVersion,
    Inskrivning,
    Kartlaggning,
    Kartlaggningssamtal,
    Narvaro,
    SusForsorjning,
    SusUppgift,
    Uppfoljning,
)
from remisser.models import Remiss
from tests.factories import UserFactory

FODD = datetime.date(1990, 6, 15)
_nummer = itertools.count(1)


def tid(dag: datetime.date | datetime.datetime) -> datetime.datetime:
    """A date at noon local time, or a naive datetime made aware in local time."""
    if not isinstance(dag, datetime.datetime):
        dag = datetime.datetime.combine(dag, datetime.time(12))
    return timezone.make_aware(dag) if timezone.is_naive(dag) else dag


def inskrivning_med_avslut(
    deltagare, insats, start, slut=None, *, vag_ut="arbete", dagar_fore=7, nasta_steg=False
) -> Inskrivning:
    """An enrolment straight in the tables: enrolled on `start` (None: only
    aktualiserad), aktualiserad `dagar_fore` days before, exited on `slut` if given."""
    inskrivning = Inskrivning.objects.create(
        deltagare=deltagare,
        insats=insats,
        steg="avslut" if slut else ("insatser" if start else "aktualisering"),
        aktualiserad=(start or datetime.date(2024, 1, 1)) - datetime.timedelta(days=dagar_fore),
        inskrivningsdatum=start,
    )
    if slut:
        Avslut.objects.create(
            inskrivning=inskrivning,
            datum=slut,
            vag_ut=vag_ut,
            ansvarig_efter="af",
            dokumenterat_nasta_steg=nasta_steg,
            registrerat_av=UserFactory(),
        )
    return inskrivning


class Byggare:
    def __init__(self, *, forbund, insats, organisation, personal):
        self.forbund = forbund
        self.insats = insats
        self.organisation = organisation
        self.personal = personal
        self._handlaggare = None

    def deltagare(self, *, kon="kvinna", fodd=FODD, kommun="", anonym=False, forbund=None):
        """A person. Anonymous ones keep only kön and start year (the model's rule)."""
        forbund = forbund or self.forbund
        if anonym:
            return Deltagare.objects.create(forbund=forbund, anonym=True, kon=kon, startar=2026)
        n = next(_nummer)
        return Deltagare.objects.create(
            forbund=forbund,
            fornamn=f"Test{n}",
            efternamn="Statistiksson",
            fodelsedatum=fodd,
            kon=kon,
            folkbokforingskommun=kommun,
        )

    def inskrivning(
        self,
        *,
        inskriven: datetime.date | None,
        deltagare=None,
        insats=None,
        remittent=None,
        **person,
    ) -> Inskrivning:
        """An enrolment (of a new person built from `person`, unless `deltagare` is
        given). `inskriven=None` is a case never enrolled (still in aktualisering)."""
        insats = insats or self.insats
        if deltagare is None:
            deltagare = self.deltagare(forbund=insats.forbund, **person)
        return Inskrivning.objects.create(
            deltagare=deltagare,
            insats=insats,
            steg="insatser" if inskriven else "aktualisering",
            aktualiserad=(inskriven or datetime.date(2026, 1, 1)) - datetime.timedelta(days=14),
            inskrivningsdatum=inskriven,
            remittent_organisation=remittent,
        )

    def sus(
        self,
        inskrivning,
        tidpunkt="start",
        *,
        forsorjning=(),
        utbildning="gymnasial_fullstandig",
        tid_offentlig="1_2",
        sysselsattning="ingen",
        procent=None,
        aktuell=(),
    ) -> SusUppgift:
        """SUS variables at start, avslut or uppfoljning; `aktuell` names agencies
        among af, fk, socialtjanst, halso_sjukvard."""
        uppgift = SusUppgift.objects.create(
            inskrivning=inskrivning,
            tidpunkt=tidpunkt,
            utbildning=utbildning,
            tid_offentlig_forsorjning=tid_offentlig,
            sysselsattning=sysselsattning,
            sysselsattning_procent=procent,
            **{f"aktuell_{a}": True for a in aktuell},
        )
        SusForsorjning.objects.bulk_create(
            SusForsorjning(uppgift=uppgift, kod=kod) for kod in forsorjning
        )
        return uppgift

    def avslut(self, inskrivning, datum, *, vag_ut="arbete", ansvarig_efter="af") -> Avslut:
        Inskrivning.objects.filter(pk=inskrivning.pk).update(steg="avslut")
        return Avslut.objects.create(
            inskrivning=inskrivning,
            datum=datum,
            vag_ut=vag_ut,
            ansvarig_efter=ansvarig_efter,
            registrerat_av=self.personal,
        )

    def uppfoljning(self, inskrivning, *, planerad, genomford=None, utfall="", stoppad=None):
        return Uppfoljning.objects.create(
            inskrivning=inskrivning,
            planerad=planerad,
            genomford=genomford,
            utfall=utfall,
            stoppad=stoppad,
        )

    def kartlaggning(self, inskrivning, *, klar=None) -> Kartlaggning:
        return Kartlaggning.objects.create(
            inskrivning=inskrivning, klar=klar, sammanfattning="Klar." if klar else ""
        )

    def samtal(self, inskrivning, datum) -> Kartlaggningssamtal:
        return Kartlaggningssamtal.objects.create(
            inskrivning=inskrivning, datum=datum, personal=self.personal, form="individuellt"
        )

    def handlingsplan(self, inskrivning, skapad: datetime.date) -> HandlingsplanVersion:
        """A plan version created on `skapad` (noon, local time)."""
        version = HandlingsplanVersion.objects.create(
            inskrivning=inskrivning,
            version=inskrivning.planversioner.count() + 1,
            mal="Ett mål.",
            skapad_av=self.personal,
        )
        # skapad is auto_now_add: set the day afterwards.
        HandlingsplanVersion.objects.filter(pk=version.pk).update(skapad=tid(skapad))
        return version

    def aktivitet(self, inskrivning, typ, start, slut=None) -> Aktivitet:
        return Aktivitet.objects.create(
            inskrivning=inskrivning,
            typ=typ,
            startdatum=start,
            slutdatum=slut,
            stodperiod_manader=1 if typ == "studier" else None,
            registrerad_av=self.personal,
        )

    def gruppaktivitet(self, datum, narvaro: dict, *, insats=None) -> Gruppaktivitet:
        """A group event with attendance: `{inskrivning: narvarande}`."""
        grupp = Gruppaktivitet.objects.create(
            insats=insats or self.insats, titel="Grupp", datum=datum, registrerad_av=self.personal
        )
        Narvaro.objects.bulk_create(
            Narvaro(gruppaktivitet=grupp, inskrivning=i, narvarande=n) for i, n in narvaro.items()
        )
        return grupp

    def remiss(
        self,
        *,
        inkommen,
        beslutad=None,
        status="antagen",
        kon="kvinna",
        pausad_dagar=0,
        insats=None,
        organisation=None,
    ) -> Remiss:
        """A remiss received and (unless `beslutad` is None) decided on those days."""
        insats = insats or self.insats
        if organisation is None:
            organisation = (
                self.organisation
                if insats.forbund_id == self.forbund.pk
                else insats.forbund.organisationer.first()
            )
        if self._handlaggare is None:
            self._handlaggare = UserFactory()
        return Remiss.objects.create(
            insats=insats,
            organisation=organisation,
            handlaggare=self._handlaggare,
            status=status,
            kon=kon,
            inkommen=tid(inkommen),
            beslutad=tid(beslutad) if beslutad else None,
            pausad_dagar=pausad_dagar,
            avbojd_orsak="malgrupp" if status == "avbojd" else "",
        )


@pytest.fixture
def bygg(forbund, insats, organisation):
    return Byggare(
        forbund=forbund, insats=insats, organisation=organisation, personal=UserFactory()
    )


def tabell(avsnitt, nyckel):
    for a in avsnitt:
        for t in a.tabeller:
            if t.nyckel == nyckel:
                return t
    raise KeyError(nyckel)


def celler(t, rad: str, kolumner=("kvinna", "man", "annat", "totalt")) -> tuple:
    r = t.summa if rad == "summa" else t.rad(rad)
    return tuple(r.varden[k] for k in kolumner)


def fyll(bygg, *, insats=None, dag=datetime.date(2026, 2, 2)) -> list[Inskrivning]:
    """A bit of everything the statistics read, for one person of each kön, dated so that
    Q1 2026 sees all of it: enrolments (one exited, one a repeat), SUS with försörjning at
    start and exit, kartläggning, plan, activities, group attendance, follow-ups and
    remisser. Call it again to double the data (query-count tests)."""
    dagar = datetime.timedelta
    insats = insats or bygg.insats
    inskrivningar = []
    for n, kon in enumerate(("kvinna", "man", "annat")):
        i = bygg.inskrivning(
            inskriven=dag - dagar(days=100 + n),
            kon=kon,
            kommun="9999",
            remittent=bygg.organisation,
            insats=insats,
        )
        bygg.sus(i, "start", forsorjning=["sjukpenning", "a_kassa"], aktuell=["af", "fk"])
        bygg.kartlaggning(i, klar=dag)
        bygg.samtal(i, dag - dagar(days=30))
        bygg.handlingsplan(i, dag)
        bygg.aktivitet(i, "coachsamtal", dag)
        bygg.aktivitet(i, "arbetstraning", dag - dagar(days=10), dag + dagar(days=60))
        if n != 1:
            bygg.sus(i, "avslut", forsorjning=["lon"], sysselsattning="forvarvsarbete", procent=50)
            bygg.avslut(i, dag + dagar(days=n), vag_ut=("arbete", "", "avbrott_flyttat")[n])
            bygg.uppfoljning(i, planerad=dag, genomford=dag, utfall="arbete")
            igen = bygg.inskrivning(
                inskriven=dag + dagar(days=10), deltagare=i.deltagare, insats=insats
            )
            inskrivningar.append(igen)
        bygg.remiss(
            kon=kon,
            inkommen=dag - dagar(days=20),
            beslutad=dag - dagar(days=3 * n),
            status="avbojd" if n == 1 else "antagen",
            pausad_dagar=n,
            insats=insats,
        )
        inskrivningar.append(i)
    bygg.gruppaktivitet(dag, {i: True for i in inskrivningar}, insats=insats)
    return inskrivningar
