"""The samordningsförbund: the boundary no data crosses."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.querysets import ForbundQuerySet
from samverkan.validators import validate_organisationsnummer


class Forbund(models.Model):
    """A samordningsförbund. Its data never mixes with another's."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    namn = models.CharField(_("namn"), max_length=200)
    organisationsnummer = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        unique=True,
        validators=[validate_organisationsnummer],
        help_text=_("Format NNNNNN-NNNN."),
    )
    smacellsgrans = models.PositiveSmallIntegerField(
        _("gräns för små celler"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(50)],
        help_text=_("Antal under denna gräns visas inte i styrelsematerial."),
    )
    gallring_ar = models.PositiveSmallIntegerField(
        _("gallring efter antal år"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Personuppgifter gallras så många år efter senaste avslut."),
    )
    anonyma_vid_skyddad_identitet = models.BooleanField(
        _("skyddad identitet registreras anonymt"),
        default=False,
        help_text=_("Deltagare med skyddade personuppgifter registreras med bara kön och startår."),
    )
    logggranskning_dagar = models.PositiveSmallIntegerField(
        _("logggranskning var (dagar)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text=_("Så ofta kansliet granskar loggen; startsidan påminner när det är dags."),
    )

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = _("samordningsförbund")
        verbose_name_plural = _("samordningsförbund")
        ordering = ["namn"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(smacellsgrans__gte=2), name="forbund_smacellsgrans_minst_2"
            ),
            models.CheckConstraint(
                condition=models.Q(gallring_ar__gte=1), name="forbund_gallring_ar_minst_1"
            ),
        ]

    def __str__(self):
        return self.namn
