"""What is due for a user, as counts per kind: the digest's whole content.

The rules are the start page's (`deltagare.selectors.bevakningar`); this module
only counts them. Nothing here returns a name, a number or a case id.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from deltagare.selectors import BEVAKNINGSTYPER, bevakningar
from remisser.models import Remiss, Status
from samverkan.permissions import roller

# Enough for any one person's caseload; a digest that reaches it says "minst".
TAK = 500

RUBRIKER = {
    "samtal": _("Kartläggningssamtal"),
    "plan": _("Revidera handlingsplanen"),
    "remittentkontakt": _("Kontakt med remittenten"),
    "langsta_tid": _("Längsta tid i insatsen nås"),
    "uppfoljning": _("Uppföljning 12 månader efter avslut"),
    "komplettering": _("Remisser att komplettera"),
}


@dataclass
class Antal:
    forsenade: int = 0
    kommande: int = 0

    @property
    def totalt(self):
        return self.forsenade + self.kommande


@dataclass
class Sammanfattning:
    per_typ: dict = field(default_factory=dict)  # kind → Antal
    nadde_taket: bool = False

    @property
    def tom(self) -> bool:
        return not any(a.totalt for a in self.per_typ.values())

    def rader(self):
        return [(RUBRIKER[t], a) for t, a in self.per_typ.items() if a.totalt]


def sammanfattning(user, idag: datetime.date) -> Sammanfattning:
    resultat = Sammanfattning()
    r = roller(user)
    if r.ar_samordnare:
        poster = bevakningar(user, idag, limit=TAK)
        resultat.nadde_taket = len(poster) >= TAK
        for typ in BEVAKNINGSTYPER:
            resultat.per_typ[typ] = Antal()
        for p in poster:
            antal = resultat.per_typ[p.typ]
            if p.forsenad:
                antal.forsenade += 1
            else:
                antal.kommande += 1
    if r.ar_handlaggare:
        # The referrer who now holds the remiss (after a hand-over, the colleague).
        antal = (
            Remiss.objects.for_user(user)
            .filter(status=Status.KOMPLETTERING)
            .filter(Q(handlaggare=user, overlamnad_till__isnull=True) | Q(overlamnad_till=user))
            .count()
        )
        resultat.per_typ["komplettering"] = Antal(forsenade=0, kommande=antal)
    return resultat
