"""Every write of the participant's case: one service per state change.

Each service runs in one transaction, checks that the actor works in the
insats and that the change is allowed in the current step, and writes the
audit event. Refusals are ValidationErrors with Swedish messages.
"""

from deltagare.services.aktiviteter import (
    aktivitet_registrera,
    gruppaktivitet_registrera,
    kontakt_registrera,
)
from deltagare.services.kartlaggning import (
    PlanKonflikt,
    handlingsplan_spara,
    kartlaggning_klar,
    kartlaggning_spara,
    samtal_registrera,
)
from deltagare.services.registrering import (
    Dubblett,
    deltagare_aktualisera,
    deltagare_registrera_anonym,
    deltagare_uppdatera,
)
from deltagare.services.samtycke import (
    giltigt_samtycke,
    samtycke_aterkalla,
    samtycke_registrera,
    tacker,
)
from deltagare.services.steg import (
    insatser_paborja,
    inskrivning_avsluta,
    inskrivning_forlang,
    inskrivning_skriv_in,
)
from deltagare.services.uppfoljning import uppfoljning_registrera

__all__ = [
    "Dubblett",
    "PlanKonflikt",
    "aktivitet_registrera",
    "deltagare_aktualisera",
    "deltagare_registrera_anonym",
    "deltagare_uppdatera",
    "giltigt_samtycke",
    "gruppaktivitet_registrera",
    "handlingsplan_spara",
    "insatser_paborja",
    "inskrivning_avsluta",
    "inskrivning_forlang",
    "inskrivning_skriv_in",
    "kartlaggning_klar",
    "kartlaggning_spara",
    "kontakt_registrera",
    "samtal_registrera",
    "samtycke_aterkalla",
    "samtycke_registrera",
    "tacker",
    "uppfoljning_registrera",
]
