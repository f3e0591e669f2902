"""The office's questionnaires: versions, questions, their texts, and the shipped defaults."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from enkater import standard
from enkater.models import VALTYPER, Alternativ, Enkat, Enkatversion, Fraga, Text
from samverkan import audit
from samverkan.permissions import ar_admin_for


def kontrollera_admin(actor, forbund):
    if not ar_admin_for(actor, forbund.pk):
        raise PermissionDenied


def _kontrollera_utkast(version: Enkatversion):
    if Enkatversion.objects.filter(pk=version.pk, publicerad__isnull=False).exists():
        raise ValidationError(
            _("Versionen är publicerad och kan inte ändras. Skapa en ny version.")
        )


@transaction.atomic
def enkat_skapa(*, actor, forbund, typ: str, namn: str) -> Enkat:
    kontrollera_admin(actor, forbund)
    namn = namn.strip()
    if not namn:
        raise ValidationError({"namn": _("Ange ett namn.")})
    if typ not in Enkat.Typ.values:
        raise ValidationError({"typ": _("Välj en typ.")})
    enkat = Enkat.objects.create(forbund=forbund, typ=typ, namn=namn)
    version = Enkatversion.objects.create(enkat=enkat, nummer=1)
    # The answer page's heading until the office words its own.
    Text.objects.create(version=version, falt="rubrik", sprak=standard_sprak(), text=namn)
    audit.record(action=audit.Action.CREATE, actor=actor, obj=enkat, forbund=forbund)
    return enkat


@dataclass(frozen=True, kw_only=True)
class FragaInnehall:
    """What a question says: its type, its text per language, the scale's steps
    and labelled ends (per language), the options (one dict of texts each)."""

    typ: str
    texter: dict[str, str]
    skalsteg: int | None = None
    lag: dict[str, str] | None = None
    hog: dict[str, str] | None = None
    alternativ: list[dict[str, str]] | None = None
    dimension: str = ""
    obligatorisk: bool = False

    def kontrollera(self) -> None:
        if self.typ not in Fraga.Typ.values:
            raise ValidationError({"typ": _("Välj en frågetyp.")})
        if self.typ == Fraga.Typ.SKALA and not (self.skalsteg and 2 <= self.skalsteg <= 11):
            raise ValidationError({"skalsteg": _("En skala har 2–11 steg.")})
        if self.typ in VALTYPER:
            if len(self.alternativ or []) < 2:
                raise ValidationError({"alternativ": _("Ange minst två svarsalternativ.")})
            if not all(a.get(standard_sprak()) for a in self.alternativ):
                raise ValidationError(
                    {"alternativ": _("Varje svarsalternativ behöver en svensk text.")}
                )
        if not self.texter.get(standard_sprak()):
            raise ValidationError({"text": _("Frågan behöver en svensk text.")})

    def skriv(self, fraga: Fraga) -> None:
        """The question's fields, texts, scale ends and options; empty texts are
        left out so that a missing language falls back to Swedish on the answer page."""
        fraga.typ = self.typ
        fraga.skalsteg = self.skalsteg if self.typ == Fraga.Typ.SKALA else None
        fraga.dimension = self.dimension
        fraga.obligatorisk = self.obligatorisk
        fraga.save()
        version = fraga.version
        falt = [("fraga", self.texter)]
        if self.typ == Fraga.Typ.SKALA:
            falt += [("lag", self.lag or {}), ("hog", self.hog or {})]
        Text.objects.bulk_create(
            Text(version=version, fraga=fraga, falt=f, sprak=s, text=t)
            for f, varden in falt
            for s, t in varden.items()
            if t
        )
        if self.typ not in VALTYPER:
            return
        for i, alt_texter in enumerate(self.alternativ or [], start=1):
            alt = Alternativ.objects.create(version=version, fraga=fraga, ordning=i)
            Text.objects.bulk_create(
                Text(version=version, alternativ=alt, falt="alternativ", sprak=s, text=t)
                for s, t in alt_texter.items()
                if t
            )


def standard_sprak() -> str:
    return "sv"


@transaction.atomic
def fraga_lagg_till(*, actor, version: Enkatversion, innehall: FragaInnehall) -> Fraga:
    """A question at the end of a draft version, with its texts per language."""
    if actor is not None:
        kontrollera_admin(actor, version.enkat.forbund)
    _kontrollera_utkast(version)
    innehall.kontrollera()
    ordning = (
        version.fragor.order_by("-ordning").values_list("ordning", flat=True).first() or 0
    ) + 1
    fraga = Fraga(version=version, ordning=ordning)
    innehall.skriv(fraga)
    if actor is not None:
        audit.record(
            action=audit.Action.CHANGE,
            actor=actor,
            obj=version.enkat,
            detail={"version": version.nummer, "fraga": ordning},
        )
    return fraga


def _fraga_las(fraga: Fraga) -> Fraga:
    """The question locked for the change, with its version checked as a draft."""
    fraga = (
        Fraga.objects.select_for_update(of=("self",))
        .select_related("version__enkat__forbund")
        .get(pk=fraga.pk)
    )
    _kontrollera_utkast(fraga.version)
    return fraga


@transaction.atomic
def fraga_andra(*, actor, fraga: Fraga, innehall: FragaInnehall) -> Fraga:
    """Reword a question of a draft: its texts and options are written anew
    (a draft has no answers to point at them)."""
    kontrollera_admin(actor, fraga.version.enkat.forbund)
    fraga = _fraga_las(fraga)
    innehall.kontrollera()
    Text.objects.filter(fraga=fraga).delete()
    Text.objects.filter(alternativ__fraga=fraga).delete()
    Alternativ.objects.filter(fraga=fraga).delete()
    innehall.skriv(fraga)
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=fraga.version.enkat,
        detail={"version": fraga.version.nummer, "andrad_fraga": fraga.ordning},
    )
    return fraga


@transaction.atomic
def fraga_flytta(*, actor, fraga: Fraga, riktning: str) -> Fraga:
    """Swap the question with its neighbour above ("upp") or below ("ned")."""
    kontrollera_admin(actor, fraga.version.enkat.forbund)
    fraga = _fraga_las(fraga)
    grannar = Fraga.objects.select_for_update().filter(version=fraga.version)
    if riktning == "upp":
        granne = grannar.filter(ordning__lt=fraga.ordning).order_by("-ordning").first()
    elif riktning == "ned":
        granne = grannar.filter(ordning__gt=fraga.ordning).order_by("ordning").first()
    else:
        raise ValidationError(_("Okänd riktning."))
    if granne is None:
        return fraga
    fran, till = fraga.ordning, granne.ordning
    # Through 0: the order is unique per version and ordning starts at 1.
    Fraga.objects.filter(pk=fraga.pk).update(ordning=0)
    Fraga.objects.filter(pk=granne.pk).update(ordning=fran)
    Fraga.objects.filter(pk=fraga.pk).update(ordning=till)
    fraga.ordning = till
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=fraga.version.enkat,
        detail={"version": fraga.version.nummer, "flyttad_fraga": [fran, till]},
    )
    return fraga


@transaction.atomic
def fraga_ta_bort(*, actor, fraga: Fraga) -> None:
    """Remove a question of a draft and close the gap in the order."""
    kontrollera_admin(actor, fraga.version.enkat.forbund)
    fraga = _fraga_las(fraga)
    version, ordning = fraga.version, fraga.ordning
    fraga.delete()
    for f in version.fragor.filter(ordning__gt=ordning).order_by("ordning"):
        Fraga.objects.filter(pk=f.pk).update(ordning=f.ordning - 1)
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=version.enkat,
        detail={"version": version.nummer, "borttagen_fraga": ordning},
    )


@transaction.atomic
def version_texter_satt(
    *, actor, version: Enkatversion, rubrik: dict[str, str], inledning: dict[str, str]
) -> Enkatversion:
    """The heading and introduction of a draft, per language, written anew. An
    empty text is not stored, so the answer page falls back to Swedish."""
    if actor is not None:
        kontrollera_admin(actor, version.enkat.forbund)
    # Locked, so that a publication at the same moment waits for this change.
    version = (
        Enkatversion.objects.select_for_update(of=("self",))
        .select_related("enkat")
        .get(pk=version.pk)
    )
    _kontrollera_utkast(version)
    rubrik = {s: t.strip() for s, t in rubrik.items() if t and t.strip()}
    inledning = {s: t.strip() for s, t in inledning.items() if t and t.strip()}
    if not rubrik.get(standard_sprak()):
        raise ValidationError({"rubrik": _("Ange en rubrik på svenska.")})
    Text.objects.filter(version=version, falt__in=["rubrik", "inledning"]).delete()
    Text.objects.bulk_create(
        Text(version=version, falt=falt, sprak=s, text=t)
        for falt, texter in (("rubrik", rubrik), ("inledning", inledning))
        for s, t in texter.items()
    )
    if actor is not None:
        audit.record(
            action=audit.Action.CHANGE,
            actor=actor,
            obj=version.enkat,
            detail={"version": version.nummer, "rubrik_och_inledning": sorted(rubrik | inledning)},
        )
    return version


@transaction.atomic
def version_publicera(*, actor, version: Enkatversion) -> Enkatversion:
    """Freeze the version: from now on answers refer to exactly this wording."""
    if actor is not None:
        kontrollera_admin(actor, version.enkat.forbund)
    _kontrollera_utkast(version)
    if not version.fragor.exists():
        raise ValidationError(_("En version utan frågor kan inte publiceras."))
    version.publicerad = timezone.now()
    # A queryset update: the row is still a draft in the database at this moment.
    Enkatversion.objects.filter(pk=version.pk, publicerad__isnull=True).update(
        publicerad=version.publicerad
    )
    if actor is not None:
        audit.record(
            action=audit.Action.CHANGE,
            actor=actor,
            obj=version.enkat,
            detail={"publicerad_version": version.nummer},
        )
    return version


@transaction.atomic
def version_ny(*, actor, enkat: Enkat) -> Enkatversion:
    """A draft copy of the latest version, to change and publish."""
    kontrollera_admin(actor, enkat.forbund)
    senaste = enkat.versioner.order_by("-nummer").first()
    if senaste is not None and senaste.publicerad is None:
        raise ValidationError(_("Det finns redan ett utkast till en ny version."))
    ny = Enkatversion.objects.create(enkat=enkat, nummer=(senaste.nummer if senaste else 0) + 1)
    if senaste is not None:
        _kopiera(senaste, ny)
    audit.record(
        action=audit.Action.CHANGE, actor=actor, obj=enkat, detail={"ny_version": ny.nummer}
    )
    return ny


def _kopiera(fran: Enkatversion, till: Enkatversion) -> None:
    fragor = {}
    for f in fran.fragor.all():
        fragor[f.pk] = Fraga.objects.create(
            version=till,
            ordning=f.ordning,
            typ=f.typ,
            dimension=f.dimension,
            skalsteg=f.skalsteg,
            obligatorisk=f.obligatorisk,
        )
    alternativ = {}
    for a in Alternativ.objects.filter(fraga__version=fran):
        alternativ[a.pk] = Alternativ.objects.create(
            version=till, fraga=fragor[a.fraga_id], ordning=a.ordning
        )
    Text.objects.bulk_create(
        Text(
            version=till,
            fraga=fragor.get(t.fraga_id),
            alternativ=alternativ.get(t.alternativ_id),
            falt=t.falt,
            sprak=t.sprak,
            text=t.text,
        )
        for t in Text.objects.filter(version=fran)
    )


@transaction.atomic
def standardenkater_skapa(forbund) -> dict[str, Enkat]:
    """The indicator questionnaires of the förbund, created and published the
    first time they are needed (idempotent). No actor: it is the product's default."""
    resultat = {}
    for mall in standard.STANDARDENKATER:
        enkat = Enkat.objects.filter(forbund=forbund, standard=mall["standard"]).first()
        if enkat is None:
            try:
                with transaction.atomic():
                    enkat = Enkat.objects.create(
                        forbund=forbund,
                        typ=mall["typ"],
                        namn=mall["namn"],
                        standard=mall["standard"],
                    )
            except IntegrityError:  # created at the same moment by another request
                enkat = Enkat.objects.get(forbund=forbund, standard=mall["standard"])
                resultat[mall["typ"]] = enkat
                continue
            version = Enkatversion.objects.create(enkat=enkat, nummer=1)
            version_texter_satt(
                actor=None, version=version, rubrik=mall["rubrik"], inledning=mall["inledning"]
            )
            for f in mall["fragor"]:
                # Nothing is required: the introduction says any question may be skipped.
                innehall = {k: v for k, v in f.items() if k not in ("text", "obligatorisk")}
                fraga_lagg_till(
                    actor=None,
                    version=version,
                    innehall=FragaInnehall(texter=f["text"], **innehall),
                )
            version_publicera(actor=None, version=version)
        resultat[mall["typ"]] = enkat
    return resultat
