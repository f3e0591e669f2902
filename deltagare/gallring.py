"""Gallring: personal data removed on schedule, an anonymous statistical remainder kept.

A participant is due when every enrolment has ended and the last exit lies more
than the förbund's `gallring_ar` years back, and no legal hold (`gallringsstopp`)
stands. A remiss that never became an enrolment is due the same number of years
after its decision (or, never sent or decided, after it was written).

What is removed: every free-text and identifying field of the person, the
enrolments and everything under them, and of the remisser (names, numbers,
contact details, notes, plans, summaries, reasons), and every uploaded file,
from storage too. What stays: kön, codes (the SUS variables, steps, ways out,
activity types, outcomes), dates and counts, and in place of the birth date the
latest date that gives the same age at every enrolment, which tells no more than
the age at start. So every figure of every period is the same before and after
(tests/deltagare/test_gallring.py). The fields are found from the models
themselves: a text field added later is removed without anyone remembering it here.

Dates are kept to the month (the first of it), except the few that a figure
counts days from (`DAGEN_BEHALLS`): the medians of days in the insats and of
answer times, the goals' "within N days" and the per-week activity rates. Every
other figure only asks which period a date falls in, and reports and the offered
periods are whole months, so the first of the month gives every such answer
unchanged. (Own dates on the statistics page that cut a month may place a gallrad
case's talks, activities and follow-ups in the neighbouring period.)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from deltagare.koder import Steg
from deltagare.models import Deltagare, Inskrivning
from deltagare.models.inskrivning import add_months
from samverkan import audit
from samverkan.models import Forbund, Gallringskorning

GALLRAT = "(gallrat)"
# Text fields a statistic reads (a code without a choices list).
BEHALL = {("deltagare", "folkbokforingskommun")}
# Dates a figure counts days from keep their day; every other date goes to the month.
DAGEN_BEHALLS = {
    ("inskrivning", "inskrivningsdatum"),
    ("inskrivning", "avslutsdatum"),
    ("avslut", "datum"),
    ("handlingsplanversion", "skapad"),
    ("remiss", "inkommen"),
    ("remiss", "beslutad"),
}
# Text a database constraint requires once its row is in a certain state.
KRAVER_TEXT = {("samtycke", "vittne"), ("kartlaggning", "sammanfattning")}
# Relations from an enrolment to the records under it (reverse accessors).
UNDER_INSKRIVNING = [
    "samtycken",
    "samtal",
    "kartlaggning",
    "planversioner",
    "aktiviteter",
    "narvaro",
    "kontakter",
    "stegbyten",
    "sus",
    "avslut",
    "uppfoljning",
    "remiss",
]


@dataclass
class Resultat:
    deltagare: int = 0
    inskrivningar: int = 0
    remisser: int = 0
    filer: int = 0
    stoppade: int = 0


def gransdatum(forbund: Forbund, idag: datetime.date) -> datetime.date:
    """Exits on or before this day are old enough to be removed."""
    return add_months(idag, -12 * forbund.gallring_ar)


def _oavslutade():
    return Inskrivning.objects.filter(deltagare=OuterRef("pk")).exclude(steg=Steg.AVSLUT)


def aktuella(forbund: Forbund, idag: datetime.date):
    """Participants due for gallring, legal holds left out."""
    return (
        Deltagare.objects.filter(forbund=forbund, gallrad__isnull=True, gallringsstopp=False)
        .annotate(senast=Max("inskrivningar__avslut__datum"))
        .filter(senast__lte=gransdatum(forbund, idag))
        .exclude(Exists(_oavslutade()))
    )


def stoppade(forbund: Forbund, idag: datetime.date) -> int:
    return (
        Deltagare.objects.filter(forbund=forbund, gallrad__isnull=True, gallringsstopp=True)
        .annotate(senast=Max("inskrivningar__avslut__datum"))
        .filter(senast__lte=gransdatum(forbund, idag))
        .exclude(Exists(_oavslutade()))
        .count()
    )


def fristaende_remisser(forbund: Forbund, idag: datetime.date):
    """Remisser that never became an enrolment, old enough to go."""
    Remiss = apps.get_model("remisser", "Remiss")  # by name: remisser imports deltagare
    grans = timezone.make_aware(
        datetime.datetime.combine(gransdatum(forbund, idag), datetime.time.max)
    )
    return Remiss.objects.filter(
        Q(beslutad__lte=grans) | Q(beslutad__isnull=True, skapad__lte=grans),
        insats__forbund=forbund,
        inskrivning__isnull=True,
    ).exclude(fornamn="", efternamn="", personnummer="", fodelsedatum__isnull=True)


def gallra_forbund(
    *, forbund: Forbund, idag: datetime.date | None = None, provkorning=False, actor=None
) -> Gallringskorning:
    """One run for one förbund; a dry run counts and changes nothing but its own record."""
    idag = idag or timezone.localdate()
    resultat = Resultat(stoppade=stoppade(forbund, idag))
    deltagare = list(aktuella(forbund, idag).values_list("pk", flat=True))
    remisser = list(fristaende_remisser(forbund, idag).values_list("pk", flat=True))
    for pk in deltagare:
        with transaction.atomic():
            _gallra_deltagare(
                Deltagare.objects.select_for_update().get(pk=pk), resultat, provkorning
            )
    Remiss = apps.get_model("remisser", "Remiss")
    for pk in remisser:
        with transaction.atomic():
            _gallra_objekt(Remiss.objects.select_for_update().get(pk=pk), resultat, provkorning)
            resultat.remisser += 1
    with transaction.atomic():
        korning = Gallringskorning.objects.create(
            forbund=forbund,
            provkorning=provkorning,
            gransdatum=gransdatum(forbund, idag),
            antal_deltagare=resultat.deltagare,
            antal_inskrivningar=resultat.inskrivningar,
            antal_remisser=resultat.remisser,
            antal_filer=resultat.filer,
            antal_stoppade=resultat.stoppade,
            utford_av=actor,
        )
        if not provkorning:
            audit.record(
                action=audit.Action.DELETE,
                actor=actor,
                obj=korning,
                forbund=forbund,
                detail={"deltagare": resultat.deltagare, "remisser": resultat.remisser},
            )
    return korning


def _gallra_deltagare(deltagare: Deltagare, resultat: Resultat, provkorning: bool) -> None:
    inskrivningar = list(Inskrivning.objects.filter(deltagare=deltagare).order_by("pk"))
    resultat.deltagare += 1
    resultat.inskrivningar += len(inskrivningar)
    for inskrivning in inskrivningar:
        for namn in UNDER_INSKRIVNING:
            for obj in _relaterade(inskrivning, namn):
                _gallra_objekt(obj, resultat, provkorning)
                if namn == "remiss":
                    resultat.remisser += 1
                for barn in _barn(obj):
                    _gallra_objekt(barn, resultat, provkorning)
        _gallra_objekt(inskrivning, resultat, provkorning)
    if provkorning:
        return
    deltagare.fodelsedatum = _alderslikt_datum(deltagare.fodelsedatum, inskrivningar)
    _gallra_objekt(deltagare, resultat, provkorning=False, spara=False)
    deltagare.samordningsnummer = False
    deltagare.skyddade_personuppgifter = False
    deltagare.save()


def _relaterade(inskrivning: Inskrivning, namn: str) -> list[models.Model]:
    falt = Inskrivning._meta.get_field(namn)
    if falt.one_to_one:
        obj = falt.related_model.objects.filter(**{falt.field.name: inskrivning}).first()
        return [obj] if obj is not None else []
    return list(getattr(inskrivning, namn).all())


def _barn(obj: models.Model) -> list[models.Model]:
    # Plan steps under a plan version: the one level deeper that holds free text.
    if obj._meta.model_name == "handlingsplanversion":
        return list(obj.steg.all())
    return []


def _gallra_objekt(obj, resultat: Resultat, provkorning: bool, spara=True) -> None:
    modell = obj._meta.model_name
    andrade = []
    for f in obj._meta.concrete_fields:
        if (modell, f.name) in BEHALL:
            continue
        if isinstance(f, models.FileField):
            fil = getattr(obj, f.name)
            if fil and fil.name != GALLRAT:
                resultat.filer += 1
                if not provkorning:
                    _radera_efter_commit(fil.storage, fil.name)
                    setattr(obj, f.attname, GALLRAT)
                    andrade.append(f.attname)
        elif isinstance(f, models.CharField | models.TextField) and not f.choices:
            if getattr(obj, f.attname):
                tom = GALLRAT if (modell, f.name) in KRAVER_TEXT or not f.blank else ""
                setattr(obj, f.attname, tom)
                andrade.append(f.attname)
        elif isinstance(f, models.JSONField):
            setattr(obj, f.attname, f.get_default())
            andrade.append(f.attname)
        elif isinstance(f, models.DateField) and f.name == "fodelsedatum":
            if modell != "deltagare":  # the participant's becomes age-equivalent, below
                setattr(obj, f.attname, None)
                andrade.append(f.attname)
        elif isinstance(f, models.DateField) and (modell, f.name) not in DAGEN_BEHALLS:
            # auto_now is rewritten at every save; the row's own gallrad is set after.
            manad = (
                None if getattr(f, "auto_now", False) else _manadens_forsta(getattr(obj, f.attname))
            )
            if manad is not None and manad != getattr(obj, f.attname):
                setattr(obj, f.attname, manad)
                andrade.append(f.attname)
    if hasattr(obj, "gallrad") and not provkorning:
        obj.gallrad = timezone.now()  # the remainder is out of every list (querysets)
        andrade.append("gallrad")
    if andrade and spara and not provkorning:
        obj.save(update_fields=andrade)


def _manadens_forsta(varde):
    """The first of the value's month (local midnight for a time), or None."""
    if isinstance(varde, datetime.datetime):
        lokal = timezone.localtime(varde)
        return timezone.make_aware(datetime.datetime(lokal.year, lokal.month, 1))
    if isinstance(varde, datetime.date):
        return varde.replace(day=1)
    return None


def _radera_efter_commit(storage, namn: str) -> None:
    # After the commit: a rolled-back run must not have lost the file. A file another
    # record still points at (a remiss's consent kept as the participant's) stays.
    def radera():
        if not _fil_anvands(namn):
            storage.delete(namn)

    transaction.on_commit(radera)


def _fil_anvands(namn: str) -> bool:
    return any(
        model._default_manager.filter(**{f.name: namn}).exists()
        for model in apps.get_models()
        for f in model._meta.concrete_fields
        if isinstance(f, models.FileField)
    )


def _alderslikt_datum(fodd: datetime.date | None, inskrivningar) -> datetime.date | None:
    """The latest birth date that gives the same whole-year age at every enrolment
    start: it says no more than those ages do."""
    starter = [i.inskrivningsdatum for i in inskrivningar if i.inskrivningsdatum]
    if fodd is None or not starter:
        return None
    kandidater = []
    for start in starter:
        alder = start.year - fodd.year - ((start.month, start.day) < (fodd.month, fodd.day))
        try:
            kandidater.append(start.replace(year=start.year - alder))
        except ValueError:  # 29 February in a year without one: the 28th is the latest
            kandidater.append(datetime.date(start.year - alder, 2, 28))
    return min(kandidater)


@transaction.atomic
def deltagare_gallringsstopp(
    *, actor, deltagare: Deltagare, stopp: bool, skal: str = "", request=None
) -> Deltagare:
    """Set or lift the legal hold; staff of one of the person's insatser decide."""
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.utils.translation import gettext as _

    if not Deltagare.objects.for_user(actor).filter(pk=deltagare.pk).exists():
        raise PermissionDenied
    skal = skal.strip()
    if stopp and not skal:
        raise ValidationError({"skal": _("Skriv varför uppgifterna inte får gallras.")})
    deltagare = Deltagare.objects.select_for_update().get(pk=deltagare.pk)
    deltagare.gallringsstopp, deltagare.gallringsstopp_skal = stopp, skal if stopp else ""
    deltagare.save(update_fields=["gallringsstopp", "gallringsstopp_skal"])
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=deltagare,
        forbund=deltagare.forbund,
        deltagare_uuid=deltagare.uuid,
        request=request,
        detail={"falt": ["gallringsstopp"], "gallringsstopp": stopp},
    )
    return deltagare
