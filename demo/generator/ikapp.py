"""A team that keeps up: recent contacts and plan revisions in most open cases."""

from __future__ import annotations

import datetime
import random
from collections import defaultdict

from django.db import transaction
from django.db.models import Max, OuterRef, Q, Subquery
from django.utils import timezone

from deltagare import lista_cache
from deltagare.koder import KontaktTyp, PlanStegStatus, Steg
from deltagare.models import HandlingsplanSteg, HandlingsplanVersion, Inskrivning, Kontakt
from demo.generator.grund import historiska_tidsstamplar
from demo.generator.urval import KONTAKT_TEXT


def ikapp(*, inskrivningar, idag: datetime.date, seed: int = 1, andel_efter: float = 0.15):
    """A team that keeps up: in all but `andel_efter` of the open cases among
    `inskrivningar`, an overdue contact with the referrer is made recently and an
    overdue revision of the plan is done recently, so that the due items of the
    start page are a realistic mix of overdue, due within a week and later rather
    than years of history all overdue. Bulk, without the audit trail, like the rest
    of the generated history; only adds rows. Returns the rows made per model.
    """
    rng = random.Random(seed)  # noqa: S311 (fictitious data, not secrets)
    senaste_plan = HandlingsplanVersion.objects.filter(inskrivning=OuterRef("pk")).order_by(
        "-version"
    )
    oppna = (
        Inskrivning.objects.filter(
            pk__in=inskrivningar,
            steg__in=[Steg.INSKRIVNING, Steg.KARTLAGGNING, Steg.INSATSER],
            deltagare__anonym=False,
            kontaktperson__isnull=False,
        )
        .select_related("insats")
        .annotate(
            senast_kontakt=Max("kontakter__datum", filter=Q(kontakter__typ=KontaktTyp.REMITTENT)),
            plan_id=Subquery(senaste_plan.values("pk")[:1]),
            plan_revidering=Subquery(senaste_plan.values("revidering_senast")[:1]),
        )
        .order_by("pk")
    )
    kontakter, planer, planer_fran = [], [], []
    for ins in oppna:
        if rng.random() < andel_efter:
            continue  # left behind: overdue on the start page
        dagar = ins.insats.remittentkontakt_dagar
        senast = ins.senast_kontakt or ins.inskrivningsdatum
        if ins.remittent_organisation_id and senast and senast + datetime.timedelta(dagar) < idag:
            d = idag - datetime.timedelta(days=rng.randint(1, max(1, dagar - 1)))
            tid = timezone.make_aware(datetime.datetime.combine(d, datetime.time(16)))
            kontakter.append(
                Kontakt(
                    inskrivning=ins, datum=d, typ=KontaktTyp.REMITTENT,
                    anteckning=rng.choice(KONTAKT_TEXT[KontaktTyp.REMITTENT]),
                    till_remittent=True, registrerad_av_id=ins.kontaktperson_id,
                    registrerad=tid,
                )
            )  # fmt: skip
        if ins.plan_id and ins.plan_revidering and ins.plan_revidering < idag:
            d = idag - datetime.timedelta(days=rng.randint(1, 80))
            planer_fran.append(ins.plan_id)
            planer.append((ins, d))
    # The revised plan keeps the goal and the steps, with new dates.
    forra = HandlingsplanVersion.objects.in_bulk(planer_fran)
    steg = defaultdict(list)
    for s in HandlingsplanSteg.objects.filter(version_id__in=planer_fran).order_by("ordning"):
        steg[s.version_id].append(s)
    versioner, nya_steg = [], []
    for (ins, d), plan_id in zip(planer, planer_fran, strict=True):
        gammal = forra[plan_id]
        v = HandlingsplanVersion(
            inskrivning=ins, version=gammal.version + 1, mal=gammal.mal,
            revidering_senast=d + datetime.timedelta(days=90),
            kommentar="Planen reviderad efter avstämning.",
            skapad=timezone.make_aware(datetime.datetime.combine(d, datetime.time(14))),
            skapad_av_id=ins.kontaktperson_id,
        )  # fmt: skip
        versioner.append(v)
        for s in steg[plan_id]:
            nya_steg.append(
                HandlingsplanSteg(
                    version=v, ordning=s.ordning, beskrivning=s.beskrivning,
                    ansvarig=s.ansvarig, datum=d + datetime.timedelta(days=30 * (s.ordning + 1)),
                    status=PlanStegStatus.PAGAR if s.ordning == 0 else PlanStegStatus.PLANERAT,
                )
            )  # fmt: skip
    with historiska_tidsstamplar(), transaction.atomic():
        Kontakt.objects.bulk_create(kontakter, batch_size=1000)
        HandlingsplanVersion.objects.bulk_create(versioner, batch_size=1000)
        HandlingsplanSteg.objects.bulk_create(nya_steg, batch_size=1000)
    lista_cache.ny_generation()
    return {"Kontakt": len(kontakter), "HandlingsplanVersion": len(versioner)}
