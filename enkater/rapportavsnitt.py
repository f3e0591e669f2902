"""The survey section of the statistics page and the board report, registered
in rapporter's registry (rapporter/avsnitt.py) from EnkaterConfig.ready().

Only tables that may reach the board: response rates, means by kön and the
change from the year before, always protected by the förbund's threshold.
Free text never leaves the office's own results page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from enkater import selectors
from enkater.models import Enkat
from rapporter.tabell import Avsnitt


def urval_for_period(enkat, period, insats=None) -> selectors.Urval:
    """The quarters of the period's last year that begin within the period."""
    ar = period.slut.year
    kvartal = [k for k in range(1, 5) if period.start <= _kvartalsstart(ar, k) <= period.slut] or [
        (period.slut.month - 1) // 3 + 1
    ]
    return selectors.Urval(enkat=enkat, ar=ar, kvartal=kvartal, insats=insats)


def _kvartalsstart(ar, k):
    import datetime

    return datetime.date(ar, 3 * k - 2, 1)


def avsnitt(*, forbund, period, insats=None, grans: int | None) -> list[Avsnitt]:
    grans = grans or forbund.smacellsgrans  # anonymity needs it even for exact figures
    tabeller = []
    for enkat in Enkat.objects.filter(forbund=forbund).exclude(standard="").order_by("typ"):
        u = urval_for_period(enkat, period, insats)
        if not u.svar().exists() and not u.utskick().exists():
            continue
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
                "Anonyma svar på deltagarenkäten och samverkansindikatorerna. Inget "
                "resultat visas för färre än %(g)s svar."
            )
            % {"g": grans},
        )
    ]
