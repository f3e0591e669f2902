"""Registerutdrag: everything held about one participant, and who has accessed it.

The office hands it over when a person asks what is registered about them
(GDPR art. 15). It lists every field of every record by the model's own
field names, so a field added later is in the extract without anyone
remembering to add it here; uploaded files are listed by name, not included.

Read in a fixed number of queries whatever the size of the case; producing it
is an audit event (`registerutdrag_skapa`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Prefetch
from django.utils import timezone

from deltagare.models import (
    Deltagare,
    HandlingsplanVersion,
    Inskrivning,
    Samtycke,
    SusUppgift,
)
from samverkan import audit
from samverkan.models import AuditEvent
from samverkan.pdf import render_pdf

TITEL = "Registerutdrag"

# Internal keys and bookkeeping that say nothing about the person.
_UTELAMNA = {"id", "uuid", "deltagare", "inskrivning", "version", "uppgift", "gruppaktivitet"}


@dataclass
class Post:
    """One record: a heading and its fields as (label, text)."""

    rubrik: str
    falt: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Fall:
    """One enrolment and everything under it, grouped for the document."""

    rubrik: str
    grund: Post
    avsnitt: list[tuple[str, list[Post]]]


def _text(varde) -> str:
    if varde is None or varde == "":
        return "–"
    if isinstance(varde, bool):
        return "Ja" if varde else "Nej"
    if isinstance(varde, datetime.datetime):
        return timezone.localtime(varde).strftime("%Y-%m-%d %H:%M")
    if isinstance(varde, datetime.date):
        return varde.strftime("%Y-%m-%d")
    if isinstance(varde, list | tuple):
        return ", ".join(str(v) for v in varde) or "–"
    return str(varde)


class _Lasare:
    """Turns model instances into Posts; users are looked up once for the whole document."""

    def __init__(self):
        self.objekt: list[tuple[models.Model, Post]] = []

    def post(self, obj: models.Model, rubrik: str, *, extra=()) -> Post:
        post = Post(rubrik, list(extra))
        self.objekt.append((obj, post))
        return post

    def fyll(self) -> None:
        User = get_user_model()
        ids = {
            getattr(obj, f.attname)
            for obj, _p in self.objekt
            for f in obj._meta.concrete_fields
            if f.is_relation and f.related_model is User
        }
        namn = {u.pk: u.get_full_name() for u in User.objects.filter(pk__in=ids - {None})}
        for obj, post in self.objekt:
            post.falt = [*self._falt(obj, namn), *post.falt]

    def _falt(self, obj, namn) -> list[tuple[str, str]]:
        User = get_user_model()
        rader = []
        for f in obj._meta.concrete_fields:
            if f.name in _UTELAMNA:
                continue
            if f.is_relation:
                pk = getattr(obj, f.attname)
                if f.related_model is User:
                    varde = namn.get(pk)
                elif pk is not None and f.is_cached(obj):
                    varde = getattr(obj, f.name)
                else:
                    varde = f"#{pk}" if pk is not None else None
            elif isinstance(f, models.FileField):
                fil = getattr(obj, f.name)
                varde = f"fil: {fil.name.rsplit('/', 1)[-1]}" if fil else None
            elif f.choices:
                varde = getattr(obj, f"get_{f.name}_display")()
            else:
                varde = getattr(obj, f.name)
            rader.append((str(f.verbose_name).capitalize(), _text(varde)))
        return rader


def registerutdrag_context(deltagare: Deltagare) -> dict:
    """Everything `pdf/registerutdrag.html` shows, in a fixed number of queries."""
    deltagare = Deltagare.objects.select_related("forbund").get(pk=deltagare.pk)
    inskrivningar = (
        Inskrivning.objects.filter(deltagare=deltagare)
        .select_related(
            "insats",
            "remittent_organisation",
            "avslut",
            "uppfoljning",
            "kartlaggning",
            "remiss__insats",
            "remiss__organisation",
        )
        .prefetch_related(
            Prefetch(
                "samtycken",
                queryset=Samtycke.objects.order_by("givet", "pk").prefetch_related(
                    "organisationer"
                ),
            ),
            Prefetch("samtal", queryset=_ordnad("samtal")),
            Prefetch(
                "planversioner",
                queryset=HandlingsplanVersion.objects.order_by("version").prefetch_related("steg"),
            ),
            Prefetch("aktiviteter", queryset=_ordnad("aktiviteter")),
            Prefetch("narvaro", queryset=_ordnad("narvaro").select_related("gruppaktivitet")),
            Prefetch("kontakter", queryset=_ordnad("kontakter")),
            Prefetch(
                "sus",
                queryset=SusUppgift.objects.order_by("pk").prefetch_related("forsorjning"),
            ),
            Prefetch("stegbyten", queryset=_ordnad("stegbyten")),
        )
        .order_by("aktualiserad", "pk")
    )
    lasare = _Lasare()
    person = lasare.post(deltagare, "Personuppgifter")
    fall = [_fall(lasare, i) for i in inskrivningar]
    handelser = list(
        AuditEvent.objects.filter(deltagare_uuid=deltagare.uuid)
        .select_related("actor")
        .order_by("tidpunkt", "pk")
    )
    lasare.fyll()
    return {
        "deltagare": deltagare,
        "person": person,
        "fall": fall,
        "handelser": handelser,
        "skapad": timezone.localtime(),
    }


def _ordnad(relation: str):
    model = Inskrivning._meta.get_field(relation).related_model
    return model.objects.order_by("pk")


def _fall(lasare: _Lasare, i: Inskrivning) -> Fall:
    grund = lasare.post(i, "Inskrivningen")
    avsnitt: list[tuple[str, list[Post]]] = []

    def lagg_till(rubrik, objekt, etikett, extra=lambda o: ()):
        poster = [lasare.post(o, etikett(o), extra=extra(o)) for o in objekt]
        if poster:
            avsnitt.append((rubrik, poster))

    remiss = getattr(i, "remiss", None)
    if remiss is not None:
        lagg_till("Remiss", [remiss], lambda o: f"Remiss till {o.insats.namn}")
    lagg_till(
        "Samtycken",
        i.samtycken.all(),
        lambda o: f"Samtycke {o.givet:%Y-%m-%d}",
        lambda o: [("Organisationer", _text([str(org) for org in o.organisationer.all()]))],
    )
    lagg_till("Stegbyten", i.stegbyten.all(), lambda o: "Stegbyte")
    lagg_till(
        "SUS-uppgifter", i.sus.all(), lambda o: f"SUS {o.get_tidpunkt_display()}", _forsorjning
    )
    lagg_till("Kartläggningssamtal", i.samtal.all(), lambda o: "Samtal")
    kartlaggning = getattr(i, "kartlaggning", None)
    if kartlaggning is not None:
        lagg_till("Kartläggning", [kartlaggning], lambda o: "Kartläggning")
    lagg_till(
        "Handlingsplan",
        i.planversioner.all(),
        lambda o: f"Version {o.version}",
        lambda o: [(f"Steg {n}", str(s)) for n, s in enumerate(o.steg.all(), 1)],
    )
    lagg_till("Aktiviteter", i.aktiviteter.all(), lambda o: o.get_typ_display())
    lagg_till("Närvaro", i.narvaro.all(), lambda o: str(o.gruppaktivitet))
    lagg_till("Kontakter och anteckningar", i.kontakter.all(), lambda o: "Kontakt")
    avslut = getattr(i, "avslut", None)
    if avslut is not None:
        lagg_till("Avslut", [avslut], lambda o: "Avslut")
    uppfoljning = getattr(i, "uppfoljning", None)
    if uppfoljning is not None:
        lagg_till("Uppföljning", [uppfoljning], lambda o: "Uppföljning")
    return Fall(f"{i.insats.namn}, aktualiserad {_text(i.aktualiserad)}", grund, avsnitt)


def _forsorjning(uppgift) -> list[tuple[str, str]]:
    return [("Försörjning", _text([f.get_kod_display() for f in uppgift.forsorjning.all()]))]


def registerutdrag_filer(context: dict) -> list[str]:
    """The files listed in the extract (their names only), for the cover page."""
    return [
        text
        for fall in context["fall"]
        for _r, poster in fall.avsnitt
        for post in poster
        for _e, text in post.falt
        if text.startswith("fil: ")
    ]


def hitta_deltagare(*, actor, forbund, personnummer: str) -> Deltagare | None:
    """The office's lookup by number: only in a förbund the actor administers. Not
    through Deltagare.for_user, which is the staff's case visibility."""
    from samverkan.permissions import roller

    if forbund.pk not in roller(actor).admin_forbund:
        return None
    return Deltagare.objects.filter(
        forbund=forbund, personnummer=personnummer, anonym=False
    ).first()


@transaction.atomic
def registerutdrag_skapa(*, actor, deltagare: Deltagare, request=None) -> bytes:
    """The extract as PDF; the event is written in the same transaction."""
    from deltagare.permissions import far_gora_registerutdrag

    if not far_gora_registerutdrag(actor, deltagare):
        raise PermissionError("Bara förbundets administratör gör registerutdrag.")
    if deltagare.anonym:
        raise ValueError("En anonym deltagare har inga personuppgifter att lämna ut.")
    context = registerutdrag_context(deltagare)
    context["filer"] = registerutdrag_filer(context)
    pdf = render_pdf("pdf/registerutdrag.html", context, title=TITEL)
    audit.record(
        action=audit.Action.EXPORT,
        actor=actor,
        request=request,
        obj=deltagare,
        forbund=deltagare.forbund,
        deltagare_uuid=deltagare.uuid,
        detail={"dokument": "registerutdrag", "handelser": len(context["handelser"])},
    )
    return pdf
