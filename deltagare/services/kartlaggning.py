"""Step 3: mapping talks, the structured mapping, and the handlingsplan."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from deltagare.koder import KartlaggningOmrade, PlanStegStatus, Steg
from deltagare.models import (
    HandlingsplanSteg,
    HandlingsplanVersion,
    Inskrivning,
    Kartlaggning,
    Kartlaggningssamtal,
)
from deltagare.services.common import byt_steg, kraver_personal, kraver_steg, las_inskrivning, logga
from samverkan import audit
from samverkan.models import Insats

KARTLAGGNING_FIELDS = (
    "social",
    "halsa",
    "halsa_sjalvskattad",
    "resurser",
    "utbildning_arbete",
    "ekonomi",
    "intressen",
    "egna_mal",
)
OPPNA_STEG = (Steg.INSKRIVNING, Steg.KARTLAGGNING, Steg.INSATSER)


class PlanKonflikt(ValidationError):
    """Someone else saved the plan after this form was opened."""

    def __init__(self, *, senaste: int):
        self.senaste = senaste
        super().__init__(
            _(
                "Någon annan har sparat handlingsplanen (version %(v)s) medan du skrev. "
                "Dina ändringar är inte sparade men finns kvar i formuläret: jämför med "
                "den senaste versionen och spara igen."
            )
            % {"v": senaste},
            code="konflikt",
        )


@transaction.atomic
def samtal_registrera(
    *,
    actor,
    inskrivning: Inskrivning,
    datum: datetime.date,
    personal,
    form: str,
    omraden: list[str],
    anteckning: str = "",
    request=None,
) -> Kartlaggningssamtal:
    """A mapping talk; the first one starts step 3."""
    inskrivning = las_inskrivning(inskrivning)
    insats = inskrivning.insats
    kraver_personal(actor, insats)
    kraver_steg(inskrivning, *OPPNA_STEG)
    errors = {}
    if inskrivning.samtal.count() >= insats.kartlaggning_samtal_max:
        errors["datum"] = _("Insatsen tillåter högst %(n)s kartläggningssamtal.") % {
            "n": insats.kartlaggning_samtal_max
        }
    if datum < inskrivning.inskrivningsdatum:
        errors["datum"] = _("Samtalet kan inte vara före inskrivningen.")
    if not Insats.objects.staff_of(personal).filter(pk=insats.pk).exists():
        errors["personal"] = _("Välj någon i insatsens personal.")
    if not set(omraden) <= set(KartlaggningOmrade.values):
        errors["omraden"] = _("Okänt område.")
    if errors:
        raise ValidationError(errors)
    samtal = Kartlaggningssamtal.objects.create(
        inskrivning=inskrivning,
        datum=datum,
        personal=personal,
        form=form,
        omraden=sorted(set(omraden)),
        anteckning=anteckning,
    )
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CREATE,
        obj=samtal,
        request=request,
    )
    if inskrivning.steg == Steg.INSKRIVNING:
        byt_steg(actor=actor, inskrivning=inskrivning, till=Steg.KARTLAGGNING, request=request)
    return samtal


@transaction.atomic
def kartlaggning_spara(
    *, actor, inskrivning: Inskrivning, data: dict, request=None
) -> Kartlaggning:
    inskrivning = las_inskrivning(inskrivning)
    kraver_personal(actor, inskrivning.insats)
    kraver_steg(inskrivning, *OPPNA_STEG)
    kartlaggning, _created = Kartlaggning.objects.get_or_create(inskrivning=inskrivning)
    changed = [f for f in KARTLAGGNING_FIELDS if f in data and getattr(kartlaggning, f) != data[f]]
    for field in changed:
        setattr(kartlaggning, field, data[field])
    kartlaggning.full_clean(exclude=["inskrivning"])
    kartlaggning.save()
    if changed:
        logga(
            actor=actor,
            inskrivning=inskrivning,
            action=audit.Action.CHANGE,
            obj=kartlaggning,
            request=request,
            detail={"falt": changed},
        )
    return kartlaggning


@transaction.atomic
def kartlaggning_klar(
    *, actor, inskrivning: Inskrivning, datum: datetime.date, sammanfattning: str, request=None
) -> Kartlaggning:
    inskrivning = las_inskrivning(inskrivning)
    insats = inskrivning.insats
    kraver_personal(actor, insats)
    kraver_steg(inskrivning, Steg.KARTLAGGNING)
    errors = {}
    antal = inskrivning.samtal.count()
    if antal < insats.kartlaggning_samtal_min:
        errors["datum"] = _(
            "Insatsen kräver minst %(min)s kartläggningssamtal; %(antal)s är registrerade."
        ) % {"min": insats.kartlaggning_samtal_min, "antal": antal}
    if not sammanfattning.strip():
        errors["sammanfattning"] = _("Skriv en sammanfattning av kartläggningen.")
    if errors:
        raise ValidationError(errors)
    kartlaggning, _created = Kartlaggning.objects.get_or_create(inskrivning=inskrivning)
    kartlaggning.klar = datum
    kartlaggning.sammanfattning = sammanfattning.strip()
    kartlaggning.save(update_fields=["klar", "sammanfattning"])
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CHANGE,
        obj=kartlaggning,
        request=request,
        detail={"klar": True},
    )
    return kartlaggning


@transaction.atomic
def handlingsplan_spara(
    *,
    actor,
    inskrivning: Inskrivning,
    mal: str,
    steg: list[dict],
    bas_version: int | None,
    revidering_senast: datetime.date | None = None,
    kommentar: str = "",
    request=None,
) -> HandlingsplanVersion:
    """A new version of the plan. `bas_version` is the version the form was opened on:
    if another version was saved since, nothing is written (optimistic locking)."""
    inskrivning = las_inskrivning(inskrivning)
    kraver_personal(actor, inskrivning.insats)
    kraver_steg(inskrivning, Steg.KARTLAGGNING, Steg.INSATSER)
    senaste = (
        HandlingsplanVersion.objects.filter(inskrivning=inskrivning)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    if senaste != bas_version:
        raise PlanKonflikt(senaste=senaste)
    if not mal.strip():
        raise ValidationError({"mal": _("Skriv deltagarens mål med hans eller hennes egna ord.")})
    version = HandlingsplanVersion.objects.create(
        inskrivning=inskrivning,
        version=(senaste or 0) + 1,
        mal=mal.strip(),
        revidering_senast=revidering_senast,
        kommentar=kommentar.strip(),
        skapad_av=actor,
    )
    rows = []
    for i, s in enumerate(steg):
        row = HandlingsplanSteg(
            version=version,
            ordning=i,
            beskrivning=s["beskrivning"],
            ansvarig=s["ansvarig"],
            datum=s.get("datum"),
            status=s.get("status") or PlanStegStatus.PLANERAT,
        )
        row.full_clean(exclude=["version"])
        rows.append(row)
    HandlingsplanSteg.objects.bulk_create(rows)
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CREATE,
        obj=version,
        request=request,
        detail={"version": version.version},
    )
    return version
