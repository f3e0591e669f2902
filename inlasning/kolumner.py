"""The template's columns: one row per enrolment, the SUS variables at start and exit.

The headers are Swedish and fixed (the dry run finds columns by header, so their
order may change); code columns take the Swedish label from the drop-down or the
code itself.
"""

from dataclasses import dataclass, field

from django.utils import translation

from deltagare.koder import (
    AnsvarigEfter,
    Forsorjning,
    Kon,
    Sysselsattning,
    TidOffentligForsorjning,
    Utbildning,
    VagUt,
)

BLAD = "Deltagare"
KODBLAD = "Kodlistor"
MAX_FORSORJNING = 3
JA_NEJ = [("ja", "Ja"), ("nej", "Nej")]


@dataclass(frozen=True)
class Kolumn:
    nyckel: str
    rubrik: str
    typ: str = "text"  # text, datum, kod, heltal, janej, insats, organisation, personnummer
    koder: tuple = field(default=())  # (code, label) pairs for typ "kod"
    kravs: bool = False
    bredd: int = 18


def _koder(choices) -> tuple:
    with translation.override("sv"):
        return tuple((c.value, str(c.label)) for c in choices)


def _sus(prefix: str, namn: str) -> list[Kolumn]:
    return [
        Kolumn(f"{prefix}_utbildning", f"Utbildning {namn}", "kod", _koder(Utbildning)),
        Kolumn(
            f"{prefix}_tid",
            f"Tid med offentlig försörjning {namn}",
            "kod",
            _koder(TidOffentligForsorjning),
        ),
        *[
            Kolumn(
                f"{prefix}_forsorjning_{n}", f"Försörjning {n} {namn}", "kod", _koder(Forsorjning)
            )
            for n in range(1, MAX_FORSORJNING + 1)
        ],
        Kolumn(f"{prefix}_sysselsattning", f"Sysselsättning {namn}", "kod", _koder(Sysselsattning)),
        Kolumn(f"{prefix}_procent", f"Omfattning i procent {namn}", "heltal"),
        Kolumn(f"{prefix}_af", f"Aktuell hos Arbetsförmedlingen {namn}", "janej"),
        Kolumn(f"{prefix}_fk", f"Aktuell hos Försäkringskassan {namn}", "janej"),
        Kolumn(f"{prefix}_socialtjanst", f"Aktuell hos socialtjänsten {namn}", "janej"),
        Kolumn(f"{prefix}_halso_sjukvard", f"Aktuell hos hälso- och sjukvården {namn}", "janej"),
    ]


def kolumner() -> list[Kolumn]:
    return [
        Kolumn("externt_id", "Externt id", kravs=True),
        Kolumn("insats", "Insats", "insats", kravs=True, bredd=30),
        Kolumn("personnummer", "Personnummer", "personnummer", bredd=16),
        Kolumn("fodelsedatum", "Födelsedatum (utan personnummer)", "datum"),
        Kolumn("reservnummer", "Reservnummer"),
        Kolumn("fornamn", "Förnamn"),
        Kolumn("efternamn", "Efternamn"),
        Kolumn("kon", "Kön", "kod", _koder(Kon), kravs=True),
        Kolumn("folkbokforingskommun", "Folkbokföringskommun (kommunkod)"),
        Kolumn("remittent", "Remitterande organisation", "organisation", bredd=30),
        Kolumn("aktualiserad", "Aktualiserad", "datum"),
        Kolumn("inskrivningsdatum", "Inskrivningsdatum", "datum", kravs=True),
        *_sus("start", "vid inskrivning"),
        Kolumn("avslutsdatum", "Avslutsdatum", "datum"),
        Kolumn("vag_ut", "Väg ut", "kod", _koder(VagUt), bredd=30),
        Kolumn("ansvarig_efter", "Huvudansvar efter avslut", "kod", _koder(AnsvarigEfter)),
        Kolumn("nasta_steg", "Dokumenterat nästa steg", "janej"),
        *_sus("avslut", "vid avslut"),
    ]


# Headers other systems use for a field (casefolded), for the mapping step's
# pre-filled selects: besides these, the template's header and the field's key match.
SYNONYMER = {
    "externt_id": ("id", "ärende-id", "ärendeid", "ärendenummer", "löpnummer", "externt id"),
    "insats": ("insatsnamn", "projekt", "insats/projekt"),
    "personnummer": ("pnr", "personnr", "person-nr", "personnummer/samordningsnummer"),
    "fodelsedatum": ("födelsedatum", "född"),
    "reservnummer": ("reservnr",),
    "fornamn": ("förnamn", "tilltalsnamn"),
    "efternamn": ("efternamn",),
    "kon": ("kön", "juridiskt kön"),
    "folkbokforingskommun": ("kommun", "kommunkod", "folkbokföringskommun"),
    "remittent": ("remittent", "remitterande", "remitterad av", "remitterande aktör"),
    "aktualiserad": ("aktualiseringsdatum", "aktualiserad datum"),
    "inskrivningsdatum": ("inskriven", "startdatum", "inskrivning", "start"),
    "avslutsdatum": ("avslutad", "slutdatum", "avslut", "utskriven"),
    "vag_ut": ("väg ut", "avslutsorsak", "orsak till avslut"),
    "ansvarig_efter": ("huvudansvar efter", "ansvarig efter avslut"),
    "nasta_steg": ("nästa steg",),
}
