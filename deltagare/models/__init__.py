"""The participant's case: one module per part of the five steps."""

from deltagare.models.aktivitet import Aktivitet, Gruppaktivitet, Kontakt, Narvaro
from deltagare.models.avslut import Avslut, Uppfoljning
from deltagare.models.deltagare import Deltagare
from deltagare.models.handlingsplan import HandlingsplanSteg, HandlingsplanVersion
from deltagare.models.inskrivning import Inskrivning, StegByte, SusForsorjning, SusUppgift
from deltagare.models.kartlaggning import Kartlaggning, Kartlaggningssamtal
from deltagare.models.samtycke import Samtycke

__all__ = [
    "Aktivitet",
    "Avslut",
    "Deltagare",
    "Gruppaktivitet",
    "HandlingsplanSteg",
    "HandlingsplanVersion",
    "Inskrivning",
    "Kartlaggning",
    "Kartlaggningssamtal",
    "Kontakt",
    "Narvaro",
    "Samtycke",
    "StegByte",
    "SusForsorjning",
    "SusUppgift",
    "Uppfoljning",
]
