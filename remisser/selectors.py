"""Reads of remisser that summarise: what a referrer has to act on, and the inbox of an
insats counted per insats. Each is one query, whatever the number of remisser."""

import datetime

from django.db.models import Case, Count, DateField, F, IntegerField, Q, Value, When
from django.db.models.functions import TruncDate
from django.db.models.lookups import GreaterThan

from remisser.models import Remiss, Status
from samverkan.dbfunktioner import DagarMellan

# A decision stays on the referrer's start page this long.
NYLIGEN_BESLUTAD_DAGAR = 30
OPPNA = [Status.INKOMMEN, Status.UNDER_BEDOMNING, Status.KOMPLETTERING]


def att_gora_for_remittent(user, idag: datetime.date, limit: int = 25):
    """The referrer's own remisser that need them: completion requested, drafts not
    sent, and decisions of the last month; in that order, newest first within each."""
    nyligen = idag - datetime.timedelta(days=NYLIGEN_BESLUTAD_DAGAR)
    ordning = Case(
        When(status=Status.KOMPLETTERING, then=Value(0)),
        When(status=Status.UTKAST, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        Remiss.objects.for_user(user)
        .filter(Q(handlaggare=user) | Q(overlamnad_till=user))
        .filter(
            Q(status__in=[Status.KOMPLETTERING, Status.UTKAST])
            | Q(status__in=[Status.ANTAGEN, Status.AVBOJD], beslutad__date__gte=nyligen)
        )
        .select_related("insats")
        .only(
            "uuid",
            "status",
            "fornamn",
            "efternamn",
            "skapad",
            "beslutad",
            "komplettering_begard",
            "insats__namn",
        )
        .annotate(ordning=ordning)
        .order_by("ordning", "-beslutad", "-skapad", "-pk")[:limit]
    )


def inkorg_per_insats(insatser, idag: datetime.date) -> list[dict]:
    """Per insats with remisser waiting: how many wait for an answer, and how many are
    past the answer deadline (days paused for completion do not count, as in
    `Remiss.dagar_till_beslut`; a remiss waiting for completion is not late)."""
    gatt = DagarMellan(TruncDate("inkommen"), Value(idag, output_field=DateField())) - F(
        "pausad_dagar"
    )
    sen = GreaterThan(gatt, F("insats__svarsfrist_dagar"))
    return list(
        Remiss.objects.filter(insats__in=insatser, gallrad__isnull=True, status__in=OPPNA)
        .values("insats__uuid", "insats__namn")
        .annotate(
            vantar=Count("pk"),
            forsenade=Count(
                "pk", filter=Q(sen, status__in=[Status.INKOMMEN, Status.UNDER_BEDOMNING])
            ),
        )
        .order_by("insats__namn", "insats__uuid")
    )
