"""What every service of the board's work shares: who may write, and the check
that keeps personal data out of public documents."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from deltagare.personnummer import parse as parse_personnummer
from samverkan.permissions import ar_admin_for, roller

_KANDIDAT = re.compile(r"(?<!\d)(\d{8}|\d{6})\s?[-+]?\s?\d{4}(?!\d)")


def innehaller_personnummer(text: str) -> bool:
    """True if the text holds something shaped like a personnummer or
    samordningsnummer: a real date followed by four digits (the check digit
    is not required: a mistyped number is still a person's). An
    organisationsnummer (month 20 or more) is not a date and passes."""
    for match in _KANDIDAT.finditer(text or ""):
        kandidat = re.sub(r"\s", "", match.group(0))
        try:
            parse_personnummer(kandidat)
        except ValidationError as fel:
            if fel.code in ("kontrollsiffra", "framtid"):
                return True
            continue
        return True
    return False


def kontrollera_offentlig_text(falt: dict[str, str]) -> None:
    """Refuse decision text that could identify a participant."""
    fel = {
        namn: _(
            "Texten innehåller något som liknar ett personnummer. Protokoll är allmänna "
            "handlingar: skriv inga personuppgifter."
        )
        for namn, text in falt.items()
        if innehaller_personnummer(text)
    }
    if fel:
        raise ValidationError(fel, code="personnummer")


def kraver_kansli(actor, forbund_id) -> None:
    """The förbund's office (förbundsadministratör) prepares and records."""
    if not ar_admin_for(actor, forbund_id):
        raise PermissionDenied(_("Bara förbundets kansli får göra detta."))


def ar_styrelse_for(actor, forbund_id) -> bool:
    return actor.is_superuser or forbund_id in roller(actor).styrelse_forbund
