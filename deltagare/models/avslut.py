from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from deltagare.koder import AnsvarigEfter, VagUt
from deltagare.models.inskrivning import Inskrivning
from deltagare.querysets import ViaInskrivningQuerySet


class Avslut(models.Model):
    """The planned exit (step 5)."""

    inskrivning = models.OneToOneField(
        "deltagare.Inskrivning", on_delete=models.CASCADE, related_name="avslut"
    )
    datum = models.DateField(_("avslutsdatum"))
    vag_ut = models.CharField(_("väg ut"), max_length=25, choices=VagUt.choices)
    ansvarig_efter = models.CharField(
        _("myndighet med huvudansvar efteråt"), max_length=10, choices=AnsvarigEfter.choices
    )
    dokumenterat_nasta_steg = models.BooleanField(_("dokumenterat nästa steg"), default=False)
    avslutsmote = models.DateField(_("avslutande möte"), null=True, blank=True)
    sammanfattning = models.TextField(_("överlämningssammanfattning"), blank=True)
    rekommendationer = models.TextField(_("rekommendationer till remittenten"), blank=True)
    registrerat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registrerat = models.DateTimeField(auto_now_add=True)

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("avslut")
        verbose_name_plural = _("avslut")
        indexes = [models.Index(fields=["datum", "vag_ut"], name="avslut_datum_vag")]

    def __str__(self):
        return f"Avslut {self.datum:%Y-%m-%d}: {self.get_vag_ut_display()}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._kopiera_till_inskrivningen(self.datum, self.ar_felregistrering)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._kopiera_till_inskrivningen(None, False)
        return result

    def _kopiera_till_inskrivningen(self, datum, felregistrerad):
        Inskrivning.objects.filter(pk=self.inskrivning_id).update(
            avslutsdatum=datum, felregistrerad=felregistrerad
        )
        if Avslut.inskrivning.is_cached(self):
            self.inskrivning.avslutsdatum = datum
            self.inskrivning.felregistrerad = felregistrerad

    @property
    def ar_felregistrering(self):
        return self.vag_ut == VagUt.FELREGISTRERING


class Uppfoljning(models.Model):
    """The follow-up 12 months after exit, only with consent; the outcome uses the exit codes."""

    inskrivning = models.OneToOneField(
        "deltagare.Inskrivning", on_delete=models.CASCADE, related_name="uppfoljning"
    )
    planerad = models.DateField(_("planerad"))
    genomford = models.DateField(_("genomförd"), null=True, blank=True)
    utfall = models.CharField(_("utfall"), max_length=25, choices=VagUt.choices, blank=True)
    anteckning = models.TextField(_("anteckning"), blank=True)
    stoppad = models.DateField(
        _("stoppad"), null=True, blank=True, help_text=_("Samtycket återkallades.")
    )
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")
        indexes = [models.Index(fields=["planerad"], name="uppfoljning_planerad")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(genomford__isnull=True) | ~models.Q(utfall=""),
                name="uppfoljning_genomford_har_utfall",
            ),
        ]

    def __str__(self):
        return f"Uppföljning {self.planerad:%Y-%m-%d}"
