"""Writes of the rapporter app. Each service is one transaction with its audit event."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from rapporter.models import MAL_I_PROCENT, Budgetpost, Ekonomi, Kostnad, Kostnadstyp, Mal, MalTyp
from samverkan import audit
from samverkan.models import Insats
from samverkan.permissions import ar_admin_for

# -- goals and economy (the office's inputs to the reports) ----------------------------

MAL_FALT = ("typ", "malvarde", "dagar", "aktivitetstyp", "beskrivning")


def _kraver_admin(actor, insats: Insats):
    if not ar_admin_for(actor, insats.forbund_id):
        raise PermissionDenied(_("Du får inte ändra mål och ekonomi för den här insatsen."))


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
    _kraver_admin(actor, insats)
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
    _kraver_admin(actor, mal.insats)
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
    _kraver_admin(actor, mal.insats)
    audit.record(
        action=audit.Action.DELETE,
        actor=actor,
        obj=mal,
        forbund=mal.insats.forbund,
        request=request,
        detail={"insats": mal.insats_id, "typ": mal.typ, "aktivitetstyp": mal.aktivitetstyp},
    )
    Mal.objects.filter(pk=mal.pk).delete()


@transaction.atomic
def ekonomi_spara(
    *,
    actor,
    insats: Insats,
    ar: int,
    beviljat: int | Decimal,
    budget: dict[str, int | Decimal | None],
    prognos: dict[str, int | Decimal | None],
    kostnader: dict[tuple[int, str], int | Decimal | None],
    antal_nadda: int | None = None,
    kommentar: str | None = None,
    request=None,
) -> Ekonomi:
    """The insats's economy for one year, all of it at once: granted funds, budget and
    forecast per cost type, and the monthly costs (month, cost type) → amount.

    A cost or budget left out or None has no row. `antal_nadda` is stored for
    strukturövergripande insatser only; it means nothing for the others.
    Any invalid value raises ValidationError and nothing is saved.
    """
    _kraver_admin(actor, insats)
    ekonomi, skapad = Ekonomi.objects.select_for_update().get_or_create(insats=insats, ar=ar)
    ekonomi.beviljat = beviljat
    if insats.typ == Insats.Typ.STRUKTUR:
        ekonomi.antal_nadda = antal_nadda
    if kommentar is not None:
        ekonomi.kommentar = kommentar
    ekonomi.full_clean()
    ekonomi.save()

    poster = []
    for typ in Kostnadstyp.values:
        b, p = budget.get(typ), prognos.get(typ)
        if b is None and p is None:
            continue
        poster.append(Budgetpost(ekonomi=ekonomi, kostnadstyp=typ, budget=b or 0, prognos=p))
    rader = [
        Kostnad(ekonomi=ekonomi, manad=manad, kostnadstyp=typ, belopp=belopp)
        for (manad, typ), belopp in sorted(kostnader.items())
        if belopp is not None
    ]
    fel = {}
    for obj in [*poster, *rader]:
        try:
            # Field validators only: the keys are unique by construction, and the
            # database checks of a row (one query each) would grow with the grid.
            obj.full_clean(exclude=["ekonomi"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for falt, meddelanden in exc.message_dict.items():
                fel.setdefault(_felnyckel(obj, falt), meddelanden)
    if fel:
        raise ValidationError(fel)

    # Replace rather than diff: the whole year is one form, and one statement each.
    ekonomi.budgetposter.all().delete()
    ekonomi.kostnader.all().delete()
    Budgetpost.objects.bulk_create(poster)
    Kostnad.objects.bulk_create(rader)
    audit.record(
        action=audit.Action.CREATE if skapad else audit.Action.CHANGE,
        actor=actor,
        obj=ekonomi,
        forbund=insats.forbund,
        request=request,
        detail={
            "insats": insats.pk,
            "ar": ar,
            "budgetposter": len(poster),
            "kostnader": len(rader),
        },
    )
    return ekonomi


def _felnyckel(obj, falt: str) -> str:
    """The form field an error of a budget or cost row belongs to."""
    if isinstance(obj, Kostnad):
        return f"kostnad_{obj.manad}_{obj.kostnadstyp}"
    return f"{'prognos' if falt == 'prognos' else 'budget'}_{obj.kostnadstyp}"
