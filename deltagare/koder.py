"""Code lists for the participant's case and the SUS-style follow-up.

The same lists serve at inskrivning, avslut and the 12-month follow-up, so that
before and after can be compared (domain.md, "Statistics the reports must produce").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kon(models.TextChoices):
    KVINNA = "kvinna", _("Kvinna")
    MAN = "man", _("Man")
    ANNAT = "annat", _("Annat eller vill inte uppge")


class Steg(models.TextChoices):
    """The five steps, in order."""

    AKTUALISERING = "aktualisering", _("Aktualisering")
    INSKRIVNING = "inskrivning", _("Inskrivning")
    KARTLAGGNING = "kartlaggning", _("Kartläggning och handlingsplan")
    INSATSER = "insatser", _("Insatser")
    AVSLUT = "avslut", _("Avslutad")


STEG_ORDNING = [s.value for s in Steg]


class SusTidpunkt(models.TextChoices):
    START = "start", _("Vid inskrivning")
    AVSLUT = "avslut", _("Vid avslut")
    UPPFOLJNING = "uppfoljning", _("Vid uppföljning")


class Utbildning(models.TextChoices):
    FORGYMNASIAL = "forgymnasial", _("Förgymnasial")
    GYMNASIAL_EJ_FULLSTANDIG = "gymnasial_ej_fullstandig", _("Gymnasial, ej fullständig")
    GYMNASIAL_FULLSTANDIG = "gymnasial_fullstandig", _("Gymnasial, fullständig")
    EFTERGYMNASIAL_KORT = "eftergymnasial_kort", _("Eftergymnasial, kortare än 3 år")
    EFTERGYMNASIAL_LANG = "eftergymnasial_lang", _("Eftergymnasial, 3 år eller längre")
    OKAND = "okand", _("Okänd")


class Forsorjning(models.TextChoices):
    SJUKPENNING = "sjukpenning", _("Sjukpenning/rehabiliteringspenning")
    SJUKERSATTNING = "sjukersattning", _("Sjukersättning")
    AKTIVITETSERSATTNING = "aktivitetsersattning", _("Aktivitetsersättning")
    A_KASSA = "a_kassa", _("A-kassa")
    AKTIVITETSSTOD = "aktivitetsstod", _("Aktivitetsstöd/utvecklingsersättning")
    ETABLERINGSERSATTNING = "etableringsersattning", _("Etableringsersättning")
    FORSORJNINGSSTOD = "forsorjningsstod", _("Försörjningsstöd")
    LON = "lon", _("Lön")
    STUDIEMEDEL = "studiemedel", _("Studiemedel")
    INGEN_OFFENTLIG = "ingen_offentlig", _("Ingen offentlig försörjning")
    OKAND = "okand", _("Okänd")


# Försäkringskassan's groupings of the sources, as in the SUS reports.
FORSORJNING_GRUPP = {
    "sjukpenning": "ohalsa",
    "sjukersattning": "ohalsa",
    "aktivitetsersattning": "ohalsa",
    "a_kassa": "arbetsmarknadsstod",
    "aktivitetsstod": "arbetsmarknadsstod",
    "etableringsersattning": "arbetsmarknadsstod",
    "forsorjningsstod": "ekonomiskt_bistand",
}


class TidOffentligForsorjning(models.TextChoices):
    UNDER_1 = "under_1", _("Kortare än 1 år")
    ETT_TILL_TVA = "1_2", _("1–2 år")
    TVA_TILL_FEM = "2_5", _("2–5 år")
    OVER_5 = "over_5", _("Längre än 5 år")
    OKAND = "okand", _("Okänd")


class Sysselsattning(models.TextChoices):
    FORVARVSARBETE = "forvarvsarbete", _("Förvärvsarbete")
    STUDIER = "studier", _("Studier")
    ARBETSSOKANDE = "arbetssokande", _("Aktivt arbetssökande")
    INGEN = "ingen", _("Ingen sysselsättning")
    OKAND = "okand", _("Okänd")


class VagUt(models.TextChoices):
    """The way out at avslut; the 12-month follow-up uses the same codes."""

    ARBETE = "arbete", _("Arbete")
    ARBETE_MED_STOD = "arbete_med_stod", _("Arbete med stöd")
    STUDIER = "studier", _("Studier")
    ARBETSSOKANDE_AF = "arbetssokande_af", _("Arbetssökande hos Arbetsförmedlingen")
    ATER_REMITTENT = "ater_remittent", _("Åter till remittent med medicinsk eller social planering")
    ANNAN_AKTOR = "annan_aktor", _("Annan aktör tar över")
    AVBROTT_EGEN_BEGARAN = "avbrott_egen_begaran", _("Avbrott: egen begäran")
    AVBROTT_FLYTTAT = "avbrott_flyttat", _("Avbrott: flyttat")
    AVBROTT_SJUKDOM = "avbrott_sjukdom", _("Avbrott: sjukdom")
    AVBROTT_OVRIGT = "avbrott_ovrigt", _("Avbrott: övrigt")
    FELREGISTRERING = "felregistrering", _("Felregistrering (räknas inte i statistiken)")


VAG_UT_ARBETE_STUDIER = {"arbete", "arbete_med_stod", "studier"}


class AnsvarigEfter(models.TextChoices):
    AF = "af", _("Arbetsförmedlingen")
    FK = "fk", _("Försäkringskassan")
    KOMMUN = "kommun", _("Kommunen (socialtjänsten)")
    REGION = "region", _("Regionen (hälso- och sjukvården)")
    INGEN = "ingen", _("Ingen myndighet")


class Syfte(models.TextChoices):
    """What a samtycke may cover."""

    INFORMATIONSUTBYTE = "informationsutbyte", _("Informationsutbyte inom insatsen")
    REGISTRERING = "registrering", _("Registrering för uppföljning")
    UPPFOLJNING = "uppfoljning", _("Uppföljning 12 månader efter avslut")


class SamtyckeSatt(models.TextChoices):
    BLANKETT = "blankett", _("Undertecknad blankett")
    MUNTLIGT = "muntligt", _("Muntligt, med vittne")


class SamtalForm(models.TextChoices):
    INDIVIDUELLT = "individuellt", _("Individuellt")
    GRUPP = "grupp", _("I grupp")


class KartlaggningOmrade(models.TextChoices):
    SOCIAL = "social", _("Social livssituation")
    HALSA = "halsa", _("Hälsa")
    RESURSER = "resurser", _("Resurser och förmågor")
    UTBILDNING_ARBETE = "utbildning_arbete", _("Utbildning och arbetslivserfarenhet")
    EKONOMI = "ekonomi", _("Ekonomi och ekonomisk rådgivning")
    INTRESSEN = "intressen", _("Intressen")
    MAL = "mal", _("Egna mål")


class AktivitetTyp(models.TextChoices):
    ARBETSTRANING = "arbetstraning", _("Arbetsträning/praktik")
    STUDIEBESOK = "studiebesok", _("Studiebesök")
    GRUPPAKTIVITET = "gruppaktivitet", _("Gruppaktivitet/föreläsning")
    COACHSAMTAL = "coachsamtal", _("Coachsamtal")
    EKONOMISK_RADGIVNING = "ekonomisk_radgivning", _("Ekonomisk rådgivning")
    STUDIER = "studier", _("Studier med stöd")
    EXTERN_UTREDNING = "extern_utredning", _("Extern utredning")


class KontaktTyp(models.TextChoices):
    DELTAGARE = "deltagare", _("Med deltagaren")
    REMITTENT = "remittent", _("Med remittenten")
    ARBETSGIVARE = "arbetsgivare", _("Med arbetsgivare")
    TREPARTSMOTE = "trepartsmote", _("Trepartsmöte")


class PlanStegStatus(models.TextChoices):
    PLANERAT = "planerat", _("Planerat")
    PAGAR = "pagar", _("Pågår")
    KLART = "klart", _("Klart")
    AVBRUTET = "avbrutet", _("Avbrutet")
