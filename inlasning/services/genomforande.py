"""The import itself with its progress (the task that `uppladdning.inlasning_starta`
queues runs it), and the clean-up.

The import writes with bulk_create in batches and so keeps by hand what the
models' save() and the signals would have kept (docs/inlasning.md):
`Inskrivning.avslutsdatum`/`felregistrerad` are set beside each `Avslut`, and the
participant list's cache starts a new generation after the commit.
"""

import datetime
import logging

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deltagare import lista_cache
from deltagare.koder import SusTidpunkt
from deltagare.models import (
    Avslut,
    Deltagare,
    Inskrivning,
    StegByte,
    SusForsorjning,
    SusUppgift,
)
from inlasning.models import ImporteratArende, Inlasning, Status
from inlasning.provkorning.validering import provkor
from inlasning.services.common import filens_data, logga
from samverkan import audit

logger = logging.getLogger(__name__)

BATCH = 1000


def framsteg_nyckel(pk) -> str:
    return f"inlasning:{pk}:framsteg"


def framsteg(inlasning: Inlasning) -> int:
    """Rows written so far: the import's transaction is not visible until it commits,
    so the worker reports its progress through the cache."""
    if inlasning.status == Status.KLAR:
        return inlasning.antal_nya
    if inlasning.status != Status.PAGAR:
        return 0
    return min(cache.get(framsteg_nyckel(inlasning.pk), 0), inlasning.antal_nya)


def inlasning_genomfor(*, inlasning_id: int, actor_id: int) -> Inlasning:
    """The import, all or nothing: check the file again, then write every row in one
    transaction. Any error rolls everything back and marks the import failed."""
    from samverkan.models import User

    with transaction.atomic():
        inlasning = (
            Inlasning.objects.select_for_update().select_related("forbund").get(pk=inlasning_id)
        )
        # PAGAR too: a worker that died mid-import rolled its transaction back, and
        # the broker hands the task to another (acks_late); the unique external ids
        # keep a duplicate run from writing anything twice.
        if inlasning.status not in (Status.KOAD, Status.PAGAR):
            return inlasning
        inlasning.status = Status.PAGAR
        inlasning.save(update_fields=["status"])
    actor = User.objects.get(pk=actor_id)
    try:
        with transaction.atomic():
            _skriv(inlasning=inlasning, actor=actor)
    except Exception as exc:
        # The class of the error only, no traceback: a database error's message quotes
        # the row (a unique personnummer's key), and no personnummer may reach a log.
        logger.error("Inläsning %s misslyckades: %s", inlasning.pk, type(exc).__name__)
        Inlasning.objects.filter(pk=inlasning.pk, status=Status.PAGAR).update(
            status=Status.MISSLYCKAD,
            meddelande=_("Inläsningen misslyckades (%(fel)s); ingenting sparades.")
            % {"fel": type(exc).__name__},
        )
        inlasning.refresh_from_db()
        return inlasning
    finally:
        cache.delete(framsteg_nyckel(inlasning.pk))
    inlasning.refresh_from_db()
    return inlasning


def _skriv(*, inlasning: Inlasning, actor) -> None:
    forbund = inlasning.forbund
    resultat = provkor(
        forbund=forbund, data=filens_data(inlasning), mappning=inlasning.mappning or None
    )
    if resultat.fel:
        raise ValidationError(_("Filen har fel sedan provkörningen."))
    rader = resultat.rader
    deltagare_for = {}  # person key → Deltagare pk
    nya_deltagare = []
    for p in rader:
        if p.person_nyckel in deltagare_for:
            continue
        if p.befintlig_deltagare_id is not None:
            deltagare_for[p.person_nyckel] = p.befintlig_deltagare_id
            continue
        d = Deltagare(forbund=forbund, skapad_av=actor, **p.person)
        nya_deltagare.append((p.person_nyckel, d))
        deltagare_for[p.person_nyckel] = d
    for start in range(0, len(nya_deltagare), BATCH):
        Deltagare.objects.bulk_create([d for _k, d in nya_deltagare[start : start + BATCH]])
    for nyckel, d in nya_deltagare:
        deltagare_for[nyckel] = d.pk
    gjorda = 0
    for start in range(0, len(rader), BATCH):
        _skriv_batch(rader[start : start + BATCH], deltagare_for, inlasning, actor)
        gjorda += len(rader[start : start + BATCH])
        cache.set(framsteg_nyckel(inlasning.pk), gjorda, 3600)
    _granska(inlasning=inlasning, actor=actor, nya_deltagare=nya_deltagare, antal=len(rader))
    fil = inlasning.fil.name
    storage = inlasning.fil.storage
    Inlasning.objects.filter(pk=inlasning.pk).update(
        status=Status.KLAR,
        inlast=timezone.now(),
        fil="",
        antal_nya=len(rader),
        provkorning={"rader": [], "fel": []},
    )
    # The file goes once the import is committed; the list's cache starts afresh
    # because bulk_create sends no signals.
    transaction.on_commit(lambda: storage.delete(fil))
    transaction.on_commit(lista_cache.ny_generation)


def _skriv_batch(rader, deltagare_for, inlasning, actor):
    inskrivningar = []
    for p in rader:
        ins = Inskrivning(
            deltagare_id=deltagare_for[p.person_nyckel],
            insats_id=p.insats_id,
            steg=p.steg,
            aktualiserad=p.aktualiserad,
            inskrivningsdatum=p.inskrivningsdatum,
            remittent_organisation_id=p.remittent_id,
        )
        if p.avslut:
            # Avslut.save() keeps these copies; bulk_create does not call it.
            ins.avslutsdatum = p.avslut["datum"]
            ins.felregistrerad = p.avslut["vag_ut"] == "felregistrering"
        inskrivningar.append(ins)
    Inskrivning.objects.bulk_create(inskrivningar)
    uppgifter, kallor, avslut, stegbyten, arenden = [], [], [], [], []
    for p, ins in zip(rader, inskrivningar, strict=True):
        uppgifter.append(
            (
                SusUppgift(inskrivning=ins, tidpunkt=SusTidpunkt.START, **p.sus_start.data),
                p.sus_start.forsorjning,
            )
        )
        if p.sus_avslut is not None:
            uppgifter.append(
                (
                    SusUppgift(inskrivning=ins, tidpunkt=SusTidpunkt.AVSLUT, **p.sus_avslut.data),
                    p.sus_avslut.forsorjning,
                )
            )
        if p.avslut:
            avslut.append(Avslut(inskrivning=ins, registrerat_av=actor, **p.avslut))
        stegbyten.append(StegByte(inskrivning=ins, fran="", till=p.steg, av=actor))
        arenden.append(
            ImporteratArende(
                forbund_id=inlasning.forbund_id,
                externt_id=p.externt_id,
                inskrivning=ins,
                inlasning=inlasning,
            )
        )
    SusUppgift.objects.bulk_create([u for u, _k in uppgifter])
    for u, koder in uppgifter:
        kallor.extend(SusForsorjning(uppgift=u, kod=k) for k in sorted(set(koder)))
    SusForsorjning.objects.bulk_create(kallor)
    Avslut.objects.bulk_create(avslut)
    StegByte.objects.bulk_create(stegbyten)
    ImporteratArende.objects.bulk_create(arenden)


def _granska(*, inlasning, actor, nya_deltagare, antal):
    """One event for the import, and one `create` per new participant, as the form
    writes: the person's own trail (registerutdrag, logguppföljning) shows who
    created the record and that it came from an import."""
    logga(
        action=audit.Action.CREATE,
        actor=actor,
        inlasning=inlasning,
        detail={"inlasning": True, "inskrivningar": antal, "nya_deltagare": len(nya_deltagare)},
    )
    audit.record_many(
        action=audit.Action.CREATE,
        actor=actor,
        forbund=inlasning.forbund,
        objects=[d for _k, d in nya_deltagare],
        detail={"inlasning": str(inlasning.uuid)},
    )


@transaction.atomic
def inlasningar_rensa(*, dagar: int, idag: datetime.datetime | None = None) -> int:
    """Delete the files (and the dry runs' masked values) of uploads never imported
    within `dagar` days; returns how many."""
    grans = (idag or timezone.now()) - datetime.timedelta(days=dagar)
    gamla = list(
        Inlasning.objects.filter(
            skapad__lt=grans, status__in=[Status.MAPPAS, Status.PROVKORD, Status.MISSLYCKAD]
        ).select_for_update()
    )
    for inlasning in gamla:
        fil, storage = inlasning.fil.name, inlasning.fil.storage
        if fil:
            transaction.on_commit(lambda fil=fil, storage=storage: storage.delete(fil))
        inlasning.fil = ""
        inlasning.provkorning = {"rader": [], "fel": []}
        inlasning.status = Status.RENSAD
        inlasning.save(update_fields=["fil", "provkorning", "status"])
    return len(gamla)
