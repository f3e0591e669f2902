"""Step 1, aktualisering: a person and a new enrolment, with the duplicate check."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from deltagare.koder import Steg
from deltagare.models import Deltagare, Inskrivning, StegByte
from deltagare.personnummer import parse
from deltagare.services.common import kraver_personal, logga
from samverkan import audit
from samverkan.models import Insats, Organisation

PERSON_FIELDS = (
    "fornamn",
    "efternamn",
    "personnummer",
    "samordningsnummer",
    "fodelsedatum",
    "reservnummer",
    "kon",
    "folkbokforingskommun",
    "adress",
    "postnummer",
    "postort",
    "telefon",
    "epost",
    "skyddade_personuppgifter",
)


def _med_fodelsedatum(person: dict) -> dict:
    """The birth date (and the samordningsnummer flag) always follow from a personnummer,
    so that age can be computed in the database from fodelsedatum alone."""
    if not person.get("personnummer"):
        return person
    try:
        parsed = parse(person["personnummer"])
    except ValidationError as error:
        raise ValidationError({"personnummer": error.messages}) from None
    return {
        **person,
        "personnummer": parsed.nummer,
        "fodelsedatum": parsed.fodelsedatum,
        "samordningsnummer": parsed.samordningsnummer,
    }


class Dubblett(ValidationError):
    """The person may already be registered in the förbund."""

    def __init__(self, *, befintlig: Deltagare, synlig: bool):
        self.befintlig = befintlig
        self.synlig = synlig
        super().__init__(_("Personen finns redan registrerad i förbundet."), code="finns_redan")


def hitta_dubblett(*, forbund, personnummer="", fornamn="", efternamn="", fodelsedatum=None):
    """Same personnummer, or same name and birth date, in the same förbund."""
    match = Q(pk__in=[])
    if personnummer:
        match |= Q(personnummer=personnummer)
    if fornamn and efternamn and fodelsedatum:
        match |= Q(fornamn__iexact=fornamn, efternamn__iexact=efternamn, fodelsedatum=fodelsedatum)
    return Deltagare.objects.filter(forbund=forbund, anonym=False).filter(match).first()


@transaction.atomic
def deltagare_aktualisera(
    *,
    actor,
    insats: Insats,
    person: dict,
    aktualiserad: datetime.date,
    remittent_organisation: Organisation | None = None,
    informationsmote: datetime.date | None = None,
    koppla_till_befintlig: bool = False,
    request=None,
) -> Inskrivning:
    """Register the person (or link to the existing registration) and open an enrolment."""
    kraver_personal(actor, insats)
    if person.get("skyddade_personuppgifter") and insats.forbund.anonyma_vid_skyddad_identitet:
        raise ValidationError(
            {
                "skyddade_personuppgifter": _(
                    "Förbundet registrerar personer med skyddade personuppgifter anonymt. "
                    "Använd Registrera anonym deltagare."
                )
            }
        )
    if remittent_organisation and remittent_organisation.forbund_id != insats.forbund_id:
        raise ValidationError(
            {"remittent_organisation": _("Organisationen hör till ett annat förbund.")}
        )
    person = _med_fodelsedatum(person)
    befintlig = hitta_dubblett(
        forbund=insats.forbund,
        personnummer=person.get("personnummer", ""),
        fornamn=person.get("fornamn", ""),
        efternamn=person.get("efternamn", ""),
        fodelsedatum=person.get("fodelsedatum"),
    )
    if befintlig is not None and not koppla_till_befintlig:
        synlig = Deltagare.objects.for_user(actor).filter(pk=befintlig.pk).exists()
        raise Dubblett(befintlig=befintlig, synlig=synlig)
    if befintlig is not None:
        deltagare = befintlig
        if deltagare.inskrivningar.filter(insats=insats).exclude(steg=Steg.AVSLUT).exists():
            raise ValidationError(
                _("Personen har redan ett pågående ärende i den här insatsen."), code="pagaende"
            )
    else:
        deltagare = Deltagare(
            forbund=insats.forbund,
            skapad_av=actor,
            **{f: person[f] for f in PERSON_FIELDS if f in person},
        )
        deltagare.full_clean()
        deltagare.save()
        audit.record(
            action=audit.Action.CREATE,
            actor=actor,
            obj=deltagare,
            forbund=insats.forbund,
            deltagare_uuid=deltagare.uuid,
            request=request,
        )
    inskrivning = Inskrivning.objects.create(
        deltagare=deltagare,
        insats=insats,
        aktualiserad=aktualiserad,
        remittent_organisation=remittent_organisation,
        informationsmote=informationsmote,
    )
    StegByte.objects.create(inskrivning=inskrivning, fran="", till=Steg.AKTUALISERING, av=actor)
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CREATE,
        request=request,
        detail={"steg": Steg.AKTUALISERING, "befintlig": befintlig is not None},
    )
    return inskrivning


@transaction.atomic
def deltagare_registrera_anonym(
    *, actor, insats: Insats, kon: str, startar: int, request=None
) -> Inskrivning:
    """A participant counted but not registered: only kön and start year are kept."""
    kraver_personal(actor, insats)
    deltagare = Deltagare(
        forbund=insats.forbund, anonym=True, kon=kon, startar=startar, skapad_av=actor
    )
    deltagare.full_clean()
    deltagare.save()
    # Anonymous enrolments count by year only: the date is the first day of that year.
    start = datetime.date(startar, 1, 1)
    inskrivning = Inskrivning.objects.create(
        deltagare=deltagare,
        insats=insats,
        aktualiserad=start,
        inskrivningsdatum=start,
        steg=Steg.INSKRIVNING,
    )
    StegByte.objects.create(inskrivning=inskrivning, fran="", till=Steg.INSKRIVNING, av=actor)
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CREATE,
        request=request,
        detail={"anonym": True},
    )
    return inskrivning


@transaction.atomic
def deltagare_uppdatera(*, actor, deltagare: Deltagare, person: dict, request=None) -> Deltagare:
    """Change a participant's personal details; the audit event names the fields only."""
    if deltagare.anonym:
        raise ValidationError(_("En anonym deltagare har inga personuppgifter att ändra."))
    if not Deltagare.objects.for_user(actor).filter(pk=deltagare.pk).exists():
        raise ValidationError(_("Du arbetar inte med den här deltagaren."))
    person = _med_fodelsedatum(person)
    deltagare = Deltagare.objects.select_for_update().get(pk=deltagare.pk)
    changed = [f for f in PERSON_FIELDS if f in person and getattr(deltagare, f) != person[f]]
    for field in changed:
        setattr(deltagare, field, person[field])
    if not changed:
        return deltagare
    deltagare.full_clean()
    deltagare.save(update_fields=changed)
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=deltagare,
        forbund=deltagare.forbund,
        deltagare_uuid=deltagare.uuid,
        request=request,
        detail={"falt": changed},
    )
    return deltagare
