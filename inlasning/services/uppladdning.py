"""The upload with its dry run, the office's mapping of a file's own columns, and the
start that queues the import."""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from inlasning.kolumner import kolumner
from inlasning.models import Inlasning, Kolumnmappning, Status
from inlasning.provkorning.fil import FelaktigFil, las_fil
from inlasning.provkorning.rubriker import RubrikerSaknas, filens_rubriker, rubriknyckel
from inlasning.provkorning.validering import provkor
from inlasning.services.common import filens_data, kraver_kansli, logga
from inlasning.tasks import las_in
from samverkan import audit
from samverkan.virusskanning import skanna

MAX_BYTES = 10 * 1024 * 1024


def kontrollera_fil(upload) -> bytes:
    """The upload's bytes if it is an xlsx (from its content) within the size limit."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Filen är större än 10 MB."), code="storlek")
    if upload.size == 0:
        raise ValidationError(_("Filen är tom."), code="tom")
    upload.seek(0)
    if upload.read(4) != b"PK\x03\x04":
        raise ValidationError(
            _("Filen måste vara en Excel-fil (xlsx; kontrolleras utifrån innehållet)."),
            code="filtyp",
        )
    upload.seek(0)
    skanna(upload)
    upload.seek(0)
    return upload.read()


def _rubriker(data: bytes) -> list[str]:
    rubriker, rader, _mac = las_fil(data)
    rader.close()
    return rubriker


@transaction.atomic
def inlasning_ladda_upp(*, actor, forbund, upload, request=None) -> Inlasning:
    """Store the file privately under a random name and run the dry run. A file whose
    headers are not the template's is read through the förbund's saved mapping for
    those headers, or waits for the office to map its columns (inlasning_mappa)."""
    kraver_kansli(actor, forbund)
    data = kontrollera_fil(upload)
    inlasning = Inlasning(forbund=forbund, skapad_av=actor)
    resultat = None
    try:
        inlasning.rubriker = filens_rubriker(_rubriker(data))
        try:
            resultat = provkor(forbund=forbund, data=data)
        except RubrikerSaknas:
            if len(inlasning.rubriker) < sum(k.kravs for k in kolumner()):
                raise  # too few columns to map: not a file of participants at all
            sparad = Kolumnmappning.objects.filter(
                forbund=forbund, rubriknyckel=rubriknyckel(inlasning.rubriker)
            ).first()
            if sparad is None:
                inlasning.status = Status.MAPPAS
            else:
                inlasning.mappning = sparad.mappning
                resultat = provkor(forbund=forbund, data=data, mappning=sparad.mappning)
    except FelaktigFil as exc:
        raise ValidationError({"fil": str(exc)}) from None
    if resultat is not None:
        _spara_resultat(inlasning, resultat)
    # The file's own name may name a person: a random one instead.
    inlasning.fil.save(f"{uuid.uuid4().hex}.xlsx", ContentFile(data), save=False)
    try:
        inlasning.save()
        detail = {"provkorning": resultat is not None}
        if resultat is not None:
            detail.update(rader=resultat.antal_rader, fel=len(resultat.fel))
        if inlasning.mappning:
            detail["mappning"] = "sparad"
        logga(
            action=audit.Action.CREATE,
            actor=actor,
            inlasning=inlasning,
            request=request,
            detail=detail,
        )
    except Exception:
        inlasning.fil.storage.delete(inlasning.fil.name)  # nothing half-saved
        raise
    return inlasning


def _spara_resultat(inlasning: Inlasning, resultat) -> None:
    inlasning.antal_rader = resultat.antal_rader
    inlasning.antal_nya = len(resultat.rader)
    inlasning.antal_fel = len(resultat.fel)
    inlasning.provkorning = resultat.som_json()


def kan_mappas(inlasning: Inlasning) -> bool:
    """A file not yet imported may be mapped (again), while it is still stored."""
    return bool(inlasning.fil) and inlasning.status in (Status.MAPPAS, Status.PROVKORD)


@transaction.atomic
def inlasning_mappa(*, actor, inlasning: Inlasning, mappning: dict, request=None) -> Inlasning:
    """Read the file through the office's mapping (field key → the file's own header),
    dry-run it, and save the mapping for the förbund's next file with these headers.
    A required field without a column is refused with nothing saved."""
    kraver_kansli(actor, inlasning.forbund)
    inlasning = Inlasning.objects.select_for_update().select_related("forbund").get(pk=inlasning.pk)
    if not kan_mappas(inlasning):
        raise ValidationError(_("Filen kan inte längre mappas."), code="status")
    kanda = {r.casefold(): r for r in inlasning.rubriker}
    valda, fel = {}, {}
    for kol in kolumner():
        rubrik = (mappning.get(kol.nyckel) or "").strip()
        if rubrik and rubrik.casefold() not in kanda:
            fel[kol.nyckel] = _("Filen har ingen sådan kolumn.")
        elif rubrik:
            valda[kol.nyckel] = kanda[rubrik.casefold()]
        elif kol.kravs:
            fel[kol.nyckel] = _("Fältet krävs: välj den kolumn i filen som innehåller det.")
    if fel:
        raise ValidationError(fel)
    try:
        resultat = provkor(forbund=inlasning.forbund, data=filens_data(inlasning), mappning=valda)
    except FelaktigFil as exc:
        raise ValidationError(str(exc)) from None
    inlasning.mappning = valda
    inlasning.status = Status.PROVKORD
    _spara_resultat(inlasning, resultat)
    inlasning.save(
        update_fields=["mappning", "status", "antal_rader", "antal_nya", "antal_fel", "provkorning"]
    )
    Kolumnmappning.objects.update_or_create(
        forbund=inlasning.forbund,
        rubriknyckel=rubriknyckel(inlasning.rubriker),
        defaults={"rubriker": inlasning.rubriker, "mappning": valda, "andrad_av": actor},
    )
    logga(
        action=audit.Action.CHANGE,
        actor=actor,
        inlasning=inlasning,
        request=request,
        detail={
            "mappning": sorted(valda),
            "provkorning": True,
            "rader": resultat.antal_rader,
            "fel": len(resultat.fel),
        },
    )
    return inlasning


@transaction.atomic
def inlasning_starta(*, actor, inlasning: Inlasning, request=None) -> Inlasning:
    """Queue the import of a file whose dry run found no errors."""
    kraver_kansli(actor, inlasning.forbund)
    inlasning = Inlasning.objects.select_for_update().get(pk=inlasning.pk)
    if inlasning.status in (Status.KOAD, Status.PAGAR, Status.KLAR):
        return inlasning  # a second click starts nothing
    if not inlasning.kan_lasas_in:
        raise ValidationError(_("Bara en fil utan fel kan läsas in."), code="fel_finns")
    inlasning.status = Status.KOAD
    inlasning.save(update_fields=["status"])
    logga(
        action=audit.Action.CHANGE,
        actor=actor,
        inlasning=inlasning,
        request=request,
        detail={"status": Status.KOAD},
    )
    pk, actor_pk = inlasning.pk, actor.pk
    transaction.on_commit(lambda: las_in.delay(pk, actor_pk))
    return inlasning
