"""Extra sections of the statistics page and the board report, registered by
later apps from their `AppConfig.ready()`: rapporter imports none of them.

A section function is called with `forbund`, `period`, `insats` and `grans`
(the small-cell threshold, None for exact figures; board material always has
one) and returns a list of `Avsnitt` (possibly empty), with its tables already
protected and their charts drawn: rapporter does not know what they count. The
sections appear on the statistics page, in its exports and in the board PDF, so
they must hold nothing that may not reach the board (no free text).
"""

from __future__ import annotations

from collections.abc import Callable

from rapporter.tabell import Avsnitt

_REGISTER: dict[str, Callable[..., list[Avsnitt]]] = {}


def registrera(nyckel: str, funktion: Callable[..., list[Avsnitt]]) -> None:
    _REGISTER[nyckel] = funktion


def extra_avsnitt(*, forbund, period, insats=None, grans: int | None) -> list[Avsnitt]:
    """Every registered section, in the order of registration."""
    resultat: list[Avsnitt] = []
    for funktion in _REGISTER.values():
        resultat.extend(funktion(forbund=forbund, period=period, insats=insats, grans=grans))
    return resultat
