import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from deltagare.koder import AktivitetTyp, KontaktTyp
from deltagare.querysets import GruppaktivitetQuerySet, ViaInskrivningQuerySet


class Aktivitet(models.Model):
    """What the plan leads to for one participant (step 4)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inskrivning = models.ForeignKey(
        "deltagare.Inskrivning", on_delete=models.CASCADE, related_name="aktiviteter"
    )
    typ = models.CharField(_("typ"), max_length=25, choices=AktivitetTyp.choices)
    startdatum = models.DateField(_("datum eller startdatum"))
    slutdatum = models.DateField(_("slutdatum"), null=True, blank=True)
    arbetsplats = models.CharField(_("arbetsplats"), max_length=200, blank=True)
    arbetsgivarkontakt = models.CharField(
        _("kontaktperson hos arbetsgivaren"), max_length=200, blank=True
    )
    timmar_per_vecka = models.DecimalField(
        _("timmar per vecka"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )
    stodperiod_manader = models.PositiveSmallIntegerField(
        _("stödperiod (månader)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
    )
    anteckning = models.TextField(_("anteckning"), blank=True)
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registrerad = models.DateTimeField(auto_now_add=True)

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")
        ordering = ["-startdatum", "-pk"]
        # The goals count activities of one type in a period per enrolment (rapporter).
        indexes = [
            models.Index(
                fields=["inskrivning", "typ", "startdatum"], name="aktivitet_insk_typ_datum"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(slutdatum__isnull=True)
                | models.Q(slutdatum__gte=models.F("startdatum")),
                name="aktivitet_slut_efter_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(typ="studier")
                | models.Q(stodperiod_manader__gte=1, stodperiod_manader__lte=3),
                name="aktivitet_studier_har_stodperiod",
            ),
        ]

    def __str__(self):
        return f"{self.get_typ_display()} {self.startdatum:%Y-%m-%d}"


class Gruppaktivitet(models.Model):
    """One group event or lecture; attendance for many participants at once."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    insats = models.ForeignKey(
        "samverkan.Insats", on_delete=models.PROTECT, related_name="gruppaktiviteter"
    )
    titel = models.CharField(_("titel"), max_length=200)
    datum = models.DateField(_("datum"))
    ledare = models.CharField(_("ledare eller föreläsare"), max_length=200, blank=True)
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = GruppaktivitetQuerySet.as_manager()

    class Meta:
        verbose_name = _("gruppaktivitet")
        verbose_name_plural = _("gruppaktiviteter")
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.titel} {self.datum:%Y-%m-%d}"


class Narvaro(models.Model):
    gruppaktivitet = models.ForeignKey(
        Gruppaktivitet, on_delete=models.CASCADE, related_name="narvaro"
    )
    inskrivning = models.ForeignKey(
        "deltagare.Inskrivning", on_delete=models.CASCADE, related_name="narvaro"
    )
    narvarande = models.BooleanField(_("närvarande"), default=True)

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")
        constraints = [
            models.UniqueConstraint(fields=["gruppaktivitet", "inskrivning"], name="narvaro_unik"),
        ]

    def __str__(self):
        return "närvarande" if self.narvarande else "frånvarande"


class Kontakt(models.Model):
    """The contact log: with the participant, the referrer, an employer, a three-party meeting."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inskrivning = models.ForeignKey(
        "deltagare.Inskrivning", on_delete=models.CASCADE, related_name="kontakter"
    )
    datum = models.DateField(_("datum"))
    typ = models.CharField(_("kontakt"), max_length=15, choices=KontaktTyp.choices)
    anteckning = models.TextField(_("anteckning"))
    till_remittent = models.BooleanField(
        _("riktad till remittenten"),
        default=False,
        help_text=_("Visas för remittenten om samtycket omfattar dennes organisation."),
    )
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registrerad = models.DateTimeField(auto_now_add=True)

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontakt")
        verbose_name_plural = _("kontakter")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["inskrivning", "typ", "datum"], name="kontakt_typ_datum")]

    def __str__(self):
        return f"{self.get_typ_display()} {self.datum:%Y-%m-%d}"
