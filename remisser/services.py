"""Every write of a remiss: the referrer's draft and submission, the team's decisions.

Each service is one transaction, checks who may do it and from which status,
and writes its audit event. A decision tells the referrer through a task,
after the commit.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from deltagare import services as deltagare_services
from deltagare.uploads import kontrollera_blankett
from remisser.models import AvbojdOrsak, Remiss, Status
from remisser.tasks import skicka_besked
from samverkan import audit
from samverkan.models import Insats, Medlemskap

REFERRER_FIELDS = (
    "fornamn",
    "efternamn",
    "personnummer",
    "fodelsedatum",
    "kon",
    "telefon",
    "epost",
    "tolk_tillganglighet",
    "anledning",
    "aktuell_af",
    "aktuell_fk",
    "aktuell_socialtjanst",
    "aktuell_halso_sjukvard",
    "tidigare_insatser",
    "andra_kontakter",
    "egna_mal",
    "skriven_tillsammans",
    "informationsmote_onskas",
    "forslag_tider",
    "samtycke_uppfoljning",
)


def _logga(*, actor, remiss, action, request=None, detail=None):
    return audit.record(
        action=action,
        actor=actor,
        obj=remiss,
        forbund=remiss.insats.forbund,
        request=request,
        detail=detail,
    )


def _ny_status(*, actor, remiss: Remiss, request, besked: bool, detail=None) -> Remiss:
    """Save the remiss in its new status and audit it; `besked`: a decision the
    referrer hears of, by mail after the commit."""
    remiss.save()
    detail = {"status": remiss.status, **(detail or {})}
    _logga(actor=actor, remiss=remiss, action=audit.Action.CHANGE, request=request, detail=detail)
    if besked:
        transaction.on_commit(lambda: skicka_besked.delay(remiss.pk))
    return remiss


def _las(remiss: Remiss) -> Remiss:
    return (
        Remiss.objects.select_for_update(of=("self",))
        .select_related("insats__forbund", "organisation")
        .get(pk=remiss.pk)
    )


def _kraver_remittent(actor, remiss: Remiss):
    if actor.pk not in (remiss.handlaggare_id, remiss.overlamnad_till_id):
        raise PermissionDenied


def _kraver_team(actor, remiss: Remiss):
    if not Insats.objects.staff_of(actor).filter(pk=remiss.insats_id).exists():
        raise PermissionDenied


def _las_for_beslut(actor, remiss: Remiss) -> Remiss:
    """The team's decisions: by the insats's staff, on a remiss waiting for one."""
    remiss = _las(remiss)
    _kraver_team(actor, remiss)
    _kraver_status(remiss, Status.INKOMMEN, Status.UNDER_BEDOMNING)
    return remiss


def _kraver_status(remiss: Remiss, *statuses):
    if remiss.status not in statuses:
        raise ValidationError(
            _("Det går inte när remissen har status %(status)s.")
            % {"status": remiss.get_status_display().lower()},
            code="fel_status",
        )


@transaction.atomic
def remiss_spara_utkast(
    *, actor, insats: Insats, data: dict, fil=None, remiss: Remiss | None = None, request=None
) -> Remiss:
    """Create or update the referrer's draft. Nothing is checked for completeness yet."""
    if remiss is None:
        membership = (
            Medlemskap.objects.filter(user=actor, roll="handlaggare", forbund=insats.forbund)
            .aktiva()
            .select_related("organisation")
            .first()
        )
        if membership is None:
            raise PermissionDenied
        remiss = Remiss(insats=insats, organisation=membership.organisation, handlaggare=actor)
        action = audit.Action.CREATE
    else:
        remiss = _las(remiss)
        _kraver_remittent(actor, remiss)
        _kraver_status(remiss, Status.UTKAST, Status.KOMPLETTERING)
        action = audit.Action.CHANGE
    for field in REFERRER_FIELDS:
        if field in data:
            setattr(remiss, field, data[field] if data[field] is not None else "")
    if remiss.fodelsedatum == "":
        remiss.fodelsedatum = None
    if fil is not None:
        try:
            content_type, extension = kontrollera_blankett(fil)
        except ValidationError as error:
            raise ValidationError({"samtycke_fil": error.messages}) from None
        remiss.samtycke_fil.save(f"samtycke{extension}", fil, save=False)
        remiss.samtycke_fil_typ = content_type
    remiss.full_clean()
    remiss.save()
    _logga(actor=actor, remiss=remiss, action=action, request=request)
    return remiss


def _komplett(remiss: Remiss) -> dict:
    errors = {}
    for field, message in (
        ("fornamn", _("Ange förnamn.")),
        ("efternamn", _("Ange efternamn.")),
        ("kon", _("Välj kön.")),
        ("anledning", _("Beskriv anledningen till remissen och syftet.")),
    ):
        if not getattr(remiss, field):
            errors[field] = message
    if not remiss.personnummer and not remiss.fodelsedatum:
        errors["personnummer"] = _("Ange personnummer, eller födelsedatum om det saknas.")
    if not remiss.skriven_tillsammans:
        errors["skriven_tillsammans"] = _("Remissen ska vara skriven tillsammans med personen.")
    if not remiss.samtycke_fil:
        errors["samtycke_fil"] = _("Bifoga det undertecknade samtycket.")
    antal = sum(
        [
            remiss.aktuell_af,
            remiss.aktuell_fk,
            remiss.aktuell_socialtjanst,
            remiss.aktuell_halso_sjukvard,
        ]
    )
    if antal < remiss.insats.min_antal_myndigheter:
        errors["aktuell_af"] = ngettext(
            "Insatsen kräver att personen är aktuell hos minst %(min)s myndighet.",
            "Insatsen kräver att personen är aktuell hos minst %(min)s myndigheter.",
            remiss.insats.min_antal_myndigheter,
        ) % {"min": remiss.insats.min_antal_myndigheter}
    return errors


def finns_redan(remiss: Remiss) -> bool:
    """The same person has another open remiss, or an open case, in this insats."""
    from deltagare.models import Inskrivning

    if not remiss.personnummer:
        return False
    open_remiss = (
        Remiss.objects.filter(insats=remiss.insats, personnummer=remiss.personnummer)
        .filter(status__in=[Status.INKOMMEN, Status.UNDER_BEDOMNING, Status.KOMPLETTERING])
        .exclude(pk=remiss.pk)
        .exists()
    )
    open_case = (
        Inskrivning.objects.filter(
            insats=remiss.insats, deltagare__personnummer=remiss.personnummer
        )
        .exclude(steg="avslut")
        .exists()
    )
    return open_remiss or open_case


@transaction.atomic
def remiss_skicka(*, actor, remiss: Remiss, trots_dubblett=False, request=None) -> Remiss:
    """Send the remiss. Sending twice (double click, back button) changes nothing."""
    remiss = _las(remiss)
    _kraver_remittent(actor, remiss)
    if remiss.status in (Status.INKOMMEN, Status.UNDER_BEDOMNING):
        return remiss  # already sent: the second click is a no-op
    _kraver_status(remiss, Status.UTKAST, Status.KOMPLETTERING)
    errors = _komplett(remiss)
    if errors:
        raise ValidationError(errors)
    if not trots_dubblett and remiss.status == Status.UTKAST and finns_redan(remiss):
        raise ValidationError(
            {
                "skicka_anda": _(
                    "Personen har redan en öppen remiss eller ett pågående ärende i insatsen. "
                    "Kryssa i om remissen ändå ska skickas."
                )
            },
            code="dubblett",
        )
    now = timezone.now()
    if remiss.status == Status.KOMPLETTERING and remiss.komplettering_begard:
        # The deadline stood still while the referrer completed the remiss.
        remiss.pausad_dagar += (now.date() - remiss.komplettering_begard.date()).days
    else:
        remiss.inkommen = now
    remiss.status = Status.INKOMMEN
    return _ny_status(actor=actor, remiss=remiss, request=request, besked=False)


@transaction.atomic
def remiss_bedom(
    *, actor, remiss: Remiss, teammote: datetime.date | None, tilldelad=None, request=None
) -> Remiss:
    """Put the remiss on a team-meeting date and assign it."""
    remiss = _las_for_beslut(actor, remiss)
    if (
        tilldelad is not None
        and not Insats.objects.staff_of(tilldelad).filter(pk=remiss.insats_id).exists()
    ):
        raise ValidationError({"tilldelad": _("Välj någon i insatsens personal.")})
    remiss.teammote = teammote
    remiss.tilldelad = tilldelad
    remiss.status = Status.UNDER_BEDOMNING
    return _ny_status(actor=actor, remiss=remiss, request=request, besked=False)


@transaction.atomic
def remiss_begar_komplettering(*, actor, remiss: Remiss, text: str, request=None) -> Remiss:
    remiss = _las_for_beslut(actor, remiss)
    if not text.strip():
        raise ValidationError({"text": _("Skriv vad som behöver kompletteras.")})
    remiss.status = Status.KOMPLETTERING
    remiss.komplettering_begard = timezone.now()
    remiss.komplettering_text = text.strip()
    return _ny_status(actor=actor, remiss=remiss, request=request, besked=True)


@transaction.atomic
def remiss_avboj(*, actor, remiss: Remiss, orsak: str, text: str = "", request=None) -> Remiss:
    remiss = _las_for_beslut(actor, remiss)
    if orsak not in AvbojdOrsak.values:
        raise ValidationError({"orsak": _("Välj ett skäl.")})
    if orsak == AvbojdOrsak.ANNAT and not text.strip():
        raise ValidationError({"text": _("Beskriv skälet.")})
    remiss.status = Status.AVBOJD
    remiss.avbojd_orsak = orsak
    remiss.beslut_text = text.strip()
    remiss.beslutad = timezone.now()
    remiss.beslutad_av = actor
    return _ny_status(
        actor=actor, remiss=remiss, request=request, besked=True, detail={"orsak": orsak}
    )


@transaction.atomic
def remiss_anta(*, actor, remiss: Remiss, request=None) -> Remiss:
    """Accept: the participant, the enrolment and the consent come from the remiss;
    a person already registered in the förbund is linked, not registered twice."""
    remiss = _las_for_beslut(actor, remiss)
    person = {
        "fornamn": remiss.fornamn,
        "efternamn": remiss.efternamn,
        "personnummer": remiss.personnummer,
        "fodelsedatum": remiss.fodelsedatum,
        "kon": remiss.kon,
        "telefon": remiss.telefon,
        "epost": remiss.epost,
    }
    if remiss.personnummer:
        from deltagare.personnummer import parse

        parsed = parse(remiss.personnummer)
        person.update(fodelsedatum=parsed.fodelsedatum, samordningsnummer=parsed.samordningsnummer)
    befintlig = deltagare_services.registrering.hitta_dubblett(
        forbund=remiss.insats.forbund,
        personnummer=remiss.personnummer,
        fornamn=remiss.fornamn,
        efternamn=remiss.efternamn,
        fodelsedatum=person["fodelsedatum"],
    )
    inskrivning = deltagare_services.deltagare_aktualisera(
        actor=actor,
        insats=remiss.insats,
        person=person,
        aktualiserad=remiss.inkommen.date(),
        remittent_organisation=remiss.organisation,
        koppla_till_befintlig=befintlig is not None,
        request=request,
    )
    syften = {"informationsutbyte", "registrering"}
    if remiss.samtycke_uppfoljning:
        syften.add("uppfoljning")
    deltagare_services.samtycke_registrera(
        actor=actor,
        inskrivning=inskrivning,
        organisationer=[remiss.organisation],
        syften=syften,
        givet=remiss.inkommen.date(),
        satt="blankett",
        fil=remiss.samtycke_fil,
        request=request,
    )
    remiss.status = Status.ANTAGEN
    remiss.beslutad = timezone.now()
    remiss.beslutad_av = actor
    remiss.inskrivning = inskrivning
    return _ny_status(actor=actor, remiss=remiss, request=request, besked=True)


@transaction.atomic
def remiss_overlamna(*, actor, remiss: Remiss, till, request=None) -> Remiss:
    """Hand a remiss over to a colleague at the same organisation."""
    remiss = _las(remiss)
    _kraver_remittent(actor, remiss)
    colleague = (
        Medlemskap.objects.filter(user=till, roll="handlaggare", organisation=remiss.organisation)
        .aktiva()
        .exists()
    )
    if not colleague or till.pk == remiss.handlaggare_id:
        raise ValidationError({"till": _("Välj en kollega i samma organisation.")})
    remiss.overlamnad_till = till
    remiss.save(update_fields=["overlamnad_till"])
    _logga(
        actor=actor,
        remiss=remiss,
        action=audit.Action.CHANGE,
        request=request,
        detail={"overlamnad": True},
    )
    return remiss
