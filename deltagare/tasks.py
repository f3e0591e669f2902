"""Periodic work on participants' data."""

from celery import shared_task


@shared_task
def gallra() -> dict:
    """Nightly gallring of every förbund (CELERY_BEAT_SCHEDULE); the same as `manage.py gallra`."""
    from deltagare.gallring import gallra_forbund
    from samverkan.models import Forbund

    korningar = [gallra_forbund(forbund=f) for f in Forbund.objects.order_by("pk")]
    return {k.forbund_id: k.antal_deltagare for k in korningar}
