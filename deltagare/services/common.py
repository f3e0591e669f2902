"""What every service of the participant's case shares: access, steps, audit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from deltagare.koder import STEG_ORDNING, Steg
from deltagare.models import Inskrivning, StegByte
from samverkan import audit
from samverkan.models import Insats

# Which step may follow which. Avslut is reachable from every open step:
# an interruption or a felregistrering can happen at any time.
TILLATNA_STEG = {
    Steg.AKTUALISERING: {Steg.INSKRIVNING, Steg.AVSLUT},
    Steg.INSKRIVNING: {Steg.KARTLAGGNING, Steg.AVSLUT},
    Steg.KARTLAGGNING: {Steg.INSATSER, Steg.AVSLUT},
    Steg.INSATSER: {Steg.AVSLUT},
    Steg.AVSLUT: set(),
}


def kraver_personal(actor, insats: Insats):
    """Only the insats's own staff write in its participants' cases."""
    if not Insats.objects.staff_of(actor).filter(pk=insats.pk).exists():
        raise PermissionDenied


def las_inskrivning(inskrivning: Inskrivning) -> Inskrivning:
    """The row under lock, so that two people cannot move one case at once."""
    return (
        Inskrivning.objects.select_for_update(of=("self",))
        .select_related("insats", "deltagare")
        .get(pk=inskrivning.pk)
    )


def kraver_steg(inskrivning: Inskrivning, *steg):
    if inskrivning.steg not in steg:
        names = ", ".join(str(Steg(s).label).lower() for s in steg)
        raise ValidationError(
            _("Det går inte i steget %(nu)s; det kräver steget %(steg)s.")
            % {"nu": inskrivning.get_steg_display().lower(), "steg": names},
            code="fel_steg",
        )


def byt_steg(*, actor, inskrivning: Inskrivning, till: str, request=None):
    if till not in TILLATNA_STEG[Steg(inskrivning.steg)]:
        raise ValidationError(
            _("Ärendet kan inte gå från %(fran)s till %(till)s.")
            % {"fran": inskrivning.get_steg_display(), "till": Steg(till).label},
            code="otillatet_steg",
        )
    fran = inskrivning.steg
    inskrivning.steg = till
    inskrivning.save(update_fields=["steg", "senast_andrad"])
    StegByte.objects.create(inskrivning=inskrivning, fran=fran, till=till, av=actor)
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CHANGE,
        request=request,
        obj=inskrivning,
        detail={"steg": till, "fran": fran},
    )


def logga(*, actor, inskrivning: Inskrivning, action, obj=None, request=None, detail=None):
    """An audit event about the participant of this enrolment."""
    return audit.record(
        action=action,
        actor=actor,
        obj=obj or inskrivning,
        forbund=inskrivning.insats.forbund,
        deltagare_uuid=inskrivning.deltagare.uuid,
        request=request,
        detail=detail,
    )


def steg_index(steg: str) -> int:
    return STEG_ORDNING.index(steg)
