"""The yearly mail with a link to the staff-and-partner questionnaire: the link
and nothing else, no name, no insats detail beyond its name."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def skicka_samverkanslankar(utskick: list[list[str]], insats_namn: str) -> None:
    for adress, lank in utskick:
        send_mail(
            subject="Enkät om samverkan",
            message=(
                "Hej!\n\nDu får den här enkäten för att du arbetar i eller samverkar med "
                f"insatsen {insats_namn}. Den är anonym och tar några minuter.\n\n"
                f"Svara här: {lank}\n\nLänken fungerar en gång.\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[adress],
        )
