"""The remisser's panels on the start page (samverkan.startsida): what the referrer
has to act on, and the inbox of remisser waiting for an answer, for the team and,
as counts only, for the förbund's office."""

from django.utils import timezone

from remisser import selectors
from samverkan import startsida
from samverkan.models import Insats, Roll
from samverkan.permissions import roller


def remittent(request):
    # Like the list of remisser, a list of names writes no read event; opening one does.
    return {"remisser": selectors.att_gora_for_remittent(request.user, timezone.localdate())}


def team(request):
    insatser = Insats.objects.staff_of(request.user)
    return {"inkorg": selectors.inkorg_per_insats(insatser, timezone.localdate()), "team": True}


def kansli(request):
    insatser = Insats.objects.filter(forbund_id__in=roller(request.user).admin_forbund)
    return {"inkorg": selectors.inkorg_per_insats(insatser, timezone.localdate()), "team": False}


def registrera():
    for namn, roll, mall, innehall, ordning in (
        ("remisser.remittent", Roll.HANDLAGGARE, "remisser/start_remittent.html", remittent, 10),
        ("remisser.team", Roll.SAMORDNARE, "remisser/start_inkorg.html", team, 20),
        ("remisser.kansli", Roll.FORBUNDSADMIN, "remisser/start_inkorg.html", kansli, 10),
    ):
        startsida.registrera(namn=namn, roll=roll, mall=mall, innehall=innehall, ordning=ordning)
