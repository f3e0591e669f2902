"""The audits of a protected table: does any hidden value follow from what is
shown, by the constraints alone (`harledbara`) or with what the labels say
(`entydiga`)?"""

from __future__ import annotations

from fractions import Fraction

from rapporter.sekretess.natverk import OANDLIGT, flode, natverk
from rapporter.sekretess.villkor import Cell, dolda_celler, villkor
from rapporter.tabell import Dold, Tabell


def harledbara(skyddad: Tabell, original: Tabell) -> list[Cell]:
    """The hidden cells whose exact value follows from the shown cells and the
    table's linear constraints.

    Exact rational Gaussian elimination over the constraint matrix restricted to
    the hidden cells: a hidden cell is determined iff its unit vector lies in the
    matrix's row space, i.e. iff every vector of the null space is zero there."""
    dolda = dolda_celler(skyddad)
    matris_villkor = [[(c, a) for c, a in v if c in dolda] for v in villkor(original)]
    matris_villkor = [v for v in matris_villkor if v]
    variabler = sorted({c for v in matris_villkor for c, _ in v})
    if not variabler:
        return []
    index = {c: n for n, c in enumerate(variabler)}
    matris = []
    for v in matris_villkor:
        rad = [Fraction(0)] * len(variabler)
        for c, a in v:
            rad[index[c]] = Fraction(a)
        matris.append(rad)

    pivoter = _rref(matris)
    pivot_kolumner = {kolumn for _, kolumn in pivoter}
    fria = [n for n in range(len(variabler)) if n not in pivot_kolumner]
    # A free column gives a null-space vector that is 1 there: never determined.
    # A pivot column is determined iff its pivot row has nothing in a free column.
    return [variabler[kolumn] for rad, kolumn in pivoter if all(matris[rad][f] == 0 for f in fria)]


def _rref(matris: list[list[Fraction]]) -> list[tuple[int, int]]:
    """Reduce `matris` in place to reduced row echelon form; return (row, column)
    of every pivot."""
    pivoter = []
    rad = 0
    antal_kolumner = len(matris[0]) if matris else 0
    for kolumn in range(antal_kolumner):
        pivot = next((r for r in range(rad, len(matris)) if matris[r][kolumn] != 0), None)
        if pivot is None:
            continue
        matris[rad], matris[pivot] = matris[pivot], matris[rad]
        faktor = matris[rad][kolumn]
        matris[rad] = [x / faktor for x in matris[rad]]
        for r in range(len(matris)):
            if r != rad and matris[r][kolumn] != 0:
                f = matris[r][kolumn]
                matris[r] = [x - f * y for x, y in zip(matris[r], matris[rad], strict=True)]
        pivoter.append((rad, kolumn))
        rad += 1
        if rad == len(matris):
            break
    return pivoter


def entydiga(skyddad: Tabell, original: Tabell) -> list[Cell]:
    """The hidden cells whose exact value follows from the shown cells, the
    constraints and what the labels say: "<grans" is 1..grans−1, ".." is 0 or
    at least grans.

    A hidden cell can take another value iff it lies on a cycle of hidden cells
    that can each move the way the cycle needs without leaving their range
    (`natverk`): a flow of one from the arc's head back to its tail, or the other
    way. (A "<2" cell is 1 by its label alone and is not reported.)"""
    bagar = natverk(skyddad, original, _sakra_granser)
    resultat = []
    for cell in sorted(bagar):
        b = bagar[cell]
        if b.fram == 0 and b.bak == 0:
            continue
        rorlig = (b.fram > 0 and flode(bagar, b.huvud, b.svans, cell, 1)) or (
            b.bak > 0 and flode(bagar, b.svans, b.huvud, cell, 1)
        )
        if not rorlig:
            resultat.append(cell)
    return resultat


def _sakra_granser(dold: Dold, x: int) -> tuple[int, float]:
    if dold.sekundar:
        # ".." is 0 or at least grans (1..grans-1 would be "<grans"). Moves that keep
        # it at grans or more, and none for a hidden zero: a subset of what is possible,
        # so a cell found movable here is movable for the reader too.
        return (dold.grans, OANDLIGT) if x >= dold.grans else (x, x)
    return 1, dold.grans - 1
