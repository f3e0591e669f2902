"""Reads of the participant's case: the overview, the due items, the timeline.

Every function here runs a fixed number of queries, whatever the amount of data.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, OuterRef, Q, Subquery
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

VARNING_DAGAR = 30


def inskrivningar_for(user):
    """The user's enrolments with what the lists and due items need, in one query."""
    senaste_plan = HandlingsplanVersion.objects.filter(inskrivning=OuterRef("pk")).order_by(
        "-version"
    )
    return (
        Inskrivning.objects.for_user(user)
        .select_related("deltagare", "insats", "kontaktperson", "kontaktperson2")
        .annotate(
            antal_samtal=Count("samtal", distinct=True),
            senaste_remittentkontakt=Max(
                "kontakter__datum", filter=Q(kontakter__typ=KontaktTyp.REMITTENT)
            ),
            plan_version=Subquery(senaste_plan.values("version")[:1]),
            plan_revidering=Subquery(senaste_plan.values("revidering_senast")[:1]),
        )
        .order_by("-aktualiserad", "-pk")
    )


@dataclass(frozen=True)
class Bevakning:
    """Something due or overdue in a case."""

    inskrivning: Inskrivning
    vad: str
    datum: datetime.date
    forsenad: bool


def bevakningar(user, today: datetime.date) -> list[Bevakning]:
    """Due and overdue items: talks, plan revisions, referrer contacts, max duration, follow-ups."""
    items = []
    for i in (
        inskrivningar_for(user)
        .exclude(steg__in=[Steg.AVSLUT, Steg.AKTUALISERING])
        .filter(deltagare__anonym=False)
    ):
        insats = i.insats
        if (
            i.steg in (Steg.INSKRIVNING, Steg.KARTLAGGNING)
            and i.antal_samtal < insats.kartlaggning_samtal_min
        ):
            # Talks are due within the first month after inskrivning.
            due = i.inskrivningsdatum + datetime.timedelta(days=30)
            items.append(
                Bevakning(
                    i,
                    _("Kartläggningssamtal (%(n)s av minst %(min)s)")
                    % {"n": i.antal_samtal, "min": insats.kartlaggning_samtal_min},
                    due,
                    due < today,
                )
            )
        if i.plan_revidering:
            items.append(
                Bevakning(
                    i, _("Revidera handlingsplanen"), i.plan_revidering, i.plan_revidering < today
                )
            )
        if i.remittent_organisation_id:
            last = i.senaste_remittentkontakt or i.inskrivningsdatum
            due = last + datetime.timedelta(days=insats.remittentkontakt_dagar)
            if due <= today + datetime.timedelta(days=7):
                items.append(Bevakning(i, _("Kontakt med remittenten"), due, due < today))
        slut = i.slutdatum_max
        if slut and slut <= today + datetime.timedelta(days=VARNING_DAGAR):
            items.append(Bevakning(i, _("Längsta tid i insatsen nås"), slut, slut < today))
    uppfoljningar = (
        Uppfoljning.objects.for_user(user)
        .filter(genomford__isnull=True, stoppad__isnull=True)
        .filter(planerad__lte=today + datetime.timedelta(days=VARNING_DAGAR))
        .select_related("inskrivning__deltagare", "inskrivning__insats")
    )
    for u in uppfoljningar:
        items.append(
            Bevakning(
                u.inskrivning,
                _("Uppföljning 12 månader efter avslut"),
                u.planerad,
                u.planerad < today,
            )
        )
    return sorted(items, key=lambda b: (not b.forsenad, b.datum))


def mina_deltagare(user, limit=100):
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
        .annotate(steg_ordning=order)
        .order_by("steg_ordning", "deltagare__efternamn", "deltagare__fornamn")[:limit]
    )


def senaste_handelser(user, limit=10):
    """The latest step changes in the user's insatser."""
    return (
        StegByte.objects.for_user(user)
        .select_related("inskrivning__deltagare", "inskrivning__insats", "av")
        .order_by("-tidpunkt", "-pk")[:limit]
    )


def antal_per_steg(user) -> dict[str, int]:
    rows = Inskrivning.objects.for_user(user).values("steg").annotate(n=Count("pk")).order_by()
    counts = {s.value: 0 for s in Steg}
    counts.update({r["steg"]: r["n"] for r in rows})
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
