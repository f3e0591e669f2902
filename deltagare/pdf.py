"""The participant's printable documents: the handlingsplan and the hand-over at exit.

Each builds its context with a fixed number of queries and renders through
samverkan.pdf (WeasyPrint, PDF/UA, bundled font, no network).
"""

from deltagare.koder import SusTidpunkt
from deltagare.models import Aktivitet, HandlingsplanVersion, Inskrivning, SusUppgift
from samverkan.pdf import render_pdf


def handlingsplan_pdf(inskrivning: Inskrivning, version: HandlingsplanVersion) -> bytes:
    """The participant's own copy, in plain language; no personnummer."""
    inskrivning = Inskrivning.objects.select_related(
        "deltagare", "insats", "kontaktperson", "kontaktperson2"
    ).get(pk=inskrivning.pk)
    version = HandlingsplanVersion.objects.prefetch_related("steg").get(pk=version.pk)
    return render_pdf(
        "pdf/handlingsplan.html",
        {"inskrivning": inskrivning, "deltagare": inskrivning.deltagare, "plan": version},
        title="Handlingsplan",
    )


def overlamning_pdf(inskrivning: Inskrivning) -> bytes:
    """The hand-over summary for the referrer and the participant; personnummer masked."""
    inskrivning = Inskrivning.objects.select_related(
        "deltagare", "insats", "remittent_organisation", "avslut", "kontaktperson"
    ).get(pk=inskrivning.pk)
    assert not inskrivning.deltagare.anonym, "anonymous participants have no hand-over"
    sus = {
        s.tidpunkt: s
        for s in SusUppgift.objects.filter(inskrivning=inskrivning).prefetch_related("forsorjning")
    }
    avslut = inskrivning.avslut
    dagar = (
        (avslut.datum - inskrivning.inskrivningsdatum).days
        if inskrivning.inskrivningsdatum
        else None
    )
    return render_pdf(
        "pdf/overlamning.html",
        {
            "inskrivning": inskrivning,
            "deltagare": inskrivning.deltagare,
            "avslut": avslut,
            "dagar": dagar,
            "plan": HandlingsplanVersion.objects.filter(inskrivning=inskrivning).first(),
            "aktiviteter": Aktivitet.objects.filter(inskrivning=inskrivning).order_by("startdatum"),
            "sus_start": sus.get(SusTidpunkt.START),
            "sus_slut": sus.get(SusTidpunkt.AVSLUT),
        },
        title="Överlämning",
    )
