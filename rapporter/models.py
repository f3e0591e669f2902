"""Inputs to the reports (the insats's goals and economy) and the frozen board reports.

Goals and economy live here rather than beside Insats in the core: a goal names
activity codes of `deltagare`, and the core imports no other app
(docs/architecture.md).
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from deltagare.koder import AktivitetTyp
from rapporter.querysets import ForbundsdataQuerySet, RapportQuerySet


class MalTyp(models.TextChoices):
    NASTA_STEG = "nasta_steg", _("Andel avslut med dokumenterat nästa steg")
    HANDLINGSPLAN = "handlingsplan", _("Andel med handlingsplan inom N dagar från inskrivning")
    DELTAGARE_PER_AR = "deltagare_per_ar", _("Nya deltagare per år")
    AKTIVITET_PER_VECKA = "aktivitet_per_vecka", _("Aktiviteter per deltagare och vecka")
    ARBETE_STUDIER = "arbete_studier", _("Andel avslut till arbete eller studier")


# Goals whose target is a percentage.
MAL_I_PROCENT = {MalTyp.NASTA_STEG, MalTyp.HANDLINGSPLAN, MalTyp.ARBETE_STUDIER}


class Mal(models.Model):
    """A goal of an insats with its target, e.g. "80 % of exits have a documented next step"."""

    insats = models.ForeignKey(
        "samverkan.Insats", on_delete=models.CASCADE, related_name="mal", verbose_name=_("insats")
    )
    typ = models.CharField(_("typ av mål"), max_length=25, choices=MalTyp.choices)
    malvarde = models.DecimalField(
        _("målvärde"),
        max_digits=7,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Procent för andelar, antal för deltagare per år, antal per vecka för aktiviteter."
        ),
    )
    dagar = models.PositiveSmallIntegerField(
        _("inom antal dagar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_("För mål om handlingsplan: dagar från inskrivning."),
    )
    aktivitetstyp = models.CharField(
        _("aktivitetstyp"),
        max_length=25,
        choices=AktivitetTyp.choices,
        blank=True,
        help_text=_("För mål om aktivitetsfrekvens. Gruppaktiviteter räknas med närvaron."),
    )
    beskrivning = models.CharField(_("beskrivning"), max_length=200, blank=True)

    objects = ForbundsdataQuerySet.as_manager()

    class Meta:
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        ordering = ["insats", "typ", "aktivitetstyp", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(typ="handlingsplan") | models.Q(dagar__isnull=False),
                name="mal_handlingsplan_har_dagar",
            ),
            models.CheckConstraint(
                condition=~models.Q(typ="aktivitet_per_vecka") | ~models.Q(aktivitetstyp=""),
                name="mal_aktivitet_har_typ",
            ),
            models.CheckConstraint(
                condition=~models.Q(typ__in=["nasta_steg", "handlingsplan", "arbete_studier"])
                | models.Q(malvarde__lte=100),
                name="mal_procent_hogst_100",
            ),
            models.UniqueConstraint(
                fields=["insats", "typ", "aktivitetstyp"], name="mal_unikt_per_insats"
            ),
        ]

    def __str__(self):
        return self.beskrivning or self.get_typ_display()


class Kostnadstyp(models.TextChoices):
    PERSONAL = "personal", _("Personal")
    EXTERNA_RESURSER = "externa_resurser", _("Externa resurser")
    KOMPETENSUTVECKLING = "kompetensutveckling", _("Kompetensutveckling")
    OVRIGT = "ovrigt", _("Övrigt")


class Ekonomi(models.Model):
    """An insats's economy for one year: granted funds, and for a
    strukturövergripande insats the number of people it reached."""

    insats = models.ForeignKey(
        "samverkan.Insats",
        on_delete=models.CASCADE,
        related_name="ekonomi",
        verbose_name=_("insats"),
    )
    ar = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    beviljat = models.DecimalField(
        _("beviljade medel (kr)"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )
    antal_nadda = models.PositiveIntegerField(
        _("antal personer som nåtts"),
        null=True,
        blank=True,
        help_text=_("För strukturövergripande insatser: deltagare i utbildningar, nätverk m.m."),
    )
    kommentar = models.TextField(_("kommentar"), blank=True)
    andrad = models.DateTimeField(auto_now=True)

    objects = ForbundsdataQuerySet.as_manager()

    class Meta:
        verbose_name = _("ekonomi")
        verbose_name_plural = _("ekonomi")
        ordering = ["insats", "-ar"]
        constraints = [
            models.UniqueConstraint(fields=["insats", "ar"], name="ekonomi_en_per_insats_och_ar"),
        ]

    def __str__(self):
        return f"{self.insats} {self.ar}"


class Budgetpost(models.Model):
    """Budget and the office's forecast for the year, per cost type."""

    ekonomi = models.ForeignKey(Ekonomi, on_delete=models.CASCADE, related_name="budgetposter")
    kostnadstyp = models.CharField(_("kostnadstyp"), max_length=20, choices=Kostnadstyp.choices)
    budget = models.DecimalField(
        _("budget (kr)"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )
    prognos = models.DecimalField(
        _("prognos för året (kr)"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        verbose_name = _("budgetpost")
        verbose_name_plural = _("budgetposter")
        constraints = [
            models.UniqueConstraint(fields=["ekonomi", "kostnadstyp"], name="budgetpost_unik"),
        ]

    def __str__(self):
        return self.get_kostnadstyp_display()


class Kostnad(models.Model):
    """What was spent in one month on one cost type, entered by the office."""

    ekonomi = models.ForeignKey(Ekonomi, on_delete=models.CASCADE, related_name="kostnader")
    manad = models.PositiveSmallIntegerField(
        _("månad"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    kostnadstyp = models.CharField(_("kostnadstyp"), max_length=20, choices=Kostnadstyp.choices)
    belopp = models.DecimalField(_("belopp (kr)"), max_digits=12, decimal_places=0)

    class Meta:
        verbose_name = _("kostnad")
        verbose_name_plural = _("kostnader")
        ordering = ["manad", "kostnadstyp"]
        constraints = [
            models.UniqueConstraint(
                fields=["ekonomi", "manad", "kostnadstyp"], name="kostnad_en_per_manad_och_typ"
            ),
            models.CheckConstraint(
                condition=models.Q(manad__gte=1, manad__lte=12), name="kostnad_giltig_manad"
            ),
        ]

    def __str__(self):
        return f"{self.get_kostnadstyp_display()} {self.manad}"


class Rapporttyp(models.TextChoices):
    KVARTAL = "kvartal", _("Kvartalsrapport")
    HALVAR = "halvar", _("Halvårsrapport")
    AR = "ar", _("Årsrapport")


class RapportStatus(models.TextChoices):
    UTKAST = "utkast", _("Utkast")
    GENERERAS = "genereras", _("Skapas")
    PUBLICERAD = "publicerad", _("Publicerad")
    MISSLYCKAD = "misslyckad", _("Misslyckades")


def rapport_path(instance, filename):
    return f"rapporter/{instance.forbund_id}/{instance.uuid}.pdf"


class Rapport(models.Model):
    """A board report for one period and one insats or the whole förbund.

    Written as a draft (the narrative), published by a task that renders the PDF
    once; the stored file and its checksum never change after that. Publishing
    again makes a new version.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = models.ForeignKey(
        "samverkan.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    insats = models.ForeignKey(
        "samverkan.Insats",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("insats"),
        help_text=_("Tomt för hela förbundet."),
    )
    typ = models.CharField(_("typ"), max_length=10, choices=Rapporttyp.choices)
    period_start = models.DateField(_("periodens början"))
    period_slut = models.DateField(_("periodens slut"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=RapportStatus.choices, default=RapportStatus.UTKAST
    )
    sammanfattning = models.TextField(_("Sammanfattning"), blank=True)
    samverkan = models.TextField(_("Samverkan och planering"), blank=True)
    resultat = models.TextField(_("Kommentar till resultaten"), blank=True)
    framat = models.TextField(_("Vad händer härnäst?"), blank=True)
    fil = models.FileField(_("fil"), upload_to=rapport_path, blank=True)
    sha256 = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64, blank=True)
    storlek = models.PositiveIntegerField(_("storlek (byte)"), null=True, blank=True)
    fel = models.TextField(_("felmeddelande"), blank=True)
    forsok = models.PositiveSmallIntegerField(_("försök"), default=0)
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    publicerad = models.DateTimeField(_("publicerad"), null=True, blank=True)
    publicerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = RapportQuerySet.as_manager()

    TEXTFALT = ("sammanfattning", "samverkan", "resultat", "framat")

    class Meta:
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporter")
        ordering = ["-period_slut", "insats", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_slut__gte=models.F("period_start")),
                name="rapport_period_slut_efter_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="publicerad")
                | (~models.Q(sha256="") & ~models.Q(fil="") & models.Q(publicerad__isnull=False)),
                name="rapport_publicerad_har_fil",
            ),
            models.UniqueConstraint(
                fields=["forbund", "insats", "period_start", "period_slut", "version"],
                condition=models.Q(insats__isnull=False),
                name="rapport_version_unik_insats",
            ),
            models.UniqueConstraint(
                fields=["forbund", "period_start", "period_slut", "version"],
                condition=models.Q(insats__isnull=True),
                name="rapport_version_unik_forbund",
            ),
        ]
        indexes = [models.Index(fields=["forbund", "status", "period_slut"], name="rapport_lista")]

    def __str__(self):
        omfang = self.insats.namn if self.insats_id else self.forbund.namn
        period = f"{self.period_start:%Y-%m-%d}–{self.period_slut:%Y-%m-%d}"
        return f"{self.get_typ_display()} {period}, {omfang}"

    @property
    def ar_publicerad(self):
        return self.status == RapportStatus.PUBLICERAD
