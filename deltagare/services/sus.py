"""The SUS variables: the same fields at start, exit and follow-up."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from deltagare.koder import Forsorjning, Sysselsattning
from deltagare.models import SusForsorjning, SusUppgift

SUS_FIELDS = (
    "utbildning",
    "tid_offentlig_forsorjning",
    "sysselsattning",
    "sysselsattning_procent",
    "aktuell_af",
    "aktuell_fk",
    "aktuell_socialtjanst",
    "aktuell_halso_sjukvard",
)


def sus_spara(*, inskrivning, tidpunkt: str, data: dict, forsorjning: list[str]) -> SusUppgift:
    if not forsorjning:
        raise ValidationError({"forsorjning": _("Välj minst en försörjningskälla (eller Okänd).")})
    if not set(forsorjning) <= set(Forsorjning.values):
        raise ValidationError({"forsorjning": _("Okänd försörjningskälla.")})
    arbete_studier = data.get("sysselsattning") in (
        Sysselsattning.FORVARVSARBETE,
        Sysselsattning.STUDIER,
    )
    if arbete_studier and data.get("sysselsattning_procent") in (None, ""):
        raise ValidationError(
            {"sysselsattning_procent": _("Ange omfattningen för arbete eller studier.")}
        )
    uppgift = SusUppgift(
        inskrivning=inskrivning,
        tidpunkt=tidpunkt,
        **{f: data.get(f) for f in SUS_FIELDS if f in data},
    )
    if not arbete_studier:
        uppgift.sysselsattning_procent = None
    uppgift.full_clean(exclude=["inskrivning"])
    uppgift.save()
    SusForsorjning.objects.bulk_create(
        [SusForsorjning(uppgift=uppgift, kod=kod) for kod in sorted(set(forsorjning))]
    )
    return uppgift
