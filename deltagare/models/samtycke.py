import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from deltagare.koder import SamtyckeSatt, Syfte
from deltagare.querysets import ViaInskrivningQuerySet


def samtycke_path(instance, filename):
    # The stored name says nothing about the person; the original name is kept in the row.
    return f"samtycken/{instance.inskrivning.uuid}/{uuid.uuid4().hex}"


class Samtycke(models.Model):
    """Consent for one enrolment. Never edited: withdrawn or replaced by a new one."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inskrivning = models.ForeignKey(
        "deltagare.Inskrivning", on_delete=models.CASCADE, related_name="samtycken"
    )
    organisationer = models.ManyToManyField(
        "samverkan.Organisation",
        related_name="+",
        verbose_name=_("organisationer som får utbyta information"),
    )
    informationsutbyte = models.BooleanField(Syfte.INFORMATIONSUTBYTE.label, default=False)
    registrering = models.BooleanField(Syfte.REGISTRERING.label, default=False)
    uppfoljning = models.BooleanField(Syfte.UPPFOLJNING.label, default=False)
    givet = models.DateField(_("givet"))
    giltigt_till = models.DateField(_("giltigt till"), null=True, blank=True)
    satt = models.CharField(_("hur"), max_length=10, choices=SamtyckeSatt.choices)
    vittne = models.CharField(_("vittne"), max_length=200, blank=True)
    fil = models.FileField(_("undertecknad blankett"), upload_to=samtycke_path, blank=True)
    fil_namn = models.CharField(max_length=200, blank=True)
    fil_typ = models.CharField(max_length=50, blank=True)
    registrerat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registrerat = models.DateTimeField(auto_now_add=True)
    aterkallat = models.DateField(_("återkallat"), null=True, blank=True)
    aterkallat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ersatt_av = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="ersatter"
    )

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("samtycke")
        verbose_name_plural = _("samtycken")
        ordering = ["-givet", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(satt="muntligt") | ~models.Q(vittne=""),
                name="samtycke_muntligt_har_vittne",
            ),
            models.CheckConstraint(
                condition=~models.Q(satt="blankett") | ~models.Q(fil=""),
                name="samtycke_blankett_har_fil",
            ),
            models.CheckConstraint(
                condition=models.Q(giltigt_till__isnull=True)
                | models.Q(giltigt_till__gte=models.F("givet")),
                name="samtycke_giltigt_efter_givet",
            ),
        ]

    def __str__(self):
        return f"Samtycke {self.givet:%Y-%m-%d}"

    def ar_giltigt(self, on):
        return (
            self.aterkallat is None
            and self.ersatt_av_id is None
            and self.givet <= on
            and (self.giltigt_till is None or self.giltigt_till >= on)
        )

    def tacker(self, syfte, on):
        return self.ar_giltigt(on) and getattr(self, syfte)

    @property
    def syften(self):
        return [s for s in Syfte if getattr(self, s.value)]
