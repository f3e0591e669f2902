"""Avsnitt "deltagare": who took part during the period (the active enrolments)."""

from __future__ import annotations

from django.db.models import Case, Count, F, FilteredRelation, Q, Value, When
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import LessThan
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from deltagare.koder import SusTidpunkt, TidOffentligForsorjning, Utbildning
from rapporter.selectors.statistik.common import (
    EJ_REGISTRERAD,
    OKAND,
    Urval,
    kodrader,
    rad,
    rakna,
    summa,
)
from rapporter.tabell import Avsnitt, Tabell, kon_kolumner
from samverkan.models import Organisation, default_aldersband

UTANFOR = "utanfor"
INGEN = "ingen"


def avsnitt_deltagare(u: Urval) -> Avsnitt:
    return Avsnitt(
        "deltagare",
        _("Deltagare under perioden"),
        [
            oversikt(u),
            alder(u),
            kommun(u),
            remittent(u),
            utbildning(u),
            tid_offentlig(u),
            myndigheter(u),
        ],
    )


def oversikt(u: Urval) -> Tabell:
    p = u.period
    ny = Q(inskrivningsdatum__gte=p.start)
    avslutad = Q(avslutsdatum__lte=p.slut)
    r = rakna(
        u.aktiva(),
        aktiva=Count("pk"),
        nya=Count("pk", filter=ny),
        avslutade=Count("pk", filter=avslutad),
        aktiva_personer=Count("deltagare", distinct=True),
        nya_personer=Count("deltagare", distinct=True, filter=ny),
        avslutade_personer=Count("deltagare", distinct=True, filter=avslutad),
    )
    etiketter = {
        "aktiva": _("Aktiva inskrivningar"),
        "nya": _("Nya inskrivningar"),
        "avslutade": _("Avslutade inskrivningar"),
        "aktiva_personer": _("Aktiva personer"),
        "nya_personer": _("Nya personer"),
        "avslutade_personer": _("Avslutade personer"),
    }
    return Tabell(
        nyckel="oversikt",
        rubrik=_("Översikt"),
        radrubrik=_("Deltagare"),
        kolumner=kon_kolumner(),
        rader=[rad(k, etikett, r[k].get(None)) for k, etikett in etiketter.items()],
        beskrivning=_(
            "Aktiva är inskrivna någon gång under perioden. En person med flera "
            "inskrivningar räknas en gång per inskrivning; raderna om personer räknar "
            "varje person en gång. Felregistreringar räknas inte."
        ),
    )


def _alder_vid_inskrivning():
    """Whole years from fodelsedatum to inskrivningsdatum, in SQL."""
    inskriven, fodd = F("inskrivningsdatum"), F("deltagare__fodelsedatum")
    fore_fodelsedagen = LessThan(
        ExtractMonth(inskriven) * 100 + ExtractDay(inskriven),
        ExtractMonth(fodd) * 100 + ExtractDay(fodd),
    )
    return (
        ExtractYear(inskriven)
        - ExtractYear(fodd)
        - Case(When(fore_fodelsedagen, then=Value(1)), default=Value(0))
    )


def _bandnyckel(fran: int, till: int | None) -> str:
    return f"{fran}_{'' if till is None else till}"


def _bandetikett(fran: int, till: int | None) -> str:
    if till is None:
        return _("%(fran)s år och äldre") % {"fran": fran}
    return _("%(fran)s–%(till)s år") % {"fran": fran, "till": till}


def alder(u: Urval) -> Tabell:
    band = u.insats.aldersband if u.insats is not None else default_aldersband()
    villkor = [When(_alder__isnull=True, then=Value(OKAND))]
    for fran, till in band:
        grans = Q(_alder__gte=fran) if till is None else Q(_alder__gte=fran, _alder__lte=till)
        villkor.append(When(grans, then=Value(_bandnyckel(fran, till))))
    qs = u.aktiva().annotate(_alder=_alder_vid_inskrivning())
    r = rakna(qs, grupp=Case(*villkor, default=Value(UTANFOR)))["antal"]
    rader = [
        rad(_bandnyckel(fran, till), _bandetikett(fran, till), r.get(_bandnyckel(fran, till)))
        for fran, till in band
    ]
    rader.append(rad(UTANFOR, _("Annan ålder"), r.get(UTANFOR)))
    rader.append(rad(OKAND, _("Okänd"), r.get(OKAND)))
    return Tabell(
        nyckel="alder",
        rubrik=_("Ålder vid inskrivning"),
        radrubrik=_("Ålder"),
        kolumner=kon_kolumner(),
        rader=rader,
        summa=summa(rader),
        beskrivning=_(
            "Aktiva inskrivningar efter ålder vid inskrivningen. Okänd: anonyma "
            "deltagare och deltagare utan födelsedatum."
        ),
    )


def kommun(u: Urval) -> Tabell:
    r = rakna(u.aktiva(), grupp=F("deltagare__folkbokforingskommun"))["antal"]
    namn = {}
    for org in u.organisationer:
        if org["typ"] == Organisation.Typ.KOMMUN and org["kommunkod"]:
            namn.setdefault(org["kommunkod"], org["namn"])
    koder = sorted((k for k in r if k), key=lambda k: (namn.get(k, k), k))
    rader = [rad(k, namn.get(k, k), r[k]) for k in koder]
    rader.append(rad(OKAND, _("Okänd"), r.get("")))
    return Tabell(
        nyckel="kommun",
        rubrik=_("Folkbokföringskommun"),
        radrubrik=_("Kommun"),
        kolumner=kon_kolumner(),
        rader=rader,
        summa=summa(rader),
        beskrivning=_("Aktiva inskrivningar efter deltagarens folkbokföringskommun."),
    )


def remittent(u: Urval) -> Tabell:
    r = rakna(u.aktiva(), grupp=F("remittent_organisation"))["antal"]
    rader = [
        rad(str(org["uuid"]), org["namn"], r.pop(org["pk"], None))
        for org in u.organisationer
        if org["aktiv"] or org["pk"] in r
    ]
    ingen = r.pop(None, None)
    # The services keep the referrer inside the förbund; anything else would be lost
    # from the total, so it is shown as "ingen" rather than dropped.
    for ovrig in r.values():
        ingen = {k: (ingen or {}).get(k, 0) + v for k, v in ovrig.items()}
    rader.append(rad(INGEN, _("Ingen remitterande organisation"), ingen))
    return Tabell(
        nyckel="remittent",
        rubrik=_("Remitterande organisation"),
        radrubrik=_("Organisation"),
        kolumner=kon_kolumner(),
        rader=rader,
        summa=summa(rader),
        beskrivning=_("Aktiva inskrivningar efter den organisation som remitterade."),
    )


def _vid_start(qs):
    return qs.annotate(
        sus_start=FilteredRelation("sus", condition=Q(sus__tidpunkt=SusTidpunkt.START))
    )


def _efter_startuppgift(u: Urval, falt: str) -> dict:
    qs = _vid_start(u.aktiva())
    return rakna(qs, grupp=Coalesce(F(f"sus_start__{falt}"), Value(EJ_REGISTRERAD)))["antal"]


def _ej_registrerad(r: dict):
    return rad(EJ_REGISTRERAD, _("Ej registrerad"), r.get(EJ_REGISTRERAD))


def utbildning(u: Urval) -> Tabell:
    r = _efter_startuppgift(u, "utbildning")
    rader = [*kodrader(Utbildning, r), _ej_registrerad(r)]
    return Tabell(
        nyckel="utbildning",
        rubrik=_("Högsta avslutade utbildning vid inskrivning"),
        radrubrik=_("Utbildning"),
        kolumner=kon_kolumner(),
        rader=rader,
        summa=summa(rader),
        beskrivning=_("Aktiva inskrivningar, enligt SUS-uppgifterna vid inskrivning."),
    )


def tid_offentlig(u: Urval) -> Tabell:
    r = _efter_startuppgift(u, "tid_offentlig_forsorjning")
    rader = [*kodrader(TidOffentligForsorjning, r), _ej_registrerad(r)]
    return Tabell(
        nyckel="tid_offentlig",
        rubrik=_("Tid med offentlig försörjning före inskrivning"),
        radrubrik=_("Tid"),
        kolumner=kon_kolumner(),
        rader=rader,
        summa=summa(rader),
        beskrivning=_("Aktiva inskrivningar, enligt SUS-uppgifterna vid inskrivning."),
    )


MYNDIGHETER = {
    "af": gettext_lazy("Arbetsförmedlingen"),
    "fk": gettext_lazy("Försäkringskassan"),
    "socialtjanst": gettext_lazy("Socialtjänsten"),
    "halso_sjukvard": gettext_lazy("Hälso- och sjukvården"),
}


def myndigheter(u: Urval) -> Tabell:
    matt = {k: Count("pk", filter=Q(**{f"sus_start__aktuell_{k}": True})) for k in MYNDIGHETER}
    r = rakna(_vid_start(u.aktiva()), **matt)
    return Tabell(
        nyckel="myndigheter",
        rubrik=_("Aktuell hos myndigheter vid inskrivning"),
        radrubrik=_("Myndighet"),
        kolumner=kon_kolumner(),
        rader=[rad(k, etikett, r[k].get(None)) for k, etikett in MYNDIGHETER.items()],
        beskrivning=_(
            "Aktiva inskrivningar där personen var aktuell hos myndigheten vid "
            "inskrivningen. En person kan vara aktuell hos flera."
        ),
    )
