"""Avsnitt "kartlaggning" (how far the active enrolments had come by the period's end)
and avsnitt "uppfoljning" (the 12-month follow-ups)."""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils.translation import gettext as _

from deltagare.koder import AktivitetTyp, VagUt
from deltagare.models import (
    Aktivitet,
    HandlingsplanVersion,
    Kartlaggningssamtal,
    Narvaro,
    Uppfoljning,
)
from rapporter.selectors.statistik.common import (
    FELREG,
    Urval,
    kodrader,
    rad,
    rakna,
    summa,
    tom_rad,
)
from rapporter.tabell import Avsnitt, Tabell, kon_kolumner


def avsnitt_kartlaggning(u: Urval) -> Avsnitt:
    return Avsnitt(
        "kartlaggning",
        _("Kartläggning, handlingsplan och aktiviteter"),
        list(kartlaggning(u)),
        text=_("Aktiva inskrivningar, läget vid periodens slut."),
    )


def _aktivitet_under(u: Urval, **villkor) -> Exists:
    """An activity of the enrolment on some day of the period. An activity without an
    end date is one day long: its date."""
    p = u.period
    return Exists(
        Aktivitet.objects.filter(
            Q(slutdatum__gte=p.start) | Q(slutdatum__isnull=True, startdatum__gte=p.start),
            inskrivning=OuterRef("pk"),
            startdatum__lte=p.slut,
            **villkor,
        )
    )


def kartlaggning(u: Urval) -> tuple[Tabell, Tabell]:
    """Status and activity types: one query for both tables."""
    p = u.period
    egen = {"inskrivning": OuterRef("pk")}
    # One-to-one: a join, read once, where EXISTS would probe twice per enrolment.
    kartlagd = Q(kartlaggning__klar__lte=p.slut)
    ej_kartlagd = Q(kartlaggning__klar__isnull=True) | Q(kartlaggning__klar__gt=p.slut)
    samtal = Exists(Kartlaggningssamtal.objects.filter(**egen, datum__lte=p.slut))
    plan = Exists(HandlingsplanVersion.objects.filter(**egen, skapad__date__lte=p.slut))
    i_grupp = Exists(
        Narvaro.objects.filter(
            **egen,
            narvarande=True,
            gruppaktivitet__datum__gte=p.start,
            gruppaktivitet__datum__lte=p.slut,
        )
    )
    matt = {
        "kartlagda": Count("pk", filter=kartlagd),
        "paborjad": Count("pk", filter=Q(samtal) & ej_kartlagd),
        "handlingsplan": Count("pk", filter=Q(plan)),
        "i_aktivitet": Count("pk", filter=Q(_aktivitet_under(u)) | Q(i_grupp)),
    }
    for typ in AktivitetTyp:
        villkor = Q(_aktivitet_under(u, typ=typ))
        if typ == AktivitetTyp.GRUPPAKTIVITET:
            villkor |= Q(i_grupp)
        matt[f"typ_{typ.value}"] = Count("pk", filter=villkor)
    r = rakna(u.aktiva(), **matt)
    etiketter = {
        "kartlagda": _("Kartläggning klar"),
        "paborjad": _("Kartläggning påbörjad"),
        "handlingsplan": _("Har handlingsplan"),
        "i_aktivitet": _("I aktivitet under perioden"),
    }
    return (
        Tabell(
            nyckel="status",
            rubrik=_("Kartläggning och handlingsplan"),
            radrubrik=_("Läge"),
            kolumner=kon_kolumner(),
            rader=[rad(k, e, r[k].get(None)) for k, e in etiketter.items()],
            beskrivning=_(
                "Aktiva inskrivningar: kartläggning klar eller påbörjad (minst ett "
                "kartläggningssamtal) och handlingsplan vid periodens slut; i aktivitet "
                "betyder en aktivitet eller närvaro vid en gruppaktivitet under perioden."
            ),
        ),
        Tabell(
            nyckel="aktivitetstyp",
            rubrik=_("Aktiviteter under perioden"),
            radrubrik=_("Aktivitet"),
            kolumner=kon_kolumner(),
            rader=[rad(t.value, t.label, r[f"typ_{t.value}"].get(None)) for t in AktivitetTyp],
            beskrivning=_(
                "Aktiva inskrivningar med minst en aktivitet av slaget under perioden. "
                "Närvaro vid en gruppaktivitet räknas som gruppaktivitet. En person kan "
                "ha flera slags aktiviteter."
            ),
        ),
    )


def avsnitt_uppfoljning(u: Urval) -> Avsnitt:
    r = _uppfoljning_rakna(u)
    return Avsnitt(
        "uppfoljning",
        _("Uppföljning efter 12 månader"),
        [uppfoljning(r), uppfoljning_status(r)],
    )


KON = "inskrivning__deltagare__kon"


def _uppfoljning_rakna(u: Urval) -> dict:
    """Both tables from one query: the follow-ups planned, done or stopped in the
    period, counted per kön and utfall."""
    p = u.period
    planerad = Q(planerad__gte=p.start, planerad__lte=p.slut)
    genomford = Q(genomford__gte=p.start, genomford__lte=p.slut) & ~Q(utfall=FELREG)
    stoppad = Q(stoppad__gte=p.start, stoppad__lte=p.slut)
    qs = Uppfoljning.objects.filter(
        planerad | genomford | stoppad, u.raknas_q("inskrivning__")
    ).order_by()
    return rakna(
        qs,
        kon=KON,
        grupp=F("utfall"),
        planerade=Count("pk", filter=planerad),
        genomforda=Count("pk", filter=genomford),
        stoppade=Count("pk", filter=stoppad),
    )


def uppfoljning(r: dict) -> Tabell:
    rader = kodrader(VagUt, r["genomforda"], utom={FELREG})
    return Tabell(
        nyckel="uppfoljning",
        rubrik=_("Läget vid uppföljningen"),
        radrubrik=_("Utfall"),
        kolumner=kon_kolumner(),
        rader=rader,
        summa=summa(rader),
        beskrivning=_("Uppföljningar som genomfördes under perioden, efter utfall."),
    )


def uppfoljning_status(r: dict) -> Tabell:
    etiketter = {
        "planerade": _("Planerade under perioden"),
        "genomforda": _("Genomförda under perioden"),
        "stoppade": _("Stoppade under perioden (samtycket återkallat)"),
    }
    return Tabell(
        nyckel="uppfoljning_status",
        rubrik=_("Uppföljningar"),
        radrubrik=_("Uppföljningar"),
        kolumner=kon_kolumner(),
        rader=[rad(k, e, _over_utfall(r[k])) for k, e in etiketter.items()],
    )


def _over_utfall(per_utfall: dict) -> dict:
    celler = tom_rad()
    for rad_ in per_utfall.values():
        for k, n in rad_.items():
            celler[k] += n
    return celler
