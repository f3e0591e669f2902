"""Board meetings, who was there, and the kallelser sent for them."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrelse.models import falt
from styrelse.querysets import ForbundsradQuerySet


class Sammantrade(models.Model):
    """A board meeting. Its protocol is drawn up (paragraphs numbered), justerat
    by each justerare, then published as a frozen PDF."""

    class Typ(models.TextChoices):
        ORDINARIE = "ordinarie", _("Ordinarie sammanträde")
        EXTRA = "extra", _("Extra sammanträde")
        PLANERINGSDAG = "planeringsdag", _("Planeringsdag")

    class Status(models.TextChoices):
        PLANERAT = "planerat", _("Planerat")
        KALLAT = "kallat", _("Kallelse skickad")
        UPPRATTAT = "upprattat", _("Protokoll upprättat")
        JUSTERAT = "justerat", _("Protokoll justerat")
        PUBLICERAT = "publicerat", _("Protokoll publicerat")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = falt.forbund(verbose_name=_("förbund"))
    datum = models.DateField(_("datum"))
    starttid = models.TimeField(_("starttid"))
    sluttid = models.TimeField(_("sluttid"), null=True, blank=True)
    plats = models.CharField(_("plats"), max_length=200)
    typ = models.CharField(_("typ"), max_length=20, choices=Typ.choices, default=Typ.ORDINARIE)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANERAT
    )
    upprattat = models.DateTimeField(_("protokollet upprättat"), null=True, blank=True)
    anslag_uppsatt = models.DateField(_("anslaget sattes upp"), null=True, blank=True)
    anslag_nedtas = models.DateField(_("anslaget tas ner"), null=True, blank=True)

    objects = ForbundsradQuerySet.as_manager()

    class Meta:
        verbose_name = _("sammanträde")
        verbose_name_plural = _("sammanträden")
        ordering = ["-datum", "-starttid"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sluttid__isnull=True)
                | models.Q(sluttid__gt=models.F("starttid")),
                name="sammantrade_slut_efter_start",
            ),
        ]
        indexes = [models.Index(fields=["forbund", "datum"], name="sammantrade_lista")]

    def __str__(self):
        return f"{self.get_typ_display()} {self.datum:%Y-%m-%d}"

    @property
    def paragrafer(self):
        nummer = [a.paragraf for a in self.arenden.all() if a.paragraf is not None]
        return (min(nummer), max(nummer)) if nummer else None

    @property
    def ar_publicerat(self):
        return self.status == self.Status.PUBLICERAT


class Narvaro(models.Model):
    """Someone present at a meeting: a member with a role, or another person."""

    class Roll(models.TextChoices):
        ORDFORANDE = "ordforande", _("ordförande")
        VICE = "vice_ordforande", _("vice ordförande")
        LEDAMOT = "ledamot", _("ledamot")
        ERSATTARE = "ersattare", _("ersättare")
        SEKRETERARE = "sekreterare", _("sekreterare")
        OVRIG = "ovrig", _("övrig")

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="narvaro")
    namn = models.CharField(_("namn"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("användare"),
    )
    roll = models.CharField(_("roll"), max_length=20, choices=Roll.choices)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    beslutande = models.BooleanField(_("beslutande"), default=False)
    justerare = models.BooleanField(_("justerare"), default=False)
    ankom = models.TimeField(_("ankom"), null=True, blank=True)
    lamnade = models.TimeField(_("lämnade"), null=True, blank=True)
    justerat = models.DateTimeField(_("justerat"), null=True, blank=True)

    # What the office records, and may correct until the protocol is drawn up.
    UPPGIFTER = (
        "namn",
        "roll",
        "user",
        "organisation",
        "beslutande",
        "justerare",
        "ankom",
        "lamnade",
    )

    class Meta:
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")
        ordering = ["sammantrade", "roll", "namn"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(justerare=False) | models.Q(user__isnull=False),
                name="narvaro_justerare_har_anvandare",
            ),
            models.CheckConstraint(
                condition=models.Q(justerat__isnull=True) | models.Q(justerare=True),
                name="narvaro_bara_justerare_justerar",
            ),
        ]

    def __str__(self):
        return f"{self.namn}, {self.get_roll_display()}"


class Kallelseutskick(models.Model):
    """One sending of a meeting's kallelse to the board: when, by whom, to how
    many. Sending again is allowed and is one more row."""

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="kallelser")
    skickad = models.DateTimeField(_("skickad"), auto_now_add=True)
    skickad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("skickad av"),
    )
    antal_mottagare = models.PositiveIntegerField(_("antal mottagare"))

    class Meta:
        verbose_name = _("utskick av kallelse")
        verbose_name_plural = _("utskick av kallelser")
        ordering = ["sammantrade", "-skickad"]

    def __str__(self):
        return f"{self.sammantrade} {self.skickad:%Y-%m-%d %H:%M}"

    @property
    def forbund_id(self):
        return self.sammantrade.forbund_id
