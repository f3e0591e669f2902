"""The dry run: read the file, check every row, and plan what would be created.

Nothing is written here. The same function runs again inside the import, so a
file is never imported on the strength of an old dry run. The errors carry the
row, the column's header, the value (a personnummer masked) and why, in Swedish.
"""

import datetime
import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from deltagare.koder import Steg, Sysselsattning, VagUt
from deltagare.models import Deltagare
from deltagare.personnummer import parse as parse_personnummer
from inlasning.kolumner import BLAD, JA_NEJ, MAX_FORSORJNING, SYNONYMER, kolumner
from inlasning.models import ImporteratArende
from samverkan.models import Insats, Organisation

MAX_RADER = 20000
# A zip bomb unpacks to far more than this; 20 000 real rows are about 30 MB.
MAX_UPPACKAD = 200 * 1024 * 1024


class FelaktigFil(Exception):
    """The file as a whole cannot be read (not the template, no rows...)."""


class RubrikerSaknas(FelaktigFil):
    """Required columns are not found by header: the office maps the file's own
    columns instead (`rubriker`: the file's headers)."""

    def __init__(self, message, rubriker):
        super().__init__(message)
        self.rubriker = rubriker


def filens_rubriker(rubriker) -> list[str]:
    """The file's non-empty headers, each once, in the file's order."""
    sedda, ut = set(), []
    for r in rubriker:
        if r and r.casefold() not in sedda:
            sedda.add(r.casefold())
            ut.append(r)
    return ut


def rubriknyckel(rubriker) -> str:
    """The same set of headers (case and order aside) gives the same key: a saved
    mapping is found again for the next file from the same system."""
    text = "\n".join(sorted({r.casefold() for r in rubriker if r}))
    return hashlib.sha256(text.encode()).hexdigest()


def forslag(rubriker) -> dict:
    """field key → the file's header that matches its template header, its key or a
    known synonym (case-insensitively), for the mapping step's pre-filled selects."""
    per_namn = {r.casefold(): r for r in reversed(filens_rubriker(rubriker))}
    ut = {}
    for kol in kolumner():
        for namn in (kol.rubrik, kol.nyckel, *SYNONYMER.get(kol.nyckel, ())):
            if namn.casefold() in per_namn:
                ut[kol.nyckel] = per_namn[namn.casefold()]
                break
    return ut


def kolumnindex(rubriker, kols, mappning=None) -> dict:
    """field key → the column's index: by the template's header, or through the
    office's mapping (field key → the file's own header)."""
    per_rubrik = {}
    for n, rubrik in enumerate(rubriker):
        per_rubrik.setdefault(rubrik.casefold(), n)
    index = {}
    for kol in kols:
        namn = kol.rubrik if mappning is None else mappning.get(kol.nyckel)
        if namn and namn.casefold() in per_rubrik:
            index[kol.nyckel] = per_rubrik[namn.casefold()]
    return index


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


@dataclass
class PlaneradRad:
    rad: int
    externt_id: str
    insats_id: int
    person_nyckel: tuple
    person: dict
    befintlig_deltagare_id: int | None
    aktualiserad: datetime.date
    inskrivningsdatum: datetime.date
    remittent_id: int | None
    sus_start: Sus
    avslut: dict | None = None
    sus_avslut: Sus | None = None

    @property
    def steg(self):
        return Steg.AVSLUT if self.avslut else Steg.INSKRIVNING


@dataclass
class Resultat:
    rader: list = field(default_factory=list)  # PlaneradRad to create
    redan_inlasta: list = field(default_factory=list)  # row numbers
    fel: list = field(default_factory=list)
    antal_rader: int = 0
    beskrivningar: list = field(default_factory=list)  # [row, action, text]

    def som_json(self) -> dict:
        return {
            "rader": self.beskrivningar,
            "fel": [[f.rad, f.kolumn, f.varde, f.fel] for f in self.fel],
        }


def maskera(varde: str) -> str:
    """The last four digits of a personnummer never leave the file."""
    varde = varde.strip()
    return varde[:-4] + "****" if len(varde) > 4 else "****"


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _kolumnindex(ref: str) -> int:
    n = 0
    for ch in ref:
        if not ch.isalpha():
            break
        n = n * 26 + ord(ch.upper()) - 64
    return n - 1


def _blad(zf: zipfile.ZipFile):
    """The path of the template's sheet, and whether dates count from 1904."""
    wb = ET.fromstring(zf.read("xl/workbook.xml"))  # noqa: S314
    pr = wb.find(f"{_NS}workbookPr")
    mac = pr is not None and pr.get("date1904") in ("1", "true")
    rid = next((b.get(_REL) for b in wb.iter(f"{_NS}sheet") if b.get("name") == BLAD), None)
    if rid is None:
        return None, mac
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))  # noqa: S314
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return (target.lstrip("/") if target.startswith("/") else f"xl/{target}"), mac


def _rader(zf: zipfile.ZipFile, path: str):
    """(row number, cell values) of every row, read straight from the sheet's XML:
    several times faster than openpyxl's reader on 10 000 rows (docs/benchmarks.md).
    Numbers stay numbers; date columns convert Excel's serial days themselves."""
    delade = []
    if "xl/sharedStrings.xml" in zf.namelist():
        for si in ET.fromstring(zf.read("xl/sharedStrings.xml")).iter(f"{_NS}si"):  # noqa: S314
            delade.append("".join(t.text or "" for t in si.iter(f"{_NS}t")))
    with zf.open(path) as f:
        for _event, el in ET.iterparse(f):  # noqa: S314
            if el.tag != f"{_NS}row":
                continue
            celler = {}
            for c in el.iter(f"{_NS}c"):
                typ = c.get("t")
                if typ == "inlineStr":
                    varde = "".join(t.text or "" for t in c.iter(f"{_NS}t"))
                else:
                    v = c.find(f"{_NS}v")
                    if v is None or v.text is None:
                        continue
                    varde = v.text
                    if typ == "s":
                        varde = delade[int(varde)]
                    elif typ == "b":
                        varde = varde == "1"
                    elif typ not in ("str", "e"):
                        tal = float(varde)
                        varde = int(tal) if tal.is_integer() else tal
                celler[_kolumnindex(c.get("r", ""))] = varde
            nr = int(el.get("r", 0))
            el.clear()
            if celler:
                yield nr, tuple(celler.get(i) for i in range(max(celler) + 1))


def las_fil(data: bytes):
    """The template's headers, its rows as (row number, values), and the date epoch."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise FelaktigFil(_("Filen är inte en Excel-fil (xlsx)."))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        if sum(i.file_size for i in zf.infolist()) > MAX_UPPACKAD:
            raise FelaktigFil(_("Filen är för stor uppackad."))
        path, mac = _blad(zf)
    except (KeyError, ET.ParseError, zipfile.BadZipFile, StopIteration) as exc:
        raise FelaktigFil(_("Filen kunde inte läsas som en Excel-fil (xlsx).")) from exc
    if path is None:
        raise FelaktigFil(_("Filen saknar bladet ”%(blad)s”. Utgå från mallen.") % {"blad": BLAD})
    rader = _rader(zf, path)
    try:
        forsta = next(rader, None)
    except (KeyError, ET.ParseError, ValueError, IndexError) as exc:
        raise FelaktigFil(_("Filen kunde inte läsas som en Excel-fil (xlsx).")) from exc
    if not forsta or forsta[0] != 1:
        raise FelaktigFil(_("Bladet saknar rubrikraden (rad 1). Utgå från mallen."))
    rubriker = [str(r).strip() if r is not None else "" for r in forsta[1]]
    return rubriker, rader, mac


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return str(value).strip()


class _Radlasare:
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


def _uppslag(kols) -> dict:
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


def provkor(
    *, forbund, data: bytes, idag: datetime.date | None = None, mappning: dict | None = None
) -> Resultat:
    """Check every row of the file; raises FelaktigFil if it cannot be read at all,
    RubrikerSaknas if required columns are not found. `mappning` (field key → the
    file's own header) reads a file that does not use the template's headers."""
    idag = idag or datetime.date.today()
    rubriker, rader, mac = las_fil(data)
    epok = CALENDAR_MAC_1904 if mac else CALENDAR_WINDOWS_1900
    kols = kolumner()
    index = kolumnindex(rubriker, kols, mappning)
    saknas = [k.rubrik for k in kols if k.kravs and k.nyckel not in index]
    if saknas:
        raise RubrikerSaknas(
            _("Kolumner saknas: %(kolumner)s. Utgå från mallen.") % {"kolumner": ", ".join(saknas)},
            rubriker,
        )
    kol_per_nyckel = {k.nyckel: k for k in kols}
    uppslag = _uppslag(kols)
    insatser = {
        namn.casefold(): (pk, namn)
        for pk, namn in Insats.objects.filter(forbund=forbund, typ=Insats.Typ.INDIVID).values_list(
            "pk", "namn"
        )
    }
    organisationer = {
        namn.casefold(): pk
        for pk, namn in Organisation.objects.filter(forbund=forbund).values_list("pk", "namn")
    }
    inlasta = set(
        ImporteratArende.objects.filter(forbund=forbund).values_list("externt_id", flat=True)
    )
    res = Resultat()
    sedda_id = {}
    personer = {}  # person key → first row's person dict, within the file
    try:
        rader = list(rader)
    except (KeyError, ET.ParseError, ValueError, IndexError) as exc:
        raise FelaktigFil(_("Filen kunde inte läsas som en Excel-fil (xlsx).")) from exc
    for nr, varden in rader:
        if all(v in (None, "") for v in varden):
            continue
        res.antal_rader += 1
        if res.antal_rader > MAX_RADER:
            raise FelaktigFil(
                _("Filen har fler än %(max)s rader; dela upp den.") % {"max": MAX_RADER}
            )
        celler = {n: varden[i] if i < len(varden) else None for n, i in index.items()}
        r = _Radlasare(nr, celler, kol_per_nyckel, res.fel, uppslag, epok)
        externt_id = r.kravs("externt_id")
        if len(externt_id) > 100:
            r.fel_i("externt_id", externt_id[:20] + "…", _("Högst 100 tecken."))
        elif externt_id in sedda_id:
            r.fel_i(
                "externt_id",
                externt_id,
                _("Samma externa id finns redan på rad %(rad)s.") % {"rad": sedda_id[externt_id]},
            )
        elif externt_id:
            sedda_id[externt_id] = nr
        if externt_id in inlasta:
            res.redan_inlasta.append(nr)
            res.beskrivningar.append([nr, "finns", _("Redan inläst: hoppas över.")])
            continue
        insats_namn = r.kravs("insats")
        insats = insatser.get(insats_namn.casefold()) if insats_namn else None
        if insats_namn and insats is None:
            r.fel_i("insats", insats_namn, _("Okänd insats i förbundet."))
        person = _person(r, idag)
        remittent_namn = r.text("remittent")
        remittent_id = organisationer.get(remittent_namn.casefold()) if remittent_namn else None
        if remittent_namn and remittent_id is None:
            r.fel_i("remittent", remittent_namn, _("Okänd organisation i förbundet."))
        inskriven = r.datum("inskrivningsdatum", idag)
        if inskriven is None and not r.text("inskrivningsdatum"):
            r.fel_i("inskrivningsdatum", "", _("Värdet saknas."))
        aktualiserad = r.datum("aktualiserad", idag) or inskriven
        if inskriven and aktualiserad and aktualiserad > inskriven:
            r.fel_i(
                "aktualiserad",
                aktualiserad.isoformat(),
                _("Aktualiseringen kan inte vara efter inskrivningen."),
            )
        born = person.get("fodelsedatum")
        if born and inskriven and born > inskriven:
            r.fel_i("inskrivningsdatum", inskriven.isoformat(), _("Inskrivningen är före födseln."))
        sus_start = r.sus("start", krav=True)
        avslut, sus_avslut = _avslut(r, idag, inskriven)
        nyckel = _person_nyckel(person)
        if nyckel in personer and personer[nyckel]["kon"] != person.get("kon"):
            r.fel_i("kon", r.text("kon"), _("Samma person har ett annat kön på en tidigare rad."))
        if not r.ok:
            res.beskrivningar.append([nr, "fel", _("Rättas före inläsning.")])
            continue
        personer.setdefault(nyckel, person)
        res.rader.append(
            PlaneradRad(
                rad=nr,
                externt_id=externt_id,
                insats_id=insats[0],
                person_nyckel=nyckel,
                person=person,
                befintlig_deltagare_id=None,
                aktualiserad=aktualiserad,
                inskrivningsdatum=inskriven,
                remittent_id=remittent_id,
                sus_start=sus_start,
                avslut=avslut,
                sus_avslut=sus_avslut,
            )
        )
    _koppla_befintliga(forbund, res.rader)
    insatsnamn = {pk: namn for pk, namn in insatser.values()}
    for p in res.rader:
        res.beskrivningar.append([p.rad, "ny", _beskriv(p, insatsnamn)])
    res.beskrivningar.sort(key=lambda b: b[0])
    return res


def _person(r: _Radlasare, idag) -> dict:
    person = {
        "fornamn": r.text("fornamn")[:100],
        "efternamn": r.text("efternamn")[:100],
        "reservnummer": r.text("reservnummer")[:30],
        "kon": r.kod("kon"),
        "personnummer": "",
        "samordningsnummer": False,
        "fodelsedatum": None,
    }
    if not r.text("kon"):
        r.fel_i("kon", "", _("Värdet saknas."))
    kommun = r.text("folkbokforingskommun")
    if kommun and not (kommun.isdigit() and len(kommun) == 4):
        r.fel_i("folkbokforingskommun", kommun, _("Kommunkoden är fyra siffror."))
    person["folkbokforingskommun"] = kommun if kommun.isdigit() and len(kommun) == 4 else ""
    pnr = r.text("personnummer")
    if pnr:
        try:
            parsed = parse_personnummer(pnr, today=idag)
        except ValidationError as error:
            r.fel_i("personnummer", pnr, " ".join(error.messages))
        else:
            person.update(
                personnummer=parsed.nummer,
                fodelsedatum=parsed.fodelsedatum,
                samordningsnummer=parsed.samordningsnummer,
            )
    else:
        person["fodelsedatum"] = r.datum("fodelsedatum", idag)
        if person["fodelsedatum"] is None and not r.text("fodelsedatum"):
            r.fel_i(
                "personnummer", "", _("Ange personnummer, eller födelsedatum för den som saknar.")
            )
    return person


def _person_nyckel(person) -> tuple:
    if person["personnummer"]:
        return ("pnr", person["personnummer"])
    return (
        "namn",
        person["fornamn"].casefold(),
        person["efternamn"].casefold(),
        person["fodelsedatum"],
    )


def _avslut(r: _Radlasare, idag, inskriven):
    datum = r.datum("avslutsdatum", idag)
    har_avslut = bool(r.text("avslutsdatum"))
    ovriga = ("vag_ut", "ansvarig_efter")
    if not har_avslut:
        for nyckel in ovriga:
            if r.text(nyckel):
                r.fel_i("avslutsdatum", "", _("Avslutsdatum saknas men väg ut är ifylld."))
                break
        return None, None
    vag_ut = r.kod("vag_ut")
    ansvarig = r.kod("ansvarig_efter")
    for nyckel in ovriga:
        if not r.text(nyckel):
            r.fel_i(nyckel, "", _("Värdet saknas när avslutsdatum är ifyllt."))
    if datum and inskriven and datum < inskriven:
        r.fel_i("avslutsdatum", datum.isoformat(), _("Avslutet är före inskrivningen."))
    felregistrering = vag_ut == VagUt.FELREGISTRERING
    sus = r.sus("avslut", krav=not felregistrering)
    avslut = {
        "datum": datum,
        "vag_ut": vag_ut,
        "ansvarig_efter": ansvarig,
        "dokumenterat_nasta_steg": r.janej("nasta_steg"),
    }
    return avslut, (None if felregistrering else sus)


def _koppla_befintliga(forbund, rader):
    """Rows of a person already registered in the förbund link to that person."""
    pnr = {p.person["personnummer"] for p in rader if p.person["personnummer"]}
    finns = {}
    if pnr:
        for pk, nummer in Deltagare.objects.filter(
            forbund=forbund, anonym=False, personnummer__in=pnr
        ).values_list("pk", "personnummer"):
            finns[("pnr", nummer)] = pk
    utan = [p for p in rader if not p.person["personnummer"]]
    if utan:
        fodda = {p.person["fodelsedatum"] for p in utan}
        for pk, fn, en, fd in Deltagare.objects.filter(
            forbund=forbund, anonym=False, personnummer="", fodelsedatum__in=fodda
        ).values_list("pk", "fornamn", "efternamn", "fodelsedatum"):
            finns.setdefault(("namn", fn.casefold(), en.casefold(), fd), pk)
    for p in rader:
        p.befintlig_deltagare_id = finns.get(p.person_nyckel)


def _beskriv(p: PlaneradRad, insatsnamn) -> str:
    vem = _("befintlig deltagare") if p.befintlig_deltagare_id is not None else _("ny deltagare")
    if p.avslut:
        return _("%(vem)s, inskrivning i %(insats)s %(start)s, avslutad %(slut)s") % {
            "vem": vem,
            "insats": insatsnamn[p.insats_id],
            "start": p.inskrivningsdatum.isoformat(),
            "slut": p.avslut["datum"].isoformat(),
        }
    return _("%(vem)s, inskrivning i %(insats)s %(start)s, pågående") % {
        "vem": vem,
        "insats": insatsnamn[p.insats_id],
        "start": p.inskrivningsdatum.isoformat(),
    }
