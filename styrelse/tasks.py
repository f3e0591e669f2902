"""Mail from the board's work: the kallelse to a meeting (only the date, time
and place and a link to the board portal: no attachments, nothing personal),
and the invitation of an external applicant (a link, nothing else)."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def skicka_kallelse(utskick_id: int) -> None:
    from styrelse.models import Kallelseutskick
    from styrelse.selectors import kallelsens_mottagare

    utskick = Kallelseutskick.objects.select_related("sammantrade").get(pk=utskick_id)
    mote = utskick.sammantrade
    link = settings.SAMVERKAN_BASE_URL.rstrip("/") + reverse(
        "styrelse:sammantrade-detail", kwargs={"uuid": mote.uuid}
    )
    tid = f"{mote.starttid:%H.%M}" + (f"–{mote.sluttid:%H.%M}" if mote.sluttid else "")
    meddelande = (
        f"Hej!\n\nDu kallas till styrelsens sammanträde ({mote.get_typ_display().lower()}).\n\n"
        f"Datum: {mote.datum:%Y-%m-%d}\nTid: {tid}\nPlats: {mote.plats}\n\n"
        f"Dagordningen och handlingarna finns i styrelseportalen: {link}\n"
    )
    # One message each: the members do not see each other's addresses.
    for epost in kallelsens_mottagare(mote.forbund_id):
        send_mail(
            subject="Kallelse till styrelsens sammanträde",
            message=meddelande,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[epost],
        )


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def skicka_ansokningsinbjudan(inbjudan_id: int) -> None:
    from styrelse.models import Ansokningsinbjudan

    inbjudan = Ansokningsinbjudan.objects.select_related("ansokan__forbund").get(pk=inbjudan_id)
    bas = settings.SAMVERKAN_BASE_URL.rstrip("/")
    inloggning = bas + reverse("account_request_login_code")
    ansokan = bas + reverse("styrelse:ansokan-detail", kwargs={"uuid": inbjudan.ansokan.uuid})
    send_mail(
        subject="Inbjudan att ansöka om medel",
        message=(
            f"Hej!\n\n{inbjudan.ansokan.forbund.namn} bjuder in er att ansöka om medel "
            "i Samverkan.\n\n"
            f"Logga in med en kod som skickas till den här adressen: {inloggning}\n"
            f"Ansökan finns sedan här: {ansokan}\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[inbjudan.epost],
    )
