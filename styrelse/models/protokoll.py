"""Published protocols: frozen files, one row per version."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrelse.querysets import ProtokollversionQuerySet


def protokoll_path(instance, filename):
    return f"styrelse/protokoll/{instance.sammantrade.forbund_id}/{instance.uuid}.pdf"


class Protokollversion(models.Model):
    """A published protocol: the stored PDF and its SHA-256 never change; a
    correction publishes a new version."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sammantrade = models.ForeignKey(
        "styrelse.Sammantrade", on_delete=models.PROTECT, related_name="protokollversioner"
    )
    version = models.PositiveSmallIntegerField()
    fil = models.FileField(upload_to=protokoll_path)
    sha256 = models.CharField(max_length=64)
    storlek = models.PositiveIntegerField()
    rattelse = models.TextField(_("rättelse"), blank=True)
    publicerad = models.DateTimeField()
    publicerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = ProtokollversionQuerySet.as_manager()

    class Meta:
        verbose_name = _("protokollversion")
        verbose_name_plural = _("protokollversioner")
        ordering = ["sammantrade", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["sammantrade", "version"], name="protokollversion_unik"
            ),
        ]

    def __str__(self):
        return f"{self.sammantrade} v{self.version}"

    @property
    def forbund_id(self):
        # The audit trail files a refused download under the meeting's förbund.
        return self.sammantrade.forbund_id
