"""Board work: applications for funds, board meetings with their agenda, decisions
per paragraph (§), protocols frozen when published, and the förbund's economy.
One module per part; Django finds the models here.

Nothing here is about participants: applications and protocols are public
documents of a public authority (see docs/styrelse.md).
"""

from styrelse.models.ansokan import Ansokan, Ansokningsbilaga, Budgetrad
from styrelse.models.arende import Arende, Attsats, BeviljatBelopp, Beviljning
from styrelse.models.ekonomi import ForbundEkonomiAr, Kommunandel
from styrelse.models.inbjudan import Ansokningsinbjudan
from styrelse.models.installning import Forbundsinstallning
from styrelse.models.protokoll import Protokollversion, protokoll_path
from styrelse.models.sammantrade import Kallelseutskick, Narvaro, Sammantrade
from styrelse.models.uppdrag import Uppdrag

# protokoll_path: migration 0001 names the upload path by this address.
__all__ = [
    "Ansokan",
    "Ansokningsbilaga",
    "Ansokningsinbjudan",
    "Arende",
    "Attsats",
    "BeviljatBelopp",
    "Beviljning",
    "Budgetrad",
    "ForbundEkonomiAr",
    "Forbundsinstallning",
    "Kallelseutskick",
    "Kommunandel",
    "Narvaro",
    "Protokollversion",
    "Sammantrade",
    "Uppdrag",
    "protokoll_path",
]
