"""Mail to the referrer: that there is news, with a link; never personal data."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def skicka_besked(remiss_id: int) -> None:
    from remisser.models import Remiss

    remiss = Remiss.objects.select_related("handlaggare", "insats").get(pk=remiss_id)
    if not remiss.handlaggare.is_active:
        # No one can log in to read it (e.g. an API client's account: its system polls).
        return
    link = settings.SAMVERKAN_BASE_URL.rstrip("/") + reverse(
        "remisser:remiss-detail", kwargs={"uuid": remiss.uuid}
    )
    send_mail(
        subject="Svar på remiss i Samverkan",
        message=(
            "Hej!\n\nDet finns ett nytt besked om en remiss du har skickat till "
            f"{remiss.insats.namn}.\n\nLogga in för att läsa det: {link}\n\n"
            "Meddelandet innehåller inga personuppgifter.\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[remiss.handlaggare.email],
    )
