"""Goal fulfilment: each goal of an insats against what happened in the period.

A fixed number of queries per kind of goal, each grouped by insats (a förbund's goals
are a handful per insats); none per goal or participant.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

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
    mal = list(mal.order_by("insats__namn", "insats__pk", "typ", "aktivitetstyp", "pk"))
    utfall = _Utfall(mal, period)
    rader = [_rad(m, utfall, med_insats=insats is None) for m in mal]
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


def _rad(mal: Mal, utfall: _Utfall, *, med_insats: bool) -> Rad:
    berakna = {
        MalTyp.NASTA_STEG: _nasta_steg,
        MalTyp.ARBETE_STUDIER: _arbete_studier,
        MalTyp.HANDLINGSPLAN: _handlingsplan,
        MalTyp.DELTAGARE_PER_AR: _deltagare_per_ar,
        MalTyp.AKTIVITET_PER_VECKA: _aktivitet_per_vecka,
    }[mal.typ]
    rad = berakna(mal, utfall)
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


class _Utfall:
    """The figures behind the goals, each measure read once for every insats that has a
    goal of it (grouped by insats), so the queries follow the kinds of goal, not their
    number. Read on first use."""

    def __init__(self, mal: list[Mal], period: Period):
        self.period = period
        self._insatser: dict[str, set[int]] = defaultdict(set)
        self._aktivitetstyper: set[str] = set()
        self._frister: dict[int, set[int]] = defaultdict(set)  # days → insatser
        for m in mal:
            self._insatser[m.typ].add(m.insats_id)
            if m.typ == MalTyp.AKTIVITET_PER_VECKA:
                self._aktivitetstyper.add(m.aktivitetstyp)
            if m.typ == MalTyp.HANDLINGSPLAN:
                self._frister[m.dagar].add(m.insats_id)

    def _ids(self, *typer) -> set[int]:
        return set().union(*(self._insatser[t] for t in typer))

    @cached_property
    def avslut(self) -> dict[int, dict]:
        """Per insats: exits in the period (n), with a documented next step, to work or
        studies."""
        p = self.period
        rader = (
            Avslut.objects.filter(
                inskrivning__insats_id__in=self._ids(MalTyp.NASTA_STEG, MalTyp.ARBETE_STUDIER),
                inskrivning__inskrivningsdatum__isnull=False,
                datum__gte=p.start,
                datum__lte=p.slut,
            )
            .exclude(vag_ut=FELREG)
            .values(insats=F("inskrivning__insats_id"))
            .annotate(
                n=Count("pk"),
                nasta_steg=Count("pk", filter=Q(dokumenterat_nasta_steg=True)),
                arbete_studier=Count("pk", filter=Q(vag_ut__in=VAG_UT_ARBETE_STUDIER)),
            )
            .order_by()
        )
        return {r["insats"]: r for r in rader}

    @cached_property
    def handlingsplan(self) -> dict[tuple[int, int], dict]:
        """Per (insats, days): enrolments whose deadline (inskrivningsdatum + days) fell
        in the period (n), and of them those with a plan saved on or before it (t).
        One query per distinct number of days among the goals."""
        p = self.period
        resultat = {}
        for dagar, insatser in sorted(self._frister.items()):
            frist = datetime.timedelta(days=dagar)
            plan_i_tid = HandlingsplanVersion.objects.filter(
                inskrivning=OuterRef("pk"),
                skapad__date__lte=ExpressionWrapper(
                    OuterRef("inskrivningsdatum") + frist, output_field=DateField()
                ),
            )
            rader = (
                _inskrivningar(insatser)
                .filter(
                    inskrivningsdatum__gte=p.start - frist,
                    inskrivningsdatum__lte=p.slut - frist,
                )
                .values("insats_id")
                .annotate(n=Count("pk"), t=Count("pk", filter=Q(Exists(plan_i_tid))))
                .order_by()
            )
            resultat.update({(r["insats_id"], dagar): r for r in rader})
        return resultat

    @cached_property
    def nya(self) -> dict[int, int]:
        p = self.period
        rader = (
            _inskrivningar(self._ids(MalTyp.DELTAGARE_PER_AR))
            .filter(inskrivningsdatum__gte=p.start, inskrivningsdatum__lte=p.slut)
            .values("insats_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return {r["insats_id"]: r["n"] for r in rader}

    @cached_property
    def aktiva(self) -> dict[int, dict]:
        """Per insats: enrolments active at some day of the period (n) and their days in
        it (dagar)."""
        p = self.period
        start = Value(p.start, output_field=DateField())
        slut = Value(p.slut, output_field=DateField())
        # Days of each enrolment inside the period, less one (added back per enrolment).
        overlapp = ExpressionWrapper(
            Least(slut, Coalesce(F("avslutsdatum"), slut))
            - Greatest(start, F("inskrivningsdatum")),
            output_field=DurationField(),
        )
        rader = (
            _inskrivningar(self._ids(MalTyp.AKTIVITET_PER_VECKA))
            .filter(
                Q(avslutsdatum__isnull=True) | Q(avslutsdatum__gte=p.start),
                inskrivningsdatum__lte=p.slut,
            )
            .values("insats_id")
            .annotate(n=Count("pk"), dagar=Sum(overlapp))
            .order_by()
        )
        return {
            r["insats_id"]: {
                "n": r["n"],
                "dagar": (r["dagar"] or datetime.timedelta()).days + r["n"],
            }
            for r in rader
        }

    @cached_property
    def tillfallen(self) -> dict[tuple[int, str], int]:
        """Per (insats, activity type): activities starting in the period, and for
        gruppaktivitet also attendance at a group event of the period."""
        p = self.period
        ids = self._ids(MalTyp.AKTIVITET_PER_VECKA)
        rader = (
            Aktivitet.objects.filter(
                inskrivning__insats_id__in=ids,
                inskrivning__felregistrerad=False,
                typ__in=self._aktivitetstyper,
                startdatum__gte=p.start,
                startdatum__lte=p.slut,
            )
            .values("typ", insats=F("inskrivning__insats_id"))
            # COUNT(*): the activity's own columns are all in an index, which then suffices.
            .annotate(n=Count("*"))
            .order_by()
        )
        antal = defaultdict(int, {(r["insats"], r["typ"]): r["n"] for r in rader})
        if AktivitetTyp.GRUPPAKTIVITET in self._aktivitetstyper:
            narvaro = (
                Narvaro.objects.filter(
                    inskrivning__insats_id__in=ids,
                    inskrivning__felregistrerad=False,
                    narvarande=True,
                    gruppaktivitet__datum__gte=p.start,
                    gruppaktivitet__datum__lte=p.slut,
                )
                .values(insats=F("inskrivning__insats_id"))
                .annotate(n=Count("pk"))
                .order_by()
            )
            for r in narvaro:
                antal[r["insats"], AktivitetTyp.GRUPPAKTIVITET.value] += r["n"]
        return antal


def _inskrivningar(insats_ids):
    """The enrolments that got as far as inskrivning (not merely aktualiserad), not
    felregistrerade."""
    return Inskrivning.objects.filter(
        insats_id__in=insats_ids, inskrivningsdatum__isnull=False, felregistrerad=False
    )


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


def _nasta_steg(mal: Mal, utfall: _Utfall) -> Rad:
    siffror = utfall.avslut.get(mal.insats_id, {"n": 0, "nasta_steg": 0})
    return _andel_rad(mal, siffror["nasta_steg"], siffror["n"])


def _arbete_studier(mal: Mal, utfall: _Utfall) -> Rad:
    siffror = utfall.avslut.get(mal.insats_id, {"n": 0, "arbete_studier": 0})
    return _andel_rad(mal, siffror["arbete_studier"], siffror["n"])


def _handlingsplan(mal: Mal, utfall: _Utfall) -> Rad:
    siffror = utfall.handlingsplan.get((mal.insats_id, mal.dagar), {"n": 0, "t": 0})
    return _andel_rad(mal, siffror["t"], siffror["n"])


def _deltagare_per_ar(mal: Mal, utfall: _Utfall) -> Rad:
    period = utfall.period
    nya = utfall.nya.get(mal.insats_id, 0)
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


def _aktivitet_per_vecka(mal: Mal, utfall: _Utfall) -> Rad:
    aktiva = utfall.aktiva.get(mal.insats_id, {"n": 0, "dagar": 0})
    n, dagar = aktiva["n"], aktiva["dagar"]
    tillfallen = utfall.tillfallen[mal.insats_id, mal.aktivitetstyp]
    varde = _en_decimal(tillfallen / (dagar / 7)) if dagar else None
    malvarde = float(mal.malvarde)
    return Rad(
        etikett="",
        varden={
            "mal": malvarde,
            "utfall": varde,
            "underlag": n,
            "uppfyllt": _uppfyllt(varde, malvarde),
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
