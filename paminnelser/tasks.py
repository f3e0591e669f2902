"""The reminder digests: a daily run picks the users, one task per mail.

`skicka_sammanfattning` retries with backoff when the mail server fails; it marks
the day as sent only after the mail left, so a retry (or a second run of the day)
sends one mail, not two.
"""

import datetime
import logging
import smtplib

from celery import shared_task
from celery.exceptions import Retry
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _mottagare():
    """Active staff and referrers: the roles that have items due."""
    from samverkan.models import Medlemskap, Roll, User

    ids = (
        Medlemskap.objects.aktiva()
        .filter(roll__in=[Roll.SAMORDNARE, Roll.HANDLAGGARE])
        .values("user_id")
    )
    return User.objects.filter(pk__in=ids, is_active=True).order_by("pk")


def skicka_alla(idag: datetime.date | None = None) -> int:
    """Queue the digest of every user whose setting says today; returns how many."""
    from paminnelser.models import Paminnelseinstallning

    idag = idag or timezone.localdate()
    installningar = {
        i.user_id: i
        for i in Paminnelseinstallning.objects.filter(user__in=_mottagare().values("pk"))
    }
    koade = 0
    for user_id in _mottagare().values_list("pk", flat=True):
        installning = installningar.get(user_id) or Paminnelseinstallning(user_id=user_id)
        if not installning.ska_skickas(idag):
            continue
        try:
            skicka_sammanfattning.delay(user_id, idag.isoformat())
        except Retry:
            # Eager (no broker): nothing can wait for a retry; tomorrow's run tries again.
            logger.warning("Påminnelse till användare %s kunde inte skickas", user_id)
            continue
        koade += 1
    return koade


@shared_task
def skicka_paminnelser() -> int:
    """Celery beat, every morning (CELERY_BEAT_SCHEDULE); `manage.py skicka_paminnelser`."""
    return skicka_alla()


@shared_task(
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=5,
)
def skicka_sammanfattning(user_id: int, datum: str) -> bool:
    """One user's digest for the day: counts per kind and a link, nothing personal.
    Returns whether a mail was sent (nothing due: none)."""
    from paminnelser.models import Paminnelseinstallning
    from paminnelser.selectors import sammanfattning
    from samverkan.models import User

    idag = datetime.date.fromisoformat(datum)
    user = User.objects.get(pk=user_id)
    installning, _skapad = Paminnelseinstallning.objects.get_or_create(user=user)
    if not installning.ska_skickas(idag):
        return False
    with translation.override("sv"):
        innehall = sammanfattning(user, idag)
        if innehall.tom:
            return False
        amne, text = _meddelande(innehall)
    send_mail(
        subject=amne,
        message=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )
    with transaction.atomic():
        Paminnelseinstallning.objects.filter(pk=installning.pk).update(senast_skickad=idag)
    return True


def _meddelande(innehall) -> tuple[str, str]:
    bas = settings.SAMVERKAN_BASE_URL.rstrip("/")
    totalt = sum(a.totalt for a in innehall.per_typ.values())
    amne = _("Samverkan: %(antal)s saker att göra") % {"antal": totalt}
    rader = []
    for rubrik, antal in innehall.rader():
        delar = []
        if antal.forsenade:
            delar.append(_("%(n)s försenade") % {"n": antal.forsenade})
        if antal.kommande:
            delar.append(_("%(n)s att göra snart") % {"n": antal.kommande})
        rader.append(f"- {rubrik}: {', '.join(delar)}")
    if innehall.nadde_taket:
        rader.append(_("(Minst så många: listan når sitt tak.)"))
    text = "\n".join(
        [
            _("Hej!"),
            "",
            _("Det här väntar på dig i Samverkan:"),
            "",
            *rader,
            "",
            _("Logga in för att se vilka ärenden det gäller: %(lank)s") % {"lank": bas + "/"},
            "",
            _("Meddelandet innehåller inga personuppgifter."),
            _("Hur ofta du får påminnelser ändrar du här: %(lank)s")
            % {"lank": bas + reverse("paminnelser:installningar")},
        ]
    )
    return amne, text + "\n"
