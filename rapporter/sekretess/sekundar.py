"""Secondary suppression: which further cells to hide so that no hidden value
follows from what is shown, chosen to keep the split by kön."""

from __future__ import annotations

from collections import deque

from django.utils.translation import gettext

from rapporter.sekretess.granskning import entydiga, harledbara
from rapporter.sekretess.villkor import Cell, Villkor, celltyp, varde, villkor
from rapporter.tabell import ANDEL, ANTAL, DAGAR, SKILLNAD, Dold, Tabell

ANNAT = "annat"  # the kön column "Annat/ej uppgett"


def sekundar(skyddad: Tabell, original: Tabell, grans: int) -> None:
    alla = villkor(original)
    if not alla:
        return
    kolumn_ordning = {k.nyckel: n for n, k in enumerate(original.kolumner)}

    def prioritet(cell: Cell):
        # Zeros last of all: a hidden zero is 0 or at least grans, so it can move
        # nothing and protects no neighbour.
        v = varde(original, cell)
        return (v == 0, _niva(original, cell), v, cell[0], kolumn_ordning[cell[1]])

    def dolj(kandidater) -> bool:
        kandidater = [c for c in kandidater if not isinstance(varde(skyddad, c), Dold)]
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
            if sum(isinstance(varde(skyddad, c), Dold) for c, _ in v) == 1
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
    if any(not isinstance(varde(skyddad, c), Dold) for c in nara):
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
                if isinstance(varde(skyddad, c), Dold):
                    ko.append(c)
                else:
                    resultat.append(c)
    return resultat
