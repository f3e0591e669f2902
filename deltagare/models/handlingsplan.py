from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from deltagare.koder import PlanStegStatus
from deltagare.querysets import ViaInskrivningQuerySet


class HandlingsplanVersion(models.Model):
    """A saved state of the plan. Every change makes a new version; none is overwritten."""

    inskrivning = models.ForeignKey(
        "deltagare.Inskrivning", on_delete=models.CASCADE, related_name="planversioner"
    )
    version = models.PositiveIntegerField(_("version"))
    mal = models.TextField(_("mål med deltagarens egna ord"))
    revidering_senast = models.DateField(_("revideras senast"), null=True, blank=True)
    kommentar = models.CharField(_("vad ändrades"), max_length=300, blank=True)
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("handlingsplan")
        verbose_name_plural = _("handlingsplaner")
        ordering = ["inskrivning", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["inskrivning", "version"], name="plan_version_unik"),
        ]

    def __str__(self):
        return f"Handlingsplan version {self.version}"


class HandlingsplanSteg(models.Model):
    version = models.ForeignKey(HandlingsplanVersion, on_delete=models.CASCADE, related_name="steg")
    ordning = models.PositiveSmallIntegerField(default=0)
    beskrivning = models.CharField(_("steg"), max_length=300)
    ansvarig = models.CharField(_("ansvarig"), max_length=150)
    datum = models.DateField(_("klart senast"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStegStatus.choices, default=PlanStegStatus.PLANERAT
    )

    class Meta:
        verbose_name = _("steg i handlingsplanen")
        verbose_name_plural = _("steg i handlingsplanen")
        ordering = ["version", "ordning", "pk"]

    def __str__(self):
        return self.beskrivning
