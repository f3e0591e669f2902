"""Step 4: activities, group events with attendance, and the contact log."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from deltagare.koder import Steg
from deltagare.models import Aktivitet, Gruppaktivitet, Inskrivning, Kontakt, Narvaro
from deltagare.services.common import kraver_personal, kraver_steg, las_inskrivning, logga
from deltagare.services.samtycke import tacker
from samverkan import audit
from samverkan.models import Insats

AKTIVITET_FIELDS = (
    "typ",
    "startdatum",
    "slutdatum",
    "arbetsplats",
    "arbetsgivarkontakt",
    "timmar_per_vecka",
    "stodperiod_manader",
    "anteckning",
)


@transaction.atomic
def aktivitet_registrera(*, actor, inskrivning: Inskrivning, data: dict, request=None) -> Aktivitet:
    inskrivning = las_inskrivning(inskrivning)
    kraver_personal(actor, inskrivning.insats)
    kraver_steg(inskrivning, Steg.KARTLAGGNING, Steg.INSATSER)
    aktivitet = Aktivitet(
        inskrivning=inskrivning,
        registrerad_av=actor,
        **{f: data[f] for f in AKTIVITET_FIELDS if f in data},
    )
    aktivitet.full_clean(exclude=["inskrivning"])
    if aktivitet.startdatum < inskrivning.inskrivningsdatum:
        raise ValidationError({"startdatum": _("Aktiviteten kan inte vara före inskrivningen.")})
    aktivitet.save()
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CREATE,
        obj=aktivitet,
        request=request,
        detail={"typ": aktivitet.typ},
    )
    return aktivitet


@transaction.atomic
def gruppaktivitet_registrera(
    *,
    actor,
    insats: Insats,
    titel: str,
    datum: datetime.date,
    ledare: str,
    narvaro: dict[int, bool],
    request=None,
) -> Gruppaktivitet:
    """One event and the attendance of many participants, in one form."""
    kraver_personal(actor, insats)
    inskrivningar = {
        i.pk: i
        for i in Inskrivning.objects.filter(pk__in=narvaro, insats=insats)
        .exclude(steg__in=[Steg.AKTUALISERING, Steg.AVSLUT])
        .select_related("deltagare", "insats__forbund")
    }
    if set(narvaro) - set(inskrivningar):
        raise ValidationError(_("Någon i listan är inte inskriven i insatsen."))
    grupp = Gruppaktivitet(
        insats=insats, titel=titel, datum=datum, ledare=ledare, registrerad_av=actor
    )
    grupp.full_clean()
    grupp.save()
    Narvaro.objects.bulk_create(
        [
            Narvaro(gruppaktivitet=grupp, inskrivning_id=pk, narvarande=v)
            for pk, v in narvaro.items()
        ]
    )
    audit.record(
        action=audit.Action.CREATE,
        actor=actor,
        obj=grupp,
        request=request,
        detail={"deltagare": len(narvaro)},
    )
    for inskrivning in inskrivningar.values():
        logga(
            actor=actor,
            inskrivning=inskrivning,
            action=audit.Action.CHANGE,
            obj=grupp,
            request=request,
            detail={"narvarande": narvaro[inskrivning.pk]},
        )
    return grupp


@transaction.atomic
def kontakt_registrera(
    *,
    actor,
    inskrivning: Inskrivning,
    datum: datetime.date,
    typ: str,
    anteckning: str,
    till_remittent: bool = False,
    request=None,
) -> Kontakt:
    inskrivning = las_inskrivning(inskrivning)
    kraver_personal(actor, inskrivning.insats)
    kraver_steg(inskrivning, Steg.AKTUALISERING, Steg.INSKRIVNING, Steg.KARTLAGGNING, Steg.INSATSER)
    if till_remittent and not (
        inskrivning.remittent_organisation
        and tacker(inskrivning, "informationsutbyte", inskrivning.remittent_organisation)
    ):
        raise ValidationError(
            {
                "till_remittent": _(
                    "Samtycket omfattar inte informationsutbyte med remittentens organisation."
                )
            }
        )
    kontakt = Kontakt(
        inskrivning=inskrivning,
        datum=datum,
        typ=typ,
        anteckning=anteckning,
        till_remittent=till_remittent,
        registrerad_av=actor,
    )
    kontakt.full_clean(exclude=["inskrivning"])
    kontakt.save()
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CREATE,
        obj=kontakt,
        request=request,
        detail={"typ": typ},
    )
    return kontakt
