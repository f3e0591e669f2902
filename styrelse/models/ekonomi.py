"""The förbund's own economy per year (docs/styrelse.md#the-förbunds-economy)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrelse.models import falt
from styrelse.querysets import ForbundsradQuerySet


class ForbundEkonomiAr(models.Model):
    """The förbund's own income for a year. FINSAM: the state (through
    Försäkringskassan) pays half, the region a quarter, the kommuner a quarter."""

    forbund = falt.forbund(verbose_name=_("förbund"))
    ar = falt.ar()
    statligt_bidrag = falt.kronor(_("statens bidrag via Försäkringskassan (kr)"), default=0)
    ovriga_intakter = falt.kronor(_("övriga intäkter (kr)"), default=0)
    ingaende_eget_kapital = falt.kronor(
        _("eget kapital vid årets början (kr)"), allow_negative=True, default=0
    )
    administration = falt.kronor(_("kansli och administration (kr)"), default=0)

    objects = ForbundsradQuerySet.as_manager()

    class Meta:
        verbose_name = _("förbundets ekonomi")
        verbose_name_plural = _("förbundets ekonomi")
        ordering = ["forbund", "-ar"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "ar"], name="forbundekonomi_en_per_ar"),
        ]

    def __str__(self):
        return f"{self.forbund} {self.ar}"


class Kommunandel(models.Model):
    """A kommun's share (per cent) of the kommuner's quarter, e.g. by population."""

    ekonomi_ar = models.ForeignKey(
        ForbundEkonomiAr, on_delete=models.CASCADE, related_name="kommunandelar"
    )
    organisation = models.ForeignKey(
        "samverkan.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    andel_procent = models.DecimalField(
        _("andel (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("kommunandel")
        verbose_name_plural = _("kommunandelar")
        constraints = [
            models.UniqueConstraint(fields=["ekonomi_ar", "organisation"], name="kommunandel_unik"),
        ]

    def __str__(self):
        return f"{self.organisation_id} {self.andel_procent} %"
