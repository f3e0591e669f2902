"""The constraints of a table as a network, shared by the audit of the labels
(`granskning.entydiga`) and the intervals (`spann`).

The constraints (rows and columns adding up) form a network matrix: with a sign
per constraint, each hidden cell is an arc out of its row constraint into its
column constraint (or into the node FRI, "no constraint"). Another filling
consistent with everything shown differs from the true one by a circulation on
these arcs, which splits into simple cycles; integral steps along a cycle stay
within integral bounds. So how far a hidden cell can move one way is the largest
flow that the other arcs, each within its own bounds, can carry from the arc's
head back to its tail (max-flow, min-cut)."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from rapporter.sekretess.villkor import Cell, dolda_celler, varde, villkor
from rapporter.tabell import Dold, Tabell

FRI = -1  # the node standing for "no constraint"
OANDLIGT = math.inf


@dataclass(frozen=True)
class Bage:
    """A hidden cell as an arc between the two constraints it is in."""

    svans: int
    huvud: int
    fram: float  # how far the cell can move along the arc; OANDLIGT: without end
    bak: float  # how far against it
    upp: int  # +1 if a move along the arc raises the cell, −1 if it lowers it


# The range a hidden cell is taken to lie in: (lowest, highest or OANDLIGT), from
# its mark and true value.
Granser = Callable[[Dold, int], tuple[int, float]]


def natverk(skyddad: Tabell, original: Tabell, granser: Granser) -> dict[Cell, Bage]:
    """Every hidden cell that is in a constraint of `original`, as an arc."""
    dolda = dolda_celler(skyddad)
    forekomst: dict[Cell, list[tuple[int, int]]] = {}
    for n, v in enumerate(villkor(original)):
        for c, a in v:
            if c in dolda:
                forekomst.setdefault(c, []).append((n, a))
    tecken = _tecken(forekomst)
    bagar = {}
    for cell, fore in forekomst.items():
        (c1, a1), *rest = fore
        x = varde(original, cell)
        lag, hog = granser(dolda[cell], x)
        upp = 1 if tecken[c1] * a1 > 0 else -1  # the cell flows with or against its sign
        oka, minska = hog - x, x - lag
        fram, bak = (oka, minska) if upp > 0 else (minska, oka)
        bagar[cell] = Bage(c1, rest[0][0] if rest else FRI, fram, bak, upp)
    return bagar


def _tecken(forekomst: dict[Cell, list[tuple[int, int]]]) -> dict[int, int]:
    """A sign per constraint so that every cell in two constraints has opposite
    signed coefficients in them (the table's constraints always allow one)."""
    grannar: dict[int, list[tuple[int, int]]] = {}
    for fore in forekomst.values():
        if len(fore) > 2:
            raise ValueError("a cell is in more than two constraints")
        if len(fore) == 2:
            (c1, a1), (c2, a2) = fore
            # s1 * a1 == -(s2 * a2)  <=>  s2 == -s1 * a1 * a2
            grannar.setdefault(c1, []).append((c2, -a1 * a2))
            grannar.setdefault(c2, []).append((c1, -a1 * a2))
        for c, _ in fore:
            grannar.setdefault(c, [])
    tecken: dict[int, int] = {}
    for start in grannar:
        if start in tecken:
            continue
        tecken[start] = 1
        ko = deque([start])
        while ko:
            c = ko.popleft()
            for d, faktor in grannar[c]:
                onskat = tecken[c] * faktor
                if d not in tecken:
                    tecken[d] = onskat
                    ko.append(d)
                elif tecken[d] != onskat:
                    raise ValueError("the constraints are not a network")
    return tecken


def flode(bagar: dict[Cell, Bage], fran: int, till: int, utom: Cell, tak: float) -> float:
    """The largest flow from `fran` to `till` along the arcs other than `utom`'s,
    each within its bounds, up to `tak` (OANDLIGT when nothing bounds it).
    Augmenting shortest paths (Edmonds–Karp); the tables are small."""
    rest: dict[int, dict[int, float]] = {}
    for cell, b in bagar.items():
        if cell == utom:
            continue
        fram = rest.setdefault(b.svans, {})
        bak = rest.setdefault(b.huvud, {})
        fram[b.huvud] = fram.get(b.huvud, 0) + b.fram
        bak[b.svans] = bak.get(b.svans, 0) + b.bak
    totalt = 0
    while totalt < tak:
        forra = {fran: fran}
        ko = deque([fran])
        while ko and till not in forra:
            nod = ko.popleft()
            for nasta, kapacitet in rest.get(nod, {}).items():
                if kapacitet > 0 and nasta not in forra:
                    forra[nasta] = nod
                    ko.append(nasta)
        if till not in forra:
            break
        vag = []
        nod = till
        while nod != fran:
            vag.append((forra[nod], nod))
            nod = forra[nod]
        steg = min(tak - totalt, *(rest[a][b] for a, b in vag))
        if steg == OANDLIGT:
            return OANDLIGT
        for a, b in vag:
            rest[a][b] -= steg
            rest.setdefault(b, {})[a] = rest[b].get(a, 0) + steg
        totalt += steg
    return totalt
