"""The förbund's board settings: the paragraph counter and what the protocol and
the economic report print."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Forbundsinstallning(models.Model):
    """The förbund's board settings and its paragraph counter.

    `senaste_paragraf` is the counter row: drawing up a protocol locks it
    (SELECT … FOR UPDATE), so two protocols never get the same number."""

    forbund = models.OneToOneField(
        "samverkan.Forbund",
        on_delete=models.PROTECT,
        related_name="styrelseinstallning",
        verbose_name=_("förbund"),
    )
    senaste_paragraf = models.PositiveIntegerField(_("senast använda paragraf"), default=0)
    eget_kapital_grans_procent = models.DecimalField(
        _("rekommenderat högsta eget kapital (% av årets intäkter)"),
        max_digits=5,
        decimal_places=1,
        default=20,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Nationella rådets rekommendation: vanligen 20 % för större förbund."),
    )
    anslagstavla = models.CharField(
        _("anslagstavla"), max_length=200, default="kommunens digitala anslagstavla"
    )
    forvaringsplats = models.CharField(
        _("förvaringsplats för protokollet"), max_length=200, default="Förbundets kansli"
    )

    class Meta:
        verbose_name = _("styrelseinställning")
        verbose_name_plural = _("styrelseinställningar")

    def __str__(self):
        return str(self.forbund)
