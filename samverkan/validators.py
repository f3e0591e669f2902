"""Validators for the core's fields. Messages are Swedish and say how to fix the value."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def luhn_ok(digits: str) -> bool:
    """The Luhn check used by personnummer and organisationsnummer (10 digits)."""
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def validate_organisationsnummer(value: str) -> None:
    if not re.fullmatch(r"\d{6}-\d{4}", value or ""):
        raise ValidationError(_("Skriv organisationsnumret som NNNNNN-NNNN."), code="format")
    digits = value.replace("-", "")
    if int(digits[2]) < 2:
        raise ValidationError(
            _("Tredje siffran i ett organisationsnummer är minst 2."), code="tredje_siffran"
        )
    if not luhn_ok(digits):
        raise ValidationError(_("Kontrollsiffran stämmer inte."), code="kontrollsiffra")


def validate_epostdomaner(value) -> None:
    if not isinstance(value, list):
        raise ValidationError(_("Ange en lista med domäner."), code="typ")
    for domain in value:
        clean = str(domain).strip().lower().lstrip("@")
        if not _DOMAIN.match(clean):
            raise ValidationError(
                _("%(domain)s är inte en giltig e-postdomän."),
                code="domän",
                params={"domain": str(domain)[:100]},
            )


def validate_aldersband(value) -> None:
    """Age bands: [[from, to], …], ascending, not overlapping; the last may be open."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Ange minst ett åldersband."), code="tomt")
    previous_end = -1
    for i, band in enumerate(value):
        if not (isinstance(band, list | tuple) and len(band) == 2):
            raise ValidationError(_("Varje åldersband är ett par [från, till]."), code="form")
        start, end = band
        last = i == len(value) - 1
        if not isinstance(start, int) or not 0 <= start <= 120:
            raise ValidationError(_("Åldern i ett band är ett heltal 0–120."), code="alder")
        if end is None and not last:
            raise ValidationError(_("Bara det sista bandet får sakna övre gräns."), code="oppet")
        if end is not None and (not isinstance(end, int) or not start <= end <= 120):
            raise ValidationError(_("Ett band slutar på samma eller högre ålder än det börjar."))
        if start <= previous_end:
            raise ValidationError(_("Åldersbanden får inte överlappa och ska stå i ordning."))
        previous_end = end if end is not None else 999
