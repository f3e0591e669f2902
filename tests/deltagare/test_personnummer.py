"""Parsing of personnummer and samordningsnummer (no database).

Every number is built here with a computed check digit, serials in the 980-series, so
no test depends on a hard-coded number that might belong to a real person.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from deltagare.personnummer import (
    Personnummer,
    PersonnummerField,
    kontrollera_fodelsedatum,
    normalisera,
    parse,
)
from samverkan.validators import luhn_ok

TODAY = datetime.date(2025, 6, 15)


def med_kontrollsiffra(nio: str) -> str:
    """YYMMDDNNN -> YYMMDDNNNC."""
    return next(nio + c for c in "0123456789" if luhn_ok(nio + c))


def bygg(year: int, month: int, day: int, serial: str = "982") -> str:
    """A 12-digit number with a correct check digit; the date need not exist."""
    kort = med_kontrollsiffra(f"{year % 100:02d}{month:02d}{day:02d}{serial}")
    return f"{year // 100:02d}{kort}"


def fel_kontrollsiffra(nummer: str) -> str:
    return nummer[:-1] + str((int(nummer[-1]) + 1) % 10)


def skrivsatt(nummer: str, age: int) -> list[str]:
    """Every accepted way of writing the number for someone of the given age."""
    long = [nummer, f"{nummer[:8]}-{nummer[8:]}"]
    if age >= 100:
        return [*long, f"{nummer[2:8]}+{nummer[8:]}"]
    return [*long, nummer[2:], f"{nummer[2:8]}-{nummer[8:]}"]


def fel(value, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as exc:
        parse(value, today=TODAY, **kwargs)
    return exc.value


def test_helper_ger_giltig_kontrollsiffra():
    for nummer in (bygg(1990, 5, 15), bygg(1925, 6, 15, "999"), bygg(2001, 1, 61, "980")):
        assert len(nummer) == 12
        assert luhn_ok(nummer[2:])
        assert not luhn_ok(fel_kontrollsiffra(nummer)[2:])


# --- accepted formats --------------------------------------------------------------


NUMMER_1990 = bygg(1990, 5, 15)


@pytest.mark.parametrize(
    "value",
    [
        f"{NUMMER_1990[2:8]}-{NUMMER_1990[8:]}",
        f"{NUMMER_1990[2:8]}{NUMMER_1990[8:]}",
        NUMMER_1990,
        f"{NUMMER_1990[:8]}-{NUMMER_1990[8:]}",
        f"  {NUMMER_1990[:8]}-{NUMMER_1990[8:]}\n",
        f"\t{NUMMER_1990[2:]} ",
    ],
)
def test_alla_format_ger_samma_nummer(value):
    pnr = parse(value, today=TODAY)
    assert pnr == Personnummer(NUMMER_1990, datetime.date(1990, 5, 15), False)
    assert normalisera(value, today=TODAY) == NUMMER_1990


def test_plus_betyder_100_ar_eller_aldre():
    nummer = bygg(1920, 3, 1)
    pnr = parse(f"{nummer[2:8]}+{nummer[8:]}", today=TODAY)
    assert pnr.nummer == nummer
    assert pnr.alder(TODAY) == 105
    # Without "+" the same digits mean someone born in 2020.
    assert parse(nummer[2:], today=TODAY).fodelsedatum == datetime.date(2020, 3, 1)


def test_sekel_vid_gransen_fodd_idag_for_100_ar_sedan():
    nummer = bygg(1925, 6, 15)
    short = nummer[2:8], nummer[8:]
    with_plus = parse("+".join(short), today=TODAY)
    assert with_plus.fodelsedatum == datetime.date(1925, 6, 15)
    assert with_plus.alder(TODAY) == 100
    # Without "+", the most recent non-future date: born today.
    without = parse("-".join(short), today=TODAY)
    assert without.fodelsedatum == datetime.date(2025, 6, 15)
    assert without.alder(TODAY) == 0


def test_sekel_vid_gransen_dagen_efter():
    nummer = bygg(1925, 6, 16)
    short = nummer[2:8], nummer[8:]
    # Tomorrow's date cannot be this century, so it is someone turning 100 tomorrow.
    without = parse("-".join(short), today=TODAY)
    assert without.fodelsedatum == datetime.date(1925, 6, 16)
    assert without.alder(TODAY) == 99
    # "+" demands 100 or older: the most recent such date is a century earlier, 199
    # years ago, and no one is that old.
    assert fel("+".join(short)).code == "for_gammal"


def test_skottdag_i_kortform_valjer_skottar():
    nummer = bygg(2000, 2, 29)
    assert parse(nummer[2:], today=TODAY).fodelsedatum == datetime.date(2000, 2, 29)


# --- samordningsnummer -------------------------------------------------------------


@pytest.mark.parametrize("day", [1, 15, 31])
def test_samordningsnummer(day):
    nummer = bygg(1990, 5 if day < 31 else 7, day + 60)
    for value in skrivsatt(nummer, age=35):
        pnr = parse(value, today=TODAY)
        assert pnr.nummer == nummer
        assert pnr.samordningsnummer is True
        assert pnr.fodelsedatum == datetime.date(1990, 5 if day < 31 else 7, day)
        assert pnr.formaterat[6:8] == str(day + 60)


def test_vanligt_nummer_ar_inte_samordningsnummer():
    assert parse(NUMMER_1990, today=TODAY).samordningsnummer is False


# --- errors ------------------------------------------------------------------------


def test_fel_kontrollsiffra():
    for value in skrivsatt(fel_kontrollsiffra(NUMMER_1990), age=35):
        assert fel(value).code == "kontrollsiffra"
    assert fel(fel_kontrollsiffra(bygg(1990, 5, 75))).code == "kontrollsiffra"


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [
        (2023, 2, 30),
        (2023, 2, 29),
        (1900, 2, 29),
        (1990, 13, 1),
        (1990, 0, 10),
        (1990, 5, 0),
        (1990, 4, 31),
        (1990, 5, 60),  # samordningsnummer for day 0
        (1990, 5, 92),  # samordningsnummer for day 32
        (2023, 2, 89),  # samordningsnummer for Feb 29 in a non-leap year
    ],
)
def test_datum_som_inte_finns(year, month, day):
    nummer = bygg(year, month, day)
    error = fel(nummer)
    assert error.code == "datum"
    assert error.messages == ["Datumet i personnumret finns inte."]


@pytest.mark.parametrize(("year", "day"), [(2024, 29), (2000, 29), (2024, 89)])
def test_skottdag_finns_i_skottar(year, day):
    pnr = parse(bygg(year, 2, day), today=TODAY)
    assert pnr.fodelsedatum == datetime.date(year, 2, 29)


def test_kortform_med_ogiltigt_datum():
    assert fel(bygg(2023, 2, 30)[2:]).code == "datum"
    assert fel(bygg(2023, 13, 1)[2:]).code == "datum"


@pytest.mark.parametrize(
    "nummer", [bygg(2025, 6, 16), bygg(2030, 1, 1), bygg(2025, 6, 76), bygg(3001, 1, 1)]
)
def test_framtida_datum(nummer):
    assert fel(nummer).code == "framtid"
    assert fel(f"{nummer[:8]}-{nummer[8:]}").code == "framtid"


def test_idag_ar_inte_framtid():
    assert parse(bygg(2025, 6, 15), today=TODAY).alder(TODAY) == 0


# --- numbers that are never given out --------------------------------------------------


@pytest.mark.parametrize("nummer", [bygg(1990, 5, 15, "000"), bygg(1990, 5, 75, "000")])
def test_fodelsenummer_000_finns_inte(nummer):
    """Födelsenummer run 001-999, for personnummer and samordningsnummer alike; a
    correct check digit does not make 000 real."""
    assert luhn_ok(nummer[2:])
    for value in skrivsatt(nummer, age=35):
        error = fel(value)
        assert error.code == "fodelsenummer"
        assert error.messages == [
            "Födelsenumret (de tre siffrorna före kontrollsiffran) kan inte vara noll."
        ]


@pytest.mark.parametrize("serial", ["001", "009", "010", "100"])
def test_fodelsenummer_med_nollor_men_inte_bara_nollor(serial):
    assert parse(bygg(1990, 5, 15, serial), today=TODAY).fodelsedatum == datetime.date(1990, 5, 15)


@pytest.mark.parametrize(
    "nummer",
    [
        bygg(1904, 6, 15),  # 121 today
        bygg(1904, 6, 75),  # a samordningsnummer, 121 today
        bygg(1800, 1, 1),
        bygg(1000, 1, 1),
    ],
)
def test_aldre_an_120_ar(nummer):
    error = fel(nummer)
    assert error.code == "for_gammal"
    assert error.messages == ["Personnumret ger en ålder över 120 år. Kontrollera århundradet."]
    assert fel(f"{nummer[:8]}-{nummer[8:]}").code == "for_gammal"


def test_120_ar_precis_godtas():
    # Turns 121 tomorrow.
    assert parse(bygg(1904, 6, 16), today=TODAY).alder(TODAY) == 120


def test_plus_som_ger_over_120_ar():
    # Born 1900-01-01 is 125: with "+" the short form can only mean 1900.
    nummer = bygg(1900, 1, 1)
    assert fel(f"{nummer[2:8]}+{nummer[8:]}").code == "for_gammal"


@pytest.mark.parametrize(
    ("born", "code"),
    [
        (datetime.date(2025, 6, 16), "framtid"),
        (datetime.date(1904, 6, 15), "for_gammal"),
        (datetime.date(1, 1, 1), "for_gammal"),
    ],
)
def test_fodelsedatum_utan_personnummer(born, code):
    with pytest.raises(ValidationError) as exc:
        kontrollera_fodelsedatum(born, today=TODAY)
    assert exc.value.code == code


@pytest.mark.parametrize("born", [TODAY, datetime.date(1904, 6, 16), datetime.date(1990, 1, 1)])
def test_fodelsedatum_utan_personnummer_godtas(born):
    kontrollera_fodelsedatum(born, today=TODAY)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        None,
        "abcdef-ghij",
        "9005l5-1234",
        f"{NUMMER_1990[2:]}x",
        NUMMER_1990[2:9],
        NUMMER_1990[:11],
        NUMMER_1990[:8] + "-" + NUMMER_1990[8:11],
        NUMMER_1990 + "0",
        "19" + NUMMER_1990,
        f"{NUMMER_1990[2:8]}--{NUMMER_1990[8:]}",
        f"{NUMMER_1990[2:8]}-+{NUMMER_1990[8:]}",
        f"{NUMMER_1990[:8]}+{NUMMER_1990[8:]}",
        f"{NUMMER_1990[2:4]}-{NUMMER_1990[4:6]}-{NUMMER_1990[6:8]}-{NUMMER_1990[8:]}",
        f"{NUMMER_1990[2:8]} {NUMMER_1990[8:]}",
        f"{NUMMER_1990[2:8]}–{NUMMER_1990[8:]}",  # en dash
        "".join(chr(0x0660 + int(c)) for c in NUMMER_1990),  # Arabic-Indic digits
        "９００５１５１２３４",  # full-width digits
    ],
)
def test_skrap_ger_formatfel(value):
    error = fel(value)
    assert error.code == "format"
    assert "ÅÅÅÅMMDD-NNNN" in error.messages[0]


@pytest.mark.parametrize(
    "value",
    [
        fel_kontrollsiffra(NUMMER_1990),
        fel_kontrollsiffra(NUMMER_1990)[2:],
        bygg(2023, 2, 30),
        bygg(1990, 5, 92)[2:],
        bygg(2030, 1, 1),
        f"{NUMMER_1990[:8]}+{NUMMER_1990[8:]}",
        NUMMER_1990 + "9",
    ],
)
def test_felmeddelandet_innehaller_aldrig_siffrorna(value):
    error = fel(value)
    text = " ".join([str(error), repr(error), *error.messages])
    assert not any(ch.isdigit() for ch in text)
    assert error.params is None
    assert error.__cause__ is None


# --- Personnummer ------------------------------------------------------------------


def test_formaterat_och_maskerat():
    pnr = parse(NUMMER_1990[2:], today=TODAY)
    assert pnr.formaterat == f"{NUMMER_1990[:8]}-{NUMMER_1990[8:]}"
    assert pnr.maskerat == "19900515-****"
    assert NUMMER_1990[8:] not in pnr.maskerat


def test_alder():
    pnr = parse(NUMMER_1990, today=TODAY)
    assert pnr.alder(datetime.date(1990, 5, 15)) == 0
    assert pnr.alder(datetime.date(2025, 5, 14)) == 34
    assert pnr.alder(datetime.date(2025, 5, 15)) == 35
    assert pnr.alder(TODAY) == 35


def test_alder_fodd_pa_skottdag():
    pnr = parse(bygg(2004, 2, 29), today=TODAY)
    assert pnr.alder(datetime.date(2022, 2, 28)) == 17
    assert pnr.alder(datetime.date(2022, 3, 1)) == 18
    assert pnr.alder(datetime.date(2024, 2, 29)) == 20


def test_personnummer_ar_oforanderligt():
    pnr = parse(NUMMER_1990, today=TODAY)
    with pytest.raises(AttributeError):
        pnr.nummer = "199001011234"


# --- form field --------------------------------------------------------------------


def test_formfalt_normaliserar():
    field = PersonnummerField()
    assert field.clean(f" {NUMMER_1990[2:8]}-{NUMMER_1990[8:]} ") == NUMMER_1990


def test_formfalt_tomt():
    assert PersonnummerField(required=False).clean("  ") == ""
    with pytest.raises(ValidationError) as exc:
        PersonnummerField().clean("")
    assert exc.value.code == "required"


def test_formfalt_fel():
    with pytest.raises(ValidationError) as exc:
        PersonnummerField().clean(fel_kontrollsiffra(NUMMER_1990))
    assert exc.value.code == "kontrollsiffra"


def test_formfalt_widget():
    attrs = PersonnummerField().widget.attrs
    assert attrs["maxlength"] == "13"
    assert attrs["autocomplete"] == "off"
    assert attrs["inputmode"] == "text"
    assert attrs["spellcheck"] == "false"


# --- properties --------------------------------------------------------------------


PERSONNUMMERLIKT = st.from_regex(r"\A\s?[0-9]{6,8}[-+]?[0-9]{4}\s?\Z")


@given(
    value=st.one_of(
        st.text(),
        st.text(alphabet="0123456789+- ", max_size=16),
        PERSONNUMMERLIKT,
    ),
    today=st.one_of(st.just(TODAY), st.dates()),
)
def test_fuzz_parse_ger_giltigt_nummer_eller_validationerror(value, today):
    try:
        pnr = parse(value, today=today)
    except ValidationError as error:
        assert error.code in {
            *("format", "datum", "kontrollsiffra", "framtid", "fodelsenummer", "for_gammal")
        }
        return
    assert len(pnr.nummer) == 12
    assert pnr.nummer.isascii()
    assert pnr.nummer.isdigit()
    assert luhn_ok(pnr.nummer[2:])
    assert pnr.nummer[8:11] != "000"
    assert pnr.fodelsedatum <= today
    assert pnr.alder(today) <= 120


@given(
    # The oldest anyone can be is 120 (born 1904-06-16 on TODAY); födelsenummer 001-999.
    born=st.dates(min_value=datetime.date(1904, 6, 16), max_value=TODAY),
    serial=st.integers(1, 999),
    samordning=st.booleans(),
)
def test_rundresa_alla_format(born, serial, samordning):
    day = born.day + 60 if samordning else born.day
    nummer = bygg(born.year, born.month, day, f"{serial:03d}")
    assert luhn_ok(nummer[2:])
    age = TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))
    for value in skrivsatt(nummer, age):
        pnr = parse(value, today=TODAY)
        assert pnr.nummer == nummer
        assert pnr.fodelsedatum == born
        assert pnr.samordningsnummer is samordning
        assert pnr.alder(TODAY) == age
