"""The reports' panels on the start page (samverkan.startsida): for the office, the
reports to finish and publish; for the board, the latest published reports."""

from django.utils import timezone

from rapporter.models import Rapport, RapportStatus
from rapporter.period import Period
from samverkan import startsida
from samverkan.models import Forbund, Roll
from samverkan.permissions import roller


def kansli(request):
    user = request.user
    admin = roller(user).admin_forbund
    utkast = list(
        Rapport.objects.for_user(user)
        .filter(forbund_id__in=admin)
        .exclude(status=RapportStatus.PUBLICERAD)
        .select_related("insats")
        .order_by("-period_slut", "insats__namn", "-version")[:10]
    )
    # The latest whole quarter: is the förbund's own report out?
    kvartal = Period.senaste_hela_kvartal(timezone.localdate())
    publicerad = (
        Rapport.objects.publicerade()
        .filter(insats__isnull=True, period_start=kvartal.start, period_slut=kvartal.slut)
        .values("forbund_id")
    )
    saknas = list(
        Forbund.objects.filter(pk__in=admin)
        .exclude(pk__in=publicerad)
        .order_by("namn")
        .only("namn")
    )
    return {"utkast": utkast, "kvartal": kvartal, "saknas": saknas}


def styrelse(request):
    user = request.user
    return {
        "rapporter": list(
            Rapport.objects.for_user(user)
            .publicerade()
            .filter(forbund_id__in=roller(user).styrelse_forbund)
            .select_related("insats")
            .order_by("-period_slut", "-publicerad", "insats__namn")[:5]
        )
    }


def registrera():
    startsida.registrera(
        namn="rapporter.kansli",
        roll=Roll.FORBUNDSADMIN,
        mall="rapporter/start_kansli.html",
        innehall=kansli,
        ordning=20,
    )
    startsida.registrera(
        namn="rapporter.styrelse",
        roll=Roll.STYRELSE,
        mall="rapporter/start_styrelse.html",
        innehall=styrelse,
        ordning=10,
    )
