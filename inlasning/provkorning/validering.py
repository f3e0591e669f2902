"""The dry run: read the file, check every row, and plan what would be created.

Nothing is written here. The same function runs again inside the import, so a
file is never imported on the strength of an old dry run. The errors carry the
row, the column's header, the value (a personnummer masked) and why, in Swedish.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

from deltagare.koder import Steg, VagUt
from inlasning.kolumner import kolumner
from inlasning.models import ImporteratArende
from inlasning.provkorning.fil import LASFEL, FelaktigFil, las_fil, olasbar
from inlasning.provkorning.person import koppla_befintliga, las_person, person_nyckel
from inlasning.provkorning.rader import Radlasare, Sus, koduppslag
from inlasning.provkorning.rubriker import RubrikerSaknas, kolumnindex
from samverkan.models import Insats, Organisation

MAX_RADER = 20000


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
    uppslag = koduppslag(kols)
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
    except LASFEL as exc:
        raise olasbar() from exc
    for nr, varden in rader:
        if all(v in (None, "") for v in varden):
            continue
        res.antal_rader += 1
        if res.antal_rader > MAX_RADER:
            raise FelaktigFil(
                _("Filen har fler än %(max)s rader; dela upp den.") % {"max": MAX_RADER}
            )
        celler = {n: varden[i] if i < len(varden) else None for n, i in index.items()}
        r = Radlasare(nr, celler, kol_per_nyckel, res.fel, uppslag, epok)
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
        person = las_person(r, idag)
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
        nyckel = person_nyckel(person)
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
    koppla_befintliga(forbund, res.rader)
    insatsnamn = {pk: namn for pk, namn in insatser.values()}
    for p in res.rader:
        res.beskrivningar.append([p.rad, "ny", _beskriv(p, insatsnamn)])
    res.beskrivningar.sort(key=lambda b: b[0])
    return res


def _avslut(r: Radlasare, idag, inskriven):
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


def _beskriv(p: PlaneradRad, insatsnamn) -> str:
    varden = {
        "vem": _("befintlig deltagare")
        if p.befintlig_deltagare_id is not None
        else _("ny deltagare"),
        "insats": insatsnamn[p.insats_id],
        "start": p.inskrivningsdatum.isoformat(),
    }
    if p.avslut:
        return _("%(vem)s, inskrivning i %(insats)s %(start)s, avslutad %(slut)s") % {
            **varden,
            "slut": p.avslut["datum"].isoformat(),
        }
    return _("%(vem)s, inskrivning i %(insats)s %(start)s, pågående") % varden
