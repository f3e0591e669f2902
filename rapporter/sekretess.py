"""Small-cell suppression: what a board document may show.

Board material is a public document, so a count of persons below the förbund's
threshold (`grans`, default 5) is shown as "<5", and no hidden value may be
worked out from what is shown. `skydda()` returns a protected copy of a Tabell;
the input is never changed.

Primary suppression (the cell itself is too small), shown as "<grans":

- ANTAL: a count with 0 < value < grans. **Zero is shown**: there is no person
  behind it to protect, and hiding every zero would hide most of a small
  insats's tables (and would make "<5" mean "0–4" for no gain).
- ANDEL: hidden when its underlag is below grans, or when the persons counted
  (taljare) or not counted (underlag − taljare) are 1 to grans−1. A missing
  taljare is worked out from the share, as a reader could.
- DAGAR (a median): hidden when its underlag is below grans.
- BELOPP, TAL, TEXT: never (not about persons).

Secondary suppression, shown as "..": a reader knows the linear constraints of
the table, a row's ANTAL cells add up to its `radsumma` cell and, when there is
a summa row, each ANTAL column adds up to it. Every constraint holding a hidden
cell must hold at least two, and then no hidden cell may follow from the system
as a whole (`harledbara`, exact Gaussian elimination), nor from the system
together with what the labels say: a "<5" cell lies in 1..grans−1 and a ".."
cell is 0 or at least grans (`entydiga`, e.g. a total of 8 split into "<5" and
"<5" can only be 4 + 4; a total of 6 split into "<5" and ".." only 1 + 5).
The extra cell hidden is chosen to keep what the board reads the tables for, the
split by kön (`_niva`): first a cell of the "Annat/ej uppgett" column or the total
of an ordinary row (the uncertainty of a small "annat" goes into the row's total,
and Kvinnor and Män stay shown); then Kvinnor or Män; then the summa row; the
grand total last. Within a level the smallest first, and zeros after every
non-zero cell (a hidden zero protects nothing). A table without a summa row (the overview) keeps its
totals before its kön cells: they are the headline figures, repeated in the
summa rows of other tables and as the goals' underlag, so hiding one here and
showing it there would undo the protection; and the overview's rows and every
summa row then choose alike.

SKILLNAD (a − b of the same row) is hidden when a or b is hidden.

When everything that could help is hidden and a value still follows (several
"<5" adding up to a "<5" total), the whole table is withheld: every cell about
persons becomes ".." and the table says why.

Limits, by design: each table is protected on its own (a total shown in one
table and hidden in another is the reader's to combine, which is why totals
are kept); the audit of the labels lets a ".." cell move only within grans and
more (a hidden zero not at all), which may hide a cell more than strictly needed
but never one too few; and shares (ANDEL) are not tied to the counts of the
same table.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from fractions import Fraction

from django.utils.translation import gettext

from rapporter.tabell import ANDEL, ANTAL, DAGAR, SKILLNAD, TEXT, Avsnitt, Dold, Kolumn, Rad, Tabell

ANNAT = "annat"  # the kön column "Annat/ej uppgett"

# A cell: (index in tabell.alla_rader(), column key). The summa row is len(tabell.rader).
Cell = tuple[int, str]
# A linear constraint: sum(coefficient * cell) == 0, coefficients ±1.
Villkor = list[tuple[Cell, int]]

_FRI = -1  # the node of the constraint graph standing for "no constraint"


def celltyp(rad: Rad, kolumn: Kolumn) -> str:
    """The type of one cell: the row's type (`Rad.typ`) wins over the column's,
    except in TEXT and SKILLNAD columns, and except that a count column stays a
    count in cells the row gives no underlag for (a goal row typed ANDEL keeps
    its "underlag" count a count, protected as one)."""
    if not rad.typ or kolumn.typ in (TEXT, SKILLNAD):
        return kolumn.typ
    if kolumn.typ == ANTAL and rad.typ != ANTAL and kolumn.nyckel not in rad.underlag:
        return ANTAL
    return rad.typ


def skydda(tabell: Tabell, grans: int) -> Tabell:
    """A protected copy of `tabell` with cells hidden as `Dold(grans)` (primary)
    or `Dold(grans, sekundar=True)` (secondary), and `grans` set."""
    if grans < 2:
        raise ValueError("grans must be at least 2")
    skyddad = tabell.kopia()
    skyddad.grans = grans
    if not tabell.skyddas:
        return skyddad
    if any(isinstance(v, Dold) for rad in tabell.alla_rader() for v in rad.varden.values()):
        raise ValueError(f"{tabell.nyckel}: the table is already protected")
    _primar(skyddad, grans)
    _sekundar(skyddad, tabell, grans)
    _skillnad(skyddad, grans)
    return skyddad


def skydda_avsnitt(avsnitt: list[Avsnitt], grans: int) -> list[Avsnitt]:
    """Every table of every section protected; the input is not changed."""
    return [replace(a, tabeller=[skydda(t, grans) for t in a.tabeller]) for a in avsnitt]


# -- primary ---------------------------------------------------------------------------


def _heltal(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _tal(v) -> bool:
    return v is not None and not isinstance(v, bool | str | Dold)


def _liten(n: int, grans: int) -> bool:
    return 0 < n < grans


def _primar(tabell: Tabell, grans: int) -> None:
    for rad in tabell.alla_rader():
        for kolumn in tabell.kolumner:
            v = rad.varden.get(kolumn.nyckel)
            if _primart_dold(rad, kolumn, v, grans):
                rad.varden[kolumn.nyckel] = Dold(grans)


def _primart_dold(rad: Rad, kolumn: Kolumn, v, grans: int) -> bool:
    typ = celltyp(rad, kolumn)
    if typ == ANTAL:
        return _heltal(v) and _liten(v, grans)
    if typ not in (ANDEL, DAGAR) or not _tal(v):
        return False
    underlag = rad.underlag.get(kolumn.nyckel)
    if underlag is None:
        return False  # rests on no persons the table knows of (a goal's target)
    if underlag < grans:
        return True
    if typ == DAGAR:
        return False
    taljare = rad.taljare.get(kolumn.nyckel)
    if taljare is None:
        taljare = round(float(v) * underlag / 100)
    return _liten(taljare, grans) or _liten(underlag - taljare, grans)


def _skillnad(tabell: Tabell, grans: int) -> None:
    for rad in tabell.alla_rader():
        for kolumn in tabell.kolumner:
            if kolumn.typ != SKILLNAD or not kolumn.av:
                continue
            kalla_dold = any(isinstance(rad.varden.get(k), Dold) for k in kolumn.av)
            if kalla_dold and rad.varden.get(kolumn.nyckel) is not None:
                rad.varden[kolumn.nyckel] = Dold(grans, sekundar=True)


# -- the constraints a reader knows ------------------------------------------------------


def _rad_villkor(tabell: Tabell, i: int, rad: Rad) -> Villkor | None:
    kolumner = {k.nyckel: k for k in tabell.kolumner}
    summa = tabell.radsumma
    if summa not in kolumner or celltyp(rad, kolumner[summa]) != ANTAL:
        return None
    total = rad.varden.get(summa)
    if not _heltal(total):
        return None
    villkor: Villkor = []
    delsumma = 0
    for kolumn in tabell.kolumner:
        if kolumn.nyckel == summa or celltyp(rad, kolumn) != ANTAL:
            continue
        v = rad.varden.get(kolumn.nyckel)
        if v is None:
            continue  # shown as "–": a known nothing
        if not _heltal(v):
            return None
        villkor.append(((i, kolumn.nyckel), 1))
        delsumma += v
    # Only a constraint that holds is one a reader can use.
    if not villkor or delsumma != total:
        return None
    return [*villkor, ((i, summa), -1)]


def _kolumn_villkor(tabell: Tabell, kolumn: Kolumn) -> Villkor | None:
    summa_rad = tabell.summa
    if summa_rad is None or celltyp(summa_rad, kolumn) != ANTAL:
        return None
    total = summa_rad.varden.get(kolumn.nyckel)
    if not _heltal(total):
        return None
    villkor: Villkor = []
    delsumma = 0
    for i, rad in enumerate(tabell.rader):
        if celltyp(rad, kolumn) != ANTAL:
            continue
        v = rad.varden.get(kolumn.nyckel)
        if v is None:
            continue
        if not _heltal(v):
            return None
        villkor.append(((i, kolumn.nyckel), 1))
        delsumma += v
    if not villkor or delsumma != total:
        return None
    return [*villkor, ((len(tabell.rader), kolumn.nyckel), -1)]


def villkor(tabell: Tabell) -> list[Villkor]:
    """The linear constraints of an unprotected table: the summa row's first (so
    that tables sharing a summa row make the same choices), then each row's,
    then each column's. Each cell is in at most one row and one column constraint."""
    rader = tabell.alla_rader()
    ordning = [len(tabell.rader)] if tabell.summa else []
    ordning += range(len(tabell.rader))
    resultat = [_rad_villkor(tabell, i, rader[i]) for i in ordning]
    resultat += [_kolumn_villkor(tabell, k) for k in tabell.kolumner]
    return [v for v in resultat if v]


# -- secondary ---------------------------------------------------------------------------


def _varde(tabell: Tabell, cell: Cell):
    return tabell.alla_rader()[cell[0]].varden.get(cell[1])


def _dolda(tabell: Tabell) -> dict[Cell, Dold]:
    return {
        (i, k): v
        for i, rad in enumerate(tabell.alla_rader())
        for k, v in rad.varden.items()
        if isinstance(v, Dold)
    }


def _sekundar(skyddad: Tabell, original: Tabell, grans: int) -> None:
    alla = villkor(original)
    if not alla:
        return
    kolumn_ordning = {k.nyckel: n for n, k in enumerate(original.kolumner)}

    def prioritet(cell: Cell):
        # Zeros last of all: a hidden zero is 0 or at least grans, so it can move
        # nothing and protects no neighbour.
        v = _varde(original, cell)
        return (v == 0, _niva(original, cell), v, cell[0], kolumn_ordning[cell[1]])

    def dolj(kandidater) -> bool:
        kandidater = [c for c in kandidater if not isinstance(_varde(skyddad, c), Dold)]
        if not kandidater:
            return False
        i, k = min(kandidater, key=prioritet)
        skyddad.alla_rader()[i].varden[k] = Dold(grans, sekundar=True)
        return True

    while True:
        # No constraint may hold exactly one hidden cell.
        if any(
            dolj([c for c, _ in v])
            for v in alla
            if sum(isinstance(_varde(skyddad, c), Dold) for c, _ in v) == 1
        ):
            continue
        problem = harledbara(skyddad, original) or entydiga(skyddad, original)
        if not problem:
            return
        # Hide one more cell sharing a constraint with the first determined cell;
        # failing that, one anywhere in the constraints linked to it through hidden cells.
        if not any(dolj(_grannar(alla, skyddad, p)) for p in problem):
            # Everything linked is hidden and the labels still give a value away
            # (four "<5" adding up to "<5" are 1 each): withhold the whole table.
            _undanhall(skyddad, grans)
            return


def _niva(tabell: Tabell, cell: Cell) -> int:
    """How much hiding `cell` costs the reader, lowest first: 0 the "Annat/ej uppgett"
    column and the total of an ordinary row (so that Kvinnor and Män stay shown: the
    split by kön is the point of the tables); 1 the other interior cells (Kvinnor, Män);
    2 the summa row and the totals of a table without one (headline figures, repeated
    in other tables and in the goals); 3 the grand total."""
    i, k = cell
    i_summa = i == len(tabell.rader)
    i_radsumma = k == tabell.radsumma
    if i_summa and i_radsumma:
        return 3
    if i_summa or (i_radsumma and tabell.summa is None):
        return 2
    if i_radsumma or k == ANNAT:
        return 0
    return 1


def _undanhall(tabell: Tabell, grans: int) -> None:
    for rad in tabell.alla_rader():
        for kolumn in tabell.kolumner:
            v = rad.varden.get(kolumn.nyckel)
            if v is not None and celltyp(rad, kolumn) in (ANTAL, ANDEL, DAGAR, SKILLNAD):
                rad.varden[kolumn.nyckel] = Dold(grans, sekundar=True)
    tabell.undanhallen = True
    text = gettext("Tabellen visas inte: så få ingår att enskilda annars kunde räknas fram.")
    tabell.beskrivning = f"{tabell.beskrivning} {text}".strip()


def _grannar(alla: list[Villkor], skyddad: Tabell, cell: Cell) -> list[Cell]:
    nara = [c for v in alla if any(c == cell for c, _ in v) for c, _ in v]
    if any(not isinstance(_varde(skyddad, c), Dold) for c in nara):
        return nara
    sett = {cell}
    ko = deque([cell])
    resultat: list[Cell] = []
    while ko:
        aktuell = ko.popleft()
        for v in alla:
            celler = [c for c, _ in v]
            if aktuell not in celler:
                continue
            for c in celler:
                if c in sett:
                    continue
                sett.add(c)
                if isinstance(_varde(skyddad, c), Dold):
                    ko.append(c)
                else:
                    resultat.append(c)
    return resultat


# -- audits ------------------------------------------------------------------------------


def harledbara(skyddad: Tabell, original: Tabell) -> list[Cell]:
    """The hidden cells whose exact value follows from the shown cells and the
    table's linear constraints.

    Exact rational Gaussian elimination over the constraint matrix restricted to
    the hidden cells: a hidden cell is determined iff its unit vector lies in the
    matrix's row space, i.e. iff every vector of the null space is zero there."""
    dolda = _dolda(skyddad)
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
    dolda = _dolda(skyddad)
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
        x = _varde(original, cell)
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
