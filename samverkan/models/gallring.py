"""The record of each gallring run."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.models.forbund import Forbund


class Gallringskorning(models.Model):
    """One run of gallring for one förbund: counts only, never persons."""

    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    tidpunkt = models.DateTimeField(_("tidpunkt"), default=timezone.now)
    provkorning = models.BooleanField(_("provkörning"), default=False)
    gransdatum = models.DateField(_("avslutade senast"))
    antal_deltagare = models.PositiveIntegerField(_("deltagare"), default=0)
    antal_inskrivningar = models.PositiveIntegerField(_("inskrivningar"), default=0)
    antal_remisser = models.PositiveIntegerField(_("remisser"), default=0)
    antal_filer = models.PositiveIntegerField(_("filer"), default=0)
    antal_stoppade = models.PositiveIntegerField(_("stoppade av gallringsstopp"), default=0)
    utford_av = models.ForeignKey(
        "samverkan.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("utförd av"),
    )

    class Meta:
        verbose_name = _("gallringskörning")
        verbose_name_plural = _("gallringskörningar")
        ordering = ["-tidpunkt", "-pk"]

    def __str__(self):
        return f"{self.forbund} {self.tidpunkt:%Y-%m-%d}"
