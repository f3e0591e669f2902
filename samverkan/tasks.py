"""Periodic upkeep of the core."""

from celery import shared_task
from django.core.management import call_command


@shared_task
def rensa_sessioner() -> None:
    """Expired sessions out of the database (the same as `manage.py clearsessions`)."""
    call_command("clearsessions")
