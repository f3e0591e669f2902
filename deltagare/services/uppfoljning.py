"""The follow-up 12 months after exit: only while consent covers it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from deltagare.models import Uppfoljning
from deltagare.services.common import kraver_personal, logga
from deltagare.services.samtycke import tacker
from samverkan import audit


@transaction.atomic
def uppfoljning_registrera(
    *,
    actor,
    uppfoljning: Uppfoljning,
    genomford: datetime.date,
    utfall: str,
    anteckning: str = "",
    request=None,
) -> Uppfoljning:
    uppfoljning = (
        Uppfoljning.objects.select_for_update(of=("self",))
        .select_related(
            "inskrivning__insats__forbund", "inskrivning__deltagare", "inskrivning__avslut"
        )
        .get(pk=uppfoljning.pk)
    )
    inskrivning = uppfoljning.inskrivning
    kraver_personal(actor, inskrivning.insats)
    if uppfoljning.genomford is not None:
        raise ValidationError(_("Uppföljningen är redan registrerad."))
    if uppfoljning.stoppad is not None or not tacker(inskrivning, "uppfoljning", on=genomford):
        raise ValidationError(_("Samtycket omfattar inte längre uppföljning."), code="samtycke")
    if genomford < inskrivning.avslut.datum:
        raise ValidationError({"genomford": _("Uppföljningen kan inte vara före avslutet.")})
    uppfoljning.genomford = genomford
    uppfoljning.utfall = utfall
    uppfoljning.anteckning = anteckning
    uppfoljning.registrerad_av = actor
    uppfoljning.full_clean(exclude=["inskrivning"])
    uppfoljning.save()
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CHANGE,
        obj=uppfoljning,
        request=request,
        detail={"utfall": utfall},
    )
    return uppfoljning
