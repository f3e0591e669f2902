"""What every service of the board's work shares: who may write, the guards on
states (an open meeting among them), the audit event of a change, and the
check that keeps personal data out of public documents."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from deltagare.personnummer import parse as parse_personnummer
from samverkan import audit
from samverkan.permissions import ar_admin_for, roller
from styrelse.models import Sammantrade

M = Sammantrade.Status
# Until the protocol is drawn up the agenda and the decisions may change.
OPPNA = (M.PLANERAT, M.KALLAT)

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


def las(obj, **villkor):
    """The object's row read again and locked until the transaction ends."""
    return obj._meta.model.objects.select_for_update().get(pk=obj.pk, **villkor)


def kraver_status(obj, tillatna, fel, *, code: str = "status") -> None:
    """Refuse with `fel` unless the object is in one of the allowed states."""
    if obj.status not in tillatna:
        raise ValidationError(fel, code=code)


def kraver_oppet(sammantrade: Sammantrade) -> None:
    kraver_status(
        sammantrade,
        OPPNA,
        _("Protokollet är upprättat: sammanträdet kan inte ändras."),
        code="upprattat",
    )


def las_oppet(actor, sammantrade: Sammantrade) -> Sammantrade:
    """The meeting locked, for its office, while its protocol is not drawn up."""
    sammantrade = las(sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    kraver_oppet(sammantrade)
    return sammantrade


def record_change(*, actor, obj, request, **detail) -> None:
    """The audit event of a change; the detail says what changed."""
    audit.record(action=audit.Action.CHANGE, actor=actor, obj=obj, request=request, detail=detail)


def byt_status(*, actor, obj, till, request, falt=(), **detail):
    """Move the object to the state `till`, saving `falt` with it, with one audit
    event naming both states. The caller has checked that the move is allowed."""
    tidigare = obj.status
    obj.status = till
    obj.save(update_fields=["status", *falt])
    record_change(actor=actor, obj=obj, request=request, status=[tidigare, till], **detail)
    return obj


def andra_falt(obj, falt: dict) -> list[str]:
    """Set the fields whose value differs; returns their names, in `falt`'s order."""
    andrade = [namn for namn, varde in falt.items() if getattr(obj, namn) != varde]
    for namn in andrade:
        setattr(obj, namn, falt[namn])
    return andrade
