"""Goal fulfilment: each goal of an insats against what happened in the period.

A fixed number of queries per goal (goals are configuration, a handful per
insats); none per participant.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Count,
    DateField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils.translation import gettext as _

from deltagare.koder import VAG_UT_ARBETE_STUDIER, AktivitetTyp, VagUt
from deltagare.models import Aktivitet, Avslut, HandlingsplanVersion, Inskrivning, Narvaro
from rapporter.models import Mal, MalTyp
from rapporter.period import Period
from rapporter.tabell import ANDEL, ANTAL, TAL, TEXT, Kolumn, Rad, Tabell

FELREG = VagUt.FELREGISTRERING


def malupfyllelse(*, forbund, period: Period, insats=None) -> Tabell:
    """One row per goal of the insats (or of every insats of the förbund)."""
    mal = Mal.objects.filter(insats__forbund=forbund).select_related("insats")
    if insats is not None:
        mal = mal.filter(insats=insats)
    mal = mal.order_by("insats__namn", "insats__pk", "typ", "aktivitetstyp", "pk")
    rader = [_rad(m, period, med_insats=insats is None) for m in mal]
    return Tabell(
        nyckel="mal",
        rubrik=_("Måluppfyllelse"),
        radrubrik=_("Mål"),
        kolumner=[
            Kolumn("mal", _("Mål"), TAL),
            Kolumn("utfall", _("Utfall"), TAL),
            Kolumn("underlag", _("Underlag"), ANTAL),
            Kolumn("uppfyllt", _("Uppfyllt"), TEXT),
        ],
        rader=rader,
        radsumma=None,
        beskrivning=_(
            "Andelar i procent av underlaget: avslut under perioden, eller inskrivningar "
            "vars frist för handlingsplan gick ut under perioden. Målet för nya deltagare "
            "per år räknas om till periodens längd (pro rata). Aktiviteter per deltagare "
            "och vecka räknas på de veckor deltagarna var inskrivna under perioden. "
            "Felregistreringar räknas inte."
        ),
    )


def _rad(mal: Mal, period: Period, *, med_insats: bool) -> Rad:
    berakna = {
        MalTyp.NASTA_STEG: _nasta_steg,
        MalTyp.ARBETE_STUDIER: _arbete_studier,
        MalTyp.HANDLINGSPLAN: _handlingsplan,
        MalTyp.DELTAGARE_PER_AR: _deltagare_per_ar,
        MalTyp.AKTIVITET_PER_VECKA: _aktivitet_per_vecka,
    }[mal.typ]
    rad = berakna(mal, period)
    text = _maltext(mal)
    rad.etikett = f"{mal.insats.namn}: {text}" if med_insats else text
    rad.nyckel = f"{mal.insats_id}:{mal.typ}:{mal.aktivitetstyp}"
    return rad


def maltext(mal: Mal) -> str:
    """The goal in words: the office's own description, else what its type measures."""
    if mal.beskrivning:
        return mal.beskrivning
    if mal.typ == MalTyp.HANDLINGSPLAN:
        return _("Andel med handlingsplan inom %(n)s dagar från inskrivning") % {"n": mal.dagar}
    if mal.typ == MalTyp.AKTIVITET_PER_VECKA:
        return _("%(typ)s per deltagare och vecka") % {"typ": AktivitetTyp(mal.aktivitetstyp).label}
    return str(mal.get_typ_display())


def _maltext(mal: Mal) -> str:
    text = maltext(mal)
    if mal.typ == MalTyp.DELTAGARE_PER_AR:
        text = _("%(text)s (målet pro rata för perioden)") % {"text": text}
    return text


# -- the figures -------------------------------------------------------------------------


def _inskrivningar(mal: Mal):
    """The insats's enrolments that got as far as inskrivning (not merely aktualiserad)."""
    return Inskrivning.objects.filter(insats_id=mal.insats_id, inskrivningsdatum__isnull=False)


def _utan_felregistrering(qs, prefix=""):
    return qs.filter(**{f"{prefix}felregistrerad": False})


def _avslut_i_perioden(mal: Mal, period: Period):
    return Avslut.objects.filter(
        inskrivning__insats_id=mal.insats_id,
        inskrivning__inskrivningsdatum__isnull=False,
        datum__gte=period.start,
        datum__lte=period.slut,
    ).exclude(vag_ut=FELREG)


def _andel_rad(mal: Mal, taljare: int, namnare: int) -> Rad:
    utfall = _en_decimal(100 * taljare / namnare) if namnare else None
    return Rad(
        etikett="",
        varden={
            "mal": float(mal.malvarde),
            "utfall": utfall,
            "underlag": namnare,
            "uppfyllt": _uppfyllt(utfall, float(mal.malvarde)),
        },
        underlag={"utfall": namnare},
        taljare={"utfall": taljare},
        typ=ANDEL,
    )


def _nasta_steg(mal: Mal, period: Period) -> Rad:
    siffror = _avslut_i_perioden(mal, period).aggregate(
        n=Count("pk"), t=Count("pk", filter=Q(dokumenterat_nasta_steg=True))
    )
    return _andel_rad(mal, siffror["t"], siffror["n"])


def _arbete_studier(mal: Mal, period: Period) -> Rad:
    siffror = _avslut_i_perioden(mal, period).aggregate(
        n=Count("pk"), t=Count("pk", filter=Q(vag_ut__in=VAG_UT_ARBETE_STUDIER))
    )
    return _andel_rad(mal, siffror["t"], siffror["n"])


def _handlingsplan(mal: Mal, period: Period) -> Rad:
    """Of the enrolments whose deadline (inskrivningsdatum + N days) fell in the
    period, those with a plan saved on or before it."""
    frist = datetime.timedelta(days=mal.dagar)
    plan_i_tid = HandlingsplanVersion.objects.filter(
        inskrivning=OuterRef("pk"),
        skapad__date__lte=ExpressionWrapper(
            OuterRef("inskrivningsdatum") + frist, output_field=DateField()
        ),
    )
    siffror = _utan_felregistrering(
        _inskrivningar(mal).filter(
            inskrivningsdatum__gte=period.start - frist,
            inskrivningsdatum__lte=period.slut - frist,
        )
    ).aggregate(n=Count("pk"), t=Count("pk", filter=Q(Exists(plan_i_tid))))
    return _andel_rad(mal, siffror["t"], siffror["n"])


def _deltagare_per_ar(mal: Mal, period: Period) -> Rad:
    nya = _utan_felregistrering(
        _inskrivningar(mal).filter(
            inskrivningsdatum__gte=period.start, inskrivningsdatum__lte=period.slut
        )
    ).count()
    # The target is per year: compare with the share of it that falls in the period
    # (of the period's own year, so that a whole leap year gets the target as it stands).
    ar = period.slut.year
    dagar_per_ar = (datetime.date(ar + 1, 1, 1) - datetime.date(ar, 1, 1)).days
    malvarde = _en_decimal(float(mal.malvarde) * period.dagar / dagar_per_ar)
    return Rad(
        etikett="",
        varden={
            "mal": malvarde,
            "utfall": nya,
            "underlag": nya,
            "uppfyllt": _uppfyllt(nya, malvarde),
        },
        underlag={"utfall": nya},
        typ=ANTAL,
    )


def _aktiva(mal: Mal, period: Period):
    """Enrolments active at some day of the period."""
    return _utan_felregistrering(
        _inskrivningar(mal).filter(
            Q(avslutsdatum__isnull=True) | Q(avslutsdatum__gte=period.start),
            inskrivningsdatum__lte=period.slut,
        )
    )


def _aktivitet_per_vecka(mal: Mal, period: Period) -> Rad:
    start = Value(period.start, output_field=DateField())
    slut = Value(period.slut, output_field=DateField())
    # Days of each enrolment inside the period, less one (added back per enrolment).
    overlapp = ExpressionWrapper(
        Least(slut, Coalesce(F("avslutsdatum"), slut)) - Greatest(start, F("inskrivningsdatum")),
        output_field=DurationField(),
    )
    aktiva = _aktiva(mal, period).aggregate(n=Count("pk"), dagar=Sum(overlapp))
    n = aktiva["n"]
    dagar = (aktiva["dagar"] or datetime.timedelta()).days + n

    tillfallen = _utan_felregistrering(
        Aktivitet.objects.filter(
            inskrivning__insats_id=mal.insats_id,
            typ=mal.aktivitetstyp,
            startdatum__gte=period.start,
            startdatum__lte=period.slut,
        ),
        "inskrivning__",
    ).count()
    if mal.aktivitetstyp == AktivitetTyp.GRUPPAKTIVITET:
        tillfallen += _utan_felregistrering(
            Narvaro.objects.filter(
                inskrivning__insats_id=mal.insats_id,
                narvarande=True,
                gruppaktivitet__datum__gte=period.start,
                gruppaktivitet__datum__lte=period.slut,
            ),
            "inskrivning__",
        ).count()
    utfall = _en_decimal(tillfallen / (dagar / 7)) if dagar else None
    malvarde = float(mal.malvarde)
    return Rad(
        etikett="",
        varden={
            "mal": malvarde,
            "utfall": utfall,
            "underlag": n,
            "uppfyllt": _uppfyllt(utfall, malvarde),
        },
        underlag={"utfall": n},
        typ=TAL,
    )


def _en_decimal(x: float) -> float:
    # Half up, as people round by hand (Python's round() rounds half to even).
    return float(Decimal(str(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _uppfyllt(utfall, malvarde) -> str:
    """Ja/Nej on the figures as shown (rounded), "–" when there is nothing to measure."""
    if utfall is None:
        return "–"
    return _("Ja") if utfall >= malvarde else _("Nej")
