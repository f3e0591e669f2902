"""The agenda: items, their decisions as att-clauses, and the grants decided."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from styrelse.models import falt
from styrelse.querysets import ForbundsradQuerySet


class Arende(models.Model):
    """An item on the agenda. Its paragraph number is given when the protocol
    is drawn up, from the förbund's running counter, and never reused."""

    class Typ(models.TextChoices):
        BESLUT = "beslut", _("Beslutsärende")
        INFORMATION = "information", _("Informationsärende")
        OVRIGT = "ovrigt", _("Övriga frågor")

    class Utfall(models.TextChoices):
        ALLMANT = "allmant", _("Beslut")
        BEVILJA = "bevilja", _("Bevilja")
        DELVIS = "delvis", _("Bevilja delvis")
        AVSLA = "avsla", _("Avslå")
        ATERREMITTERA = "aterremittera", _("Återremittera")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sammantrade = models.ForeignKey(
        "styrelse.Sammantrade", on_delete=models.PROTECT, related_name="arenden"
    )
    # Denormalised from the meeting so that the database keeps § unique per förbund.
    forbund = falt.forbund()
    ordning = models.PositiveSmallIntegerField(_("ordning"))
    typ = models.CharField(_("typ"), max_length=20, choices=Typ.choices)
    rubrik = models.CharField(_("rubrik"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    forslag = models.TextField(_("förslag till beslut"), blank=True)
    ansokan = models.ForeignKey(
        "styrelse.Ansokan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="arenden",
        verbose_name=_("ansökan"),
    )
    visa_ekonomi = models.BooleanField(_("förbundets ekonomi som bilaga"), default=False)
    rapport = models.ForeignKey(
        "rapporter.Rapport",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("publicerad rapport som bilaga"),
    )
    paragraf = models.PositiveIntegerField(_("paragraf"), null=True, blank=True)
    # The decision, recorded at the meeting.
    utfall = models.CharField(_("beslut"), max_length=20, choices=Utfall.choices, blank=True)
    beslutad = models.DateTimeField(_("beslut registrerat"), null=True, blank=True)

    objects = ForbundsradQuerySet.as_manager()

    # What the office may correct until the protocol is drawn up; the
    # application an item concerns stays.
    UPPGIFTER = ("typ", "rubrik", "text", "forslag", "visa_ekonomi")

    class Meta:
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        ordering = ["sammantrade", "ordning"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "paragraf"], name="arende_paragraf_unik_per_forbund"
            ),
            models.UniqueConstraint(fields=["sammantrade", "ordning"], name="arende_ordning_unik"),
        ]

    def __str__(self):
        if self.paragraf:
            return f"§ {self.paragraf} {self.rubrik}"
        return self.rubrik


class Attsats(models.Model):
    """One "att"-clause of a decision: "att bevilja …"."""

    arende = models.ForeignKey(Arende, on_delete=models.CASCADE, related_name="attsatser")
    ordning = models.PositiveSmallIntegerField()
    text = models.TextField(_("att-sats"))

    class Meta:
        verbose_name = _("att-sats")
        verbose_name_plural = _("att-satser")
        ordering = ["arende", "ordning"]
        constraints = [
            models.UniqueConstraint(fields=["arende", "ordning"], name="attsats_ordning_unik"),
        ]

    def __str__(self):
        return self.text


class Beviljning(models.Model):
    """A grant decided under an agenda item: the amounts per year become the
    insats's granted funds (rapporter.Ekonomi.beviljat)."""

    arende = models.OneToOneField(Arende, on_delete=models.PROTECT, related_name="beviljning")
    ansokan = models.ForeignKey(
        "styrelse.Ansokan", on_delete=models.PROTECT, related_name="beviljningar"
    )
    insats = models.ForeignKey("samverkan.Insats", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("period från"))
    period_slut = models.DateField(_("period till"))
    villkor = models.TextField(_("villkor"), blank=True)

    class Meta:
        verbose_name = _("beviljning")
        verbose_name_plural = _("beviljningar")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_slut__gte=models.F("period_start")),
                name="beviljning_period_i_ordning",
            ),
        ]

    def __str__(self):
        return f"{self.ansokan} ({self.period_start:%Y}–{self.period_slut:%Y})"

    @property
    def totalt(self) -> int:
        return int(sum(b.belopp for b in self.belopp_per_ar.all()))


class BeviljatBelopp(models.Model):
    beviljning = models.ForeignKey(
        Beviljning, on_delete=models.CASCADE, related_name="belopp_per_ar"
    )
    ar = falt.ar()
    belopp = falt.kronor(_("belopp (kr)"))

    class Meta:
        ordering = ["ar"]
        constraints = [
            models.UniqueConstraint(fields=["beviljning", "ar"], name="beviljat_belopp_per_ar"),
            models.CheckConstraint(condition=models.Q(belopp__gte=0), name="beviljat_ej_negativt"),
        ]

    def __str__(self):
        return f"{self.ar}: {self.belopp}"
