"""The SUS-style statistics of a period: every figure computed in the database,
split by kön, in a fixed number of queries whatever the amount of data.

Counting rules (docs/architecture.md, "Rapporter"): an enrolment counts in every
period it overlaps; several enrolments of one person count once each, with distinct
persons shown beside; felregistrering is left out of every figure; anonymous
participants count by kön and wherever else their data allows.
"""

from __future__ import annotations

from rapporter.period import Period
from rapporter.selectors.statistik.avslut import avsnitt_avslut, avsnitt_remisser
from rapporter.selectors.statistik.common import DagarMellan, Urval
from rapporter.selectors.statistik.deltagare import avsnitt_deltagare
from rapporter.selectors.statistik.forsorjning import avsnitt_forsorjning
from rapporter.selectors.statistik.kartlaggning import avsnitt_kartlaggning, avsnitt_uppfoljning
from rapporter.tabell import Avsnitt

__all__ = ["DagarMellan", "statistik"]


def statistik(*, forbund, period: Period, insats=None) -> list[Avsnitt]:
    """The six sections of the statistics for `period`: every individinriktad insats of
    the förbund, or only `insats` (ValueError if it belongs to another förbund)."""
    u = Urval(forbund=forbund, period=period, insats=insats)
    return [
        avsnitt_deltagare(u),
        avsnitt_forsorjning(u),
        avsnitt_avslut(u),
        avsnitt_remisser(u),
        avsnitt_kartlaggning(u),
        avsnitt_uppfoljning(u),
    ]
