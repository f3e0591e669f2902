from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from deltagare.koder import SamtalForm
from deltagare.querysets import ViaInskrivningQuerySet


class Kartlaggningssamtal(models.Model):
    """One mapping talk; the insats sets how many (3–6 in the seeds)."""

    inskrivning = models.ForeignKey(
        "deltagare.Inskrivning", on_delete=models.CASCADE, related_name="samtal"
    )
    datum = models.DateField(_("datum"))
    personal = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("personal"),
    )
    form = models.CharField(_("form"), max_length=15, choices=SamtalForm.choices)
    omraden = models.JSONField(_("områden"), default=list, blank=True)
    anteckning = models.TextField(_("anteckning"), blank=True)
    registrerat = models.DateTimeField(auto_now_add=True)

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("kartläggningssamtal")
        verbose_name_plural = _("kartläggningssamtal")
        ordering = ["datum", "pk"]

    def __str__(self):
        return f"Kartläggningssamtal {self.datum:%Y-%m-%d}"


class Kartlaggning(models.Model):
    """The structured result of the mapping, area by area, and its completion."""

    inskrivning = models.OneToOneField(
        "deltagare.Inskrivning", on_delete=models.CASCADE, related_name="kartlaggning"
    )
    social = models.TextField(_("social livssituation"), blank=True)
    halsa = models.TextField(_("hälsa"), blank=True)
    halsa_sjalvskattad = models.PositiveSmallIntegerField(
        _("självskattad hälsa (1–5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    resurser = models.TextField(_("resurser och förmågor"), blank=True)
    utbildning_arbete = models.TextField(_("utbildning och arbetslivserfarenhet"), blank=True)
    ekonomi = models.TextField(
        _("ekonomi och ekonomisk rådgivning"),
        blank=True,
        help_text=_(
            "T.ex. hur inkomst påverkar sjukpenning, försörjningsstöd eller aktivitetsersättning."
        ),
    )
    intressen = models.TextField(_("intressen"), blank=True)
    egna_mal = models.TextField(_("egna mål"), blank=True)
    klar = models.DateField(_("kartläggning klar"), null=True, blank=True)
    sammanfattning = models.TextField(_("sammanfattning"), blank=True)

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("kartläggning")
        verbose_name_plural = _("kartläggningar")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(klar__isnull=True) | ~models.Q(sammanfattning=""),
                name="kartlaggning_klar_har_sammanfattning",
            ),
        ]

    def __str__(self):
        return "Kartläggning"
