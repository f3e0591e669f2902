"""The dry run: what would be created, and every error in Swedish (row, column, value, why)."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from deltagare.models import Deltagare, Inskrivning
from inlasning.kolumner import BLAD, KODBLAD, kolumner
from inlasning.mall import skapa_mall
from inlasning.provkorning.validering import provkor
from inlasning.services import uppladdning
from tests.inlasning.conftest import PNR1, fil
from tests.inlasning.hjalp import avslutad, rad, xlsx


def test_template_has_every_column_and_the_code_lists_as_drop_downs(forbund, insats, organisation):
    wb = load_workbook(io.BytesIO(skapa_mall(forbund=forbund)))
    ws = wb[BLAD]
    assert [c.value for c in ws[1]] == [k.rubrik for k in kolumner()]
    assert wb[KODBLAD].sheet_state == "hidden"
    listor = {
        str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in ws.data_validations.dataValidation
    }
    rubrik_kolumn = {c.value: c.column_letter for c in ws[1]}
    # Kön, insats, the SUS codes and Ja/Nej each point at a list on the hidden sheet.
    for rubrik in (
        "Kön",
        "Insats",
        "Väg ut",
        "Utbildning vid inskrivning",
        "Aktuell hos Försäkringskassan vid avslut",
    ):
        assert KODBLAD in listor[rubrik_kolumn[rubrik]]
    koder = [c.value for col in wb[KODBLAD].iter_cols() for c in col]
    assert insats.namn in koder and organisation.namn in koder
    assert "Förvärvsarbete" in koder and "Sjukersättning" in koder


def test_a_clean_file_plans_each_row_and_writes_nothing(forbund, rader):
    resultat = provkor(forbund=forbund, data=xlsx(rader))
    assert resultat.fel == []
    assert resultat.antal_rader == 5
    assert [p.externt_id for p in resultat.rader] == ["A-1", "A-2", "A-3", "A-4", "A-5"]
    assert [b[1] for b in resultat.beskrivningar] == ["ny"] * 5
    assert "pågående" in resultat.beskrivningar[0][2]
    assert "avslutad 2025-09-30" in resultat.beskrivningar[1][2]
    assert Deltagare.objects.count() == Inskrivning.objects.count() == 0


def _fel(forbund, rader):
    return [
        (f.rad, f.kolumn, f.varde, f.fel) for f in provkor(forbund=forbund, data=xlsx(rader)).fel
    ]


def test_every_error_names_row_column_value_and_why(forbund, insats):
    n = insats.namn
    fel = _fel(
        forbund,
        [
            rad("B-1", n, "199001011230"),  # wrong check digit
            rad("B-2", "Okänd insats", PNR1, kon="Kvinnlig"),
            avslutad(rad("B-3", n, PNR1), avslutsdatum="2025-01-01"),  # before 2025-02-03
            rad("B-4", n, PNR1, start_utbildning=None, inskrivningsdatum="3 februari"),
            rad("B-1", n, PNR1, start_sysselsattning="Förvärvsarbete"),
        ],
    )
    assert (
        2,
        "Personnummer",
        "19900101****",
        "Kontrollsiffran stämmer inte. Kontrollera numret.",
    ) in fel
    assert (3, "Insats", "Okänd insats", "Okänd insats i förbundet.") in fel
    assert (3, "Kön", "Kvinnlig", "Okänd kod: välj ett värde ur listan.") in fel
    assert (4, "Avslutsdatum", "2025-01-01", "Avslutet är före inskrivningen.") in fel
    assert (5, "Utbildning vid inskrivning", "", "Värdet saknas.") in fel
    assert (5, "Inskrivningsdatum", "3 februari", "Inget datum; skriv ÅÅÅÅ-MM-DD.") in fel
    assert (6, "Externt id", "B-1", "Samma externa id finns redan på rad 2.") in fel
    assert (
        6,
        "Omfattning i procent vid inskrivning",
        "",
        "Ange omfattningen för arbete eller studier.",
    ) in fel


def test_a_personnummer_is_never_shown_whole(forbund, insats):
    fel = _fel(
        forbund, [rad("C-1", insats.namn, PNR1, kon=None), rad("C-2", insats.namn, "19900101123")]
    )
    text = repr(fel)
    assert PNR1 not in text and PNR1[:8] + "-" + PNR1[8:] not in text
    assert any(f[1] == "Personnummer" and f[2].endswith("****") for f in fel)


def test_exit_fields_without_an_exit_date_and_missing_exit_values(forbund, insats):
    fel = _fel(
        forbund,
        [
            rad("D-1", insats.namn, PNR1, vag_ut="Arbete"),
            avslutad(rad("D-2", insats.namn, PNR1), ansvarig_efter=None, avslut_forsorjning_1=None),
        ],
    )
    assert (2, "Avslutsdatum", "", "Avslutsdatum saknas men väg ut är ifylld.") in fel
    assert (3, "Huvudansvar efter avslut", "", "Värdet saknas när avslutsdatum är ifyllt.") in fel
    assert (
        3,
        "Försörjning 1 vid avslut",
        "",
        "Ange minst en försörjningskälla (eller Okänd).",
    ) in fel


@pytest.mark.parametrize(
    ("data", "meddelande"),
    [
        (b"%PDF-1.4 not a spreadsheet", "Filen måste vara en Excel-fil"),
        (b"PK\x03\x04 broken zip", "Filen är inte en Excel-fil"),
        (b"", "Filen är tom."),
    ],
)
def test_a_file_that_is_not_the_template_is_refused_in_swedish(
    forbundsadmin, forbund, data, meddelande
):
    with pytest.raises(ValidationError) as info:
        uppladdning.inlasning_ladda_upp(actor=forbundsadmin, forbund=forbund, upload=fil(data))
    assert any(meddelande in m for m in info.value.messages)


def test_missing_required_columns_are_named(forbundsadmin, forbund):
    data = xlsx([], rubriker=["Förnamn", "Efternamn"])
    with pytest.raises(ValidationError) as info:
        uppladdning.inlasning_ladda_upp(actor=forbundsadmin, forbund=forbund, upload=fil(data))
    assert "Kolumner saknas: Externt id, Insats, Kön, Inskrivningsdatum" in info.value.messages[0]


def test_the_stored_dry_run_has_no_whole_personnummer(provkord):
    assert provkord.antal_fel == 0 and provkord.antal_nya == 5
    assert provkord.kan_lasas_in
    text = repr(provkord.provkorning)
    assert PNR1 not in text
