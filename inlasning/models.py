"""An import of a förbund's existing records from the XLSX template."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class KansliQuerySet(models.QuerySet):
    def for_user(self, user):
        """Imports and mappings of the förbund whose office the user is in (no superuser
        bypass: the dry run describes personal records)."""
        from samverkan.permissions import roller

        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(forbund__in=roller(user).admin_forbund)


class Status(models.TextChoices):
    MAPPAS = "mappas", _("Kolumnerna mappas")
    PROVKORD = "provkord", _("Provkörd")
    KOAD = "koad", _("Väntar på inläsning")
    PAGAR = "pagar", _("Läses in")
    KLAR = "klar", _("Inläst")
    MISSLYCKAD = "misslyckad", _("Misslyckades")
    RENSAD = "rensad", _("Filen raderad")


class Inlasning(models.Model):
    """One uploaded file: its dry run, and the import once the office starts it.

    The file lies in private storage until the import is done (or N days have
    passed, `manage.py rensa_inlasningar`); the dry run's result keeps masked
    values only, never a whole personnummer."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = models.ForeignKey(
        "samverkan.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    fil = models.FileField(_("fil"), upload_to="inlasning/", blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROVKORD
    )
    # The file's own headers, and the mapping its dry run and import read it through
    # (field key → header; empty: the template's headers).
    rubriker = models.JSONField(default=list, blank=True)
    mappning = models.JSONField(default=dict, blank=True)
    antal_rader = models.PositiveIntegerField(_("rader"), default=0)
    antal_nya = models.PositiveIntegerField(_("nya ärenden"), default=0)
    antal_fel = models.PositiveIntegerField(_("fel"), default=0)
    # {"rader": [[rad, åtgärd, text]], "fel": [[rad, kolumn, värde, fel]]}
    provkorning = models.JSONField(default=dict, blank=True)
    meddelande = models.CharField(_("meddelande"), max_length=300, blank=True)
    skapad = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    inlast = models.DateTimeField(_("inläst"), null=True, blank=True)

    objects = KansliQuerySet.as_manager()

    class Meta:
        verbose_name = _("inläsning")
        verbose_name_plural = _("inläsningar")
        ordering = ["-skapad", "-pk"]

    def __str__(self):
        return f"Inläsning {self.skapad:%Y-%m-%d %H:%M}"

    @property
    def kan_lasas_in(self):
        return self.status == Status.PROVKORD and self.antal_fel == 0 and bool(self.fil)


class Kolumnmappning(models.Model):
    """A förbund's mapping of its own column headers to the template's fields, saved
    so the next file with the same headers is mapped at once."""

    forbund = models.ForeignKey(
        "samverkan.Forbund", on_delete=models.CASCADE, related_name="+", verbose_name=_("förbund")
    )
    rubriknyckel = models.CharField(max_length=64)  # provkorning.rubriker.rubriknyckel(headers)
    rubriker = models.JSONField(default=list)
    mappning = models.JSONField(default=dict)  # field key → the file's header
    andrad = models.DateTimeField(_("ändrad"), auto_now=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = KansliQuerySet.as_manager()

    class Meta:
        verbose_name = _("kolumnmappning")
        verbose_name_plural = _("kolumnmappningar")
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "rubriknyckel"], name="kolumnmappning_unik_per_rubriker"
            )
        ]

    def __str__(self):
        return f"Kolumnmappning {self.pk}"


class ImporteratArende(models.Model):
    """The external id of an imported row: importing it again adds nothing."""

    forbund = models.ForeignKey("samverkan.Forbund", on_delete=models.PROTECT, related_name="+")
    externt_id = models.CharField(_("externt id"), max_length=100)
    inskrivning = models.OneToOneField(
        "deltagare.Inskrivning", on_delete=models.CASCADE, related_name="+"
    )
    inlasning = models.ForeignKey(Inlasning, on_delete=models.PROTECT, related_name="arenden")

    class Meta:
        verbose_name = _("importerat ärende")
        verbose_name_plural = _("importerade ärenden")
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "externt_id"], name="importerat_arende_unikt_externt_id"
            )
        ]

    def __str__(self):
        return self.externt_id
