"""Moving the case on: inskrivning, the start of insatser, extension and avslut."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from deltagare.koder import Steg, SusTidpunkt, VagUt
from deltagare.models import Avslut, HandlingsplanVersion, Inskrivning, Kartlaggning, Uppfoljning
from deltagare.models.inskrivning import add_months
from deltagare.services.common import byt_steg, kraver_personal, kraver_steg, las_inskrivning, logga
from deltagare.services.samtycke import giltigt_samtycke
from deltagare.services.sus import sus_spara
from samverkan import audit
from samverkan.models import Insats


def regelavvikelser(*, inskrivning: Inskrivning, datum: datetime.date, sus: dict) -> list[str]:
    """How the person falls outside the insats's inclusion rules, in words."""
    insats = inskrivning.insats
    avvikelser = []
    alder = inskrivning.deltagare.alder(datum)
    if alder is not None and not insats.malgrupp_alder_min <= alder <= insats.malgrupp_alder_max:
        avvikelser.append(
            _("Åldern %(alder)s år är utanför insatsens målgrupp (%(min)s–%(max)s år).")
            % {"alder": alder, "min": insats.malgrupp_alder_min, "max": insats.malgrupp_alder_max}
        )
    antal = sum(
        bool(sus.get(f))
        for f in ("aktuell_af", "aktuell_fk", "aktuell_socialtjanst", "aktuell_halso_sjukvard")
    )
    if antal < insats.min_antal_myndigheter:
        avvikelser.append(
            ngettext(
                "Personen är aktuell hos %(antal)s myndighet; insatsen kräver minst %(min)s.",
                "Personen är aktuell hos %(antal)s myndigheter; insatsen kräver minst %(min)s.",
                antal,
            )
            % {"antal": antal, "min": insats.min_antal_myndigheter}
        )
    return avvikelser


@transaction.atomic
def inskrivning_skriv_in(
    *,
    actor,
    inskrivning: Inskrivning,
    datum: datetime.date,
    kontaktperson,
    kontaktperson2,
    sus: dict,
    forsorjning: list[str],
    undantag_skal: str = "",
    request=None,
) -> Inskrivning:
    """Step 2: enrol, with two contact persons and the SUS variables at start."""
    inskrivning = las_inskrivning(inskrivning)
    insats = inskrivning.insats
    kraver_personal(actor, insats)
    kraver_steg(inskrivning, Steg.AKTUALISERING)
    samtycke = giltigt_samtycke(inskrivning, datum)
    if samtycke is None or not samtycke.registrering:
        raise ValidationError(
            _(
                "Inskrivning kräver ett giltigt samtycke som omfattar registrering. "
                "Utan samtycke kan personen registreras anonymt."
            ),
            code="samtycke_saknas",
        )
    errors = {}
    if insats.informationsmote_forst and inskrivning.informationsmote is None:
        errors["datum"] = _("Insatsen kräver ett informationsmöte före inskrivning.")
    if datum < inskrivning.aktualiserad:
        errors["datum"] = _("Inskrivningen kan inte vara före aktualiseringen.")
    personal = set(Insats.objects.filter(pk=insats.pk).values_list("medlemskap__user", flat=True))
    for field, person in (("kontaktperson", kontaktperson), ("kontaktperson2", kontaktperson2)):
        if person is None or person.pk not in personal:
            errors[field] = _("Välj någon i insatsens personal.")
    if kontaktperson and kontaktperson2 and kontaktperson == kontaktperson2:
        errors["kontaktperson2"] = _("Den andra kontaktpersonen ska vara en annan person.")
    avvikelser = regelavvikelser(inskrivning=inskrivning, datum=datum, sus=sus)
    if avvikelser and not undantag_skal.strip():
        errors["undantag_skal"] = [
            *avvikelser,
            _("Skriv ett skäl om personen ändå ska skrivas in."),
        ]
    if errors:
        raise ValidationError(errors)
    sus_spara(
        inskrivning=inskrivning, tidpunkt=SusTidpunkt.START, data=sus, forsorjning=forsorjning
    )
    inskrivning.inskrivningsdatum = datum
    inskrivning.kontaktperson = kontaktperson
    inskrivning.kontaktperson2 = kontaktperson2
    inskrivning.undantag_skal = undantag_skal.strip() if avvikelser else ""
    inskrivning.save()
    Kartlaggning.objects.get_or_create(inskrivning=inskrivning)
    byt_steg(actor=actor, inskrivning=inskrivning, till=Steg.INSKRIVNING, request=request)
    return inskrivning


@transaction.atomic
def insatser_paborja(*, actor, inskrivning: Inskrivning, request=None) -> Inskrivning:
    """Step 3 to 4: the mapping is done and there is a plan."""
    inskrivning = las_inskrivning(inskrivning)
    kraver_personal(actor, inskrivning.insats)
    kraver_steg(inskrivning, Steg.KARTLAGGNING)
    klar = Kartlaggning.objects.filter(inskrivning=inskrivning, klar__isnull=False).exists()
    plan = HandlingsplanVersion.objects.filter(inskrivning=inskrivning).exists()
    if not (klar and plan):
        raise ValidationError(
            _("Kartläggningen ska vara klar och handlingsplanen skriven innan insatserna börjar."),
            code="ej_klar",
        )
    byt_steg(actor=actor, inskrivning=inskrivning, till=Steg.INSATSER, request=request)
    return inskrivning


@transaction.atomic
def inskrivning_forlang(
    *,
    actor,
    inskrivning: Inskrivning,
    beslut: datetime.date,
    referens: str,
    manader: int,
    request=None,
) -> Inskrivning:
    """One extension, decided by the styrgrupp, within the insats's limit."""
    inskrivning = las_inskrivning(inskrivning)
    insats = inskrivning.insats
    kraver_personal(actor, insats)
    kraver_steg(inskrivning, Steg.INSKRIVNING, Steg.KARTLAGGNING, Steg.INSATSER)
    errors = {}
    if inskrivning.forlangd_manader:
        errors["manader"] = _("Ärendet är redan förlängt en gång.")
    if not 1 <= manader <= insats.forlangning_manader:
        errors["manader"] = _("Förlängningen kan vara högst %(n)s månader.") % {
            "n": insats.forlangning_manader
        }
    if not referens.strip():
        errors["referens"] = _("Ange styrgruppens beslutsreferens.")
    if beslut < inskrivning.inskrivningsdatum:
        errors["beslut"] = _("Beslutet kan inte vara före inskrivningen.")
    if errors:
        raise ValidationError(errors)
    inskrivning.forlangd_manader = manader
    inskrivning.forlangning_beslut = beslut
    inskrivning.forlangning_referens = referens.strip()
    inskrivning.save(
        update_fields=[
            "forlangd_manader",
            "forlangning_beslut",
            "forlangning_referens",
            "senast_andrad",
        ]
    )
    logga(
        actor=actor,
        inskrivning=inskrivning,
        action=audit.Action.CHANGE,
        request=request,
        detail={"forlangd_manader": manader},
    )
    return inskrivning


@transaction.atomic
def inskrivning_avsluta(
    *,
    actor,
    inskrivning: Inskrivning,
    avslut: dict,
    sus: dict | None = None,
    forsorjning: list[str] | None = None,
    request=None,
) -> Avslut:
    """Step 5: the way out, who is responsible afterwards, SUS at exit, the follow-up."""
    inskrivning = las_inskrivning(inskrivning)
    kraver_personal(actor, inskrivning.insats)
    kraver_steg(inskrivning, Steg.AKTUALISERING, Steg.INSKRIVNING, Steg.KARTLAGGNING, Steg.INSATSER)
    felregistrering = avslut.get("vag_ut") == VagUt.FELREGISTRERING
    row = Avslut(inskrivning=inskrivning, registrerat_av=actor, **avslut)
    row.full_clean(exclude=["inskrivning"])
    start = inskrivning.inskrivningsdatum or inskrivning.aktualiserad
    if row.datum < start:
        raise ValidationError({"datum": _("Avslutet kan inte vara före inskrivningen.")})
    # Who was never enrolled, or was registered by mistake, has no exit values to record.
    kraver_sus = not felregistrering and inskrivning.steg != Steg.AKTUALISERING
    if kraver_sus:
        if not sus:
            raise ValidationError(_("SUS-uppgifterna vid avslut behöver fyllas i."))
        sus_spara(
            inskrivning=inskrivning,
            tidpunkt=SusTidpunkt.AVSLUT,
            data=sus,
            forsorjning=forsorjning or [],
        )
    row.save()
    samtycke = giltigt_samtycke(inskrivning, row.datum)
    if not felregistrering and samtycke is not None and samtycke.uppfoljning:
        Uppfoljning.objects.create(inskrivning=inskrivning, planerad=add_months(row.datum, 12))
    byt_steg(actor=actor, inskrivning=inskrivning, till=Steg.AVSLUT, request=request)
    return row
