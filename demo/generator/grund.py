"""The generator's common ground: its state, small helpers, and the switch that lets
bulk_create keep historic timestamps.
"""

from __future__ import annotations

import contextlib
import datetime
import random
from collections import Counter, defaultdict

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from deltagare.models import (
    Aktivitet,
    Avslut,
    Deltagare,
    HandlingsplanVersion,
    Inskrivning,
    Kartlaggningssamtal,
    Kontakt,
    Samtycke,
    StegByte,
    SusUppgift,
)
from deltagare.uploads import EXEMPEL_PDF
from rapporter.models import Ekonomi
from remisser.models import Remiss
from samverkan.models import Insats, Medlemskap, Organisation, Roll

# Models whose auto_now(_add) stamps would put today on historic rows.
_STAMPLADE = [Deltagare, Inskrivning, StegByte, SusUppgift, Avslut, Kartlaggningssamtal,
              HandlingsplanVersion, Aktivitet, Kontakt, Samtycke, Remiss, Ekonomi]  # fmt: skip


@contextlib.contextmanager
def historiska_tidsstamplar():
    """Let bulk_create keep the historic times set on each row.

    auto_now/auto_now_add are switched off on those fields for the duration and put
    back afterwards: process-wide, so never call the generator beside live requests.
    """
    falt = [
        (f, f.auto_now, f.auto_now_add)
        for model in _STAMPLADE
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    try:
        for f, _, _ in falt:
            f.auto_now = f.auto_now_add = False
        yield
    finally:
        for f, now, now_add in falt:
            f.auto_now, f.auto_now_add = now, now_add


def alder(fodd: datetime.date, dag: datetime.date) -> int:
    return dag.year - fodd.year - ((dag.month, dag.day) < (fodd.month, fodd.day))


def manader(fran: datetime.date, till: datetime.date):
    """(year, month) from fran's month to till's month."""
    ar, manad = fran.year, fran.month
    while (ar, manad) <= (till.year, till.month):
        yield ar, manad
        ar, manad = (ar + 1, 1) if manad == 12 else (ar, manad + 1)


def _personal_per_insats(insatser, personal) -> dict[int, list]:
    if personal is None:
        per_insats = defaultdict(list)
        for m in (
            Medlemskap.objects.filter(insats__in=insatser, roll=Roll.SAMORDNARE)
            .aktiva()
            .select_related("user")
            .order_by("pk")
        ):
            if m.user not in per_insats[m.insats_id]:
                per_insats[m.insats_id].append(m.user)
        return dict(per_insats)
    if isinstance(personal, dict):
        return {getattr(k, "pk", k): list(v) for k, v in personal.items()}
    return {i.pk: list(personal) for i in insatser}


class GeneratorBas:
    """The state every part of `Generator` works on, and its small helpers."""

    def __init__(self, *, forbund, insatser, fran, till, seed, personal, batch):
        self.rng = random.Random(seed)  # noqa: S311 (fictitious data, not secrets)
        self.forbund, self.fran, self.till, self.batch = forbund, fran, till, batch
        self.insatser = insatser
        self.individ = [i for i in insatser if i.typ == Insats.Typ.INDIVID]
        self.personal = _personal_per_insats(self.individ, personal)
        for insats in self.individ:
            if not self.personal.get(insats.pk):
                raise ValueError(f"Insatsen {insats} saknar personal att registrera med.")
        self.organisationer = list(
            Organisation.objects.filter(forbund=forbund, aktiv=True).order_by("pk")
        )
        self.kommunkoder = [o.kommunkod for o in self.organisationer if o.kommunkod]
        self.handlaggare = defaultdict(list)
        for m in (
            Medlemskap.objects.filter(organisation__in=self.organisationer, roll=Roll.HANDLAGGARE)
            .aktiva()
            .select_related("user")
            .order_by("pk")
        ):
            self.handlaggare[m.organisation_id].append(m.user)
        self.anvanda = set(
            Deltagare.objects.filter(forbund=forbund)
            .exclude(personnummer="")
            .values_list("personnummer", flat=True)
        ) | set(
            Remiss.objects.filter(insats__forbund=forbund)
            .exclude(personnummer="")
            .values_list("personnummer", flat=True)
        )
        self.antal = Counter()
        self.tider = {}
        self.fil = ""
        self.pool = []  # (eligible from, seq, person): people who may come back later
        self.redo = []
        self.seq = self.antal_fall = self.antal_personer = 0
        # insats pk → (year, month) → [(inskrivning pk, first day, last day)]
        self.aktiva = defaultdict(lambda: defaultdict(list))
        self.nya_per_insats = Counter()

    # --- small helpers ------------------------------------------------------------------

    def val(self, par):
        koder, vikter = zip(*par, strict=True)
        return self.rng.choices(koder, weights=vikter)[0]

    def dag(self, d: datetime.date, plus: int) -> datetime.date:
        return d + datetime.timedelta(days=plus)

    def tid(self, d: datetime.date, timme: int = 9) -> datetime.datetime:
        """d at a local office hour, aware; cached, as most rows need one."""
        key = (d, timme)
        t = self.tider.get(key)
        if t is None:
            t = timezone.make_aware(datetime.datetime.combine(d, datetime.time(timme)))
            self.tider[key] = t
        return t

    def samtyckesfil(self) -> str:
        if not self.fil:
            self.fil = default_storage.save(
                "samtycken/genererade/samtycke.pdf", ContentFile(EXEMPEL_PDF)
            )
        return self.fil

    def spara(self, model, rader):
        if rader:
            model.objects.bulk_create(rader, batch_size=min(self.batch, 2000))
            self.antal[model.__name__] += len(rader)

    def fonster(self, insats):
        lo = max(self.fran, insats.startdatum)
        hi = self.till - datetime.timedelta(days=3)
        if insats.slutdatum:
            hi = min(hi, insats.slutdatum)
        return lo, hi
