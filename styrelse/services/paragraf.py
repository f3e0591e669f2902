"""Paragraph numbers: one running counter per förbund, locked while a protocol
takes its numbers, so two protocols never get the same one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from styrelse.models import Forbundsinstallning
from styrelse.services.common import kraver_kansli, record_change


def _las_raknare(forbund_id) -> Forbundsinstallning:
    """The förbund's counter row, created if missing, locked until the transaction ends."""
    try:
        with transaction.atomic():
            Forbundsinstallning.objects.get_or_create(forbund_id=forbund_id)
    except IntegrityError:
        pass  # another session created it at the same moment
    return Forbundsinstallning.objects.select_for_update().get(forbund_id=forbund_id)


@transaction.atomic
def paragrafer_tilldela(*, forbund_id: int, antal: int) -> range:
    """The next `antal` paragraph numbers of the förbund. The counter row is
    locked until the transaction ends, so concurrent protocols wait their
    turn; the unique constraint on (förbund, paragraf) is the last guard."""
    raknare = _las_raknare(forbund_id)
    forsta = raknare.senaste_paragraf + 1
    raknare.senaste_paragraf += antal
    raknare.save(update_fields=["senaste_paragraf"])
    return range(forsta, forsta + antal)


@transaction.atomic
def forsta_paragraf_satt(*, actor, forbund, senaste: int, request=None) -> None:
    """The office starts the numbering where the paper protocols ended."""
    kraver_kansli(actor, forbund.pk)
    raknare = _las_raknare(forbund.pk)
    if senaste < raknare.senaste_paragraf:
        raise ValidationError({"senaste": _("Paragrafnummer kan inte återanvändas.")})
    raknare.senaste_paragraf = senaste
    raknare.save(update_fields=["senaste_paragraf"])
    record_change(actor=actor, obj=raknare, request=request, senaste_paragraf=senaste)
