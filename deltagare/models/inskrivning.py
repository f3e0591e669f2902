import datetime
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deltagare.koder import (
    STEG_ORDNING,
    Forsorjning,
    Steg,
    SusTidpunkt,
    Sysselsattning,
    TidOffentligForsorjning,
    Utbildning,
)
from deltagare.querysets import InskrivningQuerySet, ViaInskrivningQuerySet


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return datetime.date(year, month, min(day.day, last))


class Inskrivning(models.Model):
    """One enrolment of one person in one insats: the case through the five steps."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    deltagare = models.ForeignKey(
        "deltagare.Deltagare",
        on_delete=models.PROTECT,
        related_name="inskrivningar",
        verbose_name=_("deltagare"),
    )
    insats = models.ForeignKey(
        "samverkan.Insats",
        on_delete=models.PROTECT,
        related_name="inskrivningar",
        verbose_name=_("insats"),
    )
    steg = models.CharField(
        _("steg"), max_length=20, choices=Steg.choices, default=Steg.AKTUALISERING
    )
    aktualiserad = models.DateField(_("aktualiserad"))
    remittent_organisation = models.ForeignKey(
        "samverkan.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("remitterande organisation"),
    )
    informationsmote = models.DateField(_("informationsmöte"), null=True, blank=True)
    inskrivningsdatum = models.DateField(_("inskrivningsdatum"), null=True, blank=True)
    kontaktperson = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kontaktperson"),
    )
    kontaktperson2 = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("andra kontaktperson"),
    )
    undantag_skal = models.TextField(_("skäl för undantag från insatsens regler"), blank=True)
    forlangd_manader = models.PositiveSmallIntegerField(_("förlängd (månader)"), default=0)
    forlangning_beslut = models.DateField(_("styrgruppens beslut"), null=True, blank=True)
    forlangning_referens = models.CharField(_("beslutsreferens"), max_length=100, blank=True)
    senast_andrad = models.DateTimeField(_("senast ändrad"), auto_now=True)
    # Copies of the exit, kept by Avslut.save(): the statistics find the active and the
    # counted enrolments in this table alone instead of joining every exit of every
    # förbund (docs/benchmarks.md).
    avslutsdatum = models.DateField(_("avslutsdatum"), null=True, blank=True, editable=False)
    felregistrerad = models.BooleanField(_("felregistrerad"), default=False, editable=False)

    objects = InskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("inskrivning")
        verbose_name_plural = _("inskrivningar")
        ordering = ["-aktualiserad", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(steg__in=STEG_ORDNING), name="inskrivning_giltigt_steg"
            ),
            # Avslut straight from aktualisering (never enrolled) has no enrolment date.
            models.CheckConstraint(
                condition=models.Q(steg__in=["aktualisering", "avslut"])
                | models.Q(inskrivningsdatum__isnull=False),
                name="inskrivning_inskriven_har_datum",
            ),
            models.CheckConstraint(
                condition=models.Q(kontaktperson__isnull=True)
                | models.Q(kontaktperson2__isnull=True)
                | ~models.Q(kontaktperson=models.F("kontaktperson2")),
                name="inskrivning_tva_olika_kontaktpersoner",
            ),
        ]
        indexes = [
            # The list's order (-aktualiserad, -pk) within an insats, with or without a
            # step: PostgreSQL reads the 25 rows of a page in index order and stops.
            models.Index(
                fields=["insats", "steg", "aktualiserad", "id"], name="inskrivning_insats_steg_akt"
            ),
            models.Index(fields=["insats", "aktualiserad", "id"], name="inskrivning_insats_akt"),
            models.Index(fields=["insats", "inskrivningsdatum"], name="inskrivning_insats_datum"),
            models.Index(fields=["insats", "avslutsdatum"], name="inskrivning_insats_avslut"),
        ]

    def __str__(self):
        return f"{self.deltagare} – {self.insats}"

    KOPIOR_AV_AVSLUTET = ("avslutsdatum", "felregistrerad")

    def save(self, *args, **kwargs):
        # Only Avslut.save() writes the exit's copies: an instance read before the exit
        # and saved after it must not undo them.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in self.KOPIOR_AV_AVSLUTET
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # Cheaper than {% url %} in a template loop: lists draw one per row.
        return reverse("deltagare:inskrivning-detail", args=[self.uuid])

    def get_steg_display(self):
        # Django's version rebuilds the choices on every call; every list row asks.
        try:
            return str(Steg(self.steg).label)
        except ValueError:
            return self.steg

    @property
    def steg_index(self):
        return STEG_ORDNING.index(self.steg)

    @property
    def ar_avslutad(self):
        return self.steg == Steg.AVSLUT

    @property
    def slutdatum_max(self):
        """The latest day of the enrolment: max months, plus an approved extension."""
        if self.inskrivningsdatum is None:
            return None
        months = self.insats.max_manader + self.forlangd_manader
        return add_months(self.inskrivningsdatum, months)

    def dagar_kvar(self, today):
        end = self.slutdatum_max
        return None if end is None else (end - today).days


class StegByte(models.Model):
    """Who moved the case to which step, and when."""

    inskrivning = models.ForeignKey(Inskrivning, on_delete=models.CASCADE, related_name="stegbyten")
    fran = models.CharField(_("från"), max_length=20, choices=Steg.choices, blank=True)
    till = models.CharField(_("till"), max_length=20, choices=Steg.choices)
    tidpunkt = models.DateTimeField(_("tidpunkt"), auto_now_add=True)
    av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("stegbyte")
        verbose_name_plural = _("stegbyten")
        ordering = ["tidpunkt", "pk"]
        # The start page's latest events: newest first, without sorting them all.
        indexes = [models.Index(fields=["tidpunkt"], name="stegbyte_tidpunkt")]

    def __str__(self):
        return f"{self.fran} → {self.till}"


class SusUppgift(models.Model):
    """The SUS background variables at a point in time: start, exit or follow-up."""

    inskrivning = models.ForeignKey(Inskrivning, on_delete=models.CASCADE, related_name="sus")
    tidpunkt = models.CharField(_("tidpunkt"), max_length=12, choices=SusTidpunkt.choices)
    utbildning = models.CharField(
        _("högsta avslutade utbildning"), max_length=30, choices=Utbildning.choices
    )
    tid_offentlig_forsorjning = models.CharField(
        _("tid med offentlig försörjning"),
        max_length=10,
        choices=TidOffentligForsorjning.choices,
    )
    sysselsattning = models.CharField(
        _("sysselsättning"), max_length=20, choices=Sysselsattning.choices
    )
    sysselsattning_procent = models.PositiveSmallIntegerField(
        _("omfattning (procent av heltid)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("100 % motsvarar 40 timmar i veckan."),
    )
    aktuell_af = models.BooleanField(_("aktuell hos Arbetsförmedlingen"), default=False)
    aktuell_fk = models.BooleanField(_("aktuell hos Försäkringskassan"), default=False)
    aktuell_socialtjanst = models.BooleanField(_("aktuell hos socialtjänsten"), default=False)
    aktuell_halso_sjukvard = models.BooleanField(
        _("aktuell hos hälso- och sjukvården (inkl. psykiatri)"), default=False
    )
    registrerad = models.DateTimeField(auto_now_add=True)

    objects = ViaInskrivningQuerySet.as_manager()

    class Meta:
        verbose_name = _("SUS-uppgifter")
        verbose_name_plural = _("SUS-uppgifter")
        constraints = [
            models.UniqueConstraint(fields=["inskrivning", "tidpunkt"], name="sus_en_per_tidpunkt"),
            models.CheckConstraint(
                condition=models.Q(sysselsattning_procent__isnull=True)
                | models.Q(sysselsattning_procent__lte=100),
                name="sus_procent_hogst_100",
            ),
        ]

    def __str__(self):
        return f"SUS {self.get_tidpunkt_display()}"

    @property
    def antal_myndigheter(self):
        return sum(
            [
                self.aktuell_af,
                self.aktuell_fk,
                self.aktuell_socialtjanst,
                self.aktuell_halso_sjukvard,
            ]
        )


class SusForsorjning(models.Model):
    """One source of income at a point in time; several may hold at once."""

    uppgift = models.ForeignKey(SusUppgift, on_delete=models.CASCADE, related_name="forsorjning")
    kod = models.CharField(_("försörjning"), max_length=30, choices=Forsorjning.choices)

    class Meta:
        verbose_name = _("försörjning")
        verbose_name_plural = _("försörjning")
        constraints = [
            models.UniqueConstraint(fields=["uppgift", "kod"], name="sus_forsorjning_unik"),
        ]

    def __str__(self):
        return self.get_kod_display()
