"""The insats: what the förbund funds, with the settings its process follows."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.models.forbund import Forbund
from samverkan.querysets import InsatsQuerySet
from samverkan.validators import validate_aldersband

DEFAULT_ALDERSBAND = [[16, 19], [20, 24], [25, 29], [30, 39], [40, 49], [50, 64], [65, None]]


def default_aldersband():
    return [list(band) for band in DEFAULT_ALDERSBAND]


class Insats(models.Model):
    """An insats funded by the förbund, with its process settings."""

    class Typ(models.TextChoices):
        INDIVID = "individ", _("Individinriktad")
        STRUKTUR = "struktur", _("Strukturövergripande")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="insatser", verbose_name=_("förbund")
    )
    namn = models.CharField(_("namn"), max_length=200)
    typ = models.CharField(_("typ"), max_length=10, choices=Typ.choices, default=Typ.INDIVID)
    beskrivning = models.TextField(_("beskrivning"), blank=True)
    startdatum = models.DateField(_("startdatum"))
    slutdatum = models.DateField(_("slutdatum"), null=True, blank=True)
    malgrupp_alder_min = models.PositiveSmallIntegerField(
        _("lägsta ålder"), default=16, validators=[MaxValueValidator(120)]
    )
    malgrupp_alder_max = models.PositiveSmallIntegerField(
        _("högsta ålder"), default=64, validators=[MaxValueValidator(120)]
    )
    inklusionskriterier = models.TextField(_("inklusionskriterier"), blank=True)
    exklusionskriterier = models.TextField(_("exklusionskriterier"), blank=True)
    svarsfrist_dagar = models.PositiveSmallIntegerField(
        _("svarsfrist för remisser (dagar)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    kartlaggning_samtal_min = models.PositiveSmallIntegerField(
        _("kartläggningssamtal, minst"), default=3, validators=[MinValueValidator(1)]
    )
    kartlaggning_samtal_max = models.PositiveSmallIntegerField(
        _("kartläggningssamtal, högst"), default=6, validators=[MaxValueValidator(30)]
    )
    max_manader = models.PositiveSmallIntegerField(
        _("längsta tid i insatsen (månader)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    forlangning_manader = models.PositiveSmallIntegerField(
        _("förlängning (månader)"),
        default=6,
        validators=[MaxValueValidator(36)],
        help_text=_("En förlängning som styrgruppen beslutar om. 0 betyder ingen förlängning."),
    )
    informationsmote_forst = models.BooleanField(
        _("informationsmöte före inskrivning"), default=False
    )
    min_antal_myndigheter = models.PositiveSmallIntegerField(
        _("minsta antal myndigheter personen är aktuell hos"),
        default=2,
        validators=[MaxValueValidator(4)],
    )
    remittentkontakt_dagar = models.PositiveSmallIntegerField(
        _("kontakt med remittenten minst var (dagar)"),
        default=30,
        validators=[MinValueValidator(7), MaxValueValidator(180)],
        help_text=_("Förbundens verksamhetsplaner anger ofta månatlig kontakt: 30 dagar."),
    )
    aldersband = models.JSONField(
        _("åldersband i rapporter"),
        default=default_aldersband,
        validators=[validate_aldersband],
        help_text=_("Par av [från, till]; till kan vara tomt för det sista bandet."),
    )

    objects = InsatsQuerySet.as_manager()

    # What the förbund office may set; the form and the services share it.
    EDITABLE_FIELDS = (
        "namn",
        "typ",
        "beskrivning",
        "startdatum",
        "slutdatum",
        "malgrupp_alder_min",
        "malgrupp_alder_max",
        "inklusionskriterier",
        "exklusionskriterier",
        "svarsfrist_dagar",
        "kartlaggning_samtal_min",
        "kartlaggning_samtal_max",
        "max_manader",
        "forlangning_manader",
        "informationsmote_forst",
        "min_antal_myndigheter",
        "remittentkontakt_dagar",
        "aldersband",
    )

    class Meta:
        verbose_name = _("insats")
        verbose_name_plural = _("insatser")
        ordering = ["forbund", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "namn"], name="insats_unikt_namn_per_forbund"
            ),
            models.CheckConstraint(
                condition=models.Q(malgrupp_alder_min__lte=models.F("malgrupp_alder_max")),
                name="insats_alder_min_lte_max",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kartlaggning_samtal_min__lte=models.F("kartlaggning_samtal_max")
                ),
                name="insats_samtal_min_lte_max",
            ),
            models.CheckConstraint(
                condition=models.Q(slutdatum__isnull=True)
                | models.Q(slutdatum__gte=models.F("startdatum")),
                name="insats_slut_efter_start",
            ),
            models.CheckConstraint(
                condition=models.Q(svarsfrist_dagar__gte=1), name="insats_svarsfrist_minst_1"
            ),
            models.CheckConstraint(
                condition=models.Q(max_manader__gte=1), name="insats_max_manader_minst_1"
            ),
        ]

    def __str__(self):
        return self.namn

    def clean(self):
        super().clean()
        errors = {}
        lo, hi = self.malgrupp_alder_min, self.malgrupp_alder_max
        if lo is not None and hi is not None and lo > hi:
            errors["malgrupp_alder_max"] = _("Högsta ålder kan inte vara lägre än lägsta ålder.")
        lo, hi = self.kartlaggning_samtal_min, self.kartlaggning_samtal_max
        if lo is not None and hi is not None and lo > hi:
            errors["kartlaggning_samtal_max"] = _(
                "Högsta antal samtal kan inte vara lägre än lägsta antal."
            )
        if self.startdatum and self.slutdatum and self.slutdatum < self.startdatum:
            errors["slutdatum"] = _("Slutdatum kan inte vara före startdatum.")
        if errors:
            raise ValidationError(errors)

    @property
    def ar_individinriktad(self):
        return self.typ == self.Typ.INDIVID
