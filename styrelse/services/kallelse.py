"""The kallelse: the meeting's date, time and place mailed to the förbund's
board members."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from styrelse.models import Kallelseutskick, Sammantrade
from styrelse.selectors import kallelsens_mottagare
from styrelse.services.common import las_oppet, record_change
from styrelse.tasks import skicka_kallelse

M = Sammantrade.Status


@transaction.atomic
def kallelse_skicka(*, actor, sammantrade: Sammantrade, request=None) -> Kallelseutskick:
    """Send the kallelse to the förbund's board members by e-mail (after commit,
    through Celery). Sending again is allowed; every sending is recorded."""
    sammantrade = las_oppet(actor, sammantrade)
    mottagare = kallelsens_mottagare(sammantrade.forbund_id)
    if not mottagare:
        raise ValidationError(
            _("Förbundet har ingen styrelseledamot med e-postadress att skicka kallelsen till."),
            code="inga_mottagare",
        )
    utskick = Kallelseutskick.objects.create(
        sammantrade=sammantrade, skickad_av=actor, antal_mottagare=len(mottagare)
    )
    if sammantrade.status == M.PLANERAT:
        sammantrade.status = M.KALLAT
        sammantrade.save(update_fields=["status"])
    record_change(
        actor=actor,
        obj=sammantrade,
        request=request,
        kallelse=utskick.pk,
        mottagare=len(mottagare),
    )
    transaction.on_commit(lambda: skicka_kallelse.delay(utskick.pk))
    return utskick
