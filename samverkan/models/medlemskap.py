"""Roles: a user's membership in an insats, an organisation or the whole förbund."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.models.anvandare import User
from samverkan.models.forbund import Forbund
from samverkan.models.insats import Insats
from samverkan.models.organisation import Organisation
from samverkan.querysets import MedlemskapQuerySet


class Roll(models.TextChoices):
    SAMORDNARE = "samordnare", _("Samordnare")
    HANDLAGGARE = "handlaggare", _("Handläggare")
    FORBUNDSADMIN = "forbundsadmin", _("Förbundsadministratör")
    STYRELSE = "styrelse", _("Styrelse")


class Medlemskap(models.Model):
    """A role a user holds: in an insats (samordnare), for an organisation
    (handläggare) or for the whole förbund (administratör, styrelse)."""

    class Befattning(models.TextChoices):
        SAMORDNARE = "samordnare", _("Samordnare")
        COACH = "coach", _("Coach")
        TEAMLEDARE = "teamledare", _("Teamledare")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="medlemskap", verbose_name=_("användare")
    )
    roll = models.CharField(_("roll"), max_length=20, choices=Roll.choices)
    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="medlemskap", verbose_name=_("förbund")
    )
    insats = models.ForeignKey(
        Insats,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medlemskap",
        verbose_name=_("insats"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medlemskap",
        verbose_name=_("organisation"),
    )
    befattning = models.CharField(
        _("befattning"), max_length=20, choices=Befattning.choices, blank=True
    )
    giltig_fran = models.DateField(_("giltig från"), default=timezone.localdate)
    giltig_till = models.DateField(_("giltig till"), null=True, blank=True)

    objects = MedlemskapQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        ordering = ["forbund", "roll"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(roll="samordnare")
                | models.Q(insats__isnull=False, organisation__isnull=True),
                name="medlemskap_samordnare_har_insats",
            ),
            models.CheckConstraint(
                condition=~models.Q(roll="handlaggare")
                | models.Q(organisation__isnull=False, insats__isnull=True),
                name="medlemskap_handlaggare_har_organisation",
            ),
            models.CheckConstraint(
                condition=~models.Q(roll="forbundsadmin")
                | models.Q(insats__isnull=True, organisation__isnull=True),
                name="medlemskap_admin_hela_forbundet",
            ),
            models.CheckConstraint(
                condition=~models.Q(roll="styrelse") | models.Q(organisation__isnull=True),
                name="medlemskap_styrelse_utan_organisation",
            ),
            models.CheckConstraint(
                condition=models.Q(giltig_till__isnull=True)
                | models.Q(giltig_till__gte=models.F("giltig_fran")),
                name="medlemskap_till_efter_fran",
            ),
            models.UniqueConstraint(
                fields=["user", "roll", "forbund", "insats", "organisation"],
                name="medlemskap_unik",
            ),
        ]

    def __str__(self):
        scope = self.insats or self.organisation or self.forbund
        return f"{self.user} – {self.get_roll_display()} – {scope}"

    def clean(self):
        super().clean()
        errors = {}
        if self.roll == Roll.SAMORDNARE and not self.insats_id:
            errors["insats"] = _("En samordnare hör till en insats.")
        if self.roll == Roll.HANDLAGGARE and not self.organisation_id:
            errors["organisation"] = _("En handläggare hör till en organisation.")
        if self.roll in (Roll.FORBUNDSADMIN, Roll.HANDLAGGARE) and self.insats_id:
            errors["insats"] = _("Den här rollen gäller inte en enskild insats.")
        if self.roll != Roll.HANDLAGGARE and self.organisation_id:
            errors["organisation"] = _("Bara handläggare hör till en organisation.")
        if self.insats_id and self.forbund_id and self.insats.forbund_id != self.forbund_id:
            errors["insats"] = _("Insatsen hör till ett annat förbund.")
        if (
            self.organisation_id
            and self.forbund_id
            and self.organisation.forbund_id != self.forbund_id
        ):
            errors["organisation"] = _("Organisationen hör till ett annat förbund.")
        if self.giltig_till and self.giltig_fran and self.giltig_till < self.giltig_fran:
            errors["giltig_till"] = _("Slutdatum kan inte vara före startdatum.")
        if errors:
            raise ValidationError(errors)
