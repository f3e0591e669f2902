import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from deltagare.koder import Kon
from deltagare.querysets import DeltagareQuerySet


class Deltagare(models.Model):
    """A person in one or more insatser of a förbund.

    An anonymous participant (no consent to registration, or protected identity
    where the förbund chooses so) keeps only kön and start year, as SUS did.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = models.ForeignKey(
        "samverkan.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    anonym = models.BooleanField(_("anonym registrering"), default=False)
    fornamn = models.CharField(_("förnamn"), max_length=100, blank=True)
    efternamn = models.CharField(_("efternamn"), max_length=100, blank=True)
    # 12 digits with century; never shown in a URL or a log line.
    personnummer = models.CharField(_("personnummer"), max_length=12, blank=True, db_index=True)
    samordningsnummer = models.BooleanField(_("samordningsnummer"), default=False)
    fodelsedatum = models.DateField(_("födelsedatum"), null=True, blank=True)
    reservnummer = models.CharField(
        _("reservnummer"),
        max_length=30,
        blank=True,
        help_text=_("För den som saknar personnummer, t.ex. nyanlända."),
    )
    kon = models.CharField(_("kön"), max_length=10, choices=Kon.choices)
    startar = models.PositiveSmallIntegerField(
        _("startår"), null=True, blank=True, help_text=_("Bara för anonyma deltagare.")
    )
    folkbokforingskommun = models.CharField(
        _("folkbokföringskommun (kommunkod)"), max_length=4, blank=True
    )
    adress = models.CharField(_("adress"), max_length=200, blank=True)
    postnummer = models.CharField(_("postnummer"), max_length=6, blank=True)
    postort = models.CharField(_("postort"), max_length=100, blank=True)
    telefon = models.CharField(_("telefon"), max_length=30, blank=True)
    epost = models.EmailField(_("e-post"), blank=True)
    skyddade_personuppgifter = models.BooleanField(_("skyddade personuppgifter"), default=False)
    # Gallring: a legal hold stops it; `gallrad` marks the anonymous statistical remainder.
    gallringsstopp = models.BooleanField(_("gallringsstopp"), default=False)
    gallringsstopp_skal = models.CharField(_("skäl för gallringsstopp"), max_length=300, blank=True)
    gallrad = models.DateTimeField(_("gallrad"), null=True, blank=True)
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    objects = DeltagareQuerySet.as_manager()

    class Meta:
        verbose_name = _("deltagare")
        verbose_name_plural = _("deltagare")
        ordering = ["efternamn", "fornamn", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "personnummer"],
                condition=~models.Q(personnummer=""),
                name="deltagare_personnummer_unikt_per_forbund",
            ),
            models.CheckConstraint(
                condition=models.Q(anonym=False)
                | models.Q(
                    fornamn="",
                    efternamn="",
                    personnummer="",
                    fodelsedatum__isnull=True,
                    adress="",
                    telefon="",
                    epost="",
                    startar__isnull=False,
                ),
                name="deltagare_anonym_bara_kon_och_startar",
            ),
            models.CheckConstraint(
                condition=models.Q(anonym=True)
                | ~models.Q(personnummer="")
                | models.Q(fodelsedatum__isnull=False)
                | models.Q(gallrad__isnull=False),
                name="deltagare_personnummer_eller_fodelsedatum",
            ),
        ]
        indexes = [
            models.Index(fields=["forbund", "efternamn", "fornamn"], name="deltagare_namn"),
            # The visibility rule's anti-join (deltagare/querysets.py) reads only these.
            models.Index(
                fields=["id"], condition=models.Q(gallrad__isnull=False), name="deltagare_gallrade"
            ),
        ]
        constraints += [
            models.CheckConstraint(
                condition=models.Q(gallringsstopp=False) | ~models.Q(gallringsstopp_skal=""),
                name="deltagare_gallringsstopp_har_skal",
            ),
        ]

    def __str__(self):
        if self.anonym:
            return str(_("Anonym deltagare"))
        return f"{self.fornamn} {self.efternamn}".strip()

    @property
    def namn(self):
        return str(self)

    @property
    def personnummer_formaterat(self):
        p = self.personnummer
        return f"{p[:8]}-{p[8:]}" if p else ""

    @property
    def personnummer_maskerat(self):
        p = self.personnummer
        return f"{p[:8]}-****" if p else ""

    def alder(self, on):
        born = self.fodelsedatum
        if born is None:
            return None
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
