"""The coordinator's panel on the start page (samverkan.startsida): due and overdue
items and own cases by step, the same reads as the overview at /deltagare/."""

from django.utils import timezone

from deltagare import selectors
from deltagare.koder import Steg
from samverkan import startsida
from samverkan.models import Roll


def oversikt(user, insatser) -> dict:
    """What both the start page and /deltagare/ show of the coordinator's work. Like the
    overview before it, a list of names writes no read event; opening a case does."""
    today = timezone.localdate()
    return {
        "per_steg": [(Steg(s), n) for s, n in selectors.antal_per_steg(user).items()],
        "bevakningar": selectors.bevakningar(user, today, insatser=insatser),
        "mina": selectors.mina_deltagare(user),
    }


def panel(request):
    insatser = startsida.mina_insatser(request)
    if not insatser:
        return None
    return oversikt(request.user, insatser)


def registrera():
    startsida.registrera(
        namn="deltagare.oversikt",
        roll=Roll.SAMORDNARE,
        mall="deltagare/start_panel.html",
        innehall=panel,
        ordning=10,
    )
