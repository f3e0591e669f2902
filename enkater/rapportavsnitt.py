"""The survey section of the statistics page and the board report, registered
in rapporter's registry (rapporter/avsnitt.py) from EnkaterConfig.ready().

Only tables that may reach the board: response rates, means by kön and the
change from the year before, always protected by the förbund's threshold.
Free text never leaves the office's own results page."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from enkater import selectors
from enkater.models import Enkat, Svar, Utskick
from rapporter.tabell import Avsnitt


def urval_for_period(enkat, period, insats=None) -> selectors.Urval:
    """The quarters of the period's last year that begin within the period."""
    return selectors.Urval(enkat, *_kvartal(period), insats=insats)


def _kvartal(period) -> tuple[int, list[int]]:
    ar = period.slut.year
    kvartal = [
        k for k in range(1, 5) if period.start <= datetime.date(ar, 3 * k - 2, 1) <= period.slut
    ]
    return ar, kvartal or [(period.slut.month - 1) // 3 + 1]


def _med_data(forbund, period, insats):
    """Every questionnaire of the förbund (a default or the office's own) with
    answers or links in the period's quarters: one query."""
    ar, kvartal = _kvartal(period)
    svar = Svar.objects.filter(forbund=forbund, ar=ar, kvartal__in=kvartal)
    utskick = Utskick.objects.filter(enkat__forbund=forbund, ar=ar, kvartal__in=kvartal)
    if insats is not None:
        svar, utskick = svar.filter(insats=insats), utskick.filter(insats=insats)
    return (
        Enkat.objects.filter(forbund=forbund)
        .filter(Q(pk__in=svar.values("version__enkat")) | Q(pk__in=utskick.values("enkat")))
        .order_by("typ", "-standard", "namn")
    )


def avsnitt(*, forbund, period, insats=None, grans: int | None) -> list[Avsnitt]:
    grans = grans or forbund.smacellsgrans  # anonymity needs it even for exact figures
    tabeller = []
    for enkat in _med_data(forbund, period, insats):
        u = urval_for_period(enkat, period, insats)
        fragor = selectors._fragor(enkat)
        txt = selectors.texter([f.version_id for f in fragor[:1]])
        tabeller += [
            selectors.svarsfrekvens(u, grans),
            selectors.medelvarden(u, fragor, txt, grans),
            selectors.forandring(u, fragor, txt, grans),
        ]
    if not tabeller:
        return []
    return [
        Avsnitt(
            "enkater",
            _("Enkäter"),
            tabeller,
            text=_(
                "Anonyma svar på förbundets enkäter till deltagare och till personal och "
                "parter. Inget resultat visas för färre än %(g)s svar."
            )
            % {"g": grans},
        )
    ]
