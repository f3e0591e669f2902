"""The person of a row: read from the row, keyed, and linked to one already registered."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from deltagare.models import Deltagare
from deltagare.personnummer import parse as parse_personnummer
from inlasning.provkorning.rader import Radlasare


def las_person(r: Radlasare, idag) -> dict:
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


def person_nyckel(person) -> tuple:
    if person["personnummer"]:
        return ("pnr", person["personnummer"])
    return (
        "namn",
        person["fornamn"].casefold(),
        person["efternamn"].casefold(),
        person["fodelsedatum"],
    )


def koppla_befintliga(forbund, rader):
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
