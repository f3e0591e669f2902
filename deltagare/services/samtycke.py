"""Samtycke: given, replaced and withdrawn; never edited."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deltagare.koder import SamtyckeSatt, Steg, Syfte
from deltagare.models import Inskrivning, Samtycke, Uppfoljning
from deltagare.services.common import kraver_personal, las_inskrivning, logga
from deltagare.uploads import kontrollera_blankett
from samverkan import audit


def giltigt_samtycke(inskrivning: Inskrivning, on: datetime.date | None = None) -> Samtycke | None:
    on = on or timezone.localdate()
    for samtycke in inskrivning.samtycken.filter(aterkallat__isnull=True, ersatt_av__isnull=True):
        if samtycke.ar_giltigt(on):
            return samtycke
    return None


def tacker(inskrivning: Inskrivning, syfte: str, organisation=None, on=None) -> bool:
    """Whether valid consent covers a purpose (and, if named, an organisation)."""
    samtycke = giltigt_samtycke(inskrivning, on)
    if samtycke is None or not getattr(samtycke, syfte):
        return False
    return organisation is None or samtycke.organisationer.filter(pk=organisation.pk).exists()


@transaction.atomic
def samtycke_registrera(
    *,
    actor,
    inskrivning: Inskrivning,
    organisationer,
    syften: set[str],
    givet: datetime.date,
    satt: str,
    giltigt_till: datetime.date | None = None,
    vittne: str = "",
    fil=None,
    request=None,
) -> Samtycke:
    """A new consent for this enrolment; one still valid is replaced by it."""
    inskrivning = las_inskrivning(inskrivning)
    kraver_personal(actor, inskrivning.insats)
    if inskrivning.steg == Steg.AVSLUT:
        raise ValidationError(
            _("Ärendet är avslutat. En ny inskrivning behöver ett nytt samtycke.")
        )
    errors = {}
    if not syften or not set(syften) <= set(Syfte.values):
        errors["syften"] = _("Välj minst ett syfte som samtycket gäller.")
    organisationer = list(organisationer)
    if any(o.forbund_id != inskrivning.insats.forbund_id for o in organisationer):
        errors["organisationer"] = _("Organisationerna måste höra till förbundet.")
    if givet > timezone.localdate():
        errors["givet"] = _("Datumet kan inte vara i framtiden.")
    if giltigt_till and giltigt_till < givet:
        errors["giltigt_till"] = _("Samtycket kan inte gälla till ett datum före det gavs.")
    content_type = extension = ""
    if satt == SamtyckeSatt.BLANKETT:
        if fil is None:
            errors["fil"] = _("Ladda upp den undertecknade blanketten.")
        else:
            try:
                content_type, extension = kontrollera_blankett(fil)
            except ValidationError as e:
                errors["fil"] = e.messages
    elif satt == SamtyckeSatt.MUNTLIGT:
        if not vittne.strip():
            errors["vittne"] = _("Ett muntligt samtycke behöver ett vittne.")
    else:
        errors["satt"] = _("Välj hur samtycket gavs.")
    if errors:
        raise ValidationError(errors)

    tidigare = giltigt_samtycke(inskrivning)
    samtycke = Samtycke(
        inskrivning=inskrivning,
        givet=givet,
        giltigt_till=giltigt_till,
        satt=satt,
        vittne=vittne.strip(),
        registrerat_av=actor,
        fil_typ=content_type,
        fil_namn=(getattr(fil, "name", "") or "")[-200:] if fil else "",
        **{s: s in syften for s in Syfte.values},
    )
    if fil is not None:
        samtycke.fil.save(f"blankett{extension}", fil, save=False)
    samtycke.save()
    samtycke.organisationer.set(organisationer)
    if tidigare is not None:
        Samtycke.objects.filter(pk=tidigare.pk).update(ersatt_av=samtycke)
    detail = {"syften": sorted(syften), "ersatter": bool(tidigare)}
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CREATE,
        obj=samtycke,
        request=request,
        detail=detail,
    )
    return samtycke


@transaction.atomic
def samtycke_aterkalla(
    *, actor, samtycke: Samtycke, datum: datetime.date | None = None, request=None
) -> Samtycke:
    """Withdrawal takes effect at once: sharing stops and planned follow-ups stop."""
    samtycke = (
        Samtycke.objects.select_for_update(of=("self",))
        .select_related("inskrivning__insats", "inskrivning__deltagare")
        .get(pk=samtycke.pk)
    )
    kraver_personal(actor, samtycke.inskrivning.insats)
    if samtycke.aterkallat is not None:
        raise ValidationError(_("Samtycket är redan återkallat."))
    datum = datum or timezone.localdate()
    samtycke.aterkallat = datum
    samtycke.aterkallat_av = actor
    samtycke.save(update_fields=["aterkallat", "aterkallat_av"])
    stopped = Uppfoljning.objects.filter(
        inskrivning=samtycke.inskrivning, genomford__isnull=True, stoppad__isnull=True
    ).update(stoppad=datum)
    detail = {"aterkallat": True, "uppfoljning_stoppad": bool(stopped)}
    logga(
        actor=actor,
        inskrivning=samtycke.inskrivning,
        action=audit.Action.CHANGE,
        obj=samtycke,
        request=request,
        detail=detail,
    )
    return samtycke
