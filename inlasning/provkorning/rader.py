"""One row's cells: read, checked and converted, each error with its column."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900, from_excel

from deltagare.koder import Sysselsattning
from inlasning.kolumner import JA_NEJ, MAX_FORSORJNING


@dataclass
class Fel:
    rad: int
    kolumn: str
    varde: str
    fel: str


@dataclass
class Sus:
    data: dict
    forsorjning: list


def maskera(varde: str) -> str:
    """The last four digits of a personnummer never leave the file."""
    varde = varde.strip()
    return varde[:-4] + "****" if len(varde) > 4 else "****"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return str(value).strip()


class Radlasare:
    """Reads and checks the cells of one row, collecting the errors."""

    def __init__(self, rad, celler, kolumner_, fel, uppslag, epok=CALENDAR_WINDOWS_1900):
        self.epok = epok
        self.rad = rad
        self.celler = celler
        self.kol = kolumner_
        self.fel = fel
        self.uppslag = uppslag
        self.ok = True

    def fel_i(self, nyckel, varde, text):
        kol = self.kol[nyckel]
        if kol.typ == "personnummer":
            varde = maskera(varde)
        self.fel.append(Fel(self.rad, kol.rubrik, varde, text))
        self.ok = False

    def text(self, nyckel):
        return _text(self.celler.get(nyckel))

    def kravs(self, nyckel):
        varde = self.text(nyckel)
        if not varde:
            self.fel_i(nyckel, "", _("Värdet saknas."))
        return varde

    def datum(self, nyckel, idag):
        raw = self.celler.get(nyckel)
        if raw in (None, ""):
            return None
        if isinstance(raw, datetime.datetime):
            dag = raw.date()
        elif isinstance(raw, datetime.date):
            dag = raw
        elif isinstance(raw, int | float) and not isinstance(raw, bool) and 0 < raw < 2958466:
            dag = from_excel(raw, epoch=self.epok)
            dag = dag.date() if isinstance(dag, datetime.datetime) else dag
        else:
            try:
                dag = datetime.date.fromisoformat(_text(raw))
            except ValueError:
                self.fel_i(nyckel, _text(raw), _("Inget datum; skriv ÅÅÅÅ-MM-DD."))
                return None
        if dag > idag:
            self.fel_i(nyckel, dag.isoformat(), _("Datumet ligger i framtiden."))
            return None
        return dag

    def kod(self, nyckel):
        varde = self.text(nyckel)
        if not varde:
            return ""
        hittad = self.uppslag[nyckel].get(varde.casefold())
        if hittad is None:
            self.fel_i(nyckel, varde, _("Okänd kod: välj ett värde ur listan."))
            return ""
        return hittad

    def janej(self, nyckel):
        if isinstance(self.celler.get(nyckel), bool):  # an Excel TRUE/FALSE cell
            return self.celler[nyckel]
        varde = self.text(nyckel)
        if not varde:
            return False
        if varde.casefold() not in ("ja", "nej"):
            self.fel_i(nyckel, varde, _("Skriv Ja eller Nej."))
            return False
        return varde.casefold() == "ja"

    def heltal(self, nyckel, hogst):
        varde = self.text(nyckel)
        if not varde:
            return None
        try:
            tal = int(varde)
        except ValueError:
            self.fel_i(nyckel, varde, _("Inget heltal."))
            return None
        if not 0 <= tal <= hogst:
            self.fel_i(nyckel, varde, _("Värdet ska vara mellan 0 och %(max)s.") % {"max": hogst})
            return None
        return tal

    def sus(self, prefix, krav):
        """The SUS variables at start or exit; `krav`: they must be filled in."""
        data = {
            "utbildning": self.kod(f"{prefix}_utbildning"),
            "tid_offentlig_forsorjning": self.kod(f"{prefix}_tid"),
            "sysselsattning": self.kod(f"{prefix}_sysselsattning"),
            "sysselsattning_procent": self.heltal(f"{prefix}_procent", 100),
            "aktuell_af": self.janej(f"{prefix}_af"),
            "aktuell_fk": self.janej(f"{prefix}_fk"),
            "aktuell_socialtjanst": self.janej(f"{prefix}_socialtjanst"),
            "aktuell_halso_sjukvard": self.janej(f"{prefix}_halso_sjukvard"),
        }
        forsorjning = []
        for n in range(1, MAX_FORSORJNING + 1):
            kod = self.kod(f"{prefix}_forsorjning_{n}")
            if kod and kod not in forsorjning:
                forsorjning.append(kod)
        if not krav:
            return Sus(data, forsorjning)
        for nyckel, falt in (
            (f"{prefix}_utbildning", "utbildning"),
            (f"{prefix}_tid", "tid_offentlig_forsorjning"),
            (f"{prefix}_sysselsattning", "sysselsattning"),
        ):
            if not data[falt] and self.text(nyckel) == "":
                self.fel_i(nyckel, "", _("Värdet saknas."))
        if not forsorjning and not any(
            self.text(f"{prefix}_forsorjning_{n}") for n in range(1, MAX_FORSORJNING + 1)
        ):
            self.fel_i(
                f"{prefix}_forsorjning_1", "", _("Ange minst en försörjningskälla (eller Okänd).")
            )
        arbete_studier = data["sysselsattning"] in (
            Sysselsattning.FORVARVSARBETE,
            Sysselsattning.STUDIER,
        )
        procent_saknas = data["sysselsattning_procent"] is None and not self.text(
            f"{prefix}_procent"
        )
        if arbete_studier and procent_saknas:
            self.fel_i(f"{prefix}_procent", "", _("Ange omfattningen för arbete eller studier."))
        if not arbete_studier:
            data["sysselsattning_procent"] = None
        return Sus(data, forsorjning)


def koduppslag(kols) -> dict:
    """For every code column: casefolded label or code → code."""
    uppslag = {}
    for kol in kols:
        if kol.typ == "kod":
            karta = {}
            for kod, label in kol.koder:
                karta[kod.casefold()] = kod
                karta[label.casefold()] = kod
            uppslag[kol.nyckel] = karta
        elif kol.typ == "janej":
            uppslag[kol.nyckel] = {c: c for c, _l in JA_NEJ}
    return uppslag
