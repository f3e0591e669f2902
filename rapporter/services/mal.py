"""The goals of an insats (the office's input to goal fulfilment), each write one
transaction with its audit event."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from rapporter.models import MAL_I_PROCENT, Mal, MalTyp
from rapporter.permissions import kraver_mal_ekonomi_admin
from samverkan import audit
from samverkan.models import Insats

MAL_FALT = ("typ", "malvarde", "dagar", "aktivitetstyp", "beskrivning")


def mal_fel(*, typ, malvarde, dagar, aktivitetstyp) -> dict[str, str]:
    """What is wrong with a goal, per field, in Swedish. The form and the services share it."""
    fel = {}
    if typ in MAL_I_PROCENT and malvarde is not None and malvarde > 100:
        fel["malvarde"] = _("Ett mål i procent kan inte vara högre än 100.")
    if typ == MalTyp.HANDLINGSPLAN and not dagar:
        fel["dagar"] = _("Ange inom hur många dagar från inskrivningen planen ska finnas.")
    if typ == MalTyp.AKTIVITET_PER_VECKA and not aktivitetstyp:
        fel["aktivitetstyp"] = _("Välj vilken typ av aktivitet målet gäller.")
    return fel


def mal_finns_redan(*, insats: Insats, typ, aktivitetstyp, utom: Mal | None = None) -> bool:
    qs = Mal.objects.filter(insats=insats, typ=typ, aktivitetstyp=aktivitetstyp or "")
    if utom is not None and utom.pk:
        qs = qs.exclude(pk=utom.pk)
    return qs.exists()


def mal_dubblett_text() -> str:
    return _("Insatsen har redan ett sådant mål. Ändra det befintliga målet i stället.")


def _tillamp_mal(mal: Mal, data: dict) -> list[str]:
    """Set the goal's fields from data; a setting that does not belong to the type is cleared."""
    varden = {f: data[f] for f in MAL_FALT if f in data}
    typ = varden.get("typ", mal.typ)
    if typ != MalTyp.HANDLINGSPLAN:
        varden["dagar"] = None
    if typ != MalTyp.AKTIVITET_PER_VECKA:
        varden["aktivitetstyp"] = ""
    varden["aktivitetstyp"] = varden.get("aktivitetstyp", mal.aktivitetstyp) or ""
    varden["beskrivning"] = varden.get("beskrivning", mal.beskrivning) or ""
    andrade = []
    for falt, varde in varden.items():
        if getattr(mal, falt) != varde:
            setattr(mal, falt, varde)
            andrade.append(falt)
    return andrade


def _spara_mal(mal: Mal):
    fel = mal_fel(
        typ=mal.typ, malvarde=mal.malvarde, dagar=mal.dagar, aktivitetstyp=mal.aktivitetstyp
    )
    if fel:
        raise ValidationError(fel)
    if mal_finns_redan(insats=mal.insats, typ=mal.typ, aktivitetstyp=mal.aktivitetstyp, utom=mal):
        raise ValidationError({"typ": mal_dubblett_text()})
    mal.full_clean()
    try:
        with transaction.atomic():  # a savepoint: a concurrent twin loses politely
            mal.save()
    except IntegrityError:
        raise ValidationError({"typ": mal_dubblett_text()}) from None


@transaction.atomic
def mal_skapa(*, actor, insats: Insats, data: dict, request=None) -> Mal:
    kraver_mal_ekonomi_admin(actor, insats)
    mal = Mal(insats=insats)
    _tillamp_mal(mal, data)
    _spara_mal(mal)
    audit.record(
        action=audit.Action.CREATE,
        actor=actor,
        obj=mal,
        forbund=insats.forbund,
        request=request,
        detail={"insats": insats.pk, "typ": mal.typ, "aktivitetstyp": mal.aktivitetstyp},
    )
    return mal


@transaction.atomic
def mal_uppdatera(*, actor, mal: Mal, data: dict, request=None) -> Mal:
    kraver_mal_ekonomi_admin(actor, mal.insats)
    mal = Mal.objects.select_for_update().select_related("insats__forbund").get(pk=mal.pk)
    andrade = _tillamp_mal(mal, data)
    if not andrade:
        return mal
    _spara_mal(mal)
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=mal,
        forbund=mal.insats.forbund,
        request=request,
        detail={"insats": mal.insats_id, "falt": andrade},
    )
    return mal


@transaction.atomic
def mal_ta_bort(*, actor, mal: Mal, request=None) -> None:
    kraver_mal_ekonomi_admin(actor, mal.insats)
    audit.record(
        action=audit.Action.DELETE,
        actor=actor,
        obj=mal,
        forbund=mal.insats.forbund,
        request=request,
        detail={"insats": mal.insats_id, "typ": mal.typ, "aktivitetstyp": mal.aktivitetstyp},
    )
    Mal.objects.filter(pk=mal.pk).delete()
