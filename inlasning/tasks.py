"""The import runs in a worker (eager without a broker); clean-up runs nightly."""

from celery import shared_task
from django.conf import settings

from inlasning.services.genomforande import inlasning_genomfor, inlasningar_rensa


@shared_task(acks_late=True, reject_on_worker_lost=True)
def las_in(inlasning_id: int, actor_id: int) -> str:
    return inlasning_genomfor(inlasning_id=inlasning_id, actor_id=actor_id).status


@shared_task
def rensa_inlasningar() -> int:
    """Files never imported go after SAMVERKAN_INLASNING_DAGAR days (the same as
    `manage.py rensa_inlasningar`)."""
    return inlasningar_rensa(dagar=settings.SAMVERKAN_INLASNING_DAGAR)
