"""Logguppföljning: the förbund office searches the audit trail and looks at
patterns worth a look. Reads only; the trail itself is written by `audit.record`.

Every pattern is one aggregate query over the events the user may see
(`AuditEvent.objects.for_user`), so the page costs the same however long the
trail grows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.models import AuditEvent, User

Action = AuditEvent.Action


def sok(user, *, anvandare=None, deltagare=None, fran=None, till=None, handelse=""):
    """The events the filters select, newest first, with the actor in the same query."""
    qs = AuditEvent.objects.for_user(user).select_related("actor", "forbund")
    if anvandare is not None:
        qs = qs.filter(actor=anvandare)
    if deltagare:
        qs = qs.filter(deltagare_uuid=deltagare)
    if fran:
        qs = qs.filter(tidpunkt__gte=_dagens_borjan(fran))
    if till:
        qs = qs.filter(tidpunkt__lt=_dagens_borjan(till + datetime.timedelta(days=1)))
    if handelse:
        qs = qs.filter(action=handelse)
    return qs.order_by("-tidpunkt", "-pk")


def _dagens_borjan(dag: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time.min))


@dataclass
class Flagga:
    """One pattern found: what, who, which day, how many."""

    typ: str
    rubrik: str
    anvandare: User | None
    dag: datetime.date | None
    antal: int


def flaggor(user, *, fran: datetime.date, till: datetime.date) -> list[Flagga]:
    """Patterns worth a look in the period: four queries plus one for the users."""
    qs = sok(user, fran=fran, till=till).order_by()
    per_dag = qs.annotate(dag=TruncDate("tidpunkt", tzinfo=timezone.get_current_timezone()))
    grans = settings.SAMVERKAN_LOGG_LASNINGAR_PER_DAG
    rader: list[tuple[str, str, dict]] = []

    manga = (
        per_dag.filter(action=Action.READ, deltagare_uuid__isnull=False, actor__isnull=False)
        .values("actor_id", "dag")
        .annotate(antal=Count("deltagare_uuid", distinct=True))
        .filter(antal__gt=grans)
    )
    rubrik = _("Läste fler än %(n)s olika deltagare samma dag") % {"n": grans}
    rader += [("manga_lasningar", rubrik, r) for r in manga]

    nekade = (
        per_dag.filter(action=Action.ACCESS_DENIED)
        .values("actor_id", "dag")
        .annotate(antal=Count("pk"))
        .filter(antal__gte=3)
    )
    rubrik = _("Upprepade försök att nå något utanför behörigheten")
    rader += [("nekad_atkomst", rubrik, r) for r in nekade]

    # By name: the core does not import the deltagare app.
    Deltagare = apps.get_model("deltagare", "Deltagare")
    skyddade = Deltagare.objects.filter(
        uuid=OuterRef("deltagare_uuid"), skyddade_personuppgifter=True
    )
    skyddad_last = (
        per_dag.filter(Exists(skyddade), action=Action.READ)
        .values("actor_id", "dag")
        .annotate(antal=Count("pk"))
    )
    rubrik = _("Läste uppgifter om en person med skyddade personuppgifter")
    rader += [("skyddad_identitet", rubrik, r) for r in skyddad_last]

    Samtycke = apps.get_model("deltagare", "Samtycke")
    aterkallat = Samtycke.objects.filter(
        inskrivning__deltagare__uuid=OuterRef("deltagare_uuid"), aterkallat__lt=OuterRef("dag")
    )
    efter_aterkallelse = (
        per_dag.filter(Exists(aterkallat), action=Action.READ)
        .values("actor_id", "dag")
        .annotate(antal=Count("pk"))
    )
    rubrik = _("Läste uppgifter om en deltagare efter att samtycket återkallats")
    rader += [("efter_aterkallelse", rubrik, r) for r in efter_aterkallelse]

    namn = User.objects.in_bulk({r["actor_id"] for _t, _r, r in rader} - {None})
    resultat = [
        Flagga(typ, rubrik, namn.get(r["actor_id"]), r["dag"], r["antal"])
        for typ, rubrik, r in rader
    ]
    return sorted(resultat, key=lambda f: (f.dag or datetime.date.min, f.typ), reverse=True)


def anvandare_att_valja(user):
    """The people whose events the user may filter on: the förbund's own."""
    return User.objects.for_user(user).order_by("efternamn", "fornamn", "email")


@dataclass(frozen=True)
class GranskningAttGora:
    """When the förbund's next review of the trail is due (`Forbund.logggranskning_dagar`)."""

    forbund: object
    senast: datetime.date | None
    nasta: datetime.date
    forsenad: bool
    dagar_kvar: int


def granskningar_att_gora(user, idag: datetime.date) -> list[GranskningAttGora]:
    """For each förbund the user administers: the last review and when the next is due
    (today if there has been none). One query."""
    from django.db.models import Max, Subquery

    from samverkan.models import Forbund, Logggranskning
    from samverkan.permissions import roller

    senaste = (
        Logggranskning.objects.filter(forbund=OuterRef("pk"))
        .order_by()
        .values("forbund")
        .annotate(m=Max("granskad"))
        .values("m")
    )
    resultat = []
    for f in (
        Forbund.objects.filter(pk__in=roller(user).admin_forbund)
        .annotate(senast=Subquery(senaste))
        .only("uuid", "namn", "logggranskning_dagar")
        .order_by("namn")
    ):
        nasta = f.senast + datetime.timedelta(days=f.logggranskning_dagar) if f.senast else idag
        resultat.append(GranskningAttGora(f, f.senast, nasta, nasta < idag, (nasta - idag).days))
    return resultat
