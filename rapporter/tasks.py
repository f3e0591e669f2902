"""Rendering of board reports, away from the request.

acks_late + reject_on_worker_lost: a worker killed mid-render gives the message
back to the broker, and the next worker renders it again; the file is stored
only once (rapport_spara_pdf), so the outcome is done or failed, never stuck.
"""

import logging

from celery import shared_task
from django.db import transaction

from rapporter.models import Rapport, RapportStatus
from rapporter.publicering import rapport_misslyckad, rapport_period, rapport_spara_pdf
from rapporter.sammanstallning import skapa_pdf

logger = logging.getLogger(__name__)

MAX_FORSOK = 3


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_FORSOK - 1)
def skapa_rapport(self, rapport_id: int) -> str:
    with transaction.atomic():
        rapport = (
            # of=self: the insats is a nullable join, which PostgreSQL will not lock.
            Rapport.objects.select_for_update(of=("self",))
            .select_related("forbund", "insats")
            .get(pk=rapport_id)
        )
        if rapport.status != RapportStatus.GENERERAS:
            return rapport.status
        rapport.forsok += 1
        rapport.save(update_fields=["forsok"])
    try:
        pdf = skapa_pdf(
            forbund=rapport.forbund,
            period=rapport_period(rapport),
            insats=rapport.insats,
            rapport=rapport,
        )
    except Exception as exc:
        # The message names the exception class only: no figures, nothing personal.
        logger.exception("Rapport %s kunde inte skapas (försök %s)", rapport_id, rapport.forsok)
        if self.request.retries < self.max_retries and not self.request.is_eager:
            raise self.retry(exc=exc, countdown=30 * (self.request.retries + 1)) from exc
        rapport_misslyckad(
            rapport_id=rapport_id,
            fel=f"Rapporten kunde inte skapas ({type(exc).__name__}). Försök igen.",
        )
        return RapportStatus.MISSLYCKAD
    return rapport_spara_pdf(rapport_id=rapport_id, pdf=pdf).status
