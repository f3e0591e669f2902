"""CSV and XLSX of the tables exactly as the page shows them: the same
suppression, so a file can never say more than the page it was downloaded from."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from rapporter.period import Period
from rapporter.sekretess.villkor import celltyp
from rapporter.tabell import ANDEL, BELOPP, TEXT, Dold, Tabell

BOM = "\ufeff"
# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
_FORMELTECKEN = ("=", "+", "-", "@", "\t", "\r")
_BLADNAMN_FORBJUDET = re.compile(r"[\[\]:*?/\\]")


def _text(varde: str) -> str:
    return f"'{varde}" if varde.startswith(_FORMELTECKEN) else varde


def _cellvarde(varde, typ: str):
    """A cell for a file: a number stays a number, a hidden cell its label ("<5", "..",
    "32–35")."""
    if varde is None:
        return ""
    if isinstance(varde, Dold):
        return str(varde)
    if isinstance(varde, bool):
        return "Ja" if varde else "Nej"
    if isinstance(varde, str) or typ == TEXT:
        return _text(str(varde))
    if isinstance(varde, float | Decimal) and typ in (ANDEL,):
        return round(float(varde), 1)
    if isinstance(varde, Decimal):
        return int(varde) if typ == BELOPP or varde == varde.to_integral_value() else float(varde)
    if isinstance(varde, float):
        return round(varde, 1)
    return varde


def _forklaring(grans: int) -> str:
    """The note under a protected table in a file: what its hidden cells mean."""
    return (
        f"<{grans}: färre än {grans}; ..: dold så att ett litet tal inte kan räknas fram; "
        "32–35: dold, men de visade talen ger redan att den ligger mellan de två talen"
    )


def _rader(tabell: Tabell):
    yield [_text(tabell.radrubrik), *(_text(k.rubrik) for k in tabell.kolumner)]
    for rad in tabell.alla_rader():
        yield [
            _text(rad.etikett),
            *(_cellvarde(rad.varden.get(k.nyckel), celltyp(rad, k)) for k in tabell.kolumner),
        ]


def _csv_tal(varde) -> str:
    # Decimal comma, as Excel and LibreOffice read a semicolon-separated file in Swedish.
    if isinstance(varde, float):
        return f"{varde:.1f}".replace(".", ",")
    return str(varde)


def csv_bytes(tabell: Tabell) -> bytes:
    """One table as UTF-8 CSV with BOM and semicolons, the heading on the first line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_text(tabell.rubrik)])
    for rad in _rader(tabell):
        writer.writerow([_csv_tal(v) for v in rad])
    if tabell.grans:
        writer.writerow([_forklaring(tabell.grans)])
    return (BOM + buffer.getvalue()).encode("utf-8")


def _bladnamn(tabell: Tabell, upptagna: set[str]) -> str:
    bas = _BLADNAMN_FORBJUDET.sub(" ", tabell.rubrik).strip()[:28] or tabell.nyckel[:28]
    namn, n = bas, 2
    while namn.lower() in upptagna:
        namn = f"{bas[:25]} ({n})"
        n += 1
    upptagna.add(namn.lower())
    return namn


def xlsx_bytes(tabeller: list[Tabell], *, rubrik: str = "") -> bytes:
    """One sheet per table; numbers as numbers, hidden cells as their label."""
    bok = Workbook()
    bok.remove(bok.active)
    upptagna: set[str] = set()
    fet = Font(bold=True)
    for tabell in tabeller:
        blad = bok.create_sheet(_bladnamn(tabell, upptagna))
        if rubrik:
            blad.append([_text(rubrik)])
        blad.append([_text(tabell.rubrik)])
        blad[blad.max_row][0].font = fet
        rubrikrad = blad.max_row + 1
        for rad in _rader(tabell):
            blad.append(rad)
        for cell in blad[rubrikrad]:
            cell.font = fet
        if tabell.summa is not None:
            for cell in blad[blad.max_row]:
                cell.font = fet
        if tabell.grans:
            blad.append([])
            blad.append([_forklaring(tabell.grans)])
        blad.column_dimensions["A"].width = 42
        for i in range(2, len(tabell.kolumner) + 2):
            blad.column_dimensions[get_column_letter(i)].width = 16
        blad.freeze_panes = blad.cell(row=rubrikrad + 1, column=2)
    if not tabeller:
        bok.create_sheet("Tom")
    buffer = io.BytesIO()
    bok.save(buffer)
    return buffer.getvalue()


def filnamn(nyckel: str, period: Period, format: str) -> str:
    """An ASCII file name: the table, the period code and the extension."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", nyckel.lower()).strip("-") or "tabell"
    return f"{slug}-{period.kod}.{format}"
