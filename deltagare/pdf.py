"""Printable PDFs of the participant's case: the plan for the participant, the hand-over at exit.

Each document is built in two parts. ``*_context`` reads everything the template shows in a
fixed number of queries (the template itself never touches the database), and ``*_pdf``
renders it to an accessible PDF with :func:`samverkan.pdf.render_pdf`.

Neither document is ever made for an anonymous participant, and the plan never shows the
personnummer; the hand-over shows it masked only.
"""

from __future__ import annotations

from django.db.models import Prefetch

from deltagare.koder import Forsorjning, SusTidpunkt
from deltagare.models import (
    Aktivitet,
    HandlingsplanVersion,
    Inskrivning,
    SusForsorjning,
    SusUppgift,
)
from samverkan.pdf import render_pdf

HANDLINGSPLAN_TITEL = "Handlingsplan"
OVERLAMNING_TITEL = "Överlämning"

_FORSORJNING_ORDNING = {kod: i for i, kod in enumerate(Forsorjning.values)}


def _las_inskrivning(inskrivning: Inskrivning) -> Inskrivning:
    """The enrolment with the person, insats, referrer, contact persons and exit: one query."""
    inskrivning = Inskrivning.objects.select_related(
        "deltagare",
        "insats",
        "remittent_organisation",
        "kontaktperson",
        "kontaktperson2",
        "avslut",
    ).get(pk=inskrivning.pk)
    if inskrivning.deltagare.anonym:
        raise ValueError("Anonyma deltagare har inga utskrifter.")
    return inskrivning


def _kontaktpersoner(inskrivning: Inskrivning) -> list[str]:
    personer = (inskrivning.kontaktperson, inskrivning.kontaktperson2)
    return [p.get_full_name() for p in personer if p is not None]


def handlingsplan_context(inskrivning: Inskrivning, version: HandlingsplanVersion) -> dict:
    """Everything ``pdf/handlingsplan.html`` shows, in two queries."""
    if version.inskrivning_id != inskrivning.pk:
        raise ValueError("Planversionen hör inte till inskrivningen.")
    inskrivning = _las_inskrivning(inskrivning)
    return {
        "inskrivning": inskrivning,
        "deltagare": inskrivning.deltagare,
        "insats": inskrivning.insats,
        "version": version,
        "steg": list(version.steg.order_by("ordning", "pk")),
        "kontaktpersoner": _kontaktpersoner(inskrivning),
    }


def handlingsplan_pdf(inskrivning: Inskrivning, version: HandlingsplanVersion) -> bytes:
    """The participant's own printable copy of one version of their plan."""
    return render_pdf(
        "pdf/handlingsplan.html",
        handlingsplan_context(inskrivning, version),
        title=HANDLINGSPLAN_TITEL,
    )


def _sus_rad(uppgift: SusUppgift | None) -> dict | None:
    if uppgift is None:
        return None
    sysselsattning = uppgift.get_sysselsattning_display()
    if uppgift.sysselsattning_procent is not None:
        sysselsattning = f"{sysselsattning} ({uppgift.sysselsattning_procent} % av heltid)"
    kallor = sorted(uppgift.forsorjning.all(), key=lambda f: _FORSORJNING_ORDNING.get(f.kod, 99))
    return {
        "sysselsattning": sysselsattning,
        "forsorjning": ", ".join(str(f.get_kod_display()) for f in kallor),
        "utbildning": uppgift.get_utbildning_display(),
    }


def overlamning_context(inskrivning: Inskrivning) -> dict:
    """Everything ``pdf/overlamning.html`` shows, in five queries."""
    inskrivning = _las_inskrivning(inskrivning)
    try:
        avslut = inskrivning.avslut
    except Inskrivning.avslut.RelatedObjectDoesNotExist:
        raise ValueError("Inskrivningen är inte avslutad.") from None
    deltagare = inskrivning.deltagare
    plan = HandlingsplanVersion.objects.filter(inskrivning=inskrivning).order_by("-version").first()
    aktiviteter = list(
        Aktivitet.objects.filter(inskrivning=inskrivning).order_by("startdatum", "pk")
    )
    sus = {
        u.tidpunkt: u
        for u in SusUppgift.objects.filter(
            inskrivning=inskrivning, tidpunkt__in=[SusTidpunkt.START, SusTidpunkt.AVSLUT]
        ).prefetch_related(Prefetch("forsorjning", queryset=SusForsorjning.objects.order_by("pk")))
    }
    start = inskrivning.inskrivningsdatum
    return {
        "inskrivning": inskrivning,
        "deltagare": deltagare,
        "personnummer": deltagare.personnummer_maskerat or "saknas",
        "insats": inskrivning.insats,
        "remittent": inskrivning.remittent_organisation,
        "avslut": avslut,
        "kontaktpersoner": _kontaktpersoner(inskrivning),
        "dagar": (avslut.datum - start).days if start else None,
        "plan": plan,
        "aktiviteter": aktiviteter,
        "sus_start": _sus_rad(sus.get(SusTidpunkt.START)),
        "sus_avslut": _sus_rad(sus.get(SusTidpunkt.AVSLUT)),
    }


def overlamning_pdf(inskrivning: Inskrivning) -> bytes:
    """The hand-over summary at exit, for the referrer and the participant."""
    return render_pdf(
        "pdf/overlamning.html",
        overlamning_context(inskrivning),
        title=OVERLAMNING_TITEL,
    )
