"""A referral (remiss) from a handläggare at a partner agency to an insats."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from deltagare.koder import Kon
from remisser.querysets import RemissQuerySet


class Status(models.TextChoices):
    UTKAST = "utkast", _("Utkast")
    INKOMMEN = "inkommen", _("Inkommen")
    UNDER_BEDOMNING = "under_bedomning", _("Under bedömning")
    KOMPLETTERING = "komplettering", _("Komplettering begärd")
    ANTAGEN = "antagen", _("Antagen")
    AVBOJD = "avbojd", _("Avböjd")


class AvbojdOrsak(models.TextChoices):
    MALGRUPP = "malgrupp", _("Utanför målgruppen")
    EXKLUSION = "exklusion", _("Exklusionskriterium")
    ANNAN_INSATS = "annan_insats", _("Annan insats är lämpligare")
    KAPACITET = "kapacitet", _("Ingen plats just nu")
    ANNAT = "annat", _("Annat")


def samtycke_path(instance, filename):
    # The stored name says nothing about the person.
    return f"remisser/{instance.uuid}/{uuid.uuid4().hex}"


class Remiss(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    insats = models.ForeignKey(
        "samverkan.Insats",
        on_delete=models.PROTECT,
        related_name="remisser",
        verbose_name=_("insats"),
    )
    organisation = models.ForeignKey(
        "samverkan.Organisation",
        on_delete=models.PROTECT,
        related_name="remisser",
        verbose_name=_("remitterande organisation"),
    )
    handlaggare = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="remisser"
    )
    overlamnad_till = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="overlamnade_remisser",
        verbose_name=_("överlämnad till kollega"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UTKAST
    )
    # The person
    fornamn = models.CharField(_("förnamn"), max_length=100, blank=True)
    efternamn = models.CharField(_("efternamn"), max_length=100, blank=True)
    personnummer = models.CharField(_("personnummer"), max_length=12, blank=True)
    fodelsedatum = models.DateField(_("födelsedatum"), null=True, blank=True)
    kon = models.CharField(_("kön"), max_length=10, choices=Kon.choices, blank=True)
    telefon = models.CharField(_("telefon"), max_length=30, blank=True)
    epost = models.EmailField(_("e-post"), blank=True)
    tolk_tillganglighet = models.TextField(_("behov av tolk eller anpassning"), blank=True)
    # The referral
    anledning = models.TextField(_("anledning och syfte"), blank=True)
    aktuell_af = models.BooleanField(_("aktuell hos Arbetsförmedlingen"), default=False)
    aktuell_fk = models.BooleanField(_("aktuell hos Försäkringskassan"), default=False)
    aktuell_socialtjanst = models.BooleanField(_("aktuell hos socialtjänsten"), default=False)
    aktuell_halso_sjukvard = models.BooleanField(
        _("aktuell hos hälso- och sjukvården"), default=False
    )
    tidigare_insatser = models.TextField(_("tidigare insatser och utredningar"), blank=True)
    andra_kontakter = models.TextField(_("andra myndighetskontakter"), blank=True)
    egna_mal = models.TextField(_("personens egna mål"), blank=True)
    skriven_tillsammans = models.BooleanField(
        _("remissen är skriven tillsammans med personen"), default=False
    )
    informationsmote_onskas = models.BooleanField(_("informationsmöte önskas"), default=False)
    forslag_tider = models.CharField(_("förslag på tider"), max_length=300, blank=True)
    samtycke_uppfoljning = models.BooleanField(
        _("samtycket omfattar uppföljning 12 månader efter avslut"), default=False
    )
    samtycke_fil = models.FileField(_("undertecknat samtycke"), upload_to=samtycke_path, blank=True)
    samtycke_fil_typ = models.CharField(max_length=50, blank=True)
    # Handling
    skapad = models.DateTimeField(auto_now_add=True)
    inkommen = models.DateTimeField(_("inkommen"), null=True, blank=True)
    teammote = models.DateField(_("teammöte"), null=True, blank=True)
    tilldelad = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handläggs av"),
    )
    komplettering_begard = models.DateTimeField(null=True, blank=True)
    komplettering_text = models.TextField(_("vad som behöver kompletteras"), blank=True)
    pausad_dagar = models.PositiveIntegerField(
        default=0, help_text=_("Dagar då svarsfristen stått still i väntan på komplettering.")
    )
    beslutad = models.DateTimeField(_("beslutad"), null=True, blank=True)
    avbojd_orsak = models.CharField(
        _("skäl"), max_length=20, choices=AvbojdOrsak.choices, blank=True
    )
    beslut_text = models.TextField(_("motivering"), blank=True)
    beslutad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    inskrivning = models.OneToOneField(
        "deltagare.Inskrivning",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="remiss",
    )
    # Set by gallring: the statistical remainder is no one's remiss any more.
    gallrad = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RemissQuerySet.as_manager()

    class Meta:
        verbose_name = _("remiss")
        verbose_name_plural = _("remisser")
        ordering = ["-inkommen", "-skapad"]
        indexes = [models.Index(fields=["insats", "status"], name="remiss_insats_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="utkast") | models.Q(inkommen__isnull=False),
                name="remiss_skickad_har_inkommen",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["antagen", "avbojd"])
                | models.Q(beslutad__isnull=False),
                name="remiss_beslut_har_datum",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="avbojd") | ~models.Q(avbojd_orsak=""),
                name="remiss_avbojd_har_skal",
            ),
        ]

    def __str__(self):
        return f"Remiss {self.skapad:%Y-%m-%d}"

    @property
    def status_for_remittent(self):
        """Antagen becomes inskriven or avslutad, if the list annotated consent (`delas`)."""
        if self.status == Status.ANTAGEN and getattr(self, "delas", False) and self.inskrivning:
            if self.inskrivning.steg == "avslut":
                return _("Avslutad")
            if self.inskrivning.inskrivningsdatum:
                return _("Inskriven")
        return self.get_status_display()

    def dagar_till_beslut(self):
        """Working answer time: received → decision, less the days paused for completion."""
        if not (self.inkommen and self.beslutad):
            return None
        return (self.beslutad.date() - self.inkommen.date()).days - self.pausad_dagar

    def inom_frist(self):
        dagar = self.dagar_till_beslut()
        return None if dagar is None else dagar <= self.insats.svarsfrist_dagar
