"""Board meetings: the agenda, decisions as att-clauses, grants flowing into
the insats's economy, uppdrag, and the paragraph numbers of the protocol."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rapporter.models import Ekonomi
from samverkan import audit
from samverkan.models import Insats
from styrelse.models import (
    Ansokan,
    Arende,
    Attsats,
    BeviljatBelopp,
    Beviljning,
    Forbundsinstallning,
    Kallelseutskick,
    Narvaro,
    Sammantrade,
    Uppdrag,
)
from styrelse.services.common import kontrollera_offentlig_text, kraver_kansli

S = Ansokan.Status
M = Sammantrade.Status
# Until the protocol is drawn up the agenda and the decisions may change.
OPPNA = (M.PLANERAT, M.KALLAT)


def _las(sammantrade) -> Sammantrade:
    return Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)


def _kraver_oppet(sammantrade):
    if sammantrade.status not in OPPNA:
        raise ValidationError(
            _("Protokollet är upprättat: sammanträdet kan inte ändras."), code="upprattat"
        )


@transaction.atomic
def sammantrade_skapa(
    *,
    actor,
    forbund,
    datum: datetime.date,
    starttid: datetime.time,
    plats: str,
    typ: str = Sammantrade.Typ.ORDINARIE,
    sluttid: datetime.time | None = None,
    request=None,
) -> Sammantrade:
    kraver_kansli(actor, forbund.pk)
    sammantrade = Sammantrade(
        forbund=forbund, datum=datum, starttid=starttid, sluttid=sluttid, plats=plats, typ=typ
    )
    sammantrade.full_clean()
    sammantrade.save()
    audit.record(action=audit.Action.CREATE, actor=actor, obj=sammantrade, request=request)
    return sammantrade


@transaction.atomic
def kallelse_skicka(*, actor, sammantrade: Sammantrade, request=None) -> Kallelseutskick:
    """Send the kallelse to the förbund's board members by e-mail (after commit,
    through Celery). Sending again is allowed; every sending is recorded."""
    from styrelse.selectors import kallelsens_mottagare
    from styrelse.tasks import skicka_kallelse

    sammantrade = _las(sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    _kraver_oppet(sammantrade)
    mottagare = kallelsens_mottagare(sammantrade.forbund_id)
    if not mottagare:
        raise ValidationError(
            _("Förbundet har ingen styrelseledamot med e-postadress att skicka kallelsen till."),
            code="inga_mottagare",
        )
    utskick = Kallelseutskick.objects.create(
        sammantrade=sammantrade, skickad_av=actor, antal_mottagare=len(mottagare)
    )
    if sammantrade.status == M.PLANERAT:
        sammantrade.status = M.KALLAT
        sammantrade.save(update_fields=["status"])
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=sammantrade,
        request=request,
        detail={"kallelse": utskick.pk, "mottagare": len(mottagare)},
    )
    transaction.on_commit(lambda: skicka_kallelse.delay(utskick.pk))
    return utskick


@transaction.atomic
def narvaro_lagg_till(*, actor, sammantrade: Sammantrade, request=None, **falt) -> Narvaro:
    """Someone present: role, beslutande, justerare, and when they joined or left."""
    sammantrade = _las(sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    _kraver_oppet(sammantrade)
    narvaro = Narvaro(sammantrade=sammantrade, **falt)
    _kontrollera_narvaro(narvaro)
    narvaro.save()
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=sammantrade,
        request=request,
        detail={"narvaro": narvaro.pk},
    )
    return narvaro


@transaction.atomic
def arende_skapa(
    *,
    actor,
    sammantrade: Sammantrade,
    typ: str,
    rubrik: str,
    text: str = "",
    forslag: str = "",
    ansokan: Ansokan | None = None,
    visa_ekonomi: bool = False,
    rapport=None,
    request=None,
) -> Arende:
    """An item on the agenda. An application put on it moves to "på dagordningen"."""
    sammantrade = _las(sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    _kraver_oppet(sammantrade)
    kontrollera_offentlig_text({"rubrik": rubrik, "text": text, "forslag": forslag})
    if ansokan is not None:
        ansokan = Ansokan.objects.select_for_update().get(pk=ansokan.pk)
        if ansokan.forbund_id != sammantrade.forbund_id:
            raise ValidationError({"ansokan": _("Ansökan hör till ett annat förbund.")})
        if ansokan.status != S.UNDER_BEREDNING:
            raise ValidationError(
                {"ansokan": _("Bara en ansökan under beredning kan sättas på dagordningen.")}
            )
        if typ != Arende.Typ.BESLUT:
            raise ValidationError({"typ": _("En ansökan är ett beslutsärende.")})
    if rapport is not None and (
        rapport.forbund_id != sammantrade.forbund_id or not rapport.ar_publicerad
    ):
        raise ValidationError({"rapport": _("Välj en publicerad rapport från förbundet.")})
    ordning = (sammantrade.arenden.aggregate(m=Max("ordning"))["m"] or 0) + 1
    arende = Arende(
        sammantrade=sammantrade,
        forbund_id=sammantrade.forbund_id,
        ordning=ordning,
        typ=typ,
        rubrik=rubrik,
        text=text,
        forslag=forslag,
        ansokan=ansokan,
        visa_ekonomi=visa_ekonomi,
        rapport=rapport,
    )
    arende.full_clean()
    arende.save()
    if ansokan is not None:
        ansokan.status = S.PA_DAGORDNINGEN
        ansokan.save(update_fields=["status", "andrad"])
        audit.record(
            action=audit.Action.CHANGE,
            actor=actor,
            obj=ansokan,
            request=request,
            detail={"status": [S.UNDER_BEREDNING, S.PA_DAGORDNINGEN], "arende": arende.pk},
        )
    audit.record(action=audit.Action.CREATE, actor=actor, obj=arende, request=request)
    return arende


NARVARO_FALT = (
    "namn",
    "roll",
    "user",
    "organisation",
    "beslutande",
    "justerare",
    "ankom",
    "lamnade",
)
ARENDE_FALT = ("typ", "rubrik", "text", "forslag", "visa_ekonomi")


def _kontrollera_narvaro(narvaro):
    if narvaro.justerare and narvaro.user_id is None:
        raise ValidationError(
            {"user": _("En justerare behöver ett konto för att kunna justera i tjänsten.")}
        )
    if narvaro.ankom and narvaro.lamnade and narvaro.lamnade <= narvaro.ankom:
        raise ValidationError({"lamnade": _("Tiden då personen lämnade är före ankomsten.")})
    narvaro.full_clean()


@transaction.atomic
def narvaro_andra(*, actor, narvaro: Narvaro, request=None, **falt) -> Narvaro:
    """Correct a närvaro row while the protocol is not yet drawn up."""
    sammantrade = _las(narvaro.sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    _kraver_oppet(sammantrade)
    narvaro = Narvaro.objects.select_for_update().get(pk=narvaro.pk, sammantrade=sammantrade)
    andrade = [f for f in NARVARO_FALT if f in falt and getattr(narvaro, f) != falt[f]]
    for namn in andrade:
        setattr(narvaro, namn, falt[namn])
    _kontrollera_narvaro(narvaro)
    if andrade:
        narvaro.save(update_fields=andrade)
        audit.record(
            action=audit.Action.CHANGE,
            actor=actor,
            obj=sammantrade,
            request=request,
            detail={"narvaro": narvaro.pk, "falt": andrade},
        )
    return narvaro


@transaction.atomic
def narvaro_ta_bort(*, actor, narvaro: Narvaro, request=None) -> None:
    sammantrade = _las(narvaro.sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    _kraver_oppet(sammantrade)
    pk = narvaro.pk
    Narvaro.objects.filter(pk=pk, sammantrade=sammantrade).delete()
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=sammantrade,
        request=request,
        detail={"narvaro_borttagen": pk},
    )


def _arende_las(actor, arende) -> tuple[Sammantrade, Arende]:
    sammantrade = _las(arende.sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    _kraver_oppet(sammantrade)
    return sammantrade, Arende.objects.select_for_update().get(pk=arende.pk)


@transaction.atomic
def arende_andra(*, actor, arende: Arende, request=None, **falt) -> Arende:
    """Correct an agenda item before the protocol is drawn up. The application
    it concerns stays (remove the item and add a new one to change it); an
    item with a recorded decision keeps its kind."""
    _sammantrade, arende = _arende_las(actor, arende)
    falt = {f: v for f, v in falt.items() if f in ARENDE_FALT}
    kontrollera_offentlig_text(
        {f: falt[f] or "" for f in ("rubrik", "text", "forslag") if f in falt}
    )
    typ = falt.get("typ", arende.typ)
    if typ != arende.typ:
        if arende.beslutad is not None:
            raise ValidationError(
                {"typ": _("Beslutet är registrerat: ärendets typ kan inte ändras.")}
            )
        if arende.ansokan_id is not None:
            raise ValidationError({"typ": _("En ansökan är ett beslutsärende.")})
    andrade = [f for f, v in falt.items() if getattr(arende, f) != v]
    for namn in andrade:
        setattr(arende, namn, falt[namn])
    arende.full_clean()
    if andrade:
        arende.save(update_fields=andrade)
        audit.record(
            action=audit.Action.CHANGE,
            actor=actor,
            obj=arende,
            request=request,
            detail={"falt": andrade},
        )
    return arende


@transaction.atomic
def arende_ta_bort(*, actor, arende: Arende, request=None) -> None:
    """Remove an item from the agenda before the protocol is drawn up. It never
    had a paragraph number (they are given at upprättande), so none is lost. An
    application on it goes back to beredning; the items after it move up."""
    sammantrade, arende = _arende_las(actor, arende)
    if arende.beslutad is not None:
        raise ValidationError(
            _("Beslutet är registrerat: ärendet kan inte tas bort."), code="beslutad"
        )
    if Uppdrag.objects.filter(models.Q(arende=arende) | models.Q(aterrapporterat_i=arende)):
        raise ValidationError(
            _("Ärendet har ett uppdrag kopplat till sig och kan inte tas bort."), code="uppdrag"
        )
    ansokan = arende.ansokan
    pk, ordning = arende.pk, arende.ordning
    audit.record(
        action=audit.Action.DELETE,
        actor=actor,
        obj=arende,
        request=request,
        detail={"sammantrade": sammantrade.pk, "rubrik": arende.rubrik},
    )
    arende.delete()
    # Close the gap in agenda order, front to back so (meeting, order) stays unique.
    for senare in sammantrade.arenden.filter(ordning__gt=ordning).order_by("ordning"):
        senare.ordning -= 1
        senare.save(update_fields=["ordning"])
    if ansokan is not None:
        ansokan = Ansokan.objects.select_for_update().get(pk=ansokan.pk)
        if ansokan.status == S.PA_DAGORDNINGEN:
            ansokan.status = S.UNDER_BEREDNING
            ansokan.save(update_fields=["status", "andrad"])
            audit.record(
                action=audit.Action.CHANGE,
                actor=actor,
                obj=ansokan,
                request=request,
                detail={"status": [S.PA_DAGORDNINGEN, S.UNDER_BEREDNING], "arende_borttaget": pk},
            )


UTFALL_TILL_STATUS = {
    Arende.Utfall.BEVILJA: S.BEVILJAD,
    Arende.Utfall.DELVIS: S.DELVIS_BEVILJAD,
    Arende.Utfall.AVSLA: S.AVSLAGEN,
    Arende.Utfall.ATERREMITTERA: S.ATERREMITTERAD,
}


@transaction.atomic
def arende_besluta(
    *,
    actor,
    arende: Arende,
    attsatser: list[str],
    utfall: str = Arende.Utfall.ALLMANT,
    belopp_per_ar: dict[int, int] | None = None,
    period_start: datetime.date | None = None,
    period_slut: datetime.date | None = None,
    villkor: str = "",
    request=None,
) -> Arende:
    """Record the decision of an item as att-clauses. On an application the
    outcome sets its state; a grant (bevilja, delvis) names the amounts per year
    and the period, and adds them to the insats's granted funds per year."""
    sammantrade = _las(arende.sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    _kraver_oppet(sammantrade)
    arende = Arende.objects.select_for_update().get(pk=arende.pk)
    if arende.typ != Arende.Typ.BESLUT:
        raise ValidationError(_("Bara beslutsärenden har beslut."), code="typ")
    if arende.beslutad is not None:
        raise ValidationError(_("Beslutet är redan registrerat."), code="beslutad")
    attsatser = [a.strip() for a in attsatser if a and a.strip()]
    if not attsatser:
        raise ValidationError({"attsatser": _("Skriv minst en att-sats.")})
    kontrollera_offentlig_text({"attsatser": "\n".join(attsatser), "villkor": villkor or ""})
    ansokan = arende.ansokan
    if ansokan is None and utfall != Arende.Utfall.ALLMANT:
        raise ValidationError({"utfall": _("Det här beslutet gäller en ansökan.")})
    if ansokan is not None and utfall == Arende.Utfall.ALLMANT:
        raise ValidationError(
            {"utfall": _("Välj om ansökan beviljas, avslås eller återremitteras.")}
        )

    arende.utfall = utfall
    arende.beslutad = timezone.now()
    arende.save(update_fields=["utfall", "beslutad"])
    for i, text in enumerate(attsatser, start=1):
        Attsats.objects.create(arende=arende, ordning=i, text=text)

    if ansokan is not None:
        ansokan = Ansokan.objects.select_for_update().get(pk=ansokan.pk)
        if ansokan.status != S.PA_DAGORDNINGEN:
            raise ValidationError(_("Ansökan är inte på dagordningen."), code="status")
        if utfall in (Arende.Utfall.BEVILJA, Arende.Utfall.DELVIS):
            _bevilja(
                actor=actor,
                arende=arende,
                ansokan=ansokan,
                belopp_per_ar=belopp_per_ar or {},
                period_start=period_start,
                period_slut=period_slut,
                villkor=villkor,
                request=request,
            )
        till = UTFALL_TILL_STATUS[utfall]
        ansokan.status = till
        ansokan.beslutstext = "\n".join(f"att {a}" for a in attsatser)
        ansokan.save(update_fields=["status", "beslutstext", "insats", "andrad"])
        audit.record(
            action=audit.Action.CHANGE,
            actor=actor,
            obj=ansokan,
            request=request,
            detail={"status": [S.PA_DAGORDNINGEN, till], "arende": arende.pk},
        )
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=arende,
        request=request,
        detail={"beslut": utfall},
    )
    return arende


def _bevilja(*, actor, arende, ansokan, belopp_per_ar, period_start, period_slut, villkor, request):
    fel = {}
    if not belopp_per_ar or any(int(b) < 0 for b in belopp_per_ar.values()):
        fel["belopp_per_ar"] = _("Ange beviljat belopp för minst ett år.")
    if period_start is None or period_slut is None:
        fel["period_start"] = _("Ange perioden beslutet gäller.")
    elif period_slut < period_start:
        fel["period_slut"] = _("Periodens slut är före dess början.")
    elif any(not (period_start.year <= ar <= period_slut.year) for ar in belopp_per_ar):
        fel["belopp_per_ar"] = _("Beloppen ska gälla år inom perioden.")
    if fel:
        raise ValidationError(fel)

    insats = ansokan.insats
    if insats is None:
        # A new insats (or an external project) is created by the grant.
        namn = ansokan.insats_namn or str(ansokan)
        if Insats.objects.filter(forbund_id=ansokan.forbund_id, namn=namn).exists():
            raise ValidationError(
                {"insats": _("Det finns redan en insats med namnet %(namn)s.") % {"namn": namn}}
            )
        insats = Insats.objects.create(
            forbund_id=ansokan.forbund_id,
            namn=namn,
            typ=(
                Insats.Typ.STRUKTUR
                if ansokan.typ == Ansokan.Typ.MEDFINANSIERING
                else Insats.Typ.INDIVID
            ),
            beskrivning=ansokan.syfte,
            startdatum=period_start,
            slutdatum=period_slut,
        )
        audit.record(action=audit.Action.CREATE, actor=actor, obj=insats, request=request)
        ansokan.insats = insats
    beviljning = Beviljning.objects.create(
        arende=arende,
        ansokan=ansokan,
        insats=insats,
        period_start=period_start,
        period_slut=period_slut,
        villkor=villkor,
    )
    for ar, belopp in sorted(belopp_per_ar.items()):
        belopp = Decimal(int(belopp))
        BeviljatBelopp.objects.create(beviljning=beviljning, ar=ar, belopp=belopp)
        ekonomi, _skapad = Ekonomi.objects.select_for_update().get_or_create(insats=insats, ar=ar)
        ekonomi.beviljat = (ekonomi.beviljat or 0) + belopp
        ekonomi.save(update_fields=["beviljat", "andrad"])
        audit.record(
            action=audit.Action.CHANGE,
            actor=actor,
            obj=ekonomi,
            request=request,
            detail={"beviljat_tillagt": int(belopp), "arende": arende.pk},
        )


@transaction.atomic
def uppdrag_skapa(
    *,
    actor,
    arende: Arende,
    text: str,
    mottagare: str = "förbundschef",
    aterrapport_till: Sammantrade | None = None,
    request=None,
) -> Uppdrag:
    """An uppdrag becomes a follow-up item with the meeting it is due at."""
    kraver_kansli(actor, arende.forbund_id)
    kontrollera_offentlig_text({"text": text})
    if aterrapport_till is not None and (
        aterrapport_till.forbund_id != arende.forbund_id
        or aterrapport_till.datum <= arende.sammantrade.datum
    ):
        raise ValidationError(
            {"aterrapport_till": _("Välj ett senare sammanträde i samma förbund.")}
        )
    uppdrag = Uppdrag.objects.create(
        forbund_id=arende.forbund_id,
        arende=arende,
        text=text,
        mottagare=mottagare,
        aterrapport_till=aterrapport_till,
    )
    audit.record(action=audit.Action.CREATE, actor=actor, obj=uppdrag, request=request)
    return uppdrag


@transaction.atomic
def uppdrag_aterrapportera(*, actor, uppdrag: Uppdrag, arende: Arende, request=None) -> Uppdrag:
    """The item where the uppdrag was reported back; it then leaves the list."""
    uppdrag = Uppdrag.objects.select_for_update().get(pk=uppdrag.pk)
    kraver_kansli(actor, uppdrag.forbund_id)
    if arende.forbund_id != uppdrag.forbund_id:
        raise ValidationError({"arende": _("Ärendet hör till ett annat förbund.")})
    if uppdrag.aterrapporterat_i_id is not None:
        return uppdrag
    uppdrag.aterrapporterat_i = arende
    uppdrag.save(update_fields=["aterrapporterat_i"])
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=uppdrag,
        request=request,
        detail={"aterrapporterat_i": arende.pk},
    )
    return uppdrag


def _installning(forbund_id) -> Forbundsinstallning:
    try:
        with transaction.atomic():
            return Forbundsinstallning.objects.get_or_create(forbund_id=forbund_id)[0]
    except IntegrityError:
        # Another session created it at the same moment.
        return Forbundsinstallning.objects.get(forbund_id=forbund_id)


@transaction.atomic
def paragrafer_tilldela(*, forbund_id: int, antal: int) -> range:
    """The next `antal` paragraph numbers of the förbund. The counter row is
    locked until the transaction ends, so concurrent protocols wait their
    turn; the unique constraint on (förbund, paragraf) is the last guard."""
    _installning(forbund_id)
    raknare = Forbundsinstallning.objects.select_for_update().get(forbund_id=forbund_id)
    forsta = raknare.senaste_paragraf + 1
    raknare.senaste_paragraf += antal
    raknare.save(update_fields=["senaste_paragraf"])
    return range(forsta, forsta + antal)


@transaction.atomic
def forsta_paragraf_satt(*, actor, forbund, senaste: int, request=None) -> None:
    """The office starts the numbering where the paper protocols ended."""
    kraver_kansli(actor, forbund.pk)
    _installning(forbund.pk)
    raknare = Forbundsinstallning.objects.select_for_update().get(forbund=forbund)
    if senaste < raknare.senaste_paragraf:
        raise ValidationError({"senaste": _("Paragrafnummer kan inte återanvändas.")})
    raknare.senaste_paragraf = senaste
    raknare.save(update_fields=["senaste_paragraf"])
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=raknare,
        request=request,
        detail={"senaste_paragraf": senaste},
    )


@transaction.atomic
def protokoll_uppratta(*, actor, sammantrade: Sammantrade, request=None) -> Sammantrade:
    """Draw up the protocol: every decision recorded, justerare named; the
    items get the förbund's next paragraph numbers in agenda order."""
    sammantrade = _las(sammantrade)
    kraver_kansli(actor, sammantrade.forbund_id)
    if sammantrade.status not in OPPNA:
        return sammantrade  # drawn up once; twice changes nothing
    arenden = list(sammantrade.arenden.order_by("ordning"))
    fel = []
    if not arenden:
        fel.append(_("Dagordningen är tom."))
    if any(a.typ == Arende.Typ.BESLUT and a.beslutad is None for a in arenden):
        fel.append(_("Alla beslutsärenden behöver ett registrerat beslut."))
    narvaro = list(sammantrade.narvaro.all())
    if not any(n.justerare for n in narvaro):
        fel.append(_("Utse minst en justerare."))
    if not any(n.beslutande for n in narvaro):
        fel.append(_("Ange vilka som är beslutande."))
    if fel:
        raise ValidationError(fel, code="ofullstandigt")
    nummer = paragrafer_tilldela(forbund_id=sammantrade.forbund_id, antal=len(arenden))
    for arende, paragraf in zip(arenden, nummer, strict=True):
        arende.paragraf = paragraf
        arende.save(update_fields=["paragraf"])
    sammantrade.status = M.UPPRATTAT
    sammantrade.upprattat = timezone.now()
    sammantrade.save(update_fields=["status", "upprattat"])
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=sammantrade,
        request=request,
        detail={"paragrafer": [nummer[0], nummer[-1]]},
    )
    return sammantrade


@transaction.atomic
def protokoll_justera(*, actor, sammantrade: Sammantrade, request=None) -> Sammantrade:
    """A justerare confirms the protocol, with the date. When all have, it is justerat."""
    sammantrade = _las(sammantrade)
    if sammantrade.status not in (M.UPPRATTAT, M.JUSTERAT):
        raise ValidationError(_("Protokollet är inte upprättat för justering."), code="status")
    narvaro = sammantrade.narvaro.filter(justerare=True, user=actor).first()
    if narvaro is None:
        raise PermissionDenied(_("Du är inte justerare för det här protokollet."))
    if narvaro.justerat is None:
        narvaro.justerat = timezone.now()
        narvaro.save(update_fields=["justerat"])
        audit.record(
            action=audit.Action.CHANGE,
            actor=actor,
            obj=sammantrade,
            request=request,
            detail={"justerat_av": narvaro.pk},
        )
    if not sammantrade.narvaro.filter(justerare=True, justerat__isnull=True).exists():
        sammantrade.status = M.JUSTERAT
        sammantrade.save(update_fields=["status"])
    return sammantrade
