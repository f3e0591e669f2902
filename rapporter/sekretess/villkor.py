"""What a reader knows of a table besides its cells: the type of each cell, and
the linear constraints (a row's counts add up to its total, a column's to the
summa row) that hold."""

from __future__ import annotations

from rapporter.tabell import ANTAL, SKILLNAD, TEXT, Dold, Kolumn, Rad, Tabell

# A cell: (index in tabell.alla_rader(), column key). The summa row is len(tabell.rader).
Cell = tuple[int, str]
# A linear constraint: sum(coefficient * cell) == 0, coefficients ±1.
Villkor = list[tuple[Cell, int]]


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


def heltal(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def varde(tabell: Tabell, cell: Cell):
    return tabell.alla_rader()[cell[0]].varden.get(cell[1])


def dolda_celler(tabell: Tabell) -> dict[Cell, Dold]:
    return {
        (i, k): v
        for i, rad in enumerate(tabell.alla_rader())
        for k, v in rad.varden.items()
        if isinstance(v, Dold)
    }


def _summa_villkor(delar: list[tuple[Cell, object]], summa: Cell, total) -> Villkor | None:
    """The constraint that the parts add up to the total, when the total and every
    part are counts and they do add up: only a constraint that holds is one a
    reader can use."""
    delar = [(c, v) for c, v in delar if v is not None]  # "–": a known nothing
    if not heltal(total) or not delar or not all(heltal(v) for _, v in delar):
        return None
    if sum(v for _, v in delar) != total:
        return None
    return [*((c, 1) for c, _ in delar), (summa, -1)]


def _rad_villkor(tabell: Tabell, i: int, rad: Rad) -> Villkor | None:
    kolumner = {k.nyckel: k for k in tabell.kolumner}
    summa = tabell.radsumma
    if summa not in kolumner or celltyp(rad, kolumner[summa]) != ANTAL:
        return None
    delar = [
        ((i, k.nyckel), rad.varden.get(k.nyckel))
        for k in tabell.kolumner
        if k.nyckel != summa and celltyp(rad, k) == ANTAL
    ]
    return _summa_villkor(delar, (i, summa), rad.varden.get(summa))


def _kolumn_villkor(tabell: Tabell, kolumn: Kolumn) -> Villkor | None:
    summa_rad = tabell.summa
    if summa_rad is None or celltyp(summa_rad, kolumn) != ANTAL:
        return None
    delar = [
        ((i, kolumn.nyckel), rad.varden.get(kolumn.nyckel))
        for i, rad in enumerate(tabell.rader)
        if celltyp(rad, kolumn) == ANTAL
    ]
    summa = (len(tabell.rader), kolumn.nyckel)
    return _summa_villkor(delar, summa, summa_rad.varden.get(kolumn.nyckel))


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
