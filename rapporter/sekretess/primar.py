"""Primary suppression (the cell itself is too small), and the differences that
go with the counts they are made of."""

from __future__ import annotations

from rapporter.sekretess.villkor import celltyp, heltal
from rapporter.tabell import ANDEL, ANTAL, DAGAR, SKILLNAD, Dold, Kolumn, Rad, Tabell


def _tal(v) -> bool:
    return v is not None and not isinstance(v, bool | str | Dold)


def _liten(n: int, grans: int) -> bool:
    return 0 < n < grans


def primar(tabell: Tabell, grans: int) -> None:
    for rad in tabell.alla_rader():
        for kolumn in tabell.kolumner:
            v = rad.varden.get(kolumn.nyckel)
            if _primart_dold(rad, kolumn, v, grans):
                rad.varden[kolumn.nyckel] = Dold(grans)


def _primart_dold(rad: Rad, kolumn: Kolumn, v, grans: int) -> bool:
    typ = celltyp(rad, kolumn)
    if typ == ANTAL:
        return heltal(v) and _liten(v, grans)
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


def skillnad(tabell: Tabell, grans: int) -> None:
    for rad in tabell.alla_rader():
        for kolumn in tabell.kolumner:
            if kolumn.typ != SKILLNAD or not kolumn.av:
                continue
            kalla_dold = any(isinstance(rad.varden.get(k), Dold) for k in kolumn.av)
            if kalla_dold and rad.varden.get(kolumn.nyckel) is not None:
                rad.varden[kolumn.nyckel] = Dold(grans, sekundar=True)
