"""The XLSX template: the sheet to fill, and the code lists as drop-downs."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from inlasning.kolumner import BLAD, JA_NEJ, KODBLAD, kolumner
from samverkan.models import Insats, Organisation

RADER_MED_LISTOR = 20000


def skapa_mall(*, forbund) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = BLAD
    koder = wb.create_sheet(KODBLAD)
    koder.sheet_state = "hidden"
    insatser = list(
        Insats.objects.filter(forbund=forbund, typ=Insats.Typ.INDIVID)
        .order_by("namn")
        .values_list("namn", flat=True)
    )
    organisationer = list(
        Organisation.objects.filter(forbund=forbund).order_by("namn").values_list("namn", flat=True)
    )
    listor = {
        "insats": insatser,
        "organisation": organisationer,
        "janej": [label for _c, label in JA_NEJ],
    }
    kodkolumn = 0
    omraden = {}
    for n, kol in enumerate(kolumner(), start=1):
        cell = ws.cell(row=1, column=n, value=kol.rubrik)
        cell.font = Font(bold=True)
        ws.column_dimensions[get_column_letter(n)].width = kol.bredd
        varden = [label for _c, label in kol.koder] if kol.typ == "kod" else listor.get(kol.typ)
        if not varden:
            continue
        nyckel = (kol.typ, tuple(varden))
        if nyckel not in omraden:
            kodkolumn += 1
            bokstav = get_column_letter(kodkolumn)
            koder.cell(row=1, column=kodkolumn, value=kol.rubrik)
            for rad, varde in enumerate(varden, start=2):
                koder.cell(row=rad, column=kodkolumn, value=varde)
            omraden[nyckel] = (
                f"{quote_sheetname(KODBLAD)}!${bokstav}$2:${bokstav}${len(varden) + 1}"
            )
        dv = DataValidation(type="list", formula1=omraden[nyckel], allow_blank=True)
        dv.error = "Välj ett värde ur listan."
        dv.errorTitle = kol.rubrik
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(f"{get_column_letter(n)}2:{get_column_letter(n)}{RADER_MED_LISTOR}")
    ws.freeze_panes = "B2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
