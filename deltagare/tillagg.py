"""Actions of later apps on the case page, registered from their
`AppConfig.ready()`: deltagare imports none of them.

An action function takes the enrolment and the user and returns a list of
(label, url) pairs, shown as buttons under "Nästa steg".
"""

from collections.abc import Callable

_ATGARDER: list[Callable] = []


def registrera_atgard(funktion: Callable) -> None:
    if funktion not in _ATGARDER:
        _ATGARDER.append(funktion)


def atgarder(inskrivning, user) -> list[tuple[str, str]]:
    return [par for funktion in _ATGARDER for par in funktion(inskrivning, user)]
