"""The audits of a protected table: does any hidden value follow from what is
shown, by the constraints alone (`harledbara`) or with what the labels say
(`entydiga`)?"""

from __future__ import annotations

from collections import deque
from fractions import Fraction

from rapporter.sekretess.villkor import Cell, dolda_celler, varde, villkor
from rapporter.tabell import Tabell

_FRI = -1  # the node of the constraint graph standing for "no constraint"


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

    The constraints of a table (rows and columns adding up) form a network
    matrix: with a sign per constraint, each cell flows out of its row
    constraint into its column constraint (or into the "unconstrained" node).
    Another filling consistent with everything shown differs from the true one
    by a circulation, which splits into simple cycles, and integral steps of ±1
    along a cycle stay within integral bounds. So a hidden cell can take another
    value iff it lies on a cycle of hidden cells that can each move the way the
    cycle needs without leaving their range. (A "<2" cell is 1 by its label
    alone and is not reported.)"""
    dolda = dolda_celler(skyddad)
    grans = skyddad.grans
    alla = villkor(original)
    forekomst: dict[Cell, list[tuple[int, int]]] = {}
    for n, v in enumerate(alla):
        for c, a in v:
            if c in dolda:
                forekomst.setdefault(c, []).append((n, a))
    if not forekomst:
        return []

    tecken = _tecken(forekomst)
    bagar: list[tuple[int, int, Cell]] = []  # residual arcs (from, to, cell)
    kanter: dict[Cell, tuple[int, int, bool, bool]] = {}
    fasta: set[Cell] = set()
    for cell, fore in forekomst.items():
        (c1, a1), *rest = fore
        svans, huvud = c1, rest[0][0] if rest else _FRI
        x = varde(original, cell)
        if dolda[cell].sekundar:
            # ".." is 0 or at least grans (1..grans-1 would be "<grans"). Moves that keep
            # it at grans or more, and none for a hidden zero: a subset of what is possible,
            # so a cell found movable here is movable for the reader too.
            lag, hog = (grans, None) if x >= grans else (x, x)
        else:
            lag, hog = 1, grans - 1
        if lag == hog:
            fasta.add(cell)
        kan_oka, kan_minska = hog is None or x < hog, x > lag
        if tecken[c1] * a1 < 0:  # the cell flows against its sign: up is down
            kan_oka, kan_minska = kan_minska, kan_oka
        kanter[cell] = (svans, huvud, kan_oka, kan_minska)
        if kan_oka:
            bagar.append((svans, huvud, cell))
        if kan_minska:
            bagar.append((huvud, svans, cell))

    resultat = []
    for cell in sorted(forekomst):
        if cell in fasta:
            continue
        svans, huvud, kan_oka, kan_minska = kanter[cell]
        rorlig = (kan_oka and _nar(bagar, huvud, svans, cell)) or (
            kan_minska and _nar(bagar, svans, huvud, cell)
        )
        if not rorlig:
            resultat.append(cell)
    return resultat


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


def _nar(bagar: list[tuple[int, int, Cell]], fran: int, till: int, utom: Cell) -> bool:
    """Is `till` reachable from `fran` along residual arcs other than `utom`'s?"""
    if fran == till:
        return True
    sett = {fran}
    ko = deque([fran])
    while ko:
        nod = ko.popleft()
        for a, b, cell in bagar:
            if a != nod or cell == utom or b in sett:
                continue
            if b == till:
                return True
            sett.add(b)
            ko.append(b)
    return False
