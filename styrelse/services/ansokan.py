"""Applications for funds: the applicant's draft in sections, sending, and the
office's beredning. One service per state change, each with its audit event."""

from __future__ import annotations

import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deltagare.uploads import kontrollera_blankett
from samverkan import audit
from samverkan.models import Organisation
from samverkan.permissions import roller
from styrelse.models import Ansokan, Ansokningsbilaga, Budgetrad
from styrelse.models.ansokan import HUVUDMAN_TYPER
from styrelse.services.common import (
    byt_status,
    kraver_kansli,
    kraver_status,
    las,
    record_change,
)

S = Ansokan.Status
# The states in which the applicant may still change the application.
REDIGERBAR = (S.UTKAST, S.ATERREMITTERAD)


def far_redigera(actor, ansokan: Ansokan) -> bool:
    """The applicant who wrote it; the office for a paper application."""
    if ansokan.status not in REDIGERBAR:
        return False
    if ansokan.pappersansokan:
        return actor.is_superuser or ansokan.forbund_id in roller(actor).admin_forbund
    return ansokan.skapad_av_id == actor.pk


def _kraver_redigerbar(actor, ansokan):
    kraver_status(
        ansokan, REDIGERBAR, _("Ansökan är inskickad och kan inte ändras."), code="inskickad"
    )
    if not far_redigera(actor, ansokan):
        raise PermissionDenied(_("Du får inte ändra den här ansökan."))


def skapa_utkast(*, actor, request, detail: dict | None = None, **falt) -> Ansokan:
    """A new application (a draft) with its audit event."""
    ansokan = Ansokan.objects.create(**falt)
    audit.record(
        action=audit.Action.CREATE, actor=actor, obj=ansokan, request=request, detail=detail
    )
    return ansokan


@transaction.atomic
def ansokan_skapa(
    *, actor, organisation: Organisation, typ: str = Ansokan.Typ.NY, request=None
) -> Ansokan:
    """A draft by a partner organisation's staff (a handläggare of it)."""
    if organisation.pk not in roller(actor).handlaggare_organisationer:
        raise PermissionDenied(_("Du kan bara söka medel för din egen organisation."))
    return skapa_utkast(
        actor=actor,
        request=request,
        forbund_id=organisation.forbund_id,
        organisation=organisation,
        typ=typ,
        skapad_av=actor,
        sokande_namn=organisation.namn,
    )


@transaction.atomic
def ansokan_registrera_pappersansokan(
    *, actor, forbund, typ: str = Ansokan.Typ.NY, sokande_namn: str = "", request=None
) -> Ansokan:
    """The office types in an application that came on paper."""
    kraver_kansli(actor, forbund.pk)
    return skapa_utkast(
        actor=actor,
        request=request,
        detail={"papper": True},
        forbund=forbund,
        typ=typ,
        skapad_av=actor,
        pappersansokan=True,
        sokande_namn=sokande_namn,
    )


@transaction.atomic
def ansokan_spara_sektion(
    *, actor, ansokan: Ansokan, sektion: str, data: dict, request=None
) -> Ansokan:
    """Save one section of the draft. Fields are validated by the model (the
    organisationsnummer's check digit among them); nothing is saved on error."""
    ansokan = las(ansokan)
    _kraver_redigerbar(actor, ansokan)
    if sektion not in Ansokan.SEKTIONER:
        raise ValidationError(_("Okänd del av ansökan."))
    falt = Ansokan.SEKTIONER[sektion]
    andrade = []
    huvudman = data.get("huvudman") if "huvudman" in falt else None
    for namn in falt:
        if namn == "huvudman" or namn not in data:
            continue
        if namn == "insats":
            varde = data[namn]
            if varde is not None and varde.forbund_id != ansokan.forbund_id:
                raise ValidationError({"insats": _("Insatsen hör till ett annat förbund.")})
            namn = "insats_id"
            varde = varde.pk if varde is not None else None
        else:
            varde = data[namn]
            if varde is None and ansokan._meta.get_field(namn).empty_strings_allowed:
                varde = ""
        if getattr(ansokan, namn) != varde:
            setattr(ansokan, namn, varde)
            andrade.append(namn)
    ansokan.full_clean(exclude=[f.name for f in Ansokan._meta.fields if f.name not in falt])
    if andrade:
        ansokan.save(update_fields=[*andrade, "andrad"])
    if huvudman is not None:
        huvudman = list(huvudman)
        if any(o.forbund_id != ansokan.forbund_id for o in huvudman):
            raise ValidationError({"huvudman": _("Välj bland förbundets huvudmän.")})
        ansokan.huvudman.set(huvudman)
        andrade.append("huvudman")
    if andrade:
        record_change(
            actor=actor, obj=ansokan, request=request, sektion=sektion, falt=sorted(andrade)
        )
    return ansokan


@transaction.atomic
def ansokan_spara_budget(*, actor, ansokan: Ansokan, rader: list[dict], request=None) -> Ansokan:
    """Replace the budget table: one row per year with the costs and the
    income besides the förbund's grant. Sums are never stored."""
    ansokan = las(ansokan)
    _kraver_redigerbar(actor, ansokan)
    ar = [r["ar"] for r in rader]
    if len(ar) != len(set(ar)):
        raise ValidationError({"budget": _("Varje år får bara finnas en gång i budgeten.")})
    ansokan.budgetrader.all().delete()
    for rad in rader:
        budgetrad = Budgetrad(ansokan=ansokan, **rad)
        budgetrad.full_clean(exclude=["ansokan"])
        budgetrad.save()
    record_change(actor=actor, obj=ansokan, request=request, sektion="budget", ar=sorted(ar))
    return ansokan


@transaction.atomic
def ansokan_lagg_till_bilaga(*, actor, ansokan: Ansokan, upload, request=None) -> Ansokningsbilaga:
    """An attachment, checked from its content (PDF, JPEG, PNG), at most 10 MB,
    virus-scanned before it is stored."""
    ansokan = las(ansokan)
    _kraver_redigerbar(actor, ansokan)
    content_type, extension = kontrollera_blankett(upload)
    upload.seek(0)
    innehall = upload.read()
    bilaga = Ansokningsbilaga(
        ansokan=ansokan,
        namn=(getattr(upload, "name", "") or "bilaga")[:200],
        content_type=content_type,
        storlek=len(innehall),
        sha256=hashlib.sha256(innehall).hexdigest(),
        uppladdad_av=actor,
    )
    bilaga.fil.save(f"{ansokan.uuid}{extension}", ContentFile(innehall), save=False)
    bilaga.save()
    audit.record(
        action=audit.Action.CREATE,
        actor=actor,
        obj=ansokan,
        request=request,
        detail={"bilaga": bilaga.pk},
    )
    return bilaga


def huvudman_fel(ansokan: Ansokan) -> str | None:
    """FINSAM: an insats needs at least two of the förbund's huvudmän."""
    antal = ansokan.huvudman.filter(forbund_id=ansokan.forbund_id, typ__in=HUVUDMAN_TYPER).count()
    if antal < 2:
        return _(
            "Minst två av förbundets huvudmän (Arbetsförmedlingen, Försäkringskassan, "
            "regionen, kommunerna) måste delta. Välj minst två under Genomförande och samverkan."
        )
    return None


@transaction.atomic
def ansokan_skicka_in(*, actor, ansokan: Ansokan, request=None) -> Ansokan:
    """utkast (or återremitterad) → inkommen. Refused, with what is missing, if
    the form is incomplete. Sending twice sends once."""
    ansokan = las(ansokan)
    if ansokan.status == S.INKOMMEN:
        return ansokan
    _kraver_redigerbar(actor, ansokan)
    fel = {}
    for namn in Ansokan.KRAVS:
        if getattr(ansokan, namn) in (None, ""):
            fel[namn] = _("Fyll i detta innan du skickar in.")
    if (h := huvudman_fel(ansokan)) is not None:
        fel["huvudman"] = h
    if not ansokan.budgetrader.exists():
        fel["budget"] = _("Fyll i budgeten för minst ett år.")
    if ansokan.typ in (Ansokan.Typ.FORTSATTNING, Ansokan.Typ.TILLAGG) and not ansokan.insats_id:
        fel["insats"] = _("Välj den befintliga insats ansökan gäller.")
    if ansokan.typ == Ansokan.Typ.MEDFINANSIERING and not ansokan.projekt_total_finansiering:
        fel["projekt_total_finansiering"] = _("Ange projektets totala finansiering.")
    if fel:
        raise ValidationError(fel, code="ofullstandig")
    ansokan.inkommen = timezone.now()
    return byt_status(
        actor=actor, obj=ansokan, till=S.INKOMMEN, request=request, falt=("inkommen", "andrad")
    )


@transaction.atomic
def ansokan_borja_beredning(*, actor, ansokan: Ansokan, request=None) -> Ansokan:
    ansokan = las(ansokan)
    kraver_kansli(actor, ansokan.forbund_id)
    kraver_status(
        ansokan,
        (S.INKOMMEN,),
        _("Ansökan har status %(status)s och kan inte ändras så.")
        % {"status": ansokan.get_status_display()},
    )
    return byt_status(
        actor=actor, obj=ansokan, till=S.UNDER_BEREDNING, request=request, falt=("andrad",)
    )


@transaction.atomic
def ansokan_spara_beredning(
    *,
    actor,
    ansokan: Ansokan,
    lsg_tillstyrkt: bool | None,
    lsg_datum=None,
    beredning: str = "",
    request=None,
) -> Ansokan:
    """The office's notes and the lokala samverkansgruppens tillstyrkan."""
    ansokan = las(ansokan)
    kraver_kansli(actor, ansokan.forbund_id)
    kraver_status(
        ansokan, (S.UNDER_BEREDNING, S.PA_DAGORDNINGEN), _("Ansökan är inte under beredning.")
    )
    if lsg_tillstyrkt is not None and lsg_datum is None:
        raise ValidationError({"lsg_datum": _("Ange när lokala samverkansgruppen tog ställning.")})
    ansokan.lsg_tillstyrkt = lsg_tillstyrkt
    ansokan.lsg_datum = lsg_datum
    ansokan.beredning = beredning
    ansokan.save(update_fields=["lsg_tillstyrkt", "lsg_datum", "beredning", "andrad"])
    record_change(
        actor=actor, obj=ansokan, request=request, beredning=True, lsg_tillstyrkt=lsg_tillstyrkt
    )
    return ansokan
