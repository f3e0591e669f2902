"""Swedish personnummer and samordningsnummer: parsing, normalising and a form field.

Numbers are stored with century as 12 digits (YYYYMMDDNNNC) so that they sort and
compare correctly; the short forms people type are only accepted as input. The input
is personal data, so it never appears in an error message.
"""

import datetime
import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samverkan.validators import luhn_ok

# [0-9] rather than \d: \d would also accept non-ASCII digits such as "٣".
# "+" (100 years or older) only exists in the short form.
_FORMAT = re.compile(
    r"(?:(?P<long>[0-9]{8})-?|(?P<short>[0-9]{6})(?P<sign>[-+]?))(?P<tail>[0-9]{4})"
)

# Samordningsnummer are personnummer with 60 added to the day of month.
_SAMORDNING_OFFSET = 60

# No one alive is older than this; an older birth date is a typing error (often the
# century, or a "+" too many).
HOGSTA_ALDER = 120


@dataclass(frozen=True)
class Personnummer:
    nummer: str
    fodelsedatum: datetime.date
    samordningsnummer: bool

    @property
    def formaterat(self) -> str:
        return f"{self.nummer[:8]}-{self.nummer[8:]}"

    @property
    def maskerat(self) -> str:
        return f"{self.nummer[:8]}-****"

    def alder(self, on: datetime.date) -> int:
        return _alder(self.fodelsedatum, on)


def parse(value: str, *, today: datetime.date | None = None) -> Personnummer:
    today = today or datetime.date.today()
    match = _FORMAT.fullmatch(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValidationError(
            _("Skriv personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN."), code="format"
        )

    if match["long"]:
        year, mmdd = int(match["long"][:4]), match["long"][4:]
    else:
        mmdd = match["short"][2:]
    month, day = int(mmdd[:2]), int(mmdd[2:])
    samordning = day > _SAMORDNING_OFFSET
    if samordning:
        day -= _SAMORDNING_OFFSET

    if not match["long"]:
        # The most recent year ending in YY that does not put the birth date in the
        # future; "+" means the person has turned 100, so one century earlier.
        # Compared as tuples because the date itself may not exist yet.
        yy = int(match["short"][:2])
        year = today.year - (today.year - yy) % 100
        if (year, month, day) > (today.year, today.month, today.day):
            year -= 100
        if match["sign"] == "+":
            year -= 100

    try:
        born = datetime.date(year, month, day)
    except ValueError:
        raise ValidationError(_("Datumet i personnumret finns inte."), code="datum") from None

    nummer = f"{year:04d}{mmdd}{match['tail']}"
    if match["tail"].startswith("000"):
        # Födelsenummer run from 001 to 999: 000 is never given out.
        raise ValidationError(
            _("Födelsenumret (de tre siffrorna före kontrollsiffran) kan inte vara noll."),
            code="fodelsenummer",
        )
    if not luhn_ok(nummer[2:]):
        raise ValidationError(
            _("Kontrollsiffran stämmer inte. Kontrollera numret."), code="kontrollsiffra"
        )
    if born > today:
        raise ValidationError(
            _("Födelsedatumet i personnumret ligger i framtiden."), code="framtid"
        )
    if _alder(born, today) > HOGSTA_ALDER:
        raise ValidationError(
            _("Personnumret ger en ålder över %(ar)s år. Kontrollera århundradet.")
            % {"ar": HOGSTA_ALDER},
            code="for_gammal",
        )
    return Personnummer(nummer=nummer, fodelsedatum=born, samordningsnummer=samordning)


def _alder(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def kontrollera_fodelsedatum(born: datetime.date, *, today: datetime.date | None = None):
    """A birth date typed without a personnummer (with a reserve number): not in the
    future and not older than anyone alive."""
    today = today or datetime.date.today()
    if born > today:
        raise ValidationError(_("Födelsedatumet kan inte vara i framtiden."), code="framtid")
    if _alder(born, today) > HOGSTA_ALDER:
        raise ValidationError(
            _("Födelsedatumet ger en ålder över %(ar)s år. Kontrollera året.")
            % {"ar": HOGSTA_ALDER},
            code="for_gammal",
        )


def normalisera(value: str, *, today: datetime.date | None = None) -> str:
    return parse(value, today=today).nummer


class PersonnummerField(forms.CharField):
    """Accepts every common way of writing the number and cleans it to 12 digits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 13)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # inputmode "text", not "numeric": "-" and "+" are part of the number.
        attrs.update(autocomplete="off", inputmode="text", spellcheck="false")
        return attrs

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return ""
        return parse(value).nummer
