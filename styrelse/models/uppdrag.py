"""Uppdrag given by the board, followed until reported back."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from styrelse.models import falt
from styrelse.querysets import ForbundsradQuerySet


class Uppdrag(models.Model):
    """ "Uppdra till förbundschef att till nästa möte återkomma med …": shown on
    every agenda until it is reported back."""

    forbund = falt.forbund()
    arende = models.ForeignKey("styrelse.Arende", on_delete=models.PROTECT, related_name="uppdrag")
    text = models.TextField(_("uppdrag"))
    mottagare = models.CharField(_("till"), max_length=200, default="förbundschef")
    aterrapport_till = models.ForeignKey(
        "styrelse.Sammantrade",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vantade_aterrapporter",
        verbose_name=_("återrapport till sammanträde"),
    )
    aterrapporterat_i = models.ForeignKey(
        "styrelse.Arende",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aterrapporterade_uppdrag",
        verbose_name=_("återrapporterat i ärende"),
    )

    objects = ForbundsradQuerySet.as_manager()

    class Meta:
        verbose_name = _("uppdrag")
        verbose_name_plural = _("uppdrag")
        ordering = ["pk"]

    def __str__(self):
        return self.text[:80]
