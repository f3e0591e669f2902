"""Reads of the participant's case: the overview, the due items, the timeline.

Every function here runs a fixed number of queries, whatever the amount of data.
"""

import datetime
import operator
from dataclasses import dataclass
from functools import reduce

from django.db.models import Count, F, Max, OuterRef, Q, Subquery, Window
from django.db.models.functions import (
    Coalesce,
    ExtractDay,
    ExtractMonth,
    ExtractYear,
    RowNumber,
)
from django.utils.translation import gettext as _

from deltagare.koder import STEG_ORDNING, KontaktTyp, Steg
from deltagare.models import (
    Aktivitet,
    HandlingsplanVersion,
    Inskrivning,
    Kartlaggningssamtal,
    Kontakt,
    Samtycke,
    StegByte,
    Uppfoljning,
)
from deltagare.models.inskrivning import add_months
from samverkan.models import Insats
from samverkan.permissions import roller

VARNING_DAGAR = 30
# Due within this many days: "inom en vecka" rather than later.
SNART_DAGAR = 7


# The list's columns only: no personnummer, address or phone leaves the database for a
# list, and a page costs half as much without them (docs/benchmarks.md).
LISTANS_FALT = (
    "uuid",
    "steg",
    "aktualiserad",
    "inskrivningsdatum",
    "deltagare__anonym",
    "deltagare__fornamn",
    "deltagare__efternamn",
    "deltagare__skyddade_personuppgifter",
    "insats__namn",
    "kontaktperson__fornamn",
    "kontaktperson__efternamn",
    "kontaktperson__email",
)


# What the start page shows of a case: read no more (no personnummer, no address).
STARTSIDANS_FALT = (
    "uuid",
    "steg",
    "inskrivningsdatum",
    "deltagare__anonym",
    "deltagare__fornamn",
    "deltagare__efternamn",
    "insats__namn",
)


def inskrivningar_for(user):
    """The user's enrolments with what the participant list shows, nothing more: every
    column comes from the enrolment's own row or a one-to-one join, so the database
    sorts and pages without aggregating anything (docs/benchmarks.md)."""
    return (
        Inskrivning.objects.for_user(user)
        .select_related("deltagare", "insats", "kontaktperson")
        .only(*LISTANS_FALT)
        .order_by("-aktualiserad", "-pk")
    )


@dataclass(frozen=True)
class Bevakning:
    """Something due or overdue in a case: overdue, due within a week (`snart`), or later."""

    inskrivning: Inskrivning
    vad: str
    datum: datetime.date
    forsenad: bool
    snart: bool = False
    # Which rule: samtal, plan, remittentkontakt, langsta_tid, uppfoljning (BEVAKNINGSTYPER).
    typ: str = ""


# The kinds of due item, for counts without the case (the reminder digest).
BEVAKNINGSTYPER = ("samtal", "plan", "remittentkontakt", "langsta_tid", "uppfoljning")


def bevakningar(user, today: datetime.date, limit: int = 50, insatser=None) -> list[Bevakning]:
    """The `limit` earliest due and overdue items: talks, plan revisions, referrer
    contacts, max duration, follow-ups.

    Each kind is one query that finds, orders and cuts its items in SQL and returns
    plain values, so the start page costs the same with a hundred ongoing cases as
    with thousands; Python merges at most `limit` items per kind (per insats where the
    rule differs by insats), and one more query reads the cases that are shown.
    `insatser`: the user's insatser if the caller has read them already.
    """
    if insatser is None:
        insatser = Insats.objects.filter(pk__in=roller(user).samordnare_insatser)
    insatser = {i.pk: i for i in insatser}
    if not insatser:
        return []
    oppna = (
        Inskrivning.objects.for_user(user)
        # Named, not excluded: the index (insats, steg) then serves the filter.
        .filter(steg__in=[Steg.INSKRIVNING, Steg.KARTLAGGNING, Steg.INSATSER])
        .filter(deltagare__anonym=False)
        .order_by()
    )
    typer = dict(
        zip(
            BEVAKNINGSTYPER,
            [
                _samtal(oppna, insatser, limit),
                _planrevisioner(oppna, limit),
                _remittentkontakter(oppna, insatser, today, limit),
                _langsta_tid(oppna, insatser, today, limit),
                _uppfoljningar(user, today, limit),
            ],
            strict=True,
        )
    )
    poster = sorted(
        [(*p, typ) for typ, rader in typer.items() for p in rader],
        key=lambda p: (p[0], p[1], str(p[2])),
    )[:limit]
    fall = (
        Inskrivning.objects.for_user(user)
        .select_related("deltagare", "insats")
        .only(*STARTSIDANS_FALT)
        .in_bulk({pk for _d, pk, _v, _t in poster})
    )
    vecka = today + datetime.timedelta(days=SNART_DAGAR)
    return [
        Bevakning(fall[pk], vad, datum, datum < today, today <= datum <= vecka, typ)
        for datum, pk, vad, typ in poster
    ]


def _per_insats(insatser, villkor) -> Q:
    return reduce(operator.or_, (Q(insats_id=pk) & villkor(i) for pk, i in insatser.items()))


def _inom(qs, partition, ordning, limit):
    """At most `limit` rows of each partition, in order (one query, window in SQL)."""
    return qs.annotate(
        rad=Window(RowNumber(), partition_by=partition, order_by=[*ordning, F("pk").asc()])
    ).filter(rad__lte=limit)


# Each kind yields (due date, enrolment pk, what is due).


def _samtal(oppna, insatser, limit):
    antal = (
        Kartlaggningssamtal.objects.filter(inskrivning=OuterRef("pk"))
        .order_by()
        .values("inskrivning")
        .annotate(n=Count("pk"))
        .values("n")
    )
    qs = (
        oppna.filter(steg__in=[Steg.INSKRIVNING, Steg.KARTLAGGNING])
        .annotate(antal_samtal=Coalesce(Subquery(antal), 0))
        .filter(_per_insats(insatser, lambda i: Q(antal_samtal__lt=i.kartlaggning_samtal_min)))
        .order_by("inskrivningsdatum", "pk")
    )
    for pk, start, n, insats_id in qs.values_list(
        "pk", "inskrivningsdatum", "antal_samtal", "insats_id"
    )[:limit]:
        # Talks are due within the first month after inskrivning.
        vad = _("Kartläggningssamtal (%(n)s av minst %(min)s)") % {
            "n": n,
            "min": insatser[insats_id].kartlaggning_samtal_min,
        }
        yield start + datetime.timedelta(days=30), pk, vad


def _planrevisioner(oppna, limit):
    senaste = HandlingsplanVersion.objects.filter(inskrivning=OuterRef("pk")).order_by("-version")
    qs = (
        oppna.annotate(plan_revidering=Subquery(senaste.values("revidering_senast")[:1]))
        .filter(plan_revidering__isnull=False)
        .order_by("plan_revidering", "pk")
    )
    for pk, datum in qs.values_list("pk", "plan_revidering")[:limit]:
        yield datum, pk, _("Revidera handlingsplanen")


def _remittentkontakter(oppna, insatser, today, limit):
    senaste = (
        Kontakt.objects.filter(inskrivning=OuterRef("pk"), typ=KontaktTyp.REMITTENT)
        .order_by()
        .values("inskrivning")
        .annotate(m=Max("datum"))
        .values("m")
    )
    horisont = today + datetime.timedelta(days=7)
    qs = oppna.filter(remittent_organisation__isnull=False).annotate(
        senast=Coalesce(Subquery(senaste), F("inskrivningsdatum"))
    )
    qs = qs.filter(
        _per_insats(
            insatser,
            lambda i: Q(senast__lte=horisont - datetime.timedelta(days=i.remittentkontakt_dagar)),
        )
    )
    # The interval differs by insats: the earliest `limit` of each, merged in Python.
    rader = _inom(qs, [F("insats_id")], [F("senast").asc()], limit)
    for pk, senast, insats_id in rader.values_list("pk", "senast", "insats_id"):
        dagar = insatser[insats_id].remittentkontakt_dagar
        yield senast + datetime.timedelta(days=dagar), pk, _("Kontakt med remittenten")


def _langsta_tid(oppna, insatser, today, limit):
    # slutdatum_max (inskrivningsdatum + max months + extension) in SQL: the month it
    # falls in as a month number, then the day, which add_months clamps to the month.
    horisont = today + datetime.timedelta(days=VARNING_DAGAR)
    manad = horisont.year * 12 + horisont.month
    sista_dagen = (horisont + datetime.timedelta(days=1)).month != horisont.month
    qs = oppna.filter(inskrivningsdatum__isnull=False).annotate(
        slutmanad=ExtractYear("inskrivningsdatum") * 12
        + ExtractMonth("inskrivningsdatum")
        + F("insats__max_manader")
        + F("forlangd_manader"),
        slutdag=ExtractDay("inskrivningsdatum"),
    )
    inom = Q(slutmanad__lt=manad) | Q(slutmanad=manad)
    if not sista_dagen:
        inom = Q(slutmanad__lt=manad) | Q(slutmanad=manad, slutdag__lte=horisont.day)
    rader = qs.filter(inom).order_by("slutmanad", "slutdag", "pk")
    for pk, start, forlangd, insats_id in rader.values_list(
        "pk", "inskrivningsdatum", "forlangd_manader", "insats_id"
    )[:limit]:
        slut = add_months(start, insatser[insats_id].max_manader + forlangd)
        yield slut, pk, _("Längsta tid i insatsen nås")


def _uppfoljningar(user, today, limit):
    qs = (
        Uppfoljning.objects.for_user(user)
        .filter(genomford__isnull=True, stoppad__isnull=True)
        .filter(planerad__lte=today + datetime.timedelta(days=VARNING_DAGAR))
        .order_by("planerad", "pk")
    )
    for pk, planerad in qs.values_list("inskrivning_id", "planerad")[:limit]:
        yield planerad, pk, _("Uppföljning 12 månader efter avslut")


def mina_deltagare(user, limit=25):
    """Open cases where the user is a contact person, ordered by step."""
    from django.db.models import Case, IntegerField, Value, When

    order = Case(
        *[When(steg=s, then=Value(n)) for n, s in enumerate(STEG_ORDNING)],
        output_field=IntegerField(),
    )
    return (
        Inskrivning.objects.for_user(user)
        .pagaende()
        .filter(Q(kontaktperson=user) | Q(kontaktperson2=user))
        .select_related("deltagare", "insats")
        .only(*STARTSIDANS_FALT)
        .annotate(steg_ordning=order)
        .order_by("steg_ordning", "deltagare__efternamn", "deltagare__fornamn")[:limit]
    )


def senaste_handelser(user, limit=10):
    """The latest step changes in the user's insatser."""
    return (
        StegByte.objects.for_user(user)
        .select_related("inskrivning__deltagare", "inskrivning__insats", "av")
        .only(
            "tidpunkt",
            "till",
            *(f"inskrivning__{f}" for f in STARTSIDANS_FALT),
            "av__fornamn",
            "av__efternamn",
            "av__email",
        )
        .order_by("-tidpunkt", "-pk")[:limit]
    )


def antal_per_steg(user) -> dict[str, int]:
    counts = {s.value: 0 for s in Steg}
    counts.update(Inskrivning.objects.antal_per_steg(user))
    return counts


@dataclass(frozen=True)
class Handelse:
    tid: datetime.datetime | datetime.date
    rubrik: str
    text: str = ""


def tidslinje(inskrivning: Inskrivning) -> list[Handelse]:
    """Every step and event of the case, newest first (one query per kind of event)."""
    events = []
    for s in StegByte.objects.filter(inskrivning=inskrivning).select_related("av"):
        events.append(
            Handelse(
                s.tidpunkt,
                _("Steg: %(steg)s") % {"steg": s.get_till_display()},
                s.av.get_full_name(),
            )
        )
    for s in Samtycke.objects.filter(inskrivning=inskrivning):
        text = ", ".join(str(x.label) for x in s.syften)
        events.append(Handelse(s.givet, _("Samtycke givet"), text))
        if s.aterkallat:
            events.append(Handelse(s.aterkallat, _("Samtycke återkallat")))
    for s in Kartlaggningssamtal.objects.filter(inskrivning=inskrivning).select_related("personal"):
        events.append(Handelse(s.datum, _("Kartläggningssamtal"), s.personal.get_full_name()))
    for v in HandlingsplanVersion.objects.filter(inskrivning=inskrivning):
        events.append(
            Handelse(v.skapad, _("Handlingsplan version %(v)s") % {"v": v.version}, v.kommentar)
        )
    for a in Aktivitet.objects.filter(inskrivning=inskrivning):
        events.append(Handelse(a.startdatum, a.get_typ_display(), a.arbetsplats))
    for k in Kontakt.objects.filter(inskrivning=inskrivning):
        events.append(Handelse(k.datum, _("Kontakt: %(typ)s") % {"typ": k.get_typ_display()}))
    return sorted(events, key=_sort_key, reverse=True)


def _sort_key(event):
    t = event.tid
    if isinstance(t, datetime.datetime):
        return (t.date(), 1, t.time())
    return (t, 0, datetime.time())
